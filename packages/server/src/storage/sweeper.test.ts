import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, type TestLicheng } from '../testing/harness.ts';
import { startSweeper } from './sweeper.ts';

const streamOf = (text: string) => new Blob([text]).stream();
const tooLarge = () => new Error('too large');

describe.each(testDialects())('the periodic sweep on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('removes unreferenced objects past the grace period in the background, keeps referenced ones, and stops', async () => {
    t = await createTestLicheng({ dialect, plugins: [] });
    const kept = await t.storage.put(streamOf('%PDF-1.7 referenced'), { maxBytes: 100, tooLarge });
    const orphan = await t.storage.put(streamOf('%PDF-1.7 refused'), { maxBytes: 100, tooLarge });
    const fresh = await t.storage.put(streamOf('%PDF-1.7 just stored'), { maxBytes: 100, tooLarge });
    await t.db.kysely
      .insertInto('stored_files' as any)
      .values({ id: 'f1', school_code: t.config.code, sha256: kept.sha256, size: kept.size, type: 'pdf', original_name: 'a.pdf', created_by: 'u', created_at: '2025-10-01T00:00:00.000Z' })
      .execute();
    const old = new Date(Date.now() - 2 * 3_600_000);
    for (const sha of [kept.sha256, orphan.sha256]) fs.utimesSync(path.join(t.filesDir, 'objects', sha.slice(0, 2), sha.slice(2, 4), sha), old, old);

    // Stored by an older version: world-readable file and folders, tightened by the sweep.
    const keptFile = path.join(t.filesDir, 'objects', kept.sha256.slice(0, 2), kept.sha256.slice(2, 4), kept.sha256);
    fs.chmodSync(keptFile, 0o644);
    fs.chmodSync(path.dirname(keptFile), 0o755);
    fs.chmodSync(path.dirname(path.dirname(keptFile)), 0o755);

    const lines: string[] = [];
    const sweeper = startSweeper(t.db, t.storage, { intervalMs: 20, graceMs: 3_600_000, log: (line) => lines.push(line) });
    for (let i = 0; i < 200 && lines.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    await sweeper.stop();
    const seen = lines.length;
    expect(lines[0]).toContain('removed 1 unreferenced objects past the grace period');
    expect(lines[0]).toContain(`removed object ${orphan.sha256}`);
    expect(await t.storage.exists(orphan.sha256)).toBe(false);
    expect(await t.storage.exists(kept.sha256)).toBe(true);
    expect(await t.storage.exists(fresh.sha256)).toBe(true);
    expect(lines[0]).toContain('made 1 objects owner-only (0600)');
    for (const p of [keptFile, path.dirname(keptFile), path.dirname(path.dirname(keptFile))]) expect(fs.statSync(p).mode & 0o777).toBe(p === keptFile ? 0o600 : 0o700);
    await new Promise((r) => setTimeout(r, 100));
    expect(lines.length).toBe(seen);
  });
});
