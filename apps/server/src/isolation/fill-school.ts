import type { Role } from '@licheng/core';
import { newId } from '@licheng/db';
import { reminderJob, type LichengApp } from '@licheng/server';
import { procedurePolicy, type RoutePolicy } from '../authorization-policy.ts';
import { proceduresOf, rolesFor, sampleFile, samplesFromRows } from './procedure-calls.ts';
import { idsBySchoolTable, listSchoolTables } from './school-dump.ts';
import { userOf } from './two-schools.ts';
import { candidates } from './zod-inputs.ts';

/**
 * Rows the demo loader leaves out, made by the school's own procedures so that the other
 * school's calls meet them: a homeroom reminder, a consent, a self-check answer, in-app reminders of the schedule. Each procedure is called
 * with inputs built from the school's own data until one is accepted.
 */
const FILLED_BY: Record<string, string> = {
  homeroom_reminders: 'homeroom.reminders.send',
  portfolio_consents: 'student.consent.give',
  working_group_self_checks: 'working-group.selfCheck.answer',
};

export async function fillEmptyTables(app: LichengApp, at: Date): Promise<string[]> {
  const db = (await app.createContext(new Request('http://fill/'))).db;
  const { withSchool } = await listSchoolTables(db);
  const school = app.config.code;
  const ids = await idsBySchoolTable(db, withSchool, school, 200);
  const rowsByColumn = new Map<string, unknown[]>();
  for (const table of withSchool) {
    for (const row of await db.selectFrom(table.name as 'records').selectAll().where(table.schoolColumn as 'school_code', '=', school).limit(20).execute()) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null) continue;
        const seen = rowsByColumn.get(column) ?? [];
        if (seen.length < 12 && !seen.includes(value)) rowsByColumn.set(column, [...seen, value]);
      }
    }
  }
  // A field `xId` takes the ids of the table its name says; `className` and the like the school's own values.
  const sources = {
    idsFor: (name: string) => {
      const stem = name.replace(/(Ids|Id|ids|id)$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      return Object.entries(ids).filter(([t]) => t === `${stem}s` || t.endsWith(`_${stem}s`)).flatMap(([, list]) => list);
    },
    samplesFor: samplesFromRows(rowsByColumn),
    file: sampleFile,
  };
  const done: string[] = [];
  const entries = proceduresOf(app);
  for (const [table, path] of Object.entries(FILLED_BY)) {
    const entry = entries.find((e) => e.path === path);
    if (!entry?.inputs[0]) continue;
    const inputs = candidates(entry.inputs[0] as never, '', sources).filter((v) => entry.inputs[0]!.safeParse(v).success);
    const roles = rolesFor((procedurePolicy as Record<string, RoutePolicy>)[path]);
    const filled = async () => !!(await db.selectFrom(table as 'records').select('id').where('school_code', '=', school).executeTakeFirst());
    if (await firstFilling(app, path, roles, inputs, filled)) done.push(table);
  }
  await insertRowsProceduresMakeElsewhen(db, school, at);
  // The schedule's in-app reminders, as the reminder job sends them a week before the term's windows end.
  await reminderJob({ db, config: app.config, mail: null }).run(at);
  return done;
}

/**
 * Rows the procedures make only at another time or for other students — an award proposal (the
 * second semester), a returned paper form (a student who has left) — written as those procedures
 * write them, so that the other school's calls meet their ids.
 */
async function insertRowsProceduresMakeElsewhen(db: Awaited<ReturnType<LichengApp['createContext']>>['db'], school: string, at: Date): Promise<void> {
  const stamp = at.toISOString();
  await (db as any)
    .insertInto('working_group_award_proposals')
    .values({ id: newId(), school_code: school, academic_year: 115, subject_kind: 'person', subject_id: 'demo-t-wang', subject_name: '王美玲', award_level: 'commendation', award_times: 1, reason: '認證準時', figures: null, proposed_by: 'demo-working-group', proposed_by_name: '教務處 張主任', proposed_at: stamp, withdrawn_at: null, updated_at: stamp })
    .execute();
  const item = await (db as any).selectFrom('receipt_items').select(['batch_id', 'student_id']).where('school_code', '=', school).orderBy('id').executeTakeFirstOrThrow();
  await (db as any)
    .insertInto('receipt_paper_returns')
    .values({ id: newId(), school_code: school, batch_id: item.batch_id, student_id: item.student_id, returned_on: '2026-11-26', recorded_by: 'demo-registry', recorded_by_name: '註冊組 林組長', recorded_at: stamp, scan_file_id: null, outcomes_json: '[]', active: 1, withdrawn_by: null, withdrawn_by_name: null, withdrawn_at: null })
    .execute();
}

/** Calls the procedure with each input as each role until the table has a row. */
async function firstFilling(app: LichengApp, path: string, roles: Role[], inputs: unknown[], filled: () => Promise<boolean>): Promise<boolean> {
  for (const role of roles) {
    const caller = (app.trpcRouter as unknown as { createCaller(ctx: unknown): unknown }).createCaller(await app.actAs(userOf(role, app.config.code)));
    const call = path.split('.').reduce((node: any, key) => node[key], caller) as (input: unknown) => Promise<unknown>;
    for (const input of inputs) {
      try {
        await call(input);
        if (await filled()) return true;
      } catch {
        // refused: the next input or role
      }
    }
  }
  return false;
}
