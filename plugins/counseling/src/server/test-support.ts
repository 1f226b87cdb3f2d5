import type { DialectName } from '@licheng/db';
import { createTestLicheng, seedRoster, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';

/** Users and a school with the test roster: teachers T001 王 and T002 李, students S001–S003 in class 101 (114-1). */
export const counselor: TestUser = { userId: 'c-staff', name: '輔導室 輔導組長', roles: ['counseling-staff'] };
export const wang: TestUser = { userId: 't-wang', name: '王老師', roles: ['course-consultant'] };
export const li: TestUser = { userId: 't-li', name: '李老師', roles: ['course-consultant'] };
export const wangHomeroom: TestUser = { userId: 't-wang', name: '王老師', roles: ['homeroom-teacher'] };
export const chen: TestUser = { userId: 's-chen', name: '陳小明', roles: ['student'] };
export const lin: TestUser = { userId: 's-lin', name: '林小華', roles: ['student'] };

export const session = { date: '2025-09-30', time: '12:10-13:00', place: '諮詢室', form: '1', advice: '建議選修物理與化學' };

export async function counselingSchool(dialect: DialectName, config: Record<string, unknown> = {}): Promise<TestLicheng> {
  const t = await createTestLicheng({ dialect, plugins: [plugin], config });
  await seedRoster(t);
  const wangId = (await t.db.kysely.selectFrom('teachers').select('id').where('teacher_no', '=', 'T001').executeTakeFirstOrThrow()).id;
  const at = t.clock.now.toISOString();
  // 王老師 is homeroom teacher (導師) of 101 this year.
  await t.db.kysely.insertInto('classes').values({ id: 'c101', school_code: t.config.code, academic_year: 114, class_name: '101', grade: 1, homeroom_teacher_id: wangId, created_at: at, updated_at: at }).execute();
  return t;
}

export function csvUpload(text: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new File([new TextEncoder().encode(text)], 'list.csv'));
  return form;
}
