import zlib from 'node:zlib';

/**
 * Workbooks built byte by byte for the reader's tests: parts deflated (or stored) as given,
 * with the sizes the central directory declares chosen by the test — as a zip bomb would.
 */
export interface FixturePart {
  name: string;
  /** Raw deflate data (method 8) or the bytes themselves (method 0). */
  data: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size to declare; the real one is never checked by the reader. */
  declaredSize?: number;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function buildZip(parts: FixturePart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const method = part.method ?? 8;
    const declared = part.declaredSize ?? part.data.byteLength;
    const crc = method === 0 ? crc32(part.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(part.data.byteLength, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(part.data));
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(part.data.byteLength, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + part.data.byteLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

/**
 * Raw deflate data of `pieces` in order, each a string, or a repeat of one string `times` times.
 * Each distinct block is compressed once and ended with a full flush (byte-aligned, no history),
 * so a block repeated a thousand times costs one compression: a gigabyte of inflated XML takes
 * a megabyte and a moment to build.
 */
export function deflatePieces(pieces: Array<string | { repeat: string; times: number }>): Uint8Array {
  const out: Buffer[] = [];
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  for (const piece of pieces) {
    if (typeof piece === 'string') out.push(zlib.deflateRawSync(Buffer.from(piece, 'utf8'), flush));
    else {
      const block = zlib.deflateRawSync(Buffer.from(piece.repeat, 'utf8'), flush);
      for (let i = 0; i < piece.times; i++) out.push(block);
    }
  }
  out.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return new Uint8Array(Buffer.concat(out));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts around a worksheet: content types, package and workbook relationships, the workbook. */
export function workbookParts(options: { sharedStrings?: boolean; styles?: boolean; date1904?: boolean } = {}): FixturePart[] {
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    options.sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '',
    options.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="/xl/styles.xml"/>` : '',
  ].join('');
  const text = (name: string, xml: string): FixturePart => ({ name, data: deflatePieces([xml]) });
  return [
    text('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    text('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    text(
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="名冊" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
  ];
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';
