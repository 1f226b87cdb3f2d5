import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

export interface CompressionOptions {
  /** Answers known to be smaller than this many bytes go as they are. Default 1024. */
  threshold?: number;
  /** Brotli quality for answers made on request (0–11); 4 compresses better than gzip at about its speed. Default 4. */
  brotliQuality?: number;
  /** gzip level (1–9). Default 6. */
  gzipLevel?: number;
}

export type ContentCoding = 'br' | 'gzip';

/**
 * The coding to answer with for an Accept-Encoding header: the one with the highest q the
 * client gives (`*` stands for any not named), brotli before gzip at equal q; none when the
 * client accepts neither (or sent no header).
 */
export function chooseCoding(acceptEncoding: string | undefined): ContentCoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight) || 0);
  }
  let best: { coding: ContentCoding; q: number } | null = null;
  for (const coding of ['br', 'gzip'] as const) {
    const weight = q.get(coding) ?? (coding === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
    if (weight > 0 && (!best || weight > best.q)) best = { coding, q: weight };
  }
  return best?.coding ?? null;
}

/** The body's first chunks until `threshold` bytes or its end; `rest` continues after them. */
async function peek(body: ReadableStream<Uint8Array>, threshold: number) {
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < threshold) {
    const chunk = await reader.read();
    if (chunk.done) {
      done = true;
      break;
    }
    head.push(chunk.value);
    size += chunk.value.byteLength;
  }
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of head) controller.enqueue(chunk);
      if (done) controller.close();
    },
    async pull(controller) {
      const chunk = await reader.read();
      if (chunk.done) controller.close();
      else controller.enqueue(chunk.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { size, done, head, rest };
}

/**
 * Compresses answers the client accepts compressed: brotli or gzip (`chooseCoding`), for text,
 * JSON, JavaScript and the other compressible types (Hono's list, which leaves out
 * `text/event-stream`), answers of 1 KiB and more. Left as they are: answers already encoded
 * (precompressed static files), file downloads (a Content-Disposition: stored files, exports —
 * their bytes and Content-Length stay exact, and they are zip, PDF, images or spreadsheets that do
 * not shrink), partial content, HEAD, `Cache-Control: no-transform`.
 *
 * A compressed answer loses its Content-Length (it is sent chunked), keeps streaming as it is
 * produced, turns a strong ETag weak (the bytes differ from the identity answer's) and says
 * `Vary: Accept-Encoding` — as does an uncompressed answer that could have been compressed, so a
 * shared cache keeps the two apart.
 */
export function compression(options: CompressionOptions = {}): MiddlewareHandler {
  const threshold = options.threshold ?? 1024;
  const brotliQuality = options.brotliQuality ?? 4;
  const gzipLevel = options.gzipLevel ?? 6;
  return async function compression(c, next) {
    await next();
    const res = c.res;
    const headers = res.headers;
    if (c.req.method === 'HEAD' || !res.body || res.status === 206 || res.status === 204 || res.status === 304) return;
    if (headers.has('content-encoding') || headers.has('content-disposition') || headers.has('content-range')) return;
    const type = headers.get('content-type');
    if (!type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(headers.get('cache-control') ?? '')) return;
    const declared = headers.get('content-length');
    if (declared !== null && Number(declared) < threshold) return;
    const vary = headers.get('vary');
    if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '')) headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const coding = chooseCoding(c.req.header('accept-encoding'));
    if (!coding) return;

    // A body of unknown length is read up to the threshold: a small one goes as it is, with its length.
    let body: ReadableStream<Uint8Array> = res.body;
    let sizeHint = declared === null ? 0 : Number(declared);
    /** A stream still being produced: each part is flushed as it comes, so the client sees it then. */
    let streaming = false;
    if (declared === null) {
      const start = await peek(res.body, threshold);
      if (start.done && start.size < threshold) {
        const whole = new Uint8Array(start.size);
        let at = 0;
        for (const chunk of start.head) {
          whole.set(chunk, at);
          at += chunk.byteLength;
        }
        c.res = new Response(whole, res);
        c.res.headers.set('content-length', String(start.size));
        return;
      }
      body = start.rest;
      if (start.done) sizeHint = start.size;
      else streaming = true;
    }

    const compressor =
      coding === 'br'
        ? zlib.createBrotliCompress({
            ...(streaming ? { flush: zlib.constants.BROTLI_OPERATION_FLUSH } : {}),
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality,
              [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
              ...(sizeHint ? { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: sizeHint } : {}),
            },
          })
        : zlib.createGzip({ level: gzipLevel, ...(streaming ? { flush: zlib.constants.Z_SYNC_FLUSH } : {}) });
    const source = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
    source.on('error', (error) => compressor.destroy(error));
    source.pipe(compressor);
    // Hono copies the previous answer's headers onto the new one: the changes come after.
    c.res = new Response(Readable.toWeb(compressor) as ReadableStream<Uint8Array>, res);
    c.res.headers.delete('content-length');
    c.res.headers.set('content-encoding', coding);
    const etag = c.res.headers.get('etag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('etag', `W/${etag}`);
  };
}
