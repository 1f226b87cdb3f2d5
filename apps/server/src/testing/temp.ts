import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Temp folders made by a test file, removed together by `cleanup()` (call it in afterEach/afterAll). */
export function tempDirs() {
  const made: string[] = [];
  return {
    make(prefix = 'licheng-app-'): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    /** Writes `value` as JSON to a new file in a new temp folder and returns its path. */
    json(name: string, value: unknown): string {
      const file = path.join(this.make('licheng-config-'), name);
      fs.writeFileSync(file, JSON.stringify(value, null, 2));
      return file;
    },
    cleanup(): void {
      for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid school config for the settings tests; override any part. */
export function schoolConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { code: '999902', name: '測試高中', type: 'general', plugins: { enabled: ['student', 'teaching'] }, ...overrides };
}

export const HOST_SECRET = 'a-host-secret-that-is-long-enough-0123456789';
