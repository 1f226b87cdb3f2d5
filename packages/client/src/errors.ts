/**
 * The error every Licheng API call rejects with. `message` is already translated by the
 * server (it reads `x-licheng-locale`); `code` and `params` are the domain error code and its
 * parameters (`error.data.licheng`), so screens can react to a code without parsing text.
 */
export class LichengApiError extends Error {
  override readonly name = 'LichengApiError';
  /** Domain error code, e.g. 'token-expired', 'window-closed'; 'network-error' or 'http-<status>' otherwise. */
  readonly code: string;
  readonly params: Record<string, string | number>;
  /** HTTP status, 0 when the request did not reach the server. */
  readonly status: number;
  /** Per-field problems of an invalid input (zod issues, translated). */
  readonly issues: Array<{ path: string; code: string; message: string }>;

  constructor(
    message: string,
    options: { code: string; status: number; params?: Record<string, string | number>; issues?: LichengApiError['issues']; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.status = options.status;
    this.params = options.params ?? {};
    this.issues = options.issues ?? [];
  }
}

interface ErrorBody {
  message?: string;
  code?: string | number;
  data?: { httpStatus?: number; code?: string; licheng?: { code?: string; params?: Record<string, string | number>; issues?: LichengApiError['issues'] } | null };
}

/**
 * Builds a LichengApiError from a tRPC error body (`{ error: { message, data } }`), a plain
 * route error (`{ error: { code, message } }`, e.g. /api/files) or nothing usable.
 */
export function apiErrorFrom(body: unknown, status: number, cause?: unknown): LichengApiError {
  const error = (body && typeof body === 'object' && 'error' in body ? (body as { error: unknown }).error : body) as ErrorBody | undefined;
  const licheng = error?.data?.licheng ?? null;
  const code =
    licheng?.code ??
    (typeof error?.code === 'string' ? error.code : undefined) ??
    (status === 401 ? 'unauthenticated' : status === 0 ? 'network-error' : `http-${status}`);
  const message = error?.message ?? (status === 0 ? 'network error' : `HTTP ${status}`);
  return new LichengApiError(message, {
    code,
    status: error?.data?.httpStatus ?? status,
    ...(licheng?.params ? { params: licheng.params } : {}),
    ...(licheng?.issues ? { issues: licheng.issues } : {}),
    cause,
  });
}

/** What a screen says of a failure: the server's translated message, or any other error's message. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
