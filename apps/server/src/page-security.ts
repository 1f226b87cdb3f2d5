import crypto from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const COMMENT = /<!--[\s\S]*?-->/g;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const IMPORT_MAP_TYPE = /\btype\s*=\s*["']?importmap["']?/i;
const SRC = /\bsrc\s*=\s*["']?([^"'\s>]+)/i;

const sha256 = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The origin of an absolute http(s) URL, or null for a path on this server. */
function originOf(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Every absolute URL's origin in an import map (`imports` and `scopes`). */
function importMapOrigins(text: string): string[] {
  let map: { imports?: Record<string, string>; scopes?: Record<string, Record<string, string>> };
  try {
    map = JSON.parse(text) as typeof map;
  } catch {
    return [];
  }
  const urls = [...Object.values(map.imports ?? {}), ...Object.values(map.scopes ?? {}).flatMap((s) => Object.values(s))];
  return urls.map(originOf).filter((o): o is string => o !== null);
}

export interface PageCspOptions {
  /** Origins of host pages that may frame the page (the school's host origins); the page's own origin always may. */
  hostOrigins: readonly string[];
}

/**
 * The Content-Security-Policy of one page, from the exact text served: the only inline script
 * allowed is the import map, by its SHA-256 (the map differs per school: its enabled offices and
 * LICHENG_IMPORT_MAP overrides); modules load from this server and the origins the map names;
 * the page's own <style> blocks are allowed by their hashes (Lit's constructable stylesheets
 * need nothing); no plugin, no <base>, framed only by the host origins.
 */
export function pageCsp(html: string, options: PageCspOptions): string {
  const markup = html.replace(COMMENT, '');
  const scripts = new Set<string>();
  const origins = new Set<string>();
  for (const [, attributes = '', body = ''] of markup.matchAll(SCRIPT)) {
    const src = SRC.exec(attributes)?.[1];
    if (src) {
      const origin = originOf(src);
      if (origin) origins.add(origin);
    } else if (IMPORT_MAP_TYPE.test(attributes)) {
      scripts.add(sha256(body));
      importMapOrigins(body).forEach((o) => origins.add(o));
    }
  }
  const styles = new Set([...markup.matchAll(STYLE)].map(([, body = '']) => sha256(body)));
  const join = (...parts: Iterable<string>[]) => parts.flatMap((p) => [...p]).join(' ');
  return [
    "default-src 'self'",
    `script-src ${join(["'self'"], origins, scripts)}`,
    `style-src ${join(["'self'"], styles)}`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "frame-src 'self' blob:",
    "font-src 'self'",
    `connect-src ${join(["'self'"], origins)}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${join(["'self'"], options.hostOrigins)}`,
  ].join('; ');
}

/**
 * Sets the page CSP on every HTML answer that has none, computed from the body being sent
 * (the portal, the catalogue, the embed page, whatever the static folder holds).
 */
export function pageSecurity(options: PageCspOptions): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!(c.res.headers.get('content-type') ?? '').startsWith('text/html') || c.res.headers.has('content-security-policy')) return;
    const html = await c.res.clone().text();
    c.res.headers.set('content-security-policy', pageCsp(html, options));
  };
}
