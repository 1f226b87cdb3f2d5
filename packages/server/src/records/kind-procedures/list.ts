import { freeText, RECORD_STATUSES, recordKindPolicy, type RecordKindDefinition, type RecordStatus, type Role } from '@licheng/core';
import { z } from 'zod';
import type { AuthedContext } from '../../context.ts';
import { authedProcedure } from '../../trpc.ts';
import { certifiesSchoolWide } from '../policy.ts';
import { mountedKind } from './mounted-kinds.ts';
import { visibleTo } from './scope.ts';
import type { RecordData, RecordListInput, RecordListOutput, RecordListRow } from './types.ts';

export const recordListInput = z.object({
  kind: z.string().min(1).max(64).optional(),
  academicYear: z.number().int().min(100).max(999).optional(),
  semester: z.union([z.literal(1), z.literal(2)]).optional(),
  className: freeText({ max: 32 }).optional(),
  studentNo: freeText({ max: 32 }).optional(),
  status: z.enum(RECORD_STATUSES).optional(),
  includeWithdrawn: z.boolean().optional(),
  page: z.number().int().min(1).max(100_000).optional(),
  pageSize: z.number().int().min(1).max(200).optional(),
}) satisfies z.ZodType<RecordListInput>;

/** The rows the caller sees among `kinds`, filtered; shared by the list and the export. */
export async function recordListQuery(ctx: AuthedContext, kinds: readonly RecordKindDefinition[], input: RecordListInput) {
  const ids = input.kind ? [mountedKind(kinds, input.kind).id] : kinds.map((k) => k.id);
  let query = ctx.db
    .selectFrom('records as r')
    .innerJoin('students as s', 's.id', 'r.student_id')
    .where('r.school_code', '=', ctx.config.code)
    .where('r.kind', 'in', ids);
  if (input.academicYear !== undefined) query = query.where('r.academic_year', '=', input.academicYear);
  if (input.semester !== undefined) query = query.where('r.semester', '=', input.semester);
  if (input.className) query = query.where('s.class_name', '=', input.className);
  if (input.studentNo) query = query.where('s.student_no', '=', input.studentNo);
  if (input.status) query = query.where('r.status', '=', input.status);
  else if (!input.includeWithdrawn) query = query.where('r.status', '!=', 'withdrawn');
  return visibleTo(ctx, kinds, query);
}

const COLUMNS = [
  'r.id', 'r.kind', 'r.academic_year', 'r.semester', 'r.summary', 'r.data', 'r.status', 'r.status_reason', 'r.entered_by', 'r.entered_role',
  'r.decided_by', 'r.decided_by_name', 'r.decided_role', 'r.version', 'r.created_at', 'r.updated_at', 'r.document_file_id', 'r.media_file_id',
  's.id as student_id', 's.student_no', 's.name', 's.class_name', 's.seat_no',
] as const;

export async function listRecordRows(ctx: AuthedContext, kinds: readonly RecordKindDefinition[], input: RecordListInput, paging: { offset: number; limit: number } | null) {
  let query = (await recordListQuery(ctx, kinds, input))
    .select([...COLUMNS])
    .orderBy('r.academic_year', 'desc')
    .orderBy('r.semester', 'desc')
    .orderBy('s.class_name')
    .orderBy('s.seat_no')
    .orderBy('r.created_at')
    .orderBy('r.id');
  if (paging) query = query.offset(paging.offset).limit(paging.limit);
  const rows = await query.execute();
  return rows.map((row): RecordListRow => {
    const data = JSON.parse(row.data) as RecordData;
    const enteredByMe = row.entered_by === ctx.identity.userId;
    const status = row.status as RecordStatus;
    const office = ctx.identity.roles.some((r) => certifiesSchoolWide(r) && recordKindPolicy(ctx.config, row.kind).enterers.includes(r)) && certifiesSchoolWide(row.entered_role as Role);
    const mayChange = (enteredByMe || office) && status !== 'withdrawn';
    const certified = recordKindPolicy(ctx.config, row.kind).certifiers.length > 0;
    const registeredByOffice = row.decided_role === row.entered_role && certifiesSchoolWide(row.entered_role as Role);
    const correctable = !mayChange ? 'no' : status !== 'passed' || !certified ? 'yes' : registeredByOffice ? 'with-reason' : 'no';
    return {
      id: row.id,
      kind: row.kind,
      academicYear: row.academic_year,
      semester: row.semester,
      summary: row.summary,
      data,
      status,
      statusReason: row.status_reason,
      student: { id: row.student_id, studentNo: row.student_no, name: row.name, className: row.class_name, seatNo: row.seat_no },
      enteredRole: row.entered_role as Role,
      enteredByMe,
      decidedByName: row.decided_by_name,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      documentFileId: row.document_file_id,
      mediaFileId: row.media_file_id,
      videoUrl: typeof data.videoUrl === 'string' ? data.videoUrl : null,
      correctable,
      withdrawable: mayChange,
      // The certifier's own decision on what someone else entered can be taken back (reopen); a record an office registered is not a decision.
      reopenable: (status === 'passed' || status === 'failed') && row.decided_by === ctx.identity.userId && !registeredByOffice,
    };
  });
}

/** `<office>.records.list` — the records of the office's kinds the caller may see, filtered and paged. */
export function recordListProcedure(kinds: readonly RecordKindDefinition[]) {
  return authedProcedure()
    .input(recordListInput)
    .query(async ({ ctx, input }): Promise<RecordListOutput> => {
      const page = input.page ?? 1;
      const pageSize = input.pageSize ?? 50;
      const counted = await (await recordListQuery(ctx, kinds, input)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await listRecordRows(ctx, kinds, input, { offset: (page - 1) * pageSize, limit: pageSize });
      return { rows, total: Number(counted.n), page, pageSize };
    });
}
