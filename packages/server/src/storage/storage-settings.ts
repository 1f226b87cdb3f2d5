import path from 'node:path';
import { z } from 'zod';
import { LocalFileStorage } from './local-file-storage.ts';
import { describeS3Location, S3FileStorage, type S3Location } from './s3-file-storage.ts';
import type { SweepableStorage } from './sweepable-storage.ts';

/** Where uploaded files live: the data folder (default) or an S3-compatible object store. */
export type StorageSettings = { kind: 'local' } | ({ kind: 's3' } & S3Location);

/** The S3 settings, each read from its LICHENG_S3_* variable. */
const S3_SETTINGS = {
  endpoint: 'LICHENG_S3_ENDPOINT',
  bucket: 'LICHENG_S3_BUCKET',
  region: 'LICHENG_S3_REGION',
  accessKeyId: 'LICHENG_S3_ACCESS_KEY_ID',
  secretAccessKey: 'LICHENG_S3_SECRET_ACCESS_KEY',
  prefix: 'LICHENG_S3_PREFIX',
  forcePathStyle: 'LICHENG_S3_FORCE_PATH_STYLE',
} as const;

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^([A-Za-z0-9_.-]+\/)+$/;
const YES = /^(1|true|yes|on)$/i;
const NO = /^(0|false|no|off)$/i;

const s3Schema = z.object({
  endpoint: z.string({ error: `${S3_SETTINGS.endpoint} must name the store's URL (https://s3.example.edu.tw)` }).refine(
    (value) => {
      const url = URL.parse(value);
      return !!url && /^https?:$/.test(url.protocol) && !url.username && !url.password && !url.search && !url.hash && url.pathname === '/';
    },
    { error: (issue) => `${S3_SETTINGS.endpoint} must be the store's http:// or https:// URL, with no path, query or credentials in it (got ${JSON.stringify(issue.input)})` },
  ),
  bucket: z.string({ error: `${S3_SETTINGS.bucket} must name the bucket` }).refine((value) => BUCKET.test(value) && !value.includes('..'), {
    error: (issue) => `${S3_SETTINGS.bucket} must be a bucket name: 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit (got ${JSON.stringify(issue.input)})`,
  }),
  region: z.string().regex(/^[a-z0-9-]{1,40}$/, { error: (issue) => `${S3_SETTINGS.region} must be a region name such as us-east-1 (got ${JSON.stringify(issue.input)})` }),
  accessKeyId: z.string({ error: `${S3_SETTINGS.accessKeyId} must be set (the store's access key id)` }).min(1),
  secretAccessKey: z.string({ error: `${S3_SETTINGS.secretAccessKey} must be set (the store's secret access key)` }).min(1),
  prefix: z.string().refine((value) => value === '' || (PREFIX.test(value) && !value.split('/').some((part) => part === '.' || part === '..')), {
    error: (issue) => `${S3_SETTINGS.prefix} must be empty or a key prefix ending in "/" such as "school-123456/" (letters, digits, "." "_" "-" and "/"; no leading "/", no "." or ".." parts) (got ${JSON.stringify(issue.input)})`,
  }),
  forcePathStyle: z.boolean(),
});

/**
 * Reads LICHENG_STORAGE (`local`, the default, or `s3`) and, for `s3`, the LICHENG_S3_* settings,
 * refusing anything unclear with a message naming the variable: a bad endpoint, bucket, region or
 * prefix, a missing key pair, or S3 settings given while LICHENG_STORAGE does not ask for S3.
 * The secret access key never appears in a message.
 */
export function readStorageSettings(env: NodeJS.ProcessEnv): StorageSettings {
  const kind = (env.LICHENG_STORAGE?.trim() || 'local').toLowerCase();
  const given = Object.values(S3_SETTINGS).filter((name) => env[name]?.trim());
  if (kind === 'local') {
    if (given.length) throw new Error(`${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set but LICHENG_STORAGE is not "s3": set LICHENG_STORAGE=s3 to keep files in the object store, or remove ${given.length === 1 ? 'it' : 'them'}`);
    return { kind: 'local' };
  }
  if (kind !== 's3') throw new Error(`LICHENG_STORAGE must be "local" (files in the data folder, the default) or "s3" (an S3-compatible object store) (got ${JSON.stringify(env.LICHENG_STORAGE)})`);
  const text = (name: string) => env[name]?.trim() || undefined;
  const pathStyle = text(S3_SETTINGS.forcePathStyle);
  if (pathStyle !== undefined && !YES.test(pathStyle) && !NO.test(pathStyle)) throw new Error(`${S3_SETTINGS.forcePathStyle} must be true or false (got ${JSON.stringify(pathStyle)})`);
  const parsed = s3Schema.safeParse({
    endpoint: text(S3_SETTINGS.endpoint),
    bucket: text(S3_SETTINGS.bucket),
    region: text(S3_SETTINGS.region) ?? 'us-east-1',
    accessKeyId: text(S3_SETTINGS.accessKeyId),
    secretAccessKey: env[S3_SETTINGS.secretAccessKey] || undefined,
    prefix: text(S3_SETTINGS.prefix) ?? '',
    forcePathStyle: pathStyle === undefined ? true : YES.test(pathStyle),
  });
  if (!parsed.success) throw new Error(`LICHENG_STORAGE=s3: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  // The endpoint as the client wants it: no trailing slash.
  return { kind: 's3', ...parsed.data, endpoint: parsed.data.endpoint.replace(/\/$/, '') };
}

/**
 * The file store the settings describe. `filesDir` is the data folder's files/: the local store
 * keeps its objects and temp files there; the S3 store only its temp files (files/tmp/).
 */
export function createFileStorage(settings: StorageSettings, filesDir: string): SweepableStorage {
  if (settings.kind === 'local') return new LocalFileStorage(filesDir);
  const { kind: _kind, ...location } = settings;
  return new S3FileStorage({ ...location, tempRoot: path.join(filesDir, 'tmp') });
}

/** Where files are kept, for logs and health (never a secret). */
export function describeStorage(settings: StorageSettings, filesDir: string): string {
  return settings.kind === 'local' ? `local disk ${filesDir}` : describeS3Location(settings);
}
