import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_KINDS, roleSchema, type ImportKind } from '@licheng/core';
import { exportRosterToFile, importRosterFile } from '@licheng/plugin-registry/server';
import { describeSweep, signHostToken, sweepStorage } from '@licheng/server';
import { demoSchedule } from './demo/schedule.ts';
import { backupCommand, restoreCommand, verifyCommand } from './maintenance-commands.ts';
import { seedDemo } from './demo/seed.ts';
import { openApp } from './open-app.ts';
import { openApiForSettings } from './openapi.ts';
import { isMultiSchool, readDeploymentSettings, readSettings, type Settings } from './settings.ts';
import { schoolsCommand, schoolsUsage } from './schools-command.ts';
import { openDatabase } from '@licheng/db';
import { migrateDeployment, readSchool } from '@licheng/server';

const usage = `licheng — command line for school staff and operators (reads the same LICHENG_* settings as the server)

  licheng migrate                                  bring the database to the latest schema
  licheng import <students|teachers|courses|enrolments|classes> <file> [--dry-run] [--map key=表頭 ...]
                                                   import a roster file (.xlsx or .csv in UTF-8 or Big5)
  licheng export roster --year 114 --semester 1 [--kind 26 | --roster <id> [--batch regular|grade12-first|grade12-second]] --out <file.xlsx>
                                                   write the roster for the central database
  licheng sweep [--grace-hours 24]                 remove files no record references (older than the grace
                                                   period) and temp files of stopped processes; safe beside
                                                   a running server
  licheng seed-demo                                load the demo school (demo mode only)
  licheng token --user <id> --name <name> --roles <role,role> [--ttl 3600]
                                                   sign a host token (for testing an integration)
  licheng openapi [--out <file.json>] [--server <url>]
                                                   write the OpenAPI 3.1 document of this school's API
                                                   (stdout without --out; --server: the API's base URL)
  licheng backup <dir>                             write a consistent backup of the database and every stored file
                                                   into the new folder <dir> (the server keeps serving)
  licheng restore <dir>                            restore a backup into a new, empty database and data folder
                                                   (every checksum is verified before anything is written)
  licheng verify [<dir>]                           check the live data: every referenced file present with its hash,
                                                   every stored file referenced; with <dir>, check a backup instead

In a deployment of many schools (LICHENG_MULTI_SCHOOL=1) the commands above act on the school given
with --school <code>, and the schools themselves are kept with:
${schoolsUsage}`;

