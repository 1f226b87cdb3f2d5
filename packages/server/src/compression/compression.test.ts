import zlib from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { chooseCoding, compression } from './compression.ts';

const rows = Array.from({ length: 200 }, (_, i) => ({ id: `o-${i}`, subject: '國語文', summary: '課程學習成果的摘要，說明這份報告的內容。', state: 'certified' }));
const big = JSON.stringify(rows);

function app() {
  const a = new Hono();
  a.use('*', compression());
  a.get('/json', (c) => c.json(rows));
  a.get('/small', (c) => c.json({ ok: true }));
  a.get('/etag', (c) => {
    c.header('etag', '"v1"');
    return c.json(rows);
  });
  a.get('/file', () => new Response(big, { headers: { 'content-type': 'application/json', 'content-disposition': 'attachment; filename="rows.json"', 'content-length': String(Buffer.byteLength(big)) } }));
  a.get('/pdf', () => new Response(new Uint8Array(4096), { headers: { 'content-type': 'application/pdf' } }));
  a.get('/events', () => new Response(big, { headers: { 'content-type': 'text/event-stream' } }));
  a.get('/encoded', () => new Response(zlib.gzipSync(big), { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }));
  a.get('/stream', () => {
    let sent = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    (globalThis as { releaseStream?: () => void }).releaseStream = release;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 1) await gate;
        if (sent === 2) return controller.close();
        sent++;
        controller.enqueue(new TextEncoder().encode(`${'x'.repeat(2000)}\n`));
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/csv' } });
  });
  return a;
}

const decode = (coding: string | null, bytes: Buffer) => (coding === 'br' ? zlib.brotliDecompressSync(bytes) : coding === 'gzip' ? zlib.gunzipSync(bytes) : bytes).toString('utf8');

describe('compression', () => {
  it('compresses a JSON answer with brotli, or gzip, when the client accepts it; the body is the same JSON', async () => {
    for (const [accept, coding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip', 'gzip'],
      ['*', 'br'],
    ] as const) {
      const res = await app().request('/json', { headers: { 'accept-encoding': accept } });
      expect(res.headers.get('content-encoding'), accept).toBe(coding);
      expect(res.headers.get('content-length')).toBeNull();
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(big) / 4);
      expect(JSON.parse(decode(coding, bytes))).toEqual(rows);
    }
  });

  it('sends the answer as it is when the client accepts no compression, and says it varies', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }] as Array<Record<string, string>>) {
      const res = await app().request('/json', { headers });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(await res.json()).toEqual(rows);
    }
  });

  it('leaves small answers, file downloads, compressed types, event streams and encoded answers alone', async () => {
    const accept = { 'accept-encoding': 'gzip, br' };
    const small = await app().request('/small', { headers: accept });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(small.headers.get('content-length')).toBe(String('{"ok":true}'.length));
    expect(await small.json()).toEqual({ ok: true });

    const file = await app().request('/file', { headers: accept });
    expect(file.headers.get('content-encoding')).toBeNull();
    expect(file.headers.get('content-length')).toBe(String(Buffer.byteLength(big)));

    const pdf = await app().request('/pdf', { headers: accept });
    expect(pdf.headers.get('content-encoding')).toBeNull();
    expect((await pdf.arrayBuffer()).byteLength).toBe(4096);

    expect((await app().request('/events', { headers: accept })).headers.get('content-encoding')).toBeNull();

    const encoded = await app().request('/encoded', { headers: accept });
    expect(encoded.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(Buffer.from(await encoded.arrayBuffer())).toString('utf8'))).toEqual(rows);

    const head = await app().request('/json', { method: 'HEAD', headers: accept });
    expect(head.headers.get('content-encoding')).toBeNull();
  });

  it('turns a strong ETag weak on a compressed answer', async () => {
    const res = await app().request('/etag', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('etag')).toBe('W/"v1"');
    const plain = await app().request('/etag');
    expect(plain.headers.get('etag')).toBe('"v1"');
  });

  it.each(['gzip', 'br'])('keeps a streaming answer streaming (%s): the first part can be read before the rest is produced', async (coding) => {
    const res = await app().request('/stream', { headers: { 'accept-encoding': coding } });
    expect(res.headers.get('content-encoding')).toBe(coding);
    // The second chunk is held back until released: the client must be able to read the first without it.
    const inflate = coding === 'br' ? zlib.createBrotliDecompress() : zlib.createGunzip();
    const reader = res.body!.getReader();
    let text = '';
    inflate.on('data', (d: Buffer) => (text += d.toString('utf8')));
    const firstPart = `${'x'.repeat(2000)}\n`;
    while (text.length < firstPart.length) {
      const chunk = await reader.read();
      expect(chunk.done).toBe(false);
      inflate.write(chunk.value);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(text).toBe(firstPart);
    (globalThis as { releaseStream?: () => void }).releaseStream!();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      inflate.write(chunk.value);
    }
    await new Promise((r) => inflate.end(r));
    expect(text).toBe(`${'x'.repeat(2000)}\n`.repeat(2));
  });

  it('chooses the coding by q, brotli first at equal q', () => {
    expect(chooseCoding(undefined)).toBeNull();
    expect(chooseCoding('deflate')).toBeNull();
    expect(chooseCoding('gzip, br')).toBe('br');
    expect(chooseCoding('gzip;q=1, br;q=0.8')).toBe('gzip');
    expect(chooseCoding('*;q=0.5, gzip;q=0')).toBe('br');
    expect(chooseCoding('x-gzip')).toBe('gzip');
  });
});
