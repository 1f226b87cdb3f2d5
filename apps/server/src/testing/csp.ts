import crypto from 'node:crypto';

/** A CSP header as directive → sources. */
export function cspDirectives(header: string | null): Record<string, string[]> {
  return Object.fromEntries((header ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

/** The CSP source for the import map inlined in `html`, hashed the way a browser hashes it. */
export function importMapHash(html: string): string {
  const text = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)![1]!;
  return `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;
}
