/**
 * Identity handoff. The host system signs a short-lived HS256 token for the signed-in user and
 * hands it to the page; Licheng never sees a password. Tokens are never read from the URL
 * (`?token=` would leak into logs and history): a host page sets `window.LICHENG_TOKEN`, or
 * passes a token / token provider to the elements as properties.
 */
export type TokenProvider = () => string | Promise<string>;

declare global {
  interface Window {
    /** A token the host page placed for Licheng's elements and the portal. */
    LICHENG_TOKEN?: string;
  }
}

/** The token a host page placed on `window.LICHENG_TOKEN`, if any. */
export function hostToken(): string | undefined {
  const value = typeof window === 'undefined' ? undefined : window.LICHENG_TOKEN;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The claims of a JWT, unverified — only for display (the server verifies every call). */
export function peekClaims(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}
