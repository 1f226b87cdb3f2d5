import { forgetSharedReads } from '../shared-reads.ts';

/**
 * A fake Licheng server at the network boundary, for element tests in the browser: it replaces
 * `fetch` and `XMLHttpRequest` and answers tRPC calls (`/trpc/<path>`) and file routes from
 * handlers the test gives. Elements run unchanged; only the wire is faked.
 */
export interface FakeCall {
  method: string;
  /** tRPC path ('student.outcomes.list') or the URL path of a plain route ('/api/files/f1'). */
  path: string;
  type: 'query' | 'mutation' | 'route';
  input: unknown;
  headers: Headers;
  via: 'fetch' | 'xhr';
  /** The full URL called. */
  url: string;
}

/** Thrown by a handler to answer with a tRPC error. */
export class FakeApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export type FakeHandler = (input: unknown, call: FakeCall) => unknown | Promise<unknown>;

export interface FakeApi {
  calls: FakeCall[];
  /** Calls to one path. */
  callsTo(path: string): FakeCall[];
  restore(): void;
}

const TRPC_CODES: Record<number, string> = { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE' };

function errorBody(error: FakeApiError) {
  return {
    error: {
      message: error.message,
      code: -32000,
      data: { code: TRPC_CODES[error.status] ?? 'BAD_REQUEST', httpStatus: error.status, licheng: { code: error.code, params: error.params } },
    },
  };
}

async function answer(handlers: Record<string, FakeHandler>, call: FakeCall): Promise<{ status: number; body: BodyInit; contentType: string; headers?: Record<string, string> }> {
  const handler = handlers[call.path] ?? handlers[`${call.method} ${call.path}`];
  if (!handler) {
    return { status: 404, body: JSON.stringify(errorBody(new FakeApiError('not-found', `no fake for ${call.path}`, 404))), contentType: 'application/json' };
  }
  try {
    const value = await handler(call.input, call);
    if (call.type === 'route') {
      if (value instanceof Response) return { status: value.status, body: await value.blob(), contentType: value.headers.get('content-type') ?? '', headers: Object.fromEntries(value.headers) };
      const blob = value instanceof Blob ? value : new Blob([JSON.stringify(value)], { type: 'application/json' });
      return { status: 200, body: blob, contentType: blob.type };
    }
    return { status: 200, body: JSON.stringify({ result: { data: value } }), contentType: 'application/json' };
  } catch (error) {
    if (error instanceof FakeApiError) {
      const body = call.type === 'route' ? { error: { code: error.code, message: error.message } } : errorBody(error);
      return { status: error.status, body: JSON.stringify(body), contentType: 'application/json' };
    }
    throw error;
  }
}

function describe(url: URL, method: string, body: unknown, headers: Headers, via: FakeCall['via']): FakeCall {
  const at = url.pathname.indexOf('/trpc/');
  if (at >= 0) {
    const path = decodeURIComponent(url.pathname.slice(at + '/trpc/'.length));
    if (method === 'GET') {
      const raw = url.searchParams.get('input');
      return { method, path, type: 'query', input: raw === null ? undefined : JSON.parse(raw), headers, via, url: url.href };
    }
    const input = body instanceof FormData ? body : typeof body === 'string' && body ? JSON.parse(body) : undefined;
    return { method, path, type: 'mutation', input, headers, via, url: url.href };
  }
  // A route's input is the body it was sent (a file posted to a plain route), if any.
  return { method, path: url.pathname + url.search, type: 'route', input: body ?? undefined, headers, via, url: url.href };
}

/**
 * Installs the fake. `uploadSteps` progress events are sent for each XHR upload before it
 * completes (each after `stepDelayMs`).
 */
export function installFakeApi(handlers: Record<string, FakeHandler>, options: { uploadSteps?: number; stepDelayMs?: number } = {}): FakeApi {
  const calls: FakeCall[] = [];
  // Each fake starts and ends with no answers shared from an earlier one.
  forgetSharedReads();
  const realFetch = globalThis.fetch;
  const RealXHR = globalThis.XMLHttpRequest;
  const steps = options.uploadSteps ?? 2;
  const delay = options.stepDelayMs ?? 5;

  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : null;
    const url = new URL(request ? request.url : String(input), location.href);
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const call = describe(url, method, init?.body, new Headers(init?.headers ?? request?.headers), 'fetch');
    calls.push(call);
    const reply = await answer(handlers, call);
    return new Response(reply.body, { status: reply.status, headers: { 'content-type': reply.contentType, ...reply.headers } });
  };

  class FakeXMLHttpRequest extends EventTarget {
    readonly upload = new EventTarget();
    status = 0;
    responseText = '';
    #method = 'GET';
    #url = '';
    #headers = new Headers();
    #aborted = false;
    open(method: string, url: string) {
      this.#method = method.toUpperCase();
      this.#url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.#headers.set(name, value);
    }
    abort() {
      this.#aborted = true;
      this.dispatchEvent(new ProgressEvent('abort'));
    }
    send(body?: unknown) {
      const call = describe(new URL(this.#url, location.href), this.#method, body, this.#headers, 'xhr');
      calls.push(call);
      const total = 1000;
      void (async () => {
        for (let i = 1; i <= steps; i++) {
          await new Promise((r) => setTimeout(r, delay));
          if (this.#aborted) return;
          this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded: Math.round((total * i) / steps), total }));
        }
        const reply = await answer(handlers, call);
        if (this.#aborted) return;
        this.status = reply.status;
        this.responseText = typeof reply.body === 'string' ? reply.body : await new Response(reply.body).text();
        this.dispatchEvent(new ProgressEvent('load'));
      })();
    }
  }
  globalThis.XMLHttpRequest = FakeXMLHttpRequest as unknown as typeof XMLHttpRequest;

  return {
    calls,
    callsTo: (path) => calls.filter((c) => c.path === path),
    restore() {
      forgetSharedReads();
      globalThis.fetch = realFetch;
      globalThis.XMLHttpRequest = RealXHR;
    },
  };
}

/** A signed-looking token for tests (the fake never verifies it). */
export function fakeToken(claims: Record<string, unknown> = { sub: 'u1', name: '測試使用者' }): string {
  const encode = (value: unknown) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}
