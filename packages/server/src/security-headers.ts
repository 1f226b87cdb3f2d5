import { XLSX_MIME } from '@licheng/core';
import type { MiddlewareHandler } from 'hono';

/** Sent with every response: no page of ours tells another site where its visitors came from. */
export const REFERRER_POLICY = 'no-referrer';

/** For answers that are data, never a page (JSON, spreadsheets): nothing in them may run, load or be framed. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * For an uploaded file opened directly from the app's origin: a sandboxed document (no script,
 * no plugin, no form, an opaque origin), which loads nothing but itself and is framed by nobody.
 * The images and media a browser shows for the file itself still display.
 */
export const STORED_FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * `nosniff` and the referrer policy on every response, and the data CSP on any response that is
 * not a page and did not set its own (a page's CSP depends on its text: the standalone server
 * computes it, apps/server/src/page-security.ts).
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', REFERRER_POLICY);
    const page = (c.res.headers.get('content-type') ?? '').startsWith('text/html');
    if (!page && !c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', DATA_CSP);
  };
}

/** A file name as a plain-ASCII quoted string, for clients that ignore `filename*`: no quotes, backslashes, control or non-ASCII characters. */
function asciiFallback(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
}

/**
 * A Content-Disposition that no file name can break out of: the ASCII fallback, and the exact
 * name as RFC 8187 `filename*` with every character outside attr-char percent-encoded.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', name: string, ascii?: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${asciiFallback(ascii ?? name)}"; filename*=UTF-8''${encoded}`;
}

/**
 * A workbook download: its type and length, a safe Content-Disposition (`ascii`: the name for
 * clients that ignore `filename*`, else the name with its non-ASCII characters replaced), never
 * cached by a shared cache and never sniffed.
 */
export function xlsxDownload(body: Uint8Array, name: string, ascii?: string): Response {
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': XLSX_MIME,
      'content-length': String(body.byteLength),
      'content-disposition': contentDisposition('attachment', name, ascii),
      'cache-control': 'private, max-age=0',
      'x-content-type-options': 'nosniff',
    },
  });
}
