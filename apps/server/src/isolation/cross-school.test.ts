import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { procedurePolicy, type RoutePolicy } from '../authorization-policy.ts';
import { exercise, HOST_USERS, idTablesBy, type IdTables, inputsFor, proceduresOf, rolesFor, sampleFile, samplesFromRows, type ProcedureOutcome } from './procedure-calls.ts';
import { allIdsOf, dumpSchool, idsBySchoolTable, listSchoolTables, makeLeakFinder, stringsOnlyIn, TABLES_WITHOUT_SCHOOL, type SchoolTable } from './school-dump.ts';
import { PROCEDURES_WITHOUT_IDS } from './no-id-procedures.ts';
import { B_ONLY_STUDENT, B_ONLY_TEACHER, openTwoSchools, SCHOOL_A, SCHOOL_B, type TwoSchools } from './two-schools.ts';

/** Tables B has no row in, with why (procedures on them are reached with B's ids of other tables, and listed). */
const EMPTY_IN_B: Record<string, string> = {
  receipt_corrections: 'made when an office answers a receipt issue with a correction for the next submission; the demo’s issue is open',
  record_origins: 'filled by a transfer package import from another school',
  retention_purges: 'filled when graduates are purged years after they leave',
  working_group_award_decisions: 'decided at a meeting of the second semester; the procedures on them take the proposal’s id, which B has',
};

/**
 * Two schools on one database: every procedure of school A's app, called by A's users with B's
 * ids in every id field, neither changes nor reveals anything of B.
 */
