import type { HostTokenVerifier } from '../identity/index.ts';

/** Where a request names its school, in the order the deployment asks. */
export type SchoolSource = 'path' | 'token' | 'header';

export interface RequestSchool {
  code: string;
  source: SchoolSource;
  /** The request to hand to the school's app (a `/schools/<code>` prefix taken off the path). */
  request: Request;
}

const PREFIX = /^\/schools\/(\d{6})(?=\/|$)/;
/** The header a caller without a token (the public schedule) names its school with. */
export const SCHOOL_HEADER = 'x-licheng-school';

/**
 * Which school a request is for: a `/schools/<code>/…` path (taken off before the school's app
 * sees it), else the school claim of a valid host token, else the `x-licheng-school` header.
 * A token is only trusted once its signature checks: an unsigned claim never picks a school. A
 * path or header that disagrees with a valid token is no problem here: the school's app refuses
 * a token of another school (authorize).
 */
export function schoolOfRequest(request: Request, verify: HostTokenVerifier): RequestSchool | null {
  const byPath = schoolOfPath(request);
  if (byPath) return byPath;
  const header = request.headers.get('authorization');
  if (header) {
    const auth = verify(header);
    if (auth.ok) return { code: auth.identity.school, source: 'token', request };
  }
  const named = request.headers.get(SCHOOL_HEADER)?.trim();
  if (named && /^\d{6}$/.test(named)) return { code: named, source: 'header', request };
  return null;
}

/** The school a `/schools/<code>/…` path names, with the request as the school's app sees it (the prefix taken off); null for any other path. */
export function schoolOfPath(request: Request): RequestSchool | null {
  const url = new URL(request.url);
  const prefixed = PREFIX.exec(url.pathname);
  if (!prefixed) return null;
  url.pathname = url.pathname.slice(prefixed[0].length) || '/';
  return { code: prefixed[1]!, source: 'path', request: rebase(request, url) };
}

/** The same request at another address (body streamed on, not copied). */
function rebase(request: Request, url: URL): Request {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    ...(hasBody ? { body: request.body, duplex: 'half' } : {}),
  } as RequestInit);
}
