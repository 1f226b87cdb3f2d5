import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Looking at a PDF the way a reader does, with poppler's tools (Debian poppler-utils, installed
 * by scripts/ensure-services.sh): its text as extracted (Chinese comes out only when the font is
 * embedded with a ToUnicode map), its fonts, its pages as PNG pictures.
 */
export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

async function onDisk<T>(pdf: Uint8Array | string, use: (file: string) => Promise<T>): Promise<T> {
  if (typeof pdf === 'string') return use(pdf);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'licheng-pdf-test-'));
  try {
    const file = path.join(dir, 'test.pdf');
    await fs.writeFile(file, pdf);
    return await use(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The text of every page (pdftotext -layout), pages split on form feeds. */
export function pdfText(pdf: Uint8Array | string): Promise<string> {
  return onDisk(pdf, async (file) => (await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout);
}

/** pdffonts' table: each font with whether it is embedded, a subset, and has a ToUnicode map. */
export function pdfFonts(pdf: Uint8Array | string): Promise<PdfFont[]> {
  return onDisk(pdf, async (file) => {
    const lines = (await run('pdffonts', [file])).stdout.split('\n').slice(2).filter((l) => l.trim());
    return lines.map((line) => {
      // name type encoding emb sub uni object ID — the type may have spaces ("CID TrueType").
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!m) throw new Error(`pdffonts line not understood: ${line}`);
      return { name: m[1]!, type: m[2]!, embedded: m[4] === 'yes', subset: m[5] === 'yes', unicode: m[6] === 'yes' };
    });
  });
}

/** The number of pages (pdfinfo). */
export function pdfPageCount(pdf: Uint8Array | string): Promise<number> {
  return onDisk(pdf, async (file) => Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [file])).stdout)?.[1]));
}

/** Renders `page` (1-based) to a PNG at `dpi` into `outFile` (pdftoppm) and returns its bytes. */
export function pdfPagePng(pdf: Uint8Array | string, page: number, outFile: string, dpi = 72): Promise<Uint8Array> {
  return onDisk(pdf, async (file) => {
    const base = outFile.replace(/\.png$/, '');
    await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, base]);
    return new Uint8Array(await fs.readFile(`${base}.png`));
  });
}

/** The share of a page's pixels that are dark (rendered in grey at 36 dpi by pdftoppm): where the text and lines are. */
export function pdfPageInk(pdf: Uint8Array | string, page: number): Promise<number> {
  return onDisk(pdf, async (file) => {
    const { stdout } = await run('pdftoppm', ['-gray', '-r', '36', '-f', String(page), '-l', String(page), '-singlefile', file], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
    const bytes = stdout as unknown as Buffer;
    // PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not give a PGM');
    const pixels = bytes.subarray(header[0].length);
    let dark = 0;
    for (const p of pixels) if (p < 128) dark++;
    return dark / pixels.length;
  });
}
