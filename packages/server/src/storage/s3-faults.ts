import { DomainError } from '@licheng/core';
import { storageFault } from './faults.ts';

/** S3 error names meaning the store cannot be used now: credentials, bucket, or the service itself. */
const UNAVAILABLE = new Set([
  'AccessDenied',
  'AccountProblem',
  'AllAccessDisabled',
  'ExpiredToken',
  'InternalError',
  'InvalidAccessKeyId',
  'InvalidBucketName',
  'InvalidToken',
  'NoSuchBucket',
  'RequestTimeTooSkewed',
  'RequestTimeout',
  'ServiceUnavailable',
  'SignatureDoesNotMatch',
  'SlowDown',
  'TimeoutError',
]);
/** S3 error names meaning the store has no room left. */
const FULL = new Set(['QuotaExceeded', 'InsufficientStorage', 'XMinioStorageFull', 'StorageFull']);
/** Network failures on the way to the endpoint. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ETIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

interface S3ErrorShape {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

/** The HTTP status an S3 client error came with, if any. */
function s3Status(error: unknown): number | undefined {
  return (error as S3ErrorShape | null)?.$metadata?.httpStatusCode;
}

/** Whether an S3 answer says the object (or key) is not there: 404 / NoSuchKey / NotFound. */
export function isS3NotFound(error: unknown): boolean {
  const e = error as S3ErrorShape | null;
  if (e?.name === 'NoSuchBucket' || e?.Code === 'NoSuchBucket') return false;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || s3Status(error) === 404;
}

/**
 * The clear storage fault for an error of the S3 client — the endpoint unreachable, refused
 * credentials, a missing bucket or a failing service answer `storage-unavailable` (503), a store
 * out of room `storage-full` (507) — or of the local temp folder (storageFault); null for
 * anything else. A HEAD on a missing bucket answers a bare 404, so callers that know the key
 * exists-or-not (exists, open) decide about 404 themselves.
 */
export function s3Fault(error: unknown): DomainError | null {
  const local = storageFault(error);
  if (local) return local;
  const e = error as S3ErrorShape | null;
  if (!e || typeof e !== 'object') return null;
  const names = [e.name, e.code, e.Code].filter((n): n is string => typeof n === 'string');
  const status = s3Status(error);
  if (names.some((n) => FULL.has(n)) || status === 507) return new DomainError('storage-full', {});
  if (names.some((n) => UNAVAILABLE.has(n) || NETWORK.has(n))) return new DomainError('storage-unavailable', {});
  if (status !== undefined && (status >= 500 || status === 401 || status === 403)) return new DomainError('storage-unavailable', {});
  // The SDK wraps some network failures; look one level down.
  const cause = (e as { cause?: unknown }).cause;
  const causeCode = (cause as { code?: unknown } | null)?.code;
  if (typeof causeCode === 'string' && NETWORK.has(causeCode)) return new DomainError('storage-unavailable', {});
  return null;
}
