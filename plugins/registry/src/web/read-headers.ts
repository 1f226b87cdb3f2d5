/**
 * Reads the header row of a roster file in the browser, so the office can map its columns
 * before sending it: CSV in UTF-8 or Big5, and Excel .xlsx (a ZIP of XML parts, inflated with
 * the browser's DecompressionStream). Only the first rows are read; the server reads the
 * whole file and stays the judge of it.
 */
import { normalizeHeader } from '@licheng/core';

export { normalizeHeader };

export interface DetectedHeaders {
  /** 1-based row number of the header row in the file. */
  row: number;
  headers: string[];
}

/** How many rows from the top may hold the header (a title line above it is common); as on the server. */
const HEADER_SEARCH_ROWS = 10;

/**
 * UTF-8 when the bytes are valid UTF-8, else Big5 (what Taiwanese school systems export).
 * `bytes` may be the head of a file: a character cut at the end is not an error.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true }).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('big5').decode(bytes);
  }
}

/** The first `limit` records of a CSV text (quotes, doubled quotes, CRLF). */
export function csvRows(text: string, limit = HEADER_SEARCH_ROWS): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < limit; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if ((cell !== '' || row.length) && rows.length < limit) rows.push([...row, cell]);
  return rows;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count && view.getUint32(at, true) === 0x02014b50; n++) {
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    entries.push({ name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), method, compressedSize, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function zipText(bytes: Uint8Array, entries: ZipEntry[], name: string): Promise<string | null> {
  const entry = entries.find((e) => e.name === name);
  if (!entry) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const data = bytes.slice(start, start + entry.compressedSize);
  if (entry.method === 0) return new TextDecoder().decode(data);
  if (entry.method !== 8) throw new Error(`unsupported zip method ${entry.method}`);
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

function xml(text: string): Document {
  return new DOMParser().parseFromString(text, 'application/xml');
}

/** Column index of a cell reference ('C7' → 2). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The first rows of the workbook's first sheet, as text. */
export async function xlsxRows(bytes: Uint8Array, limit = HEADER_SEARCH_ROWS): Promise<string[][]> {
  const entries = zipEntries(bytes);
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const workbook = await zipText(bytes, entries, 'xl/workbook.xml');
  const rels = await zipText(bytes, entries, 'xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const firstSheet = xml(workbook).getElementsByTagName('sheet')[0];
    const relId = firstSheet?.getAttribute('r:id') ?? firstSheet?.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    const target = [...xml(rels).getElementsByTagName('Relationship')].find((r) => r.getAttribute('Id') === relId)?.getAttribute('Target');
    if (target) sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  const sharedText = await zipText(bytes, entries, 'xl/sharedStrings.xml');
  const shared = sharedText ? [...xml(sharedText).getElementsByTagName('si')].map((si) => [...si.getElementsByTagName('t')].map((t) => t.textContent ?? '').join('')) : [];
  const sheetText = await zipText(bytes, entries, sheetPath);
  if (!sheetText) return [];
  const rows: string[][] = [];
  for (const row of [...xml(sheetText).getElementsByTagName('row')].slice(0, limit)) {
    const cells: string[] = [];
    [...row.getElementsByTagName('c')].forEach((c, i) => {
      const ref = c.getAttribute('r');
      const index = ref ? columnIndex(ref) : i;
      const type = c.getAttribute('t');
      const value = c.getElementsByTagName('v')[0]?.textContent ?? '';
      cells[index] = type === 's' ? (shared[Number(value)] ?? '') : type === 'inlineStr' ? [...c.getElementsByTagName('t')].map((t) => t.textContent ?? '').join('') : value;
    });
    rows.push(Array.from(cells, (c) => c ?? ''));
  }
  return rows;
}

/**
 * The header row: among the first rows, the one naming the most expected columns (`names`:
 * normalized header texts of the template), else the first non-blank row.
 */
export function pickHeaderRow(rows: string[][], names: Set<string>): DetectedHeaders {
  let best: DetectedHeaders | null = null;
  let bestScore = 0;
  rows.forEach((cells, index) => {
    const score = cells.filter((c) => names.has(normalizeHeader(c))).length;
    if (score > bestScore) {
      bestScore = score;
      best = { row: index + 1, headers: cells };
    }
  });
  if (best) return best;
  const first = rows.findIndex((cells) => cells.some((c) => c.trim() !== ''));
  return first < 0 ? { row: 1, headers: [] } : { row: first + 1, headers: rows[first]! };
}

/** Reads the header row of a .csv or .xlsx file. */
export async function readHeaders(file: Blob & { name?: string }, names: Set<string>): Promise<DetectedHeaders> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const rows = isZip ? await xlsxRows(bytes) : csvRows(decodeText(bytes.subarray(0, 64 * 1024)));
  const header = pickHeaderRow(rows, names);
  return { row: header.row, headers: header.headers.map((h) => h.trim()).filter((h, i, all) => h !== '' && all.indexOf(h) === i) };
}
