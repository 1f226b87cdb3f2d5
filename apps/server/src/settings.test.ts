import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SchoolConfigError } from '@licheng/core';
import { appRoot, readSettings } from './settings.ts';
import { configPath, readConfigFile } from './testing/seed-schools.ts';
import { HOST_SECRET, schoolConfig, tempDirs } from './testing/temp.ts';

const temp = tempDirs();
afterEach(() => temp.cleanup());

describe('readSettings in demo mode', () => {
  const demoEnv = () => ({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make() });

  it('uses the demo school, a generated secret kept in the data folder, and the embedded database', () => {
    const env = demoEnv();
    const settings = readSettings(env);
    expect(settings.demo).toBe(true);
    expect(settings.config.code).toBe('999901');
    expect(settings.schoolConfigPath).toBe(path.join(appRoot, 'config/demo-school.json'));
    expect(settings.databaseUrl).toBeUndefined();
    expect(settings.hostSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(path.join(env.LICHENG_DATA_DIR, 'demo-secret'), 'utf8').trim()).toBe(settings.hostSecret);
    // The secret survives a restart, so tokens the demo signed stay valid.
    expect(readSettings(env).hostSecret).toBe(settings.hostSecret);
    expect(settings.port).toBe(3000);
    expect(settings.listenHost).toBe('127.0.0.1');
  });

  it('accepts the usual ways of saying yes', () => {
    for (const yes of ['1', 'true', 'YES', ' on ']) expect(readSettings({ ...demoEnv(), LICHENG_DEMO: yes }).demo).toBe(true);
    expect(() => readSettings({ ...demoEnv(), LICHENG_DEMO: '0' })).toThrow(/LICHENG_HOST_SECRET must be set/);
  });

  it('refuses NODE_ENV=production', () => {
    expect(() => readSettings({ ...demoEnv(), NODE_ENV: 'production' })).toThrow(
      /LICHENG_DEMO refuses to start: NODE_ENV is "production"\. The demo mode lets anyone sign in as anyone\./,
    );
  });

  it('refuses NODE_ENV=production however it is spelt, and names the value', () => {
    for (const value of ['Production', 'PRODUCTION', ' production ', 'prod']) {
      expect(() => readSettings({ ...demoEnv(), NODE_ENV: value })).toThrow(`LICHENG_DEMO refuses to start: NODE_ENV is ${JSON.stringify(value)}.`);
    }
    for (const value of ['development', 'test', 'preproduction']) expect(readSettings({ ...demoEnv(), NODE_ENV: value }).demo).toBe(true);
  });

  it('listens on loopback only: 127.0.0.0/8, ::1 and localhost in any spelling', () => {
    for (const host of ['127.0.0.1', '127.4.5.6', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST']) {
      expect(readSettings({ ...demoEnv(), LICHENG_LISTEN_HOST: host }).listenHost).toBe(host.replace(/^\[(.*)\]$/, '$1'));
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', '128.0.0.1', 'example.org', 'localhost.example.org', '::ffff:10.0.0.1']) {
      expect(() => readSettings({ ...demoEnv(), LICHENG_LISTEN_HOST: host }), host).toThrow(
        `LICHENG_DEMO refuses to start: LICHENG_LISTEN_HOST is ${JSON.stringify(host)}, not a loopback address (127.0.0.0/8, ::1, localhost).`,
      );
    }
  });

  it('refuses a data folder holding anything it did not create, and leaves it untouched', () => {
    const env = demoEnv();
    fs.mkdirSync(path.join(env.LICHENG_DATA_DIR, 'files'));
    fs.writeFileSync(path.join(env.LICHENG_DATA_DIR, 'notes.txt'), 'a school folder');
    expect(() => readSettings(env)).toThrow(
      `LICHENG_DEMO refuses to start: the data folder ${env.LICHENG_DATA_DIR} already holds files the demo mode did not create (files, notes.txt; no demo-secret)`,
    );
    expect(fs.readdirSync(env.LICHENG_DATA_DIR).sort()).toEqual(['files', 'notes.txt']);
    // A file where the folder should be is not a folder the demo made either.
    const file = path.join(temp.make(), 'data');
    fs.writeFileSync(file, '');
    expect(() => readSettings({ ...demoEnv(), LICHENG_DATA_DIR: file })).toThrow(`the data folder ${file} is not a folder`);
  });

  it('creates its data folder when it does not exist, and reopens it by its marker', () => {
    const dir = path.join(temp.make(), 'new', 'demo');
    const first = readSettings({ ...demoEnv(), LICHENG_DATA_DIR: dir });
    fs.writeFileSync(path.join(dir, 'licheng.sqlite'), 'the demo school');
    fs.mkdirSync(path.join(dir, 'files'));
    expect(readSettings({ ...demoEnv(), LICHENG_DATA_DIR: dir }).hostSecret).toBe(first.hostSecret);
  });

  it('refuses when a host secret is configured', () => {
    expect(() => readSettings({ ...demoEnv(), LICHENG_HOST_SECRET: HOST_SECRET })).toThrow(
      /LICHENG_DEMO refuses to start: LICHENG_HOST_SECRET is set \(a real host signs tokens here\)/,
    );
  });

  it('refuses a MySQL/MariaDB database', () => {
    expect(() => readSettings({ ...demoEnv(), LICHENG_DATABASE_URL: 'mysql://root@db.school.example:3306/licheng' })).toThrow(
      /LICHENG_DEMO refuses to start: LICHENG_DATABASE_URL points at MySQL\/MariaDB/,
    );
    expect(() => readSettings({ ...demoEnv(), LICHENG_DATABASE_URL: 'MYSQL://x@y/z' })).toThrow(/points at MySQL/);
  });

  it('names every reason at once', () => {
    const env = { ...demoEnv(), NODE_ENV: 'production', LICHENG_HOST_SECRET: HOST_SECRET, LICHENG_DATABASE_URL: 'mysql://x@y/z' };
    expect(() => readSettings(env)).toThrow(/NODE_ENV is "production"; LICHENG_HOST_SECRET is set .*; LICHENG_DATABASE_URL points at MySQL/);
  });

  it('refuses any database URL, the embedded kind too: the demo keeps its own file', () => {
    const dir = temp.make();
    const env = { ...demoEnv(), LICHENG_DATABASE_URL: `sqlite:${path.join(dir, 'x.sqlite')}` };
    expect(() => readSettings(env)).toThrow(
      /LICHENG_DEMO refuses to start: LICHENG_DATABASE_URL is set \(the demo keeps its own embedded database in its data folder\)/,
    );
    expect(fs.existsSync(path.join(env.LICHENG_DATA_DIR, 'demo-secret'))).toBe(false);
    // A blank value counts as unset.
    expect(readSettings({ ...demoEnv(), LICHENG_DATABASE_URL: ' ' }).databaseUrl).toBeUndefined();
  });

  it('refuses a data folder holding a database the demo did not create, and leaves it untouched', () => {
    const env = demoEnv();
    fs.writeFileSync(path.join(env.LICHENG_DATA_DIR, 'licheng.sqlite'), 'a real school');
    expect(() => readSettings(env)).toThrow(
      `LICHENG_DEMO refuses to start: the data folder ${env.LICHENG_DATA_DIR} already holds a database (licheng.sqlite) the demo mode did not create (no demo-secret)`,
    );
    // No marker was written, so a second try is refused too.
    expect(fs.existsSync(path.join(env.LICHENG_DATA_DIR, 'demo-secret'))).toBe(false);
    expect(() => readSettings(env)).toThrow(/did not create/);
  });

  it("reopens its own data folder: a database beside the demo's secret", () => {
    const env = demoEnv();
    const first = readSettings(env);
    fs.writeFileSync(path.join(env.LICHENG_DATA_DIR, 'licheng.sqlite'), 'the demo school');
    expect(readSettings(env).hostSecret).toBe(first.hostSecret);
  });

  it('allows another school config', () => {
    const file = temp.json('school.json', schoolConfig());
    const settings = readSettings({ ...demoEnv(), LICHENG_SCHOOL_CONFIG: file });
    expect(settings.databaseUrl).toBeUndefined();
    expect(settings.config.code).toBe('999902');
  });
});

describe('readSettings outside demo mode', () => {
  it('refuses a missing host secret', () => {
    const file = temp.json('school.json', schoolConfig());
    expect(() => readSettings({ LICHENG_DATA_DIR: temp.make(), LICHENG_SCHOOL_CONFIG: file })).toThrow(
      'LICHENG_HOST_SECRET must be set to a shared secret of at least 32 characters',
    );
  });

  it('refuses a host secret shorter than 32 characters', () => {
    const file = temp.json('school.json', schoolConfig());
    expect(() => readSettings({ LICHENG_DATA_DIR: temp.make(), LICHENG_SCHOOL_CONFIG: file, LICHENG_HOST_SECRET: 'x'.repeat(31) })).toThrow(
      /at least 32 characters/,
    );
    expect(readSettings({ LICHENG_DATA_DIR: temp.make(), LICHENG_SCHOOL_CONFIG: file, LICHENG_HOST_SECRET: 'x'.repeat(32) }).hostSecret).toBe('x'.repeat(32));
  });

  it('refuses a missing school config', () => {
    expect(() => readSettings({ LICHENG_DATA_DIR: temp.make(), LICHENG_HOST_SECRET: HOST_SECRET })).toThrow(
      'LICHENG_SCHOOL_CONFIG must name the school config file (see apps/server/config/)',
    );
  });

  it('refuses a school config file that does not exist, naming it', () => {
    const missing = path.join(temp.make(), 'nope.json');
    expect(() => readSettings({ LICHENG_HOST_SECRET: HOST_SECRET, LICHENG_SCHOOL_CONFIG: missing })).toThrow(missing);
  });

  it('refuses an out-of-range rule, naming its path', () => {
    const file = temp.json('school.json', schoolConfig({ rules: { outcomes: { selectionCapPerYear: 7 } } }));
    let error: unknown;
    try {
      readSettings({ LICHENG_HOST_SECRET: HOST_SECRET, LICHENG_SCHOOL_CONFIG: file, LICHENG_DATA_DIR: temp.make() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchoolConfigError);
    expect((error as SchoolConfigError).problems).toEqual(['rules.outcomes.selectionCapPerYear: the outcome selection cap may not exceed the national limit of 6']);
    expect((error as Error).message).toMatch(/^Invalid school configuration:\n- rules\.outcomes\.selectionCapPerYear: /);
  });

  it('refuses a seed config edited out of range, listing every problem with its path', () => {
    const chiming = readConfigFile(configPath('chiming'));
    const rules = { outcomes: { uploadCapPerSemester: 0 }, performances: { uploadCapPerYear: 10, selectionCapPerYear: 11 } };
    const schedule = [{ activity: 'outcome-upload', academicYear: 114, semester: 1, start: '2026-02-22', end: '2025-08-01' }];
    const file = temp.json('chiming.json', { ...chiming, rules, schedule });
    let error: unknown;
    try {
      readSettings({ LICHENG_HOST_SECRET: HOST_SECRET, LICHENG_SCHOOL_CONFIG: file, LICHENG_DATA_DIR: temp.make() });
    } catch (e) {
      error = e;
    }
    expect((error as SchoolConfigError).problems).toEqual([
      'rules.outcomes.uploadCapPerSemester: must be at least 1, or null for no limit',
      'rules.performances.selectionCapPerYear: the performance selection cap may not exceed the national limit of 10',
      'schedule[0].end: end must not be before start',
    ]);
  });

  it('refuses a misspelt rule and a bad school code, listing both', () => {
    const file = temp.json('school.json', schoolConfig({ code: '12345', rules: { outcomes: { uploadCapPerSemestre: 3 } } }));
    expect(() => readSettings({ LICHENG_HOST_SECRET: HOST_SECRET, LICHENG_SCHOOL_CONFIG: file })).toThrow(
      /- code: must be the 6-digit school code\n- rules\.outcomes: .*uploadCapPerSemestre/,
    );
  });

  it('reads the rest of the settings from the environment', () => {
    const file = temp.json('school.json', schoolConfig());
    const dataDir = temp.make();
    const settings = readSettings({
      LICHENG_HOST_SECRET: HOST_SECRET,
      LICHENG_SCHOOL_CONFIG: file,
      LICHENG_DATA_DIR: dataDir,
      LICHENG_DATABASE_URL: ' mysql://licheng@db:3306/licheng ',
      PORT: '8080',
      LICHENG_LISTEN_HOST: '0.0.0.0',
      LICHENG_PORTAL_DIR: dataDir,
    });
    expect(settings).toMatchObject({
      demo: false,
      hostSecret: HOST_SECRET,
      dataDir,
      databaseUrl: 'mysql://licheng@db:3306/licheng',
      port: 8080,
      listenHost: '0.0.0.0',
      portalDir: dataDir,
      schoolConfigPath: file,
      config: { code: '999902', plugins: { enabled: ['student', 'teaching'] }, rules: { outcomes: { selectionCapPerYear: 6, uploadCapPerSemester: null } } },
    });
  });

  it('resolves relative paths against INIT_CWD (where pnpm was started)', () => {
    const file = temp.json('school.json', schoolConfig());
    const settings = readSettings({ LICHENG_HOST_SECRET: HOST_SECRET, INIT_CWD: path.dirname(file), LICHENG_SCHOOL_CONFIG: 'school.json', LICHENG_DATA_DIR: 'data' });
    expect(settings.schoolConfigPath).toBe(file);
    expect(settings.dataDir).toBe(path.join(path.dirname(file), 'data'));
  });
});

describe('readSettings for the sweep', () => {
  const base = () => ({ LICHENG_HOST_SECRET: HOST_SECRET, LICHENG_SCHOOL_CONFIG: temp.json('school.json', schoolConfig()), LICHENG_DATA_DIR: temp.make() });

  it('keeps unreferenced files 24 hours and sweeps hourly by default', () => {
    const settings = readSettings(base());
    expect([settings.sweepGraceMs, settings.sweepIntervalMs]).toEqual([24 * 3_600_000, 60 * 60_000]);
  });

  it('reads LICHENG_SWEEP_GRACE_HOURS and LICHENG_SWEEP_INTERVAL_MINUTES (0 turns the periodic sweep off)', () => {
    const settings = readSettings({ ...base(), LICHENG_SWEEP_GRACE_HOURS: '1.5', LICHENG_SWEEP_INTERVAL_MINUTES: '0' });
    expect([settings.sweepGraceMs, settings.sweepIntervalMs]).toEqual([1.5 * 3_600_000, 0]);
  });

  it('refuses a negative or non-numeric value, naming the setting', () => {
    expect(() => readSettings({ ...base(), LICHENG_SWEEP_GRACE_HOURS: '-1' })).toThrow('LICHENG_SWEEP_GRACE_HOURS must be a number of 0 or more (got "-1")');
    expect(() => readSettings({ ...base(), LICHENG_SWEEP_INTERVAL_MINUTES: 'hourly' })).toThrow('LICHENG_SWEEP_INTERVAL_MINUTES must be a number of 0 or more (got "hourly")');
  });
});

describe('readSettings for background jobs and reminder e-mail', () => {
  const base = () => ({ LICHENG_HOST_SECRET: HOST_SECRET, LICHENG_SCHOOL_CONFIG: temp.json('school.json', schoolConfig()), LICHENG_DATA_DIR: temp.make() });

  it('ticks every minute, looks for reminders hourly and sends no e-mail by default (in-app reminders only)', () => {
    const settings = readSettings(base());
    expect([settings.jobTickMs, settings.reminderIntervalMs, settings.smtp]).toEqual([60_000, 3_600_000, null]);
  });

  it('reads the SMTP server, with the port following LICHENG_SMTP_SECURE unless given', () => {
    const from = '學習歷程檔案平台 <portfolio@school.example>';
    expect(readSettings({ ...base(), LICHENG_SMTP_HOST: 'smtp.school.example', LICHENG_SMTP_FROM: from }).smtp).toEqual({ host: 'smtp.school.example', port: 587, secure: false, from });
    expect(readSettings({ ...base(), LICHENG_SMTP_HOST: 'smtp.school.example', LICHENG_SMTP_FROM: from, LICHENG_SMTP_SECURE: 'yes', LICHENG_SMTP_USER: 'portfolio', LICHENG_SMTP_PASS: 'pw' }).smtp).toEqual({
      host: 'smtp.school.example',
      port: 465,
      secure: true,
      from,
      user: 'portfolio',
      pass: 'pw',
    });
    expect(readSettings({ ...base(), LICHENG_SMTP_HOST: 'smtp.school.example', LICHENG_SMTP_FROM: from, LICHENG_SMTP_PORT: '2525' }).smtp?.port).toBe(2525);
  });

  it('refuses an SMTP host without a sender, and a port that is not one', () => {
    expect(() => readSettings({ ...base(), LICHENG_SMTP_HOST: 'smtp.school.example' })).toThrow('LICHENG_SMTP_FROM must name the sender');
    expect(() => readSettings({ ...base(), LICHENG_SMTP_HOST: 'smtp.school.example', LICHENG_SMTP_FROM: 'a@b.example', LICHENG_SMTP_PORT: '70000' })).toThrow('LICHENG_SMTP_PORT must be a port number (got "70000")');
  });
});

describe('readSettings: where files live (LICHENG_STORAGE, LICHENG_S3_*)', () => {
  const env = (extra: Record<string, string>) => ({ LICHENG_HOST_SECRET: HOST_SECRET, LICHENG_SCHOOL_CONFIG: temp.json('school.json', schoolConfig()), LICHENG_DATA_DIR: temp.make(), ...extra });
  const s3 = {
    LICHENG_STORAGE: 's3',
    LICHENG_S3_ENDPOINT: 'https://s3.school.example',
    LICHENG_S3_BUCKET: 'licheng-files',
    LICHENG_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    LICHENG_S3_SECRET_ACCESS_KEY: 'secret-never-shown',
  };

  it('keeps files in the data folder by default', () => {
    expect(readSettings(env({})).storage).toEqual({ kind: 'local' });
    expect(readSettings(env({ LICHENG_STORAGE: ' Local ' })).storage).toEqual({ kind: 'local' });
  });

  it('reads an S3-compatible store: region us-east-1 and path-style requests unless told otherwise, no prefix', () => {
    expect(readSettings(env(s3)).storage).toEqual({
      kind: 's3',
      endpoint: 'https://s3.school.example',
      bucket: 'licheng-files',
      region: 'us-east-1',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret-never-shown',
      prefix: '',
      forcePathStyle: true,
    });
    const full = readSettings(env({ ...s3, LICHENG_S3_ENDPOINT: 'http://10.0.0.5:9000/', LICHENG_S3_REGION: 'ap-northeast-1', LICHENG_S3_PREFIX: 'city/school-123456/', LICHENG_S3_FORCE_PATH_STYLE: 'false' })).storage;
    expect(full).toMatchObject({ endpoint: 'http://10.0.0.5:9000', region: 'ap-northeast-1', prefix: 'city/school-123456/', forcePathStyle: false });
    for (const yes of ['1', 'TRUE', 'yes', 'on']) expect(readSettings(env({ ...s3, LICHENG_S3_FORCE_PATH_STYLE: yes })).storage).toMatchObject({ forcePathStyle: true });
  });

  it('refuses an unknown kind of storage, naming the two there are', () => {
    expect(() => readSettings(env({ LICHENG_STORAGE: 'minio' }))).toThrow('LICHENG_STORAGE must be "local" (files in the data folder, the default) or "s3" (an S3-compatible object store) (got "minio")');
  });

  it('names every missing S3 setting at once, and never shows the secret', () => {
    expect(() => readSettings(env({ LICHENG_STORAGE: 's3' }))).toThrow(
      "LICHENG_STORAGE=s3: LICHENG_S3_ENDPOINT must name the store's URL (https://s3.example.edu.tw); LICHENG_S3_BUCKET must name the bucket; LICHENG_S3_ACCESS_KEY_ID must be set (the store's access key id); LICHENG_S3_SECRET_ACCESS_KEY must be set (the store's secret access key)",
    );
    try {
      readSettings(env({ ...s3, LICHENG_S3_BUCKET: 'Bad_Bucket' }));
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-never-shown');
    }
  });

  it.each([
    ['LICHENG_S3_ENDPOINT', 's3.school.example', "LICHENG_S3_ENDPOINT must be the store's http:// or https:// URL, with no path, query or credentials in it (got \"s3.school.example\")"],
    ['LICHENG_S3_ENDPOINT', 'ftp://s3.school.example', 'LICHENG_S3_ENDPOINT must be the store'],
    ['LICHENG_S3_ENDPOINT', 'https://key:pw@s3.school.example', 'LICHENG_S3_ENDPOINT must be the store'],
    ['LICHENG_S3_ENDPOINT', 'https://s3.school.example/licheng-files', 'LICHENG_S3_ENDPOINT must be the store'],
    ['LICHENG_S3_BUCKET', 'Licheng_Files', 'LICHENG_S3_BUCKET must be a bucket name: 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit (got "Licheng_Files")'],
    ['LICHENG_S3_BUCKET', 'ab', 'LICHENG_S3_BUCKET must be a bucket name'],
    ['LICHENG_S3_BUCKET', 'a..b', 'LICHENG_S3_BUCKET must be a bucket name'],
    ['LICHENG_S3_REGION', 'Taipei 1', 'LICHENG_S3_REGION must be a region name such as us-east-1 (got "Taipei 1")'],
    ['LICHENG_S3_PREFIX', 'school-123456', 'LICHENG_S3_PREFIX must be empty or a key prefix ending in "/" such as "school-123456/"'],
    ['LICHENG_S3_PREFIX', '/school-123456/', 'LICHENG_S3_PREFIX must be empty or a key prefix'],
    ['LICHENG_S3_PREFIX', 'a/../b/', 'LICHENG_S3_PREFIX must be empty or a key prefix'],
    ['LICHENG_S3_PREFIX', 'a//', 'LICHENG_S3_PREFIX must be empty or a key prefix'],
    ['LICHENG_S3_FORCE_PATH_STYLE', 'maybe', 'LICHENG_S3_FORCE_PATH_STYLE must be true or false (got "maybe")'],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => readSettings(env({ ...s3, [name]: value }))).toThrow(message);
  });

  it('refuses S3 settings while LICHENG_STORAGE does not ask for S3, rather than keep files where nobody expects them', () => {
    expect(() => readSettings(env({ LICHENG_S3_BUCKET: 'licheng-files', LICHENG_S3_ENDPOINT: 'https://s3.school.example' }))).toThrow(
      'LICHENG_S3_ENDPOINT, LICHENG_S3_BUCKET are set but LICHENG_STORAGE is not "s3": set LICHENG_STORAGE=s3 to keep files in the object store, or remove them',
    );
  });

  it('keeps the demo on its own data folder: S3 storage is refused there', () => {
    expect(() => readSettings({ ...s3, LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make() })).toThrow('LICHENG_DEMO refuses to start: LICHENG_STORAGE is "s3" (the demo keeps its files in its own data folder)');
  });
});
