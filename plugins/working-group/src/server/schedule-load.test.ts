import { afterEach, describe, expect, it } from 'vitest';
import { newId, nowIso } from '@licheng/db';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, type TestLicheng } from '@licheng/server/testing';
import plugin from './index.ts';
import { staff, taipei } from './test-schedule.ts';

/** Grade 1 (class 101, three students taking two courses of 114-1) uploads until 10/15 and writes until 11/30. */
const schedule = [
  { activity: 'outcome-upload', academicYear: 114, semester: 1, grades: [1], start: '2025-09-01', end: '2025-10-15' },
  { activity: 'autobiography', academicYear: 114, semester: 0, grades: [1], start: '2025-09-01', end: '2025-11-30' },
];
const performance = { activity: 'performance-upload', academicYear: 114, semester: 0, start: '2025-08-01', end: '2025-10-15' };

describe.each(testDialects())('working-group.schedule.load on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** The test roster plus 60 grade-2 students of 201 and 202, and two outcomes entered at 21:xx and one at 08:xx Taipei. */
  async function start() {
    t = await createTestLicheng({ dialect, plugins: [plugin], config: { schedule }, now: taipei('2025-10-01') });
    await seedRoster(t);
    const at = nowIso(t.clock.now);
    const db = t.db.kysely as any;
    const students = Array.from({ length: 60 }, (_, i) => ({
      id: newId(), school_code: t.config.code, student_no: `G2${String(i).padStart(3, '0')}`, host_user_id: `g2-${i}`, name: `二年級${i}`, national_id: `Z${String(i).padStart(9, '0')}`,
      birth_date: '2008-01-01', grade: 2, class_name: i < 30 ? '201' : '202', seat_no: (i % 30) + 1, division: 'day', department_code: null, status: 'enrolled', created_at: at, updated_at: at,
    }));
    await db.insertInto('students').values(students).execute();
    const chen = await db.selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow();
    const record = (created: string) => ({
      id: newId(), school_code: t.config.code, kind: 'outcome', student_id: chen.id, course_id: null, academic_year: 114, semester: 1, summary: 's', data: '{}',
      document_file_id: null, media_file_id: null, status: 'pending', status_reason: null, decided_by: null, decided_by_name: null, decided_role: null, decided_at: null,
      entered_by: 's-chen', entered_role: 'student', version: 1, created_at: created, updated_at: created,
    });
    await db.insertInto('records').values([record('2025-09-10T13:05:00.000Z'), record('2025-09-11T13:40:00.000Z'), record('2025-09-12T00:30:00.000Z')]).execute();
  }
  const load = (input: unknown) => t.query('working-group.schedule.load', input, staff);

  it('counts the students and items due on each closing day, and warns when the proposed day carries far more', async () => {
    await start();
    const res = await load({ window: performance });
    expect(res.error).toBeNull();
    // 10/15: grade 1's uploads (3 students, 6 enrolments) and everyone's performances (63 students, at least one each).
    expect(res.data.days).toEqual([
      { date: '2025-10-15', students: 63, items: 6 + 63, windows: 2, proposed: true },
      { date: '2025-11-30', students: 3, items: 3, windows: 1, proposed: false },
    ]);
    expect(res.data.peak).toEqual({ date: '2025-10-15', students: 63, items: 69, isProposed: true });
    // The last day's items by the hours the school entered records: 21:00 twice as often as 08:00.
    expect(res.data.hours.reduce((a: number, b: number) => a + b, 0)).toBe(69);
    expect(res.data.hours[21]).toBe(46);
    expect(res.data.hours[8]).toBe(23);
  });

  it('moves the load with the proposed end date and limits it to the grades and classes chosen', async () => {
    await start();
    const later = await load({ window: { ...performance, end: '2025-10-20', classes: ['201'] } });
    expect(later.data.days).toEqual([
      { date: '2025-10-15', students: 3, items: 6, windows: 1, proposed: false },
      { date: '2025-10-20', students: 30, items: 30, windows: 1, proposed: true },
      { date: '2025-11-30', students: 3, items: 3, windows: 1, proposed: false },
    ]);
    expect(later.data.peak).toBeNull();
    expect(later.data.hours.reduce((a: number, b: number) => a + b, 0)).toBe(30);
    const certification = await load({ window: { activity: 'outcome-certification', academicYear: 114, semester: 1, start: '2025-10-16', end: '2025-10-31' } });
    expect(certification.data.days.find((d: any) => d.proposed)).toEqual({ date: '2025-10-31', students: 63, items: 3, windows: 1, proposed: true });
  });

  it('takes the window being changed out of the count, and reads a relative end', async () => {
    await start();
    const stored = (await t.query('working-group.schedule.windows', { academicYear: 114 }, staff)).data.windows;
    const upload = stored.find((w: any) => w.activity === 'outcome-upload');
    const moved = await load({ id: upload.id, window: { ...schedule[0], end: '2025-11-30' } });
    expect(moved.data.days).toEqual([{ date: '2025-11-30', students: 3, items: 9, windows: 2, proposed: true }]);
    const relative = await load({ window: { ...performance, end: undefined, endFrom: { anchor: upload.id, edge: 'end', offsetDays: 7 } } });
    expect(relative.data.end).toBe('2025-10-22');
  });
});
