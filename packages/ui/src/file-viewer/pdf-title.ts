/**
 * A PDF whose document title is `title`, so a PDF viewer (the browser's own in a frame or a new
 * tab) names the document by it instead of the address it was opened from (an object URL's
 * random id). The title is added as an incremental update — a new document information
 * dictionary appended after the original bytes, which stay as they were. A PDF this cannot
 * update safely (encrypted, or with no cross-reference to extend) is returned unchanged.
 */
export function withPdfTitle(bytes: Uint8Array, title: string): Uint8Array {
  const text = latin1(bytes);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref || /\/Encrypt\b/.test(text)) return bytes;
  const prev = Number(startxref[1]);
  // The trailer of the last section: a classic `trailer` dictionary, or a cross-reference stream's dictionary.
  const tail = text.slice(prev);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(tail);
  const size = /\/Size\s+(\d+)/.exec(tail);
  if (!root || !size) return bytes;
  const id = Number(size[1]);
  const separator = text.endsWith('\n') || text.endsWith('\r') ? '' : '\n';
  const objectAt = bytes.length + separator.length;
  const object = `${id} 0 obj\n<< /Title <${utf16Hex(title)}> >>\nendobj\n`;
  const xrefAt = objectAt + object.length;
  const update =
    `${separator}${object}xref\n${id} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${id + 1} /Root ${root[1]} /Info ${id} 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(bytes.length + update.length);
  out.set(bytes);
  for (let i = 0; i < update.length; i++) out[bytes.length + i] = update.charCodeAt(i);
  return out;
}

/** Bytes as one character each, so offsets in the text are offsets in the bytes. */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hexadecimal. */
function utf16Hex(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return hex;
}
