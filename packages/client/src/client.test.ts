import { afterEach, describe, expect, it, vi } from 'vitest';
import { LichengClient, dispositionFileName } from './client.ts';
import { LichengApiError } from './errors.ts';
import { peekClaims } from './token.ts';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function trpcError(code: string, message: string, status: number) {
  return { error: { message, code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: status, licheng: { code, params: { cap: 6 } } } } };
}

describe('LichengClient', () => {
  it('queries with the bearer token and locale header, input as JSON in the URL', async () => {
    const seen: Array<{ url: string; headers: Headers }> = [];
    globalThis.fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(url), headers: new Headers(init?.headers) });
      return json({ result: { data: { ok: 1 } } });
    }) as typeof fetch;
    const client = new LichengClient({ apiBase: 'http://x/portfolio/', token: 'tok', locale: 'en' });
    const data = await client.query<{ ok: number }>('student.selections.get', { academicYear: 114 });
    expect(data).toEqual({ ok: 1 });
    expect(seen[0]!.url).toBe(`http://x/portfolio/trpc/student.selections.get?input=${encodeURIComponent(JSON.stringify({ academicYear: 114 }))}`);
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer tok');
    expect(seen[0]!.headers.get('x-licheng-locale')).toBe('en');
  });

  it('turns a tRPC error into a LichengApiError with the translated message and domain code', async () => {
    globalThis.fetch = (async () => json(trpcError('selection-cap-reached', '本學年度勾選數量已達上限（6 件）', 409), 409)) as typeof fetch;
    const client = new LichengClient({ apiBase: 'http://x', token: 't' });
    const error = await client.mutation('student.selections.save', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LichengApiError);
    expect(error).toMatchObject({ code: 'selection-cap-reached', status: 409, message: '本學年度勾選數量已達上限（6 件）', params: { cap: 6 } });
  });

  it('reports a network failure as network-error', async () => {
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const error = await new LichengClient({ apiBase: 'http://x' }).query('platform.me').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network-error', status: 0 });
  });

  it('on an expired token asks the provider for a fresh one and retries once', async () => {
    const tokens: Array<string | null> = [];
    globalThis.fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization');
      tokens.push(auth);
      return auth === 'Bearer fresh' ? json({ result: { data: 'ok' } }) : json(trpcError('token-expired', '登入已逾時', 401), 401);
    }) as typeof fetch;
    const expired = vi.fn();
    const refreshed = vi.fn();
    const client = new LichengClient({ apiBase: 'http://x', token: 'old', tokenProvider: async () => 'fresh', onTokenExpired: expired, onTokenRefreshed: refreshed });
    expect(await client.query('platform.me')).toBe('ok');
    expect(tokens).toEqual(['Bearer old', 'Bearer fresh']);
    expect(expired).toHaveBeenCalledWith({ willRetry: true });
    expect(refreshed).toHaveBeenCalledWith('fresh');
    expect(client.token).toBe('fresh');
  });

  it('without a provider, reports the expiry and rejects', async () => {
    globalThis.fetch = (async () => json(trpcError('token-expired', '登入已逾時', 401), 401)) as typeof fetch;
    const expired = vi.fn();
    const client = new LichengClient({ apiBase: 'http://x', token: 'old', onTokenExpired: expired });
    await expect(client.query('platform.me')).rejects.toMatchObject({ code: 'token-expired', status: 401 });
    expect(expired).toHaveBeenCalledWith({ willRetry: false });
  });

  it('does not retry twice when the fresh token is refused too', async () => {
    let calls = 0;
    globalThis.fetch = (async () => {
      calls++;
      return json(trpcError('token-expired', 'expired', 401), 401);
    }) as typeof fetch;
    const client = new LichengClient({ apiBase: 'http://x', token: 'a', tokenProvider: () => 'b' });
    await expect(client.query('platform.me')).rejects.toMatchObject({ code: 'token-expired' });
    expect(calls).toBe(2);
  });

  it('fetches protected files with the token and reads the file name', async () => {
    globalThis.fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
      expect(String(url)).toBe('http://x/api/files/f1?download=1');
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer t');
      return new Response(new Uint8Array([37, 80, 68, 70]), {
        headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('報告.pdf')}` },
      });
    }) as typeof fetch;
    const client = new LichengClient({ apiBase: 'http://x', token: 't' });
    const file = await client.fetchFile(client.filePath('f1', true));
    expect(file.fileName).toBe('報告.pdf');
    expect(file.type).toBe('application/pdf');
    expect(file.blob.size).toBe(4);
  });

  it('turns a file route error into a LichengApiError', async () => {
    globalThis.fetch = (async () => json({ error: { code: 'not-found', message: 'no such file' } }, 404)) as typeof fetch;
    await expect(new LichengClient({ apiBase: 'http://x' }).fetchFile('/api/files/nope')).rejects.toMatchObject({ code: 'not-found', status: 404 });
  });
});

describe('helpers', () => {
  it('reads Content-Disposition names', () => {
    expect(dispositionFileName('attachment; filename="students-template.xlsx"')).toBe('students-template.xlsx');
    expect(dispositionFileName(`inline; filename*=UTF-8''${encodeURIComponent('名冊 26.xlsx')}`)).toBe('名冊 26.xlsx');
    expect(dispositionFileName(null)).toBeNull();
  });

  it('peeks at JWT claims (UTF-8 names) without verifying', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 's1', name: '王小明' })).toString('base64url');
    expect(peekClaims(`h.${payload}.s`)).toEqual({ sub: 's1', name: '王小明' });
    expect(peekClaims('garbage')).toBeNull();
  });
});
