import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNationalId } from '@licheng/core';
import { openDatabase } from '@licheng/db';
import { checkOpenApiDocument, verifyHostToken, type OpenApiDocument } from '@licheng/server';
import { noRegistryConfigPath } from './testing/seed-schools.ts';
import { runCli as cli } from './testing/run-cli.ts';
import { tempDirs } from './testing/temp.ts';

const temp = tempDirs();

const HEADER = '學號,姓名,身分證號,出生日期,年級,班級,座號,部別,科別代碼,系統帳號';

describe('the licheng CLI (demo settings, temp data folder)', () => {
  let env: Record<string, string>;
  let dataDir: string;

  beforeAll(() => {
    dataDir = temp.make('licheng-cli-');
    env = { LICHENG_DEMO: '1', LICHENG_DATA_DIR: dataDir };
  });
  afterAll(() => temp.cleanup());

  it('help prints the usage', async () => {
    const run = await cli(['help'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^licheng — command line/);
    for (const command of ['migrate', 'import <students|teachers|courses|enrolments|classes> <file>', 'export roster', 'sweep [--grace-hours 24]', 'seed-demo', 'token --user']) expect(run.stdout).toContain(command);
  });

  it('with no command prints the usage and fails', async () => {
    const run = await cli([], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('licheng migrate');
  });

  it('refuses an unknown command', async () => {
    const run = await cli(['frobnicate'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown command "frobnicate"');
  });

  it('migrate brings the embedded database up to date', async () => {
    const run = await cli(['migrate'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/database is up to date \(embedded SQLite \(.*licheng\.sqlite\)\)/);
    expect(fs.existsSync(path.join(dataDir, 'licheng.sqlite'))).toBe(true);
  });

  it('token prints a JWT signed with the demo secret for the demo school', async () => {
    const run = await cli(['token', '--user', 'u', '--roles', 'student'], env);
    expect(run.code).toBe(0);
    const token = run.stdout.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const secret = fs.readFileSync(path.join(dataDir, 'demo-secret'), 'utf8').trim();
    const result = await verifyHostToken(`Bearer ${token}`, secret);
    expect(result).toEqual({ ok: true, identity: { userId: 'u', name: 'u', school: '999901', roles: ['student'] } });
  });

  it('token refuses an unknown role', async () => {
    const run = await cli(['token', '--user', 'u', '--roles', 'student,principal'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/principal|Invalid option/);
  });

  it('import students reads a CSV in the template headers and prints the counts', async () => {
    const ids = ['A123456789', 'F131104093'];
    for (const id of ids) expect(isNationalId(id)).toBe(true);
    const file = path.join(temp.make(), 'students.csv');
    fs.writeFileSync(file, [HEADER, `1140901,測試甲,${ids[0]},98/03/01,1,101,31,日間部,,cli-s-1`, `1140902,測試乙,${ids[1]},2009-05-12,1,101,32,,,`, ''].join('\r\n'));
    const run = await cli(['import', 'students', file], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('匯入完成：2 列 — 新增 2、更新 0、未變 0');
    const again = await cli(['import', 'students', file, '--dry-run'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('檢查通過（未寫入）：2 列 — 新增 0、更新 0、未變 2');

    const db = openDatabase({ dataDir });
    try {
      const rows = await db.kysely.selectFrom('students').select(['student_no', 'host_user_id', 'birth_date']).orderBy('student_no').execute();
      expect(rows).toEqual([
        { student_no: '1140901', host_user_id: 'cli-s-1', birth_date: '2009-03-01' },
        { student_no: '1140902', host_user_id: '1140902', birth_date: '2009-05-12' },
      ]);
      const audit = await db.kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'roster.import.students').execute();
      expect(audit).toEqual([{ action: 'roster.import.students', actor_id: 'cli' }]);
    } finally {
      await db.destroy();
    }
  });

  it('import refuses a file with a bad row, naming the row, exits 2 and writes nothing', async () => {
    const file = path.join(temp.make(), 'bad.csv');
    fs.writeFileSync(file, [HEADER, '1140903,測試丙,E223456785,98/03/01,1,102,1,,,', '1140904,測試丁,A123456788,98/03/02,1,102,2,,,'].join('\n'));
    const run = await cli(['import', 'students', file], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/第 3 列 身分證號 .*A123456788/);
    expect(run.stderr).toContain('匯入失敗：1 個問題，未寫入任何資料');
    const db = openDatabase({ dataDir });
    try {
      const found = await db.kysely.selectFrom('students').select('student_no').where('student_no', 'in', ['1140903', '1140904']).execute();
      expect(found).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('sweep removes unreferenced files past the grace period and temp folders of stopped processes, and says so', async () => {
    const files = path.join(dataDir, 'files');
    const orphan = 'ab'.repeat(32);
    fs.mkdirSync(path.join(files, 'objects', 'ab', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(files, 'objects', 'ab', 'ab', orphan), 'left by a refused upload');
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    fs.utimesSync(path.join(files, 'objects', 'ab', 'ab', orphan), dayAgo, dayAgo);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const deadFolder = `${gone}-0badcafe-${os.hostname().replace(/[^A-Za-z0-9.]/g, '_').slice(0, 64)}`;
    fs.mkdirSync(path.join(files, 'tmp', deadFolder), { recursive: true });
    fs.writeFileSync(path.join(files, 'tmp', deadFolder, 'partial'), 'half an upload');

    const run = await cli(['sweep'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`removed object ${orphan} (24 bytes)`);
    expect(run.stdout).toMatch(/removed 1 unreferenced objects past the grace period, 1 temp folders of stopped processes/);
    expect(fs.existsSync(path.join(files, 'objects', 'ab', 'ab', orphan))).toBe(false);
    expect(fs.existsSync(path.join(files, 'tmp', deadFolder))).toBe(false);
  });

  it('sweep refuses a negative grace period', async () => {
    const run = await cli(['sweep', '--grace-hours=-2'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('usage: licheng sweep [--grace-hours <hours, 0 or more>]');
  });

  it('openapi prints the OpenAPI document of the school’s API', async () => {
    const run = await cli(['openapi'], env);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as OpenApiDocument;
    expect(doc.openapi).toBe('3.1.0');
    expect(checkOpenApiDocument(doc)).toEqual([]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/trpc/student.outcomes.upload', '/trpc/registry.imports.run', '/api/registry/templates/{file}']));
    expect(Object.keys(doc.paths['/trpc/registry.imports.run']!.post!.requestBody as object)).toContain('content');
  });

  it('openapi --out writes the file for another school, with only its offices, without opening its database', async () => {
    const out = path.join(temp.make('licheng-openapi-'), 'api.json');
    const noRegistryData = temp.make('licheng-cli-data-');
    const run = await cli(['openapi', '--out', out, '--server', 'https://campus.example.edu.tw/portfolio'], {
      LICHENG_HOST_SECRET: 'a-host-secret-that-is-long-enough-0123456789',
      LICHENG_SCHOOL_CONFIG: noRegistryConfigPath,
      LICHENG_DATA_DIR: noRegistryData,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as OpenApiDocument;
    expect(doc.servers).toEqual([{ url: 'https://campus.example.edu.tw/portfolio' }]);
    expect(Object.keys(doc.paths).filter((p) => p.includes('registry'))).toEqual([]);
    expect(Object.keys(doc.paths)).toContain('/trpc/teaching.certifications.decide');
    expect(fs.readdirSync(noRegistryData)).toEqual([]);
  });

  it('import refuses an unknown kind with its usage', async () => {
    const run = await cli(['import', 'parents', 'x.csv'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('usage: licheng import <students|teachers|courses|enrolments|classes|grades|status-changes|placements> <file>');
  });
});
