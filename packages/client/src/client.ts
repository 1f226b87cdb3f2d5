import { createTRPCUntypedClient, httpLink, TRPCClientError } from '@trpc/client';
import { apiErrorFrom, LichengApiError } from './errors.ts';
import { pageReads, type SharedReads } from './shared-reads.ts';
import type { TokenProvider } from './token.ts';

export type Locale = 'zh-TW' | 'en';

export interface LichengClientOptions {
  /** Where the Licheng app is mounted: '' for the same origin root, '/portfolio', or an absolute URL. */
  apiBase?: string;
  token?: string;
  /** Called for a fresh token when the current one has expired; the failed call is retried once. */
  tokenProvider?: TokenProvider;
  locale?: Locale;
  /** Told about every expired token, before any retry (elements turn it into `licheng-token-expired`). */
  onTokenExpired?: (info: { willRetry: boolean }) => void;
  /** Told when the token provider gave a new token. */
  onTokenRefreshed?: (token: string) => void;
  /** Where `read()` shares answers; the page's by default (tests pass their own). */
  sharedReads?: SharedReads;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface FetchedFile {
  blob: Blob;
  /** From Content-Disposition, when the server named the file. */
  fileName: string | null;
  type: string;
}

/** apiBase without a trailing slash. */
function normalizeBase(base: string | undefined): string {
  return (base ?? '').replace(/\/+$/, '');
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first). */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() ?? null;
}

/**
 * The browser's way to the Licheng API: tRPC over plain JSON at `${apiBase}/trpc` (multipart
 * FormData for uploads), bearer token, the locale header so errors come back translated, and
 * one retry with a fresh token when the token has expired.
 */
export class LichengClient {
  apiBase: string;
  token: string | undefined;
  tokenProvider: TokenProvider | undefined;
  locale: Locale;
  onTokenExpired: LichengClientOptions['onTokenExpired'];
  onTokenRefreshed: LichengClientOptions['onTokenRefreshed'];
  #trpc: ReturnType<typeof createTRPCUntypedClient> | undefined;
  #trpcBase = '';
  #shared: SharedReads;

  constructor(options: LichengClientOptions = {}) {
    this.apiBase = normalizeBase(options.apiBase);
    this.token = options.token;
    this.tokenProvider = options.tokenProvider;
    this.locale = options.locale ?? 'zh-TW';
    this.onTokenExpired = options.onTokenExpired;
    this.onTokenRefreshed = options.onTokenRefreshed;
    this.#shared = options.sharedReads ?? pageReads;
  }

