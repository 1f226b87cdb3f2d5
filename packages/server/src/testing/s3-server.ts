import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { S3FileStorage, type S3FileStorageOptions } from '../storage/s3-file-storage.ts';

/** A real S3-compatible server for tests, and how to reach it. */
export interface TestS3Server {
  /** `http://127.0.0.1:<port>`: path-style requests (the bucket in the path). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Stops the server and removes its data folder. */
  stop(): Promise<void>;
}

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 's3-server-process.mjs');

/**
 * Starts an S3-compatible server (s3rver, from the npm registry) in a child process on a free
 * loopback port, with one empty bucket and a key pair of its own, keeping its data in a new temp
 * folder. It speaks the S3 REST protocol over HTTP: signed requests (an unknown access key is
 * refused), ListObjectsV2 pages, CopyObject, multipart uploads. It keeps no object versions.
 */
export async function startS3Server(options: { bucket?: string } = {}): Promise<TestS3Server> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-s3-'));
  const bucket = options.bucket ?? 'licheng-test';
  const accessKeyId = `TEST${randomBytes(8).toString('hex').toUpperCase()}`;
  const secretAccessKey = randomBytes(20).toString('base64url');
  // s3rver signs its continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider.
  const child = spawn(process.execPath, ['--openssl-legacy-provider', script, dir, bucket, accessKeyId, secretAccessKey], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^\{.*\}$/m.exec(out);
      if (line) resolve((JSON.parse(line[0]) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the S3 test server stopped before listening (exit ${code}): ${stderr.trim()}`)));
  }).catch((error: unknown) => {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  let stopped: Promise<void> | null = null;
  // A server that dies under a test says why (its own stderr), rather than only refusing connections.
  child.once('exit', (code, signal) => {
    if (!stopped) console.error(`[s3 test server] stopped by itself (exit ${code}, ${signal}): ${stderr.trim()}`);
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: 'us-east-1',
    accessKeyId,
    secretAccessKey,
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(killer);
        }
        fs.rmSync(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/**
 * A store on the test server in `tempRoot` (the caller removes it), under a prefix of its own
 * (`school-<random>/`, so it starts empty) unless `options` names one; any option may be overridden.
 */
export function testS3Store(server: TestS3Server, options: Pick<S3FileStorageOptions, 'tempRoot'> & Partial<S3FileStorageOptions>): S3FileStorage {
  const { stop: _stop, ...location } = server;
  return new S3FileStorage({ ...location, prefix: `school-${randomBytes(4).toString('hex')}/`, forcePathStyle: true, ...options });
}
