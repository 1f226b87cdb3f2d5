import { DomainError } from './errors.ts';

/**
 * Files attached to records. Types are recognised by their first bytes, never by the name
 * or the browser's MIME type. Limits are the national ones since semester 109-1.
 */
export type FileType = 'pdf' | 'jpg' | 'png' | 'mp3' | 'mp4';
export const FILE_TYPES: readonly FileType[] = ['pdf', 'jpg', 'png', 'mp3', 'mp4'];

/** How many leading bytes `sniffFileType` needs. */
export const SNIFF_BYTES = 16;

/** Which upload field of a record: the document (文件) or the media (影音) file. */
export type FileSlot = 'document' | 'media';

const MIB = 1024 * 1024;

export const FILE_SLOTS: Record<FileSlot, { types: FileType[]; maxBytes: number }> = {
  document: { types: ['pdf', 'jpg', 'png'], maxBytes: 4 * MIB },
  media: { types: ['mp3', 'mp4'], maxBytes: 10 * MIB },
};

const MIME: Record<FileType, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

/** The MIME type of the Excel workbooks the offices exchange (rosters, templates). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function mimeOf(type: FileType): string {
  return MIME[type];
}

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/**
 * An MPEG audio frame header: 11 sync bits, a version that is not reserved (01), layer III
 * (01: mp3 proper — layers I and II and AAC's ADTS, layer 00, are refused), and when the
 * third byte is present a bitrate index other than 1111 and a sample rate other than 11.
 */
function isMp3Frame(head: Uint8Array): boolean {
  const [b0, b1, b2] = head;
  if (b0 !== 0xff || b1 === undefined || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0b11;
  const layer = (b1 >> 1) & 0b11;
  if (version === 0b01 || layer !== 0b01) return false;
  if (b2 === undefined) return true;
  return b2 >> 4 !== 0b1111 && ((b2 >> 2) & 0b11) !== 0b11;
}

/**
 * ISO media brands that share the 'ftyp' box but are not mp4 video: HEIF/AVIF still
 * images (an iPhone's photos) and QuickTime .mov.
 */
const NOT_MP4_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis', 'qt  ']);

function isMp4(head: Uint8Array): boolean {
  if (!startsWith(head, ascii('ftyp'), 4)) return false;
  if (head.length < 12) return true;
  const brand = String.fromCharCode(...head.slice(8, 12));
  return !NOT_MP4_BRANDS.has(brand);
}

/** The file type from the first bytes (at least `SNIFF_BYTES` when the file has them). */
export function sniffFileType(head: Uint8Array): FileType | null {
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, ascii('ID3')) || isMp3Frame(head)) return 'mp3';
  if (isMp4(head)) return 'mp4';
  return null;
}

/**
 * Checks a file for a slot: its sniffed type must be one the slot takes and its size within
 * the limit. Throws 'file-empty', 'file-type-not-allowed' ({slot}, {allowed}) or
 * 'file-too-large' ({slot}, {maxMb}).
 */
export function checkSlotFile(slot: FileSlot, type: FileType | null, size: number): void {
  const rule = FILE_SLOTS[slot];
  if (!(size > 0)) throw new DomainError('file-empty');
  if (type === null || !rule.types.includes(type)) {
    throw new DomainError('file-type-not-allowed', { slot, allowed: rule.types.join(', ') });
  }
  if (size > rule.maxBytes) throw new DomainError('file-too-large', { slot, maxMb: rule.maxBytes / MIB });
}