  /** The tRPC client for the current apiBase (rebuilt when apiBase changes). */
  #trpcClient() {
    if (!this.#trpc || this.#trpcBase !== this.apiBase) {
      this.#trpcBase = this.apiBase;
      this.#trpc = createTRPCUntypedClient({
        links: [
          httpLink({
            url: `${this.apiBase}/trpc`,
            headers: () => this.headers(),
            // Looked up at call time so a page (or a test) may replace fetch.
            fetch: (input, init) => globalThis.fetch(input, init),
          }),
        ],
      });
    }
    return this.#trpc;
  }

  /** The headers of every call. */
  headers(): Record<string, string> {
    const headers: Record<string, string> = { 'x-licheng-locale': this.locale };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    return headers;
  }

  /** An API path ('/api/files/…') as a URL below apiBase; absolute URLs stay as they are. */
  url(path: string): string {
    return /^https?:\/\//.test(path) ? path : `${this.apiBase}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  query<T>(path: string, input?: unknown): Promise<T> {
    return this.#withTokenRetry(() => this.#trpcCall<T>('query', path, input));
  }

  /**
   * A query whose answer the page's elements share (see shared-reads.ts): elements that need the
   * same answer at load (`platform.me`, a list two views show) make one request between them.
   * The answer is shared while in flight and for `maxAgeMs` after; a write through any client of
   * the same connection forgets it.
   */
  read<T>(path: string, input?: unknown, options: { maxAgeMs?: number } = {}): Promise<T> {
    return this.#withTokenRetry(() => this.#shared.read(this.#connection(), path, input, () => this.#trpcCall<T>('query', path, input), options.maxAgeMs));
  }

  mutation<T>(path: string, input?: unknown): Promise<T> {
    return this.#writing(() => this.#withTokenRetry(() => this.#trpcCall<T>('mutation', path, input)));
  }

  #connection() {
    return { apiBase: this.apiBase, token: this.token, locale: this.locale };
  }

  /** Runs a write; the shared answers of this connection are forgotten before and after it. */
  async #writing<T>(write: () => Promise<T>): Promise<T> {
    const connection = this.#connection();
    this.#shared.forget(connection);
    try {
      return await write();
    } finally {
      this.#shared.forget(connection);
      // A token refreshed during the write: its answers may predate the write too.
      if (this.token !== connection.token) this.#shared.forget(this.#connection());
    }
  }

  /**
   * A multipart mutation through XMLHttpRequest, which (unlike fetch) reports upload progress.
   * Resolves with the procedure's data.
   */
  upload<T>(path: string, form: FormData, options: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal } = {}): Promise<T> {
    return this.#writing(() => this.#withTokenRetry(() =>
      this.#xhrSend(`${this.apiBase}/trpc/${path}`, form, options, (body, ok) => {
        const result = (body as { result?: { data?: unknown } } | undefined)?.result;
        return ok && result ? { value: result.data as T } : null;
      }),
    ));
  }

  /**
   * POSTs a file as the raw request body to a plain route (`/api/…`) that answers JSON — for a
   * file too large for a multipart procedure (a transfer package), which the server reads as a
   * stream. Reports upload progress like `upload`; resolves with the route's JSON.
   */
  postFile<T>(path: string, file: Blob, options: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal } = {}): Promise<T> {
    return this.#writing(() => this.#withTokenRetry(() => this.#xhrSend(this.url(path), file, options, (body, ok) => (ok && body !== undefined ? { value: body as T } : null))));
  }

  /** GETs a file route (`/api/files/<id>`, template downloads) with the bearer token, as a Blob. */
  fetchFile(path: string): Promise<FetchedFile> {
    return this.#withTokenRetry(async () => {
      let response: Response;
      try {
        response = await globalThis.fetch(this.url(path), { headers: this.headers() });
      } catch (cause) {
        throw apiErrorFrom(undefined, 0, cause);
      }
      if (!response.ok) throw apiErrorFrom(await response.json().catch(() => undefined), response.status);
      const blob = await response.blob();
      return { blob, fileName: dispositionFileName(response.headers.get('content-disposition')), type: response.headers.get('content-type') ?? blob.type };
    });
  }

  /** The path of a stored file. */
  filePath(fileId: string, download = false): string {
    return `/api/files/${encodeURIComponent(fileId)}${download ? '?download=1' : ''}`;
  }

  async #trpcCall<T>(type: 'query' | 'mutation', path: string, input: unknown): Promise<T> {
    try {
      const trpc = this.#trpcClient();
      return (type === 'query' ? await trpc.query(path, input) : await trpc.mutation(path, input)) as T;
    } catch (error) {
      if (error instanceof TRPCClientError) {
        const meta = error.meta as { response?: { status?: number } } | undefined;
        const status = meta?.response?.status ?? (error.data as { httpStatus?: number } | undefined)?.httpStatus ?? 0;
        const body = error.shape ? { error: error.shape } : { error: { message: error.message, data: error.data } };
        throw apiErrorFrom(body, status, error);
      }
      throw error;
    }
  }

  /** POSTs `body` to `url` through XMLHttpRequest; `read` turns the parsed answer into the value, or null for a failure. */
  #xhrSend<T>(url: string, body: FormData | Blob, options: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal }, read: (body: unknown, ok: boolean) => { value: T } | null): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      for (const [name, value] of Object.entries(this.headers())) xhr.setRequestHeader(name, value);
      if (body instanceof Blob) xhr.setRequestHeader('content-type', body.type || 'application/octet-stream');
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) options.onProgress?.({ loaded: event.loaded, total: event.total });
      });
      xhr.addEventListener('load', () => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(xhr.responseText);
        } catch {
          parsed = undefined;
        }
        const answer = read(parsed, xhr.status >= 200 && xhr.status < 300);
        if (answer) resolve(answer.value);
        else reject(apiErrorFrom(parsed, xhr.status));
      });
      xhr.addEventListener('error', () => reject(apiErrorFrom(undefined, 0)));
      xhr.addEventListener('abort', () => reject(new LichengApiError('aborted', { code: 'aborted', status: 0 })));
      if (options.signal) {
        if (options.signal.aborted) return xhr.abort();
        options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
      }
      xhr.send(body);
    });
  }

  async #withTokenRetry<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof LichengApiError) || error.code !== 'token-expired') throw error;
      const provider = this.tokenProvider;
      this.onTokenExpired?.({ willRetry: Boolean(provider) });
      if (!provider) throw error;
      const fresh = await provider();
      if (!fresh) throw error;
      this.token = fresh;
      this.onTokenRefreshed?.(fresh);
      return call();
    }
  }
}

export function createLichengClient(options: LichengClientOptions = {}): LichengClient {
  return new LichengClient(options);
}
