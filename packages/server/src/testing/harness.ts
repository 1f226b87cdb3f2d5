import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSchoolConfig, type Locale, type Role, type SchoolConfig } from '@licheng/core';
import { createTestDatabase, type TestDatabase } from '@licheng/db/testing';
import type { DialectName } from '@licheng/db';
import { createLicheng, type LichengApp } from '../app.ts';
import { signHostToken, type Identity } from '../identity/index.ts';
import type { PluginDefinition } from '../plugin.ts';
import { LocalFileStorage } from '../storage/index.ts';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-000';
export const TEST_SCHOOL = '123456';

export interface TestLicheng {
  app: LichengApp;
  db: TestDatabase;
  storage: LocalFileStorage;
  filesDir: string;
  config: SchoolConfig;
  clock: { now: Date };
  /** A signed token for a user of the test school. */
  token(user: TestUser): Promise<string>;
  /** Calls a tRPC query over HTTP (GET) as `user`, or anonymously. */
  query(procedure: string, input: unknown, user?: TestUser): Promise<TrpcResponse>;
  /** Calls a tRPC mutation over HTTP (POST, JSON) as `user`, or anonymously. */
  mutate(procedure: string, input: unknown, user?: TestUser): Promise<TrpcResponse>;
  /** Posts multipart form data to a mutation, as a browser would (in `locale`, default zh-TW). */
  upload(procedure: string, form: FormData, user: TestUser, locale?: Locale): Promise<TrpcResponse>;
  close(): Promise<void>;
}

export type TestUser = Partial<Identity> & { userId: string; roles: Role[] };

export interface TrpcResponse {
  status: number;
  data: any;
  error: { message: string; code: string; licheng: { code: string; params: Record<string, unknown> } | null } | null;
}

async function parseTrpc(res: Response): Promise<TrpcResponse> {
  const body = (await res.json()) as any;
  if (body.error) {
    const e = body.error;
    return { status: res.status, data: null, error: { message: e.message, code: e.data?.code ?? e.code, licheng: e.data?.licheng ?? null } };
  }
  return { status: res.status, data: body.result?.data, error: null };
}

/** A full Licheng app on a fresh database of `dialect`, with files on a fresh temp folder. */
export async function createTestLicheng(options: {
  dialect: DialectName;
  plugins: PluginDefinition[];
  config?: Record<string, unknown>;
  now?: Date;
  corsOrigins?: string[];
  /** Where the files go (a folder the caller made, e.g. on a small filesystem); default a fresh temp folder. */
  filesDir?: string;
}): Promise<TestLicheng> {
  const db = await createTestDatabase(options.dialect);
  const filesDir = options.filesDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-files-'));
  const storage = new LocalFileStorage(filesDir);
  const config = parseSchoolConfig({
    code: TEST_SCHOOL,
    name: '測試高中',
    type: 'general',
    plugins: { enabled: options.plugins.map((p) => p.id) },
    ...options.config,
  });
  const clock = { now: options.now ?? new Date('2025-10-01T04:00:00Z') };
  const app = await createLicheng({ config, db, storage, hostSecret: TEST_SECRET, plugins: options.plugins, now: () => clock.now, ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}) });
  const token = (user: TestUser) =>
    signHostToken({ name: user.userId, school: TEST_SCHOOL, ...user }, TEST_SECRET, 3600, clock.now.getTime() > Date.now() ? clock.now.getTime() : Date.now());
  const headersFor = async (user?: TestUser): Promise<Record<string, string>> =>
    user ? { authorization: `Bearer ${await token(user)}` } : {};
  return {
    app,
    db,
    storage,
    filesDir,
    config,
    clock,
    token,
    async query(procedure, input, user) {
      const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      return parseTrpc(await app.request(`/trpc/${procedure}${search}`, { headers: await headersFor(user) }));
    },
    async mutate(procedure, input, user) {
      const headers = { ...(await headersFor(user)), 'content-type': 'application/json' };
      return parseTrpc(await app.request(`/trpc/${procedure}`, { method: 'POST', headers, body: JSON.stringify(input ?? null) }));
    },
    async upload(procedure, form, user, locale) {
      const headers = { ...(await headersFor(user)), ...(locale ? { 'x-licheng-locale': locale } : {}) };
      const res = await app.request(`/trpc/${procedure}`, { method: 'POST', headers, body: form });
      return parseTrpc(res);
    },
    async close() {
      await db.destroy();
      if (!options.filesDir) fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
