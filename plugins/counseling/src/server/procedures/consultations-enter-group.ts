import { DomainError, freeText, RECORD_KINDS, recordFieldsSchema } from '@licheng/core';
import { newId } from '@licheng/db';
import { assertMayEnter, authedProcedure, enterRecords, lockStudents } from '@licheng/server';
import { z } from 'zod';
import { callerTeacherId } from '../advisee-store.ts';

const consultation = RECORD_KINDS.consultation;

export const consultationsEnterGroupInput = z.object({
  /** The advisees who took part (學號), at least one. */
  studentNos: z.array(freeText({ max: 32 })).min(1).max(60),
  academicYear: z.number().int().min(100).max(999),
  semester: z.union([z.literal(1), z.literal(2)]),
  /** 諮詢內容 (the content), as the summary of every student's record. */
  summary: freeText({ max: 100, multiline: true, allowBlank: true }),
  /** 日期, 時間, 地點, 諮詢意見; 諮詢方式 is 團體. */
  data: z.record(z.string().max(64), z.union([z.string().max(4000), z.number(), z.null()])),
});

/**
 * `counseling.consultations.enterGroup` — a group consultation (團體諮詢): one session, the same
 * date, time, place, content and advice recorded for each advisee who took part, in one
 * transaction. Only the consultant's own advisees: anyone else refuses the whole session
 * ('import-student-out-of-scope'), an unknown 學號 'student-unknown'. Audited as one operation
 * with an entry per record.
 */
export const consultationsEnterGroup = authedProcedure(['course-consultant'])
  .input(consultationsEnterGroupInput)
  .mutation(async ({ ctx, input }): Promise<{ ids: string[] }> => {
    const numbers = [...new Set(input.studentNos)];
    const students = await ctx.db.selectFrom('students').selectAll().where('school_code', '=', ctx.config.code).where('student_no', 'in', numbers).execute();
    const unknown = numbers.find((no) => !students.some((s) => s.student_no === no));
    if (unknown) throw new DomainError('student-unknown', { studentNo: unknown });
    assertMayEnter(ctx, consultation.id, students[0]!);
    const teacher = await callerTeacherId(ctx);
    const mine = new Set(teacher ? (await ctx.db.selectFrom('advisees').select('student_id').where('teacher_id', '=', teacher).execute()).map((a) => a.student_id) : []);
    const outside = students.find((s) => !mine.has(s.id));
    if (outside) throw new DomainError('import-student-out-of-scope', { value: outside.student_no });
    const parsed = recordFieldsSchema(consultation.fields).safeParse({ ...input.data, form: '2' });
    if (!parsed.success) {
      const params = (parsed.error.issues[0] as { params?: Record<string, string | number> } | undefined)?.params ?? {};
      const { code, ...rest } = params;
      throw new DomainError(typeof code === 'string' ? code : 'invalid-input', rest);
    }
    const items = students.map((student) => ({ student, academicYear: input.academicYear, semester: input.semester, summary: input.summary, data: parsed.data }));
    const rows = await ctx.db.transaction().execute(async (trx) => {
      await lockStudents(trx, ctx, students.map((s) => s.id));
      return enterRecords(trx, ctx, consultation.id, items, { operation: { action: 'consultation.enter-group', entity: 'consultation-group', entityId: newId(), after: { students: numbers, date: parsed.data.date ?? null } } });
    });
    return { ids: rows.map((r) => r.id) };
  });
