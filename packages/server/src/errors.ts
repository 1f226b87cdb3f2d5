import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

const byCode: Record<string, TRPC_ERROR_CODE_KEY> = {
  unauthenticated: 'UNAUTHORIZED',
  'token-expired': 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  'already-decided': 'CONFLICT',
  'selection-cap-reached': 'CONFLICT',
  'upload-cap-reached': 'CONFLICT',
  'record-frozen': 'CONFLICT',
  'file-too-large': 'PAYLOAD_TOO_LARGE',
  'file-type-not-allowed': 'UNSUPPORTED_MEDIA_TYPE',
  'window-closed': 'FORBIDDEN',
  'window-unscheduled': 'FORBIDDEN',
};

/** The HTTP-facing tRPC code for a domain error code; anything else is the caller's bad input. */
export function domainErrorCode(code: string): TRPC_ERROR_CODE_KEY {
  return byCode[code] ?? 'BAD_REQUEST';
}
