import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCourseCode, parseSchoolConfig } from '@licheng/core';
import { createTestDatabase, testDialects, type TestDatabase } from '@licheng/db/testing';
import { createLicheng, LocalFileStorage, type LichengApp } from '@licheng/server';
import { availablePlugins } from '../plugins.ts';
import { configPath, readConfigFile } from '../testing/seed-schools.ts';
import { demoSchedule } from './schedule.ts';
import { seedDemo } from './seed.ts';

/**
 * The demo loaded into two schools of one database (one app per school, one file store): the
 * second gets the same demo as the first, with course codes of its own 學校代碼 — so its
 * curriculum pre-check finds what the first's finds, not every course as unknown.
 */
describe.each(testDialects())('seedDemo for a second school on the same database (%s)', (dialect) => {
  const now = new Date('2026-11-27T04:00:00Z');
  let db: TestDatabase;
  let filesDir: string;
  const apps: LichengApp[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-demo-two-'));
    const storage = new LocalFileStorage(filesDir);
    const demo = readConfigFile(configPath('demo-school'));
    for (const code of ['999901', '999902']) {
      const config = parseSchoolConfig({ ...demo, code, schedule: demoSchedule(now) });
      apps.push(await createLicheng({ config, db, storage, hostSecret: 'demo-second-school-secret-long-enough-000', plugins: availablePlugins, now: () => now }));
    }
    for (const app of apps) expect(await seedDemo(app)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  const countBySchool = async (table: string) =>
    Object.fromEntries(((await db.kysely.selectFrom(table).select(['school_code', (eb: any) => eb.fn.countAll().as('n')]).groupBy('school_code').execute()) as unknown as Array<{ school_code: string; n: number | string }>).map((r) => [r.school_code, Number(r.n)]));

  it('gives the second school the same rows as the first', async () => {
    for (const table of ['students', 'teachers', 'courses', 'enrolments', 'records', 'stored_files', 'curriculum_plan_lines', 'curriculum_precheck_differences', 'receipt_items', 'working_group_members']) {
      const counts = await countBySchool(table);
      expect(counts['999902'], table).toBe(counts['999901']);
    }
  });

  it('gives each school course codes of its own 學校代碼', async () => {
    const courses = await db.kysely.selectFrom('courses').select(['school_code', 'code']).execute();
    for (const course of courses) expect(parseCourseCode(course.code).schoolCode, course.code).toBe(course.school_code);
  });
});
