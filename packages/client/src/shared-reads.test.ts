import { afterEach, describe, expect, it } from 'vitest';
import { LichengClient } from './client.ts';
import { SharedReads } from './shared-reads.ts';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A server at the fetch boundary that counts calls per path and answers `answer(path, n)`, slowly enough to overlap. */
function countingServer(answer: (path: string, n: number) => unknown = (path, n) => ({ path, n })) {
  const counts = new Map<string, number>();
  globalThis.fetch = (async (url: RequestInfo | URL) => {
    const path = new URL(String(url)).pathname.replace(/^.*\/trpc\//, '');
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    await new Promise((r) => setTimeout(r, 5));
    if (path === 'fails') return new Response(JSON.stringify({ error: { message: 'boom', code: -32603, data: { httpStatus: 500 } } }), { status: 500, headers: { 'content-type': 'application/json' } });
    return new Response(JSON.stringify({ result: { data: answer(path, n) } }), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { count: (path: string) => counts.get(path) ?? 0 };
}

describe('shared reads', () => {
  it('two elements reading platform.me at once make one request and get the same answer', async () => {
    const server = countingServer();
    const shared = new SharedReads();
    const a = new LichengClient({ apiBase: 'http://x', token: 't1', sharedReads: shared });
    const b = new LichengClient({ apiBase: 'http://x', token: 't1', sharedReads: shared });
    const [one, two] = await Promise.all([a.read('platform.me'), b.read('platform.me')]);
    expect(one).toEqual({ path: 'platform.me', n: 1 });
    expect(two).toBe(one);
    // A later reader within the time the answer is shared gets it too, without a request.
    expect(await b.read('platform.me')).toBe(one);
    expect(server.count('platform.me')).toBe(1);
    // A plain query is never shared.
    await a.query('platform.me');
    expect(server.count('platform.me')).toBe(2);
  });

  it('never shares across tokens, api bases, locales or inputs', async () => {
    const server = countingServer();
    const shared = new SharedReads();
    await new LichengClient({ apiBase: 'http://x', token: 't1', sharedReads: shared }).read('platform.me');
    await new LichengClient({ apiBase: 'http://x', token: 't2', sharedReads: shared }).read('platform.me');
    await new LichengClient({ apiBase: 'http://y', token: 't1', sharedReads: shared }).read('platform.me');
    await new LichengClient({ apiBase: 'http://x', token: 't1', locale: 'en', sharedReads: shared }).read('platform.me');
    expect(server.count('platform.me')).toBe(4);
    const c = new LichengClient({ apiBase: 'http://x', token: 't1', sharedReads: shared });
    await c.read('student.selections.get', { academicYear: 114 });
    await c.read('student.selections.get', { academicYear: 115 });
    expect(server.count('student.selections.get')).toBe(2);
  });

  it('a write through any client of the connection forgets its answers; other connections keep theirs', async () => {
    const server = countingServer();
    const shared = new SharedReads();
    const list = new LichengClient({ apiBase: 'http://x', token: 't1', sharedReads: shared });
    const upload = new LichengClient({ apiBase: 'http://x', token: 't1', sharedReads: shared });
    const other = new LichengClient({ apiBase: 'http://x', token: 't2', sharedReads: shared });
    expect(await list.read('student.outcomes.list')).toEqual({ path: 'student.outcomes.list', n: 1 });
    await other.read('student.outcomes.list');
    await upload.mutation('student.selections.save', {});
    expect(await list.read('student.outcomes.list')).toEqual({ path: 'student.outcomes.list', n: 3 });
    await other.read('student.outcomes.list');
    expect(server.count('student.outcomes.list')).toBe(3);
  });

  it('an answer is shared for its max age only, and a failure is not kept', async () => {
    let now = 1_000;
    const server = countingServer();
    const shared = new SharedReads(() => now);
    const client = new LichengClient({ apiBase: 'http://x', token: 't1', sharedReads: shared });
    await client.read('platform.me');
    now += 9_999;
    await client.read('platform.me');
    expect(server.count('platform.me')).toBe(1);
    now += 1;
    await client.read('platform.me');
    expect(server.count('platform.me')).toBe(2);
    await client.read('platform.me', undefined, { maxAgeMs: 0 });
    expect(server.count('platform.me')).toBe(3);

    await expect(client.read('fails')).rejects.toThrow();
    await expect(client.read('fails')).rejects.toThrow();
    expect(server.count('fails')).toBe(2);
  });

  it('clear() forgets every answer (signing out)', async () => {
    const server = countingServer();
    const shared = new SharedReads();
    const client = new LichengClient({ apiBase: 'http://x', token: 't1', sharedReads: shared });
    await client.read('platform.me');
    shared.clear();
    await client.read('platform.me');
    expect(server.count('platform.me')).toBe(2);
  });
});
