import { spawn } from 'node:child_process';
import { appRoot } from '../settings.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `licheng` command line (src/cli.ts) as its own process — one node process with tsx
 * loaded, so a signal reaches the command itself — with a clean LICHENG_* environment plus `env`.
 */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LICHENG_') && k !== 'INIT_CWD' && k !== 'NODE_ENV'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: appRoot, env: { ...base, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
