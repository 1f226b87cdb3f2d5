#!/usr/bin/env node
// Writes a brotli (`.br`, best quality) and a gzip (`.gz`) copy beside each script, style and
// JSON file of the built portal (dist/), so the server sends them compressed without compressing
// on every request (serveStatic's `precompressed`). Pages (.html) are left out: the server
// rewrites their import map and computes their CSP from the text, then compresses them itself.
// Files under 1 KiB, and copies that would not be smaller, are skipped. A copy newer than its
// file is kept, so building one office again redoes only that office's files.
//
//   node scripts/precompress.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|json|svg|txt|map)$/;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.test(entry.name)) yield full;
  }
}

/** Compresses every compressible file under `dist`; returns the count and the bytes before and after (brotli). */
export function precompress(dist) {
  let count = 0;
  let before = 0;
  let after = 0;
  for (const file of files(dist)) {
    const stat = fs.statSync(file);
    if (stat.size < MIN_BYTES) continue;
    const source = fs.readFileSync(file);
    // Source maps are read only by developer tools: the faster brotli level is enough for them.
    const quality = file.endsWith('.map') ? 5 : zlib.constants.BROTLI_MAX_QUALITY;
    const copies = [
      ['.br', () => zlib.brotliCompressSync(source, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length } })],
      ['.gz', () => zlib.gzipSync(source, { level: 9 })],
    ];
    for (const [suffix, compress] of copies) {
      const target = file + suffix;
      const known = fs.statSync(target, { throwIfNoEntry: false });
      if (known && known.mtimeMs >= stat.mtimeMs) continue;
      const compressed = compress();
      if (compressed.length >= source.length) {
        fs.rmSync(target, { force: true });
        continue;
      }
      fs.writeFileSync(target, compressed);
      if (suffix === '.br') {
        count++;
        before += source.length;
        after += compressed.length;
      }
    }
  }
  return { count, before, after };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
  const { count, before, after } = precompress(dist);
  console.log(`precompressed ${count} files: ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB with brotli`);
}