describe.each(testDialects())('school isolation on one shared database (%s)', (dialect) => {
  let s: TwoSchools;
  let tables: SchoolTable[];
  let withoutSchool: string[];
  let before: Record<string, string[]>;
  let outcomes: ProcedureOutcome[] = [];
  let onlyB: string[];
  let beforeA: Record<string, string[]>;

  beforeAll(async () => {
    const started = Date.now();
    s = await openTwoSchools(dialect);
    ({ withSchool: tables, without: withoutSchool } = await listSchoolTables(s.db.kysely));
    before = await dumpSchool(s.db.kysely, tables, SCHOOL_B);
    beforeA = await dumpSchool(s.db.kysely, tables, SCHOOL_A);
    onlyB = [...stringsOnlyIn(before, beforeA), B_ONLY_TEACHER.hostUserId, B_ONLY_STUDENT.hostUserId];
    const idsByTable = await idsBySchoolTable(s.db.kysely, tables, SCHOOL_B);
    const hostUsers = async (school: string) => new Set((await s.db.kysely.selectFrom('teachers').select('host_user_id').where('school_code', '=', school).union(s.db.kysely.selectFrom('students').select('host_user_id').where('school_code', '=', school)).execute()).map((r) => r.host_user_id));
    const hostsOfA = await hostUsers(SCHOOL_A);
    idsByTable[HOST_USERS] = [...(await hostUsers(SCHOOL_B))].filter((u) => !hostsOfA.has(u));
    const allB = new Set([...(await allIdsOf(s.db.kysely, tables, SCHOOL_B)), ...idsByTable[HOST_USERS]!, B_ONLY_STUDENT.studentNo, B_ONLY_TEACHER.teacherNo]);
    // Plain field values come from A's own rows, column by column.
    const rowsByColumn = new Map<string, unknown[]>();
    for (const table of tables) {
      for (const row of await s.db.kysely.selectFrom(table.name).selectAll().where(table.schoolColumn, '=', SCHOOL_A).limit(20).execute()) {
        for (const [column, value] of Object.entries(row)) {
          if (column === 'id' || column.endsWith('_id') || value === null) continue;
          const seen = rowsByColumn.get(column) ?? [];
          if (seen.length < 6 && !seen.includes(value)) rowsByColumn.set(column, [...seen, value]);
        }
      }
    }
    // 學號 and 教師編號 name rows too: B's own come first (A's follow, for the procedures to get past other checks).
    const naturalKeys: Record<string, string[]> = { studentNo: [B_ONLY_STUDENT.studentNo], studentNos: [B_ONLY_STUDENT.studentNo], teacherNo: [B_ONLY_TEACHER.teacherNo] };
    const samplesOfA = samplesFromRows(rowsByColumn);
    const idsOfA = await idsBySchoolTable(s.db.kysely, tables, SCHOOL_A, 2);
    const sourcesFor = (idTables: IdTables) => ({
      ownIdsFor: (field: string) => (idTables(field).matched ? idTables(field).tables.flatMap((t) => idsOfA[t] ?? []) : []),
      idsFor: (field: string) => idTables(field).tables.flatMap((t) => (idTables(field).matched ? idsByTable[t]! : idsByTable[t]!.slice(0, 1))),
      samplesFor: (field: string) => [...(naturalKeys[field] ?? []), ...samplesOfA(field)],
      file: sampleFile,
    });
    for (const entry of proceduresOf(s.a)) {
      const idTables = idTablesBy(idsByTable, entry.path);
      const { inputs, idFields, refused } = inputsFor(entry, sourcesFor(idTables), allB);
      const outcome = await exercise(s.a, entry, rolesFor((procedurePolicy as Record<string, RoutePolicy>)[entry.path]), inputs, allB, idTables, idsByTable);
      outcome.idFields = idFields;
      outcome.refusedInputs = refused;
      outcomes.push(outcome);
    }
    console.log(`[isolation ${dialect}] ${outcomes.length} procedures, ${outcomes.reduce((n, o) => n + o.calls, 0)} calls in ${Date.now() - started} ms`);
  }, 600_000);
  afterAll(async () => s?.close());

  it('dumps every table but those that carry no school code for a stated reason, and B has rows in every other', () => {
    expect(withoutSchool.filter((t) => !(t in TABLES_WITHOUT_SCHOOL))).toEqual([]);
    expect(s.filled.sort()).toEqual(['homeroom_reminders', 'portfolio_consents', 'working_group_self_checks']);
    expect(Object.keys(before).filter((t) => before[t]!.length === 0 && !(t in EMPTY_IN_B))).toEqual([]);
  });

  it('calls every procedure of the app with B’s ids in its id fields (and lists any it could not reach)', () => {
    const unreached = outcomes.filter((o) => o.idFields.length > 0 && o.reachedWithIds === 0).map((o) => `${o.path} (${o.idFields.join(', ')}): ${o.rejectedInputs.slice(0, 2).join(' / ') || `no input built: ${o.refusedInputs.join(' / ')}`}`);
    const mismatched = outcomes.filter((o) => o.idFields.length > 0 && o.reachedWithIds > 0 && o.reachedWithMatchingIds === 0).map((o) => `${o.path} (${o.idFields.join(', ')})`);
    // The per-procedure report: what each was called with and whether B's ids reached it.
    const report = outcomes.map((o) => ({
      procedure: o.path,
      idFields: o.idFields,
      calls: o.calls,
      reachedWithIdsOfB: o.reachedWithIds,
      reachedWithIdsOfTheTableTheFieldNames: o.reachedWithMatchingIds,
      withoutIds: PROCEDURES_WITHOUT_IDS[o.path] ?? null,
    }));
    // Beside the suites' results, not among them: the test runner adds up every file in that folder.
    const dir = path.resolve(process.env.TEST_RESULTS_DIR ?? path.resolve(import.meta.dirname, '../../../../.test-results'), '../.test-reports');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `isolation-procedures-${dialect}.json`), `${JSON.stringify(report, null, 1)}\n`);
    console.log(
      `[isolation ${dialect}] ${outcomes.length} procedures: ${outcomes.filter((o) => o.idFields.length > 0 && o.reachedWithIds > 0).length} reached with B's ids, ` +
        `${outcomes.filter((o) => o.idFields.length === 0).length} take no id (${outcomes.filter((o) => o.idFields.length === 0 && o.reachedWithIds > 0).length} of them given B's 學號 or 教師編號); ` +
        `only with ids of tables other than the one the field names (B has no row there): ${mismatched.join(', ') || 'none'}`,
    );
    expect(unreached).toEqual([]);
    // Those that take no id are named, with why, in no-id-procedures.ts (and nothing else is).
    expect(outcomes.filter((o) => o.idFields.length === 0).map((o) => o.path).sort()).toEqual(Object.keys(PROCEDURES_WITHOUT_IDS).sort());
  });

  it('has no procedure fail unexpectedly', () => {
    expect(outcomes.flatMap((o) => o.crashes.map((c) => `${o.path}: ${c}`))).toEqual([]);
  });

  it('leaves every row of B as it was', async () => {
    const after = await dumpSchool(s.db.kysely, tables, SCHOOL_B);
    const changed = Object.keys(before).filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]));
    const detail = changed.map((t) => ({ table: t, removed: before[t]!.filter((r) => !after[t]!.includes(r)), added: after[t]!.filter((r) => !before[t]!.includes(r)) }));
    expect(detail).toEqual([]);
  });

  it('writes nothing of B into A’s rows (no row of A points at a row of B)', async () => {
    const find = makeLeakFinder(onlyB);
    const sent = new Set(outcomes.flatMap((o) => o.answers.flatMap((a) => find(a.input))));
    const after = await dumpSchool(s.db.kysely, tables, SCHOOL_A);
    const pointing = Object.entries(after).flatMap(([table, rows]) =>
      rows.filter((row) => !beforeA[table]!.includes(row)).flatMap((row) => {
        // A's audit trail keeps what A's users typed (a search for B's id is A's own act); a host
        // user id is the host's name for a person, not a row of B: staff not on A's roster are named
        // by it on purpose (working-group absences, departures), with the name A's user gives.
        const found = find(row).filter((n) => (table !== 'audit_log' || !sent.has(n)) && n !== B_ONLY_TEACHER.hostUserId && n !== B_ONLY_STUDENT.hostUserId);
        return found.length ? [`${table}: ${found.join(', ')} in ${row.slice(0, 300)}`] : [];
      }),
    );
    expect(pointing).toEqual([]);
  });

  it('answers A’s users with nothing of B', () => {
    const find = makeLeakFinder(onlyB);
    // What A's users typed is A's own audit trail's to keep: B's ids they sent may come back from it (and a per-item refusal names its item).
    const sent = new Set(outcomes.flatMap((o) => o.answers.flatMap((a) => find(a.input))));
    const leaks = outcomes.flatMap((o) => o.answers.flatMap((a) => {
      const found = find(a.text).filter((n) => !sent.has(n));
      return found.length ? [`${o.path} as ${a.role} with ${a.input.slice(0, 200)}: ${found.slice(0, 5).join(', ')}`] : [];
    }));
    expect(onlyB.length).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
  });
});
