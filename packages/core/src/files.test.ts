import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { FILE_SLOTS, SNIFF_BYTES, checkSlotFile, mimeOf, sniffFileType } from './files.ts';
import type { FileSlot, FileType } from './files.ts';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe('sniffFileType', () => {
  it.each<[string, Uint8Array, FileType | null]>([
    ['pdf', bytes('%PDF-1.7\n'), 'pdf'],
    ['jpg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'jpg'],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'png'],
    ['mp3 with ID3 tag', bytes('ID3', [4, 0, 0]), 'mp3'],
    ['mp3 MPEG-1 layer III frame', bytes([0xff, 0xfb, 0x90, 0x64]), 'mp3'],
    ['mp3 MPEG-2 layer III frame', bytes([0xff, 0xf3, 0x64]), 'mp3'],
    ['mp4', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]), 'mp4'],
    ['mp4 mp42', bytes([0, 0, 0, 0x18], 'ftypmp42'), 'mp4'],
    ['HEIC photo', bytes([0, 0, 0, 0x18], 'ftypheic'), null],
    ['QuickTime', bytes([0, 0, 0, 0x14], 'ftypqt  '), null],
    ['AAC ADTS (layer 00)', bytes([0xff, 0xf1, 0x50, 0x80]), null],
    ['MPEG layer II', bytes([0xff, 0xfd, 0x90]), null],
    ['reserved version', bytes([0xff, 0xeb, 0x90]), null],
    ['bad bitrate index', bytes([0xff, 0xfb, 0xf0]), null],
    ['bad sample rate', bytes([0xff, 0xfb, 0x9c]), null],
    ['truncated png', bytes([0x89, 0x50, 0x4e, 0x47]), null],
    ['zip', bytes('PK', [3, 4]), null],
    ['text', bytes('hello world'), null],
    ['empty', bytes(), null],
    ['pdf without dash', bytes('%PDF1'), null],
  ])('%s', (_name, head, expected) => {
    expect(sniffFileType(head)).toBe(expected);
  });

  it('needs at most SNIFF_BYTES', () => {
    expect(SNIFF_BYTES).toBe(16);
    const long = bytes([0, 0, 0, 0x20], 'ftypisom', new Array(100).fill(0));
    expect(sniffFileType(long.slice(0, SNIFF_BYTES))).toBe('mp4');
  });
});

describe('FILE_SLOTS and mimeOf', () => {
  it('holds the national limits', () => {
    expect(FILE_SLOTS.document).toEqual({ types: ['pdf', 'jpg', 'png'], maxBytes: 4 * 1024 * 1024 });
    expect(FILE_SLOTS.media).toEqual({ types: ['mp3', 'mp4'], maxBytes: 10 * 1024 * 1024 });
  });
  it('names MIME types', () => {
    expect(mimeOf('jpg')).toBe('image/jpeg');
    expect(mimeOf('mp3')).toBe('audio/mpeg');
    expect(mimeOf('mp4')).toBe('video/mp4');
  });
});

describe('checkSlotFile', () => {
  const codeOf = (slot: FileSlot, type: FileType | null, size: number) => {
    try {
      checkSlotFile(slot, type, size);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return { code: (error as DomainError).code, params: (error as DomainError).params };
    }
  };

  it('accepts files of the slot within the limit', () => {
    expect(codeOf('document', 'pdf', 4 * 1024 * 1024)).toBeNull();
    expect(codeOf('media', 'mp4', 10 * 1024 * 1024)).toBeNull();
  });
  it('refuses a type the slot does not take, or an unknown type', () => {
    expect(codeOf('document', 'mp3', 10)).toEqual({
      code: 'file-type-not-allowed',
      params: { slot: 'document', allowed: 'pdf, jpg, png' },
    });
    expect(codeOf('media', 'png', 10)?.code).toBe('file-type-not-allowed');
    expect(codeOf('media', null, 10)?.code).toBe('file-type-not-allowed');
  });
  it('refuses a file one byte over the limit', () => {
    expect(codeOf('document', 'png', 4 * 1024 * 1024 + 1)).toEqual({ code: 'file-too-large', params: { slot: 'document', maxMb: 4 } });
    expect(codeOf('media', 'mp3', 10 * 1024 * 1024 + 1)).toEqual({ code: 'file-too-large', params: { slot: 'media', maxMb: 10 } });
  });
  it('refuses an empty file', () => {
    expect(codeOf('document', 'pdf', 0)?.code).toBe('file-empty');
  });
});