const from = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      map: { type: 'string', multiple: true },
      year: { type: 'string' },
      semester: { type: 'string' },
      kind: { type: 'string' },
      roster: { type: 'string' },
      batch: { type: 'string' },
      out: { type: 'string' },
      user: { type: 'string' },
      name: { type: 'string' },
      roles: { type: 'string' },
      ttl: { type: 'string' },
      server: { type: 'string' },
      'grace-hours': { type: 'string' },
      school: { type: 'string' },
      'expect-version': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help || command === 'help') {
    console.log(usage);
    return command ? 0 : 1;
  }
  if (command === 'schools') {
    const expectVersion = values['expect-version'];
    return schoolsCommand(readDeploymentSettings(), rest, { by: process.env.USER || 'operator', ...(expectVersion !== undefined ? { expectVersion } : {}) });
  }
  const settings = isMultiSchool() ? await deploymentSchoolSettings(command, values.school) : readSettings();
  if (settings.demo && settings.config.schedule.length === 0) settings.config = { ...settings.config, schedule: demoSchedule(new Date()) };

  if (command === 'token') {
    if (!values.user || !values.roles) throw new Error('token needs --user and --roles');
    const roles = values.roles.split(',').map((r) => roleSchema.parse(r.trim()));
    console.log(await signHostToken({ userId: values.user, name: values.name ?? values.user, school: settings.config.code, roles }, settings.hostSecret, Number(values.ttl ?? 3600)));
    return 0;
  }

  if (command === 'openapi') {
    const json = `${JSON.stringify(await openApiForSettings(settings, values.server), null, 2)}\n`;
    // Wait for the write: process.exit would cut a long document short on a pipe.
    if (!values.out) await new Promise<void>((resolve, reject) => process.stdout.write(json, (error) => (error ? reject(error) : resolve())));
    else {
      fs.writeFileSync(from(values.out), json);
      console.error(`已寫入 / written: ${from(values.out)}`);
    }
    return 0;
  }

  // Backup, restore and verify open the database themselves: none of them migrates it.
  switch (command) {
    case 'backup':
      if (!rest[0]) throw new Error('usage: licheng backup <dir>');
      return backupCommand(settings, from(rest[0]));
    case 'restore':
      if (!rest[0]) throw new Error('usage: licheng restore <dir>');
      return restoreCommand(settings, from(rest[0]));
    case 'verify':
      return verifyCommand(settings, rest[0] ? from(rest[0]) : undefined);
  }

  const { app, db, storage, tempSwept } = await openApp(settings);
  try {
    switch (command) {
      case 'migrate':
        console.log(`database is up to date (${db.description})`);
        return 0;
      case 'sweep': {
        const graceHours = values['grace-hours'] === undefined ? settings.sweepGraceMs / 3_600_000 : Number(values['grace-hours']);
        if (!Number.isFinite(graceHours) || graceHours < 0) throw new Error('usage: licheng sweep [--grace-hours <hours, 0 or more>]');
        const report = await sweepStorage(db, storage, { graceMs: graceHours * 3_600_000 });
        // Opening the data folder already removed the temp folders of stopped processes: report them too.
        const temp = { folders: [...tempSwept.folders, ...report.temp.folders], files: [...tempSwept.files, ...report.temp.files], bytes: tempSwept.bytes + report.temp.bytes };
        console.log(describeSweep({ ...report, temp, bytes: report.bytes + tempSwept.bytes }));
        return 0;
      }
      case 'seed-demo':
        if (!settings.demo) throw new Error('seed-demo needs LICHENG_DEMO=1');
        console.log((await seedDemo(app)) ? 'demo school loaded' : 'the demo school already has students; nothing done');
        return 0;
      case 'import': {
        const [kind, file] = rest;
        if (!kind || !IMPORT_KINDS.includes(kind as ImportKind) || !file) throw new Error(`usage: licheng import <${IMPORT_KINDS.join('|')}> <file>`);
        const mapping = Object.fromEntries((values.map ?? []).map((m) => m.split('=', 2) as [string, string]));
        const result = await importRosterFile(app, kind as ImportKind, from(file), { mapping, dryRun: values['dry-run'] ?? false });
        for (const issue of result.issues) console.error(`${issue.row === null ? '' : `第 ${issue.row} 列 `}${issue.column ?? ''} ${issue.message}`.trim());
        if (!result.ok) {
          console.error(`匯入失敗：${result.issues.length} 個問題，未寫入任何資料 / import refused: ${result.issues.length} problems, nothing written`);
          return 2;
        }
        const c = result.counts;
        console.log(`${values['dry-run'] ? '檢查通過（未寫入）' : '匯入完成'}：${result.totalRows} 列 — 新增 ${c.inserted}、更新 ${c.updated}、未變 ${c.unchanged}`);
        return 0;
      }
      case 'export': {
        if (rest[0] !== 'roster' || !values.year || !values.semester || !values.out) throw new Error('usage: licheng export roster --year 114 --semester 1 [--kind 26 | --roster <id> [--batch regular|grade12-first|grade12-second]] --out <file.xlsx>');
        // The plugin validates the kind: one with no exporter is refused, never written empty.
        const named = values.roster ? { roster: values.roster, batch: values.batch ?? 'regular' } : { kind: Number(values.kind ?? 26) };
        const result = await exportRosterToFile(app, { academicYear: Number(values.year), semester: Number(values.semester), ...named }, from(values.out));
        console.log(`已匯出 ${result.rowCount} 筆至 ${from(values.out)}`);
        if (result.reviewPath) console.log(`待處理（缺）${result.review?.rowCount ?? 0} 筆，不提交：${result.reviewPath}`);
        return 0;
      }
      default:
        console.error(`unknown command "${command}"\n\n${usage}`);
        return 1;
    }
  } finally {
    await db.destroy();
  }
}

/** In a deployment of many schools, one school's settings: its configuration as the database holds it. */
async function deploymentSchoolSettings(command: string, code: string | undefined): Promise<Settings> {
  if (['backup', 'restore', 'verify'].includes(command)) {
    throw new Error(`licheng ${command} works on one school's own database; a deployment of many schools is backed up with its database's and object store's own tools (docs/scaling.md)`);
  }
  if (!code) throw new Error('in a deployment of many schools (LICHENG_MULTI_SCHOOL=1), name the school: --school <code>');
  const { seeds: _seeds, ...common } = readDeploymentSettings();
  const db = openDatabase({ url: common.databaseUrl, dataDir: common.dataDir });
  try {
    await migrateDeployment(db);
    const school = await readSchool(db.kysely, code);
    if (!school) throw new Error(`本平台沒有學校 ${code} / no school ${code} in this deployment (licheng schools list)`);
    return { ...common, config: school.config, schoolConfigPath: `(database: school ${code} v${school.version})` };
  } finally {
    await db.destroy();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
