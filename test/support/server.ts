import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface StartedServer {
  url: string;
  dataDir: string;
  pid: number;
  output: () => string;
  /** Sends `signal` (SIGKILL: a crash) and waits for the exit; the data folder stays. */
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts the real standalone server (apps/server) in demo mode on a fresh data folder, or on
 * `options.dataDir` (a folder an earlier server used: a restart). stop() removes the folder.
 */
export async function startDemoServer(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<StartedServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-e2e-'));
  const server = await startServerProcess({ ...process.env, LICHENG_DEMO: '1', LICHENG_DATA_DIR: dataDir, LICHENG_HOST_SECRET: '', LICHENG_DATABASE_URL: '', ...env });
  return {
    ...server,
    dataDir,
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A running server process (apps/server/src/main.ts) and what it has printed. */
export interface ServerProcess {
  url: string;
  pid: number;
  output: () => string;
  /** Sends `signal` (SIGKILL: a crash) and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM (the server's own clean stop) and waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts apps/server/src/main.ts as its own process with exactly `env` (plus PORT, a free port)
 * and waits until GET /health answers.
 */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const port = await freePort();
  // One process (node with tsx's loader, not the tsx launcher and its child): a signal reaches the server itself.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(repoRoot, 'apps/server'),
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { url, pid: child.pid!, output: () => log, kill: signal, stop: () => signal('SIGTERM') };
}

/** Signs in as a demo user the way the portal does. */
export async function demoToken(server: StartedServer, userId: string): Promise<string> {
  const res = await fetch(`${server.url}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  if (!res.ok) throw new Error(`demo token for ${userId}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
