import { academicTermOf, consentYearsFor, DomainError, normalizeConsentScope, type ConsentPart, type ConsentScope } from '@licheng/core';
import { forUpdate, newId, nowIso } from '@licheng/db';
import { writeAudit, type AuthedContext, type Student } from '@licheng/server';
import type { Kysely } from 'kysely';

/**
 * 同意 — the student's consent to release their portfolio to university admission committees
 * (大學招生委員會): its scope (parts and academic years, core consent.ts) and when it was given;
 * withdrawn by the student at any time. Giving a new consent ends the one in force (`replaced`).
 * Every change is audited (`consent.give`, `consent.withdraw`) and the registry reads every
 * student's state (`student.consents.list`).
 */
export interface ConsentTable {
  id: string;
  school_code: string;
  student_id: string;
  /** JSON list of ConsentPart. */
  parts: string;
  /** JSON list of academic years. */
  academic_years: string;
  given_at: string;
  withdrawn_at: string | null;
  /** Why it ended: `withdrawn` by the student, or `replaced` by a newer consent. */
  ended_by: string | null;
}

export interface ConsentDatabase {
  portfolio_consents: ConsentTable;
}

export const consentDb = (db: Kysely<any>) => db as Kysely<ConsentDatabase>;

/** One consent as the screens show it. */
export interface Consent {
  id: string;
  parts: ConsentPart[];
  academicYears: number[];
  givenAt: string;
  withdrawnAt: string | null;
  endedBy: 'withdrawn' | 'replaced' | null;
}

export function consentOf(row: ConsentTable): Consent {
  return {
    id: row.id,
    parts: JSON.parse(row.parts) as ConsentPart[],
    academicYears: JSON.parse(row.academic_years) as number[],
    givenAt: row.given_at,
    withdrawnAt: row.withdrawn_at,
    endedBy: (row.ended_by as Consent['endedBy']) ?? null,
  };
}

/** The years the student may choose: from the year they entered (by their grade today) to the current one. */
export function choosableYears(ctx: AuthedContext, student: Pick<Student, 'grade'>): number[] {
  const current = academicTermOf(ctx.now()).academicYear;
  return consentYearsFor(current - Math.max(0, student.grade - 1), current);
}

/** The student's consents, newest first. */
export async function consentsOf(ctx: AuthedContext, studentId: string): Promise<Consent[]> {
  const rows = await consentDb(ctx.db).selectFrom('portfolio_consents').selectAll().where('school_code', '=', ctx.config.code).where('student_id', '=', studentId).orderBy('given_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(consentOf);
}

/** Gives consent with `scope` (replacing one in force), under the student's row lock; audited. */
export async function giveConsent(ctx: AuthedContext, student: Student, scope: ConsentScope): Promise<Consent> {
  const years = choosableYears(ctx, student);
  const wrong = scope.academicYears.find((y) => !years.includes(y));
  if (wrong !== undefined) throw new DomainError('consent-year-not-yours', { year: wrong });
  const chosen = normalizeConsentScope(scope);
  const at = nowIso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    await forUpdate(trx.selectFrom('students').select('id').where('id', '=', student.id), ctx.dialect).execute();
    const db = consentDb(trx);
    const current = await db.selectFrom('portfolio_consents').selectAll().where('school_code', '=', ctx.config.code).where('student_id', '=', student.id).where('withdrawn_at', 'is', null).execute();
    if (current.length) await db.updateTable('portfolio_consents').set({ withdrawn_at: at, ended_by: 'replaced' }).where('id', 'in', current.map((c) => c.id)).execute();
    const row: ConsentTable = { id: newId(), school_code: ctx.config.code, student_id: student.id, parts: JSON.stringify(chosen.parts), academic_years: JSON.stringify(chosen.academicYears), given_at: at, withdrawn_at: null, ended_by: null };
    await db.insertInto('portfolio_consents').values(row).execute();
    const before = current[0] ? consentOf(current[0]) : null;
    await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'consent.give', entity: 'consent', entityId: row.id, studentId: student.id, before: before ? { parts: before.parts, academicYears: before.academicYears } : null, after: { parts: chosen.parts, academicYears: chosen.academicYears, givenAt: at }, at: ctx.now() });
    return consentOf(row);
  });
}

/** Withdraws the consent in force (`consent-not-given` when there is none); audited. */
export async function withdrawConsent(ctx: AuthedContext, student: Student): Promise<Consent> {
  const at = nowIso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    await forUpdate(trx.selectFrom('students').select('id').where('id', '=', student.id), ctx.dialect).execute();
    const db = consentDb(trx);
    const current = await db.selectFrom('portfolio_consents').selectAll().where('school_code', '=', ctx.config.code).where('student_id', '=', student.id).where('withdrawn_at', 'is', null).executeTakeFirst();
    if (!current) throw new DomainError('consent-not-given', {});
    await db.updateTable('portfolio_consents').set({ withdrawn_at: at, ended_by: 'withdrawn' }).where('id', '=', current.id).execute();
    const consent = consentOf(current);
    await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'consent.withdraw', entity: 'consent', entityId: current.id, studentId: student.id, before: { parts: consent.parts, academicYears: consent.academicYears, givenAt: consent.givenAt }, after: { withdrawnAt: at }, at: ctx.now() });
    return { ...consent, withdrawnAt: at, endedBy: 'withdrawn' };
  });
}
