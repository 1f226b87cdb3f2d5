import ExcelJS from 'exceljs';
import type { DialectName } from '@licheng/db';
import { createTestLicheng, encodeBig5, seedRoster, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';

/** Helpers for this office's tests: a vocational school with the test roster, and list files in every shape. */

export const staff: TestUser = { userId: 'p-staff', name: '實習處 就業組長', roles: ['practicum-staff'] };
export const chen: TestUser = { userId: 's-chen', name: '陳小明', roles: ['student'] };
export const registry: TestUser = { userId: 'r-staff', name: '註冊組長', roles: ['registry-staff'] };

/** A vocational school (the harness clock reads 2025-10-01, 114-1) with students S001–S003 in class 101. */
export async function practicumSchool(dialect: DialectName): Promise<TestLicheng> {
  const t = await createTestLicheng({ dialect, plugins: [plugin], config: { type: 'vocational' } });
  await seedRoster(t);
  return t;
}

export async function addStudent(t: TestLicheng, studentNo: string, className: string, seatNo: number): Promise<void> {
  const now = t.clock.now.toISOString();
  await t.db.kysely
    .insertInto('students')
    .values({ id: `id-${studentNo}`, school_code: t.config.code, student_no: studentNo, host_user_id: `h-${studentNo}`, name: `學生${studentNo}`, national_id: `N-${studentNo}`, birth_date: '2008-01-01', grade: 2, class_name: className, seat_no: seatNo, division: 'day', department_code: null, status: 'enrolled', created_at: now, updated_at: now })
    .execute();
}

export type Rows = ReadonlyArray<ReadonlyArray<string | number | Date | null>>;

export function csvBytes(rows: Rows, encoding: 'utf-8' | 'utf-8-bom' | 'big5' = 'utf-8'): Uint8Array {
  const text = rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'big5') return encodeBig5(text);
  return new TextEncoder().encode(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text);
}

export async function xlsxBytes(rows: Rows): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('合格名單');
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Posts a list to practicum.certificates.import as the office would. */
export function importList(t: TestLicheng, bytes: Uint8Array, options: { dryRun?: boolean; name?: string; user?: TestUser } = {}) {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], options.name ?? 'list.csv'));
  if (options.dryRun !== undefined) form.set('dryRun', String(options.dryRun));
  return t.upload('practicum.certificates.import', form, options.user ?? staff);
}

export const HEADER = ['學號', '證照名稱', '級別', '證照號碼', '發證日期', '發證單位'] as const;

export async function certificateRecords(t: TestLicheng) {
  return t.db.kysely.selectFrom('records').selectAll().where('kind', '=', 'skill-certificate').orderBy('created_at').orderBy('id').execute();
}
