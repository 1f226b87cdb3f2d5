import { taipeiDate, trainingsMissingInTerm, type AcademicTerm, type ReceiptBatchFacts, type SelfCheckFacts, type TrainingKind } from '@licheng/core';
import { scheduleOf, type AuthedContext } from '@licheng/server';
import { certificationByTeacher, selectionByClass, taipeiDayOf } from './progress-facts.ts';
import { workingGroupDb } from './tables.ts';

/**
 * The facts of one term the self-check answers from. The group's own tables give the leads,
 * meetings and trainings; the platform's `schedule_windows`, `records`, `selections` and
 * `students` the schedule, certification and selection. The pre-check and the receipts are other
 * offices' work kept in their own tables, which this office may not read: what they did is read
 * from the platform's audit trail (`audit_log`, append-only), by the actions they write
 * (ADR 0025).
 */

const parse = (json: string | null): Record<string, any> => {
  try {
    return json ? (JSON.parse(json) as Record<string, any>) : {};
  } catch {
    return {};
  }
};

/** The other offices' audit entries the self-check reads (one query for all of them). */
const FACT_ACTIONS = ['curriculum.precheck.run', 'receipt.batch.import', 'receipt.item.import', 'receipt.item.confirm', 'receipt.issue.raise', 'receipt.issue.resolve'];
type AuditRow = { id: string; action: string; entity_id: string; parent_id: string | null; after: string | null; at: string };

async function auditOf(ctx: AuthedContext): Promise<AuditRow[]> {
  return ctx.db.selectFrom('audit_log').select(['id', 'action', 'entity_id', 'parent_id', 'after', 'at']).where('school_code', '=', ctx.config.code).where('action', 'in', FACT_ACTIONS).execute() as Promise<AuditRow[]>;
}

/** Taipei dates of the curriculum office's pre-check runs of the term (`curriculum.precheck.run`). */
export function precheckRuns(rows: readonly AuditRow[], term: AcademicTerm): string[] {
  return rows
    .filter((r) => r.action === 'curriculum.precheck.run')
    .filter((r) => {
      const a = parse(r.after);
      return Number(a.academicYear) === term.academicYear && Number(a.semester) === term.semester;
    })
    .map((r) => taipeiDayOf(r.at));
}

/**
 * The registry's receipt batches of the term (`receipt.batch.import`, with the window announced)
 * and, for each, its items (`receipt.item.import` under the batch's entry), those a student
 * confirmed (`receipt.item.confirm`) and those with an issue raised (`receipt.issue.raise`) and
 * not resolved (`receipt.issue.resolve`).
 */
export function receiptBatches(rows: readonly AuditRow[], term: AcademicTerm): ReceiptBatchFacts[] {
  // Each batch's items, grouped once (not a scan of every entry per batch).
  const itemsOf = new Map<string, string[]>();
  for (const r of rows) if (r.action === 'receipt.item.import' && r.parent_id) itemsOf.set(r.parent_id, [...(itemsOf.get(r.parent_id) ?? []), r.entity_id]);
  const confirmed = new Set(rows.filter((r) => r.action === 'receipt.item.confirm').map((r) => r.entity_id));
  const resolved = new Set(rows.filter((r) => r.action === 'receipt.issue.resolve').map((r) => r.entity_id));
  const openIssueItems = new Set(rows.filter((r) => r.action === 'receipt.issue.raise' && !resolved.has(r.entity_id)).map((r) => String(parse(r.after).item_id)));
  return rows
    .filter((r) => r.action === 'receipt.batch.import')
    .map((b) => ({ entry: b, after: parse(b.after) }))
    .filter(({ after }) => Number(after.academicYear) === term.academicYear && Number(after.semester) === term.semester && after.window?.start && after.window?.end)
    .sort((a, b) => (a.entry.at < b.entry.at ? -1 : 1))
    .map(({ entry, after }) => {
      const items = itemsOf.get(entry.id) ?? [];
      const issues = items.filter((id) => openIssueItems.has(id));
      return {
        start: String(after.window.start),
        end: String(after.window.end),
        items: items.length,
        confirmed: items.filter((id) => confirmed.has(id) && !openIssueItems.has(id)).length,
        openIssues: issues.length,
      };
    });
}

/** Everything the automatic items of the self-check need for `term`. */
export async function selfCheckFacts(ctx: AuthedContext, term: AcademicTerm): Promise<SelfCheckFacts> {
  const school = ctx.config.code;
  const audit = await auditOf(ctx);
  const today = taipeiDate(ctx.now());
  const db = workingGroupDb(ctx.db);
  const leads = await db
    .selectFrom('working_group_members')
    .select(['name', 'group_role'])
    .where('school_code', '=', school)
    .where('academic_year', '=', term.academicYear)
    .where('single_role', 'is not', null)
    .execute();
  const meetings = await db.selectFrom('working_group_meetings').select('meeting_date').where('school_code', '=', school).where('academic_year', '=', term.academicYear).where('semester', '=', term.semester).execute();
  const trainings = await db.selectFrom('working_group_trainings').select(['kind', 'academic_year', 'semester', 'held_date']).where('school_code', '=', school).where('academic_year', '=', term.academicYear).execute();
  const windows = (await scheduleOf(ctx)).filter((w) => w.academicYear === term.academicYear && (w.semester === 0 || w.semester === term.semester));
  return {
    academicYear: term.academicYear,
    semester: term.semester,
    today,
    leads: {
      convenor: leads.find((l) => l.group_role === 'convenor')?.name ?? null,
      executiveSecretary: leads.find((l) => l.group_role === 'executive-secretary')?.name ?? null,
    },
    meetingDates: meetings.map((m) => m.meeting_date),
    trainingsMissing: trainingsMissingInTerm(
      trainings.map((t) => ({ kind: t.kind as TrainingKind, academicYear: t.academic_year, semester: t.semester, heldDate: t.held_date })),
      ctx.config.rules.trainings,
      term,
      today,
    ),
    windows: windows.map((w) => ({ activity: w.activity, semester: w.semester, start: w.start, end: w.end, selfCheck: w.selfCheck ?? null })),
    precheckRuns: precheckRuns(audit, term),
    teachers: await certificationByTeacher(ctx, term),
    classes: await selectionByClass(ctx, term.academicYear),
    receiptBatches: receiptBatches(audit, term),
  };
}
