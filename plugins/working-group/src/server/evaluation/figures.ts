import { certificationFigures, roleLabels, taipeiDate, termWorkOnTime, type CertificationFigures, type TermWork, type Locale, type Role } from '@licheng/core';
import { scheduleOf, type AuthedContext } from '@licheng/server';
import type { Kysely } from 'kysely';
import type { WorkingGroupDatabase } from '../tables.ts';

/** A person's figures of the year: certification decisions they made, rosters exported, pre-checks run. */
export interface PersonFigures {
  userId: string;
  name: string;
  /** The roles they worked in, worded in the caller's language. */
  roles: string[];
  certification: CertificationFigures;
  rosterExports: number;
  precheckRuns: number;
}

/** Per term of the year: first done (ISO date) and whether inside the term's window (null: no window, or not done). */
export type TermOnTime = Array<{ semester: 1 | 2; first: string | null; onTime: boolean | null }>;

/** An office's figures: by the role its staff work in (certification, rosters, pre-check) or as a training's 承辦處室. */
export interface OfficeFigures {
  key: string;
  name: string;
  certification: CertificationFigures | null;
  trainings: { planned: number; held: number } | null;
  rosters: TermOnTime | null;
  precheck: TermOnTime | null;
}

export interface YearFigures {
  people: PersonFigures[];
  offices: OfficeFigures[];
}

const roleName = (role: string, locale: Locale) => roleLabels[role as Role]?.[locale] ?? role;
/**
 * The term of an audited export or run, and whether it is pre-check work: a pre-check run, or
 * an export of a pre-check roster (預檢成績名冊 41 / 42, `roster` precheck-day / precheck-night).
 */
const workOfAudit = (action: string, after: string | null): { term: { academicYear: number; semester: number } | null; precheck: boolean } => {
  type Audited = { academicYear?: unknown; semester?: unknown; roster?: unknown } | null;
  let parsed: Audited;
  try {
    parsed = JSON.parse(after ?? 'null') as Audited;
  } catch {
    parsed = null;
  }
  const term = typeof parsed?.academicYear === 'number' && typeof parsed.semester === 'number' ? { academicYear: parsed.academicYear, semester: parsed.semester } : null;
  const precheck = action === 'curriculum.precheck.run' || (typeof parsed?.roster === 'string' && parsed.roster.startsWith('precheck-'));
  return { term, precheck };
};

/**
 * The year's figures, from what the platform holds and nothing typed in: certification
 * decisions of the year's records (on time = inside the window that governed each record), the
 * roster exports and pre-check runs of the audit trail (on time = first one inside the term's
 * window), and the group's trainings per 承辦處室 (planned, held by today).
 */
export async function yearFigures(ctx: AuthedContext, db: Kysely<WorkingGroupDatabase>, academicYear: number, locale: Locale = ctx.locale): Promise<YearFigures> {
  const school = ctx.config.code;
  const schedule = await scheduleOf(ctx, db);
  const decisions = await db
    .selectFrom('records')
    .innerJoin('students', 'students.id', 'records.student_id')
    .select(['records.decided_by', 'records.decided_by_name', 'records.decided_role', 'records.decided_at', 'records.academic_year', 'records.semester', 'records.kind', 'students.grade', 'students.class_name'])
    .where('records.school_code', '=', school)
    .where('records.academic_year', '=', academicYear)
    .where('records.status', 'in', ['passed', 'failed'])
    .where('records.decided_by', 'is not', null)
    .where('records.decided_at', 'is not', null)
    .execute();
  const cert = certificationFigures(
    decisions.map((d) => ({
      decidedBy: d.decided_by!, decidedByName: d.decided_by_name ?? d.decided_by!, decidedRole: d.decided_role ?? '', decidedAt: d.decided_at!,
      academicYear: d.academic_year, semester: d.semester, kind: d.kind, scope: { grade: Number(d.grade), className: d.class_name },
    })),
    schedule,
  );
  const audit = (await db
    .selectFrom('audit_log')
    .select(['actor_id', 'actor_name', 'actor_role', 'action', 'after', 'at'])
    .where('school_code', '=', school)
    .where((eb) => eb.or([eb('action', 'like', 'roster.export.%'), eb('action', '=', 'curriculum.precheck.run')]))
    .execute())
    .map((a) => ({ ...a, ...workOfAudit(a.action, a.after) }))
    .filter((a) => a.term?.academicYear === academicYear);

  const people = new Map<string, PersonFigures>();
  for (const [userId, f] of cert.people) {
    people.set(userId, { userId, name: f.name, roles: f.roles.map((r) => roleName(r, locale)), certification: { decided: f.decided, onTime: f.onTime, onTimeRate: f.onTimeRate }, rosterExports: 0, precheckRuns: 0 });
  }
  for (const a of audit) {
    const p = people.get(a.actor_id) ?? { userId: a.actor_id, name: a.actor_name, roles: [], certification: { decided: 0, onTime: 0, onTimeRate: null }, rosterExports: 0, precheckRuns: 0 };
    const role = roleName(a.actor_role, locale);
    if (!p.roles.includes(role)) p.roles.push(role);
    if (a.precheck) p.precheckRuns += 1;
    else p.rosterExports += 1;
    people.set(a.actor_id, p);
  }

  const offices = new Map<string, OfficeFigures>();
  const office = (key: string, name: string) => {
    const o = offices.get(key) ?? { key, name, certification: null, trainings: null, rosters: null, precheck: null };
    offices.set(key, o);
    return o;
  };
  for (const [role, f] of cert.offices) office(`role:${role}`, roleName(role, locale)).certification = f;
  // Each office's roster submissions and pre-check runs, grouped once.
  const byRole = new Map<string, { rosters: TermWork[]; precheck: TermWork[] }>();
  for (const a of audit) {
    const entry = byRole.get(a.actor_role) ?? { rosters: [], precheck: [] };
    byRole.set(a.actor_role, entry);
    (a.precheck ? entry.precheck : entry.rosters).push({ ...a.term!, at: a.at });
  }
  for (const [role, work] of byRole) {
    if (work.rosters.length) office(`role:${role}`, roleName(role, locale)).rosters = termWorkOnTime(work.rosters, schedule, 'roster-submission', academicYear);
    if (work.precheck.length) office(`role:${role}`, roleName(role, locale)).precheck = termWorkOnTime(work.precheck, schedule, 'pre-check', academicYear);
  }
  const today = taipeiDate(ctx.now());
  const trainings = await db.selectFrom('working_group_trainings').select(['owner_office', 'held_date']).where('school_code', '=', school).where('academic_year', '=', academicYear).execute();
  for (const tr of trainings) {
    const o = office(`office:${tr.owner_office}`, tr.owner_office);
    o.trainings ??= { planned: 0, held: 0 };
    o.trainings.planned += 1;
    if (tr.held_date && tr.held_date <= today) o.trainings.held += 1;
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-TW');
  return { people: [...people.values()].sort(byName), offices: [...offices.values()].sort(byName) };
}
