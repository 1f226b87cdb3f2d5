import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '@licheng/db/testing';
import { tableContents } from '@licheng/server/testing';
import { runCli } from './testing/run-cli.ts';
import { configPath } from './testing/seed-schools.ts';
import { HOST_SECRET, tempDirs } from './testing/temp.ts';

const temp = tempDirs();

describe('licheng backup, restore and verify (demo school, embedded database)', () => {
  let work: string;
  /** The stored objects the demo seeded, counted on disk (files/objects/ab/cd/<sha256>). */
  let objects: number;
  const school = () => ({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: path.join(work, 'school') });
  const spare = () => ({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: path.join(work, 'spare') });

  beforeAll(async () => {
    work = temp.make('licheng-cli-backup-');
    expect((await runCli(['seed-demo'], school())).code).toBe(0);
    const root = path.join(work, 'school', 'files', 'objects');
    objects = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    expect(objects).toBeGreaterThan(0);
  });
  afterAll(() => temp.cleanup());

  it('backs up, verifies the backup and the live data, and restores into a new data folder', async () => {
    const backup = await runCli(['backup', path.join(work, 'b1')], school());
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(String.raw`^備份完成 / backup written: .*b1 \(\d+\.\d s\)\n {2}.*\d+ tables, \d+ rows, ${objects} stored files`));
    const tableCount = Number(/(\d+) tables,/.exec(backup.stdout)![1]);
    expect((fs.statSync(path.join(work, 'b1')).mode & 0o777).toString(8)).toBe('700');
    expect((fs.statSync(path.join(work, 'b1/manifest.json')).mode & 0o777).toString(8)).toBe('600');

    const live = await runCli(['verify'], school());
    expect(live.code).toBe(0);
    expect(live.stdout).toContain(`資料完好 / data intact: ${objects} 個被引用的檔案、${objects} 個儲存物件`);
    const checked = await runCli(['verify', path.join(work, 'b1')], school());
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^備份完好 \/ backup intact: .*b1 \(999901, sqlite, made /);

    const restore = await runCli(['restore', path.join(work, 'b1')], spare());
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(new RegExp(`還原完成 / restored: .*b1 .*${objects} stored files, every checksum and row count checked`));
    expect((await runCli(['verify'], spare())).code).toBe(0);
    const again = await runCli(['restore', path.join(work, 'b1')], spare());
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`is not empty \\(${tableCount} tables: .*\\); restore only into a new, empty database`));
  });

  it('names a corrupted file of a backup and refuses to restore it; names an unreferenced object in the live data', async () => {
    await runCli(['backup', path.join(work, 'b2')], school());
    const manifest = JSON.parse(fs.readFileSync(path.join(work, 'b2/manifest.json'), 'utf8')) as { objects: Array<{ file: string }> };
    const victim = manifest.objects[0]!.file;
    const bytes = fs.readFileSync(path.join(work, 'b2', victim));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    fs.writeFileSync(path.join(work, 'b2', victim), bytes);

    const checked = await runCli(['verify', path.join(work, 'b2')], school());
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain(`${victim}: SHA-256 `);
    expect(checked.stderr).toContain('備份有 1 個問題 / the backup has 1 problem:');
    const restore = await runCli(['restore', path.join(work, 'b2')], { LICHENG_DEMO: '1', LICHENG_DATA_DIR: path.join(work, 'other') });
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain(`is damaged; nothing was restored:\n  ${victim}: SHA-256`);
    expect(fs.existsSync(path.join(work, 'other/files/objects'))).toBe(false);

    const stray = path.join(work, 'school/files/objects/00/00', '0'.repeat(64));
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, 'not what its name says');
    const live = await runCli(['verify'], school());
    expect(live.code).toBe(2);
    expect(live.stderr).toContain(`內容與雜湊不符 / damaged (hash mismatch): ${'0'.repeat(64)}`);
    expect(live.stderr).toContain(`未被引用 / unreferenced: ${'0'.repeat(64)}`);
    fs.rmSync(stray);
  });

  it('lists the commands in the usage and refuses backup without a folder', async () => {
    const help = await runCli(['help'], school());
    for (const command of ['licheng backup <dir>', 'licheng restore <dir>', 'licheng verify [<dir>]']) expect(help.stdout).toContain(command);
    const run = await runCli(['backup'], school());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('usage: licheng backup <dir>');
  });
});

describe.each(testDialects().filter((d) => d === 'mysql'))('licheng backup and restore on %s (a school’s settings)', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases.splice(0)) await db.destroy();
    temp.cleanup();
  });

  async function schoolEnv() {
    const db = await createTestDatabase('mysql');
    databases.push(db);
    return { LICHENG_DATABASE_URL: db.url, LICHENG_DATA_DIR: temp.make('licheng-cli-mysql-'), LICHENG_SCHOOL_CONFIG: configPath('demo-school'), LICHENG_HOST_SECRET: HOST_SECRET, db };
  }

  it('backs up a MariaDB school after a roster import and restores it into another MariaDB database, row for row', async () => {
    const { db: source, ...school } = await schoolEnv();
    const csv = path.join(temp.make(), 'students.csv');
    fs.writeFileSync(csv, ['學號,姓名,身分證號,出生日期,年級,班級,座號,部別,科別代碼,系統帳號', '1140901,測試甲,A123456789,98/03/01,1,101,31,日間部,,cli-s-1'].join('\r\n'));
    expect((await runCli(['import', 'students', csv], school)).code).toBe(0);
    const dir = path.join(temp.make(), 'b');
    const backup = await runCli(['backup', dir], school);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const { db: target, ...restored } = await schoolEnv();
    const restore = await runCli(['restore', dir], restored);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const before = await tableContents(source.kysely, 'mysql');
    expect(before.students).toHaveLength(1);
    expect(await tableContents(target.kysely, 'mysql')).toEqual(before);
  });
});
