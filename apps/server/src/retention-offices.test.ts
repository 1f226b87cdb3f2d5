import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { PluginDefinition } from '@licheng/server';
import { createTestLicheng, type TestLicheng } from '@licheng/server/testing';
import { availablePlugins } from './plugins.ts';

/** Tables with a `student_id` the retention purge clears itself (records, selections) or keeps on purpose, and why (ADR 0034). */
const PLATFORM_PURGED = ['records', 'selections'];
const KEPT = {
  students: 'the roster row: the host is the system of record',
  status_changes: '學籍異動 date the graduation the purge counts from',
  term_placements: 'the roster over time, the host’s',
  enrolments: 'the roster’s course enrolments, imported from the host',
  advisees: 'the roster’s 導生 assignments, imported from the host',
  audit_log: 'append-only (ADR 0013)',
  retention_purges: 'the purge’s own lasting record',
};

describe.each(testDialects())('every office’s table about students is purged or kept on purpose, on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('each office’s retention hook runs on its tables, and no table with student_id is left out', async () => {
    t = await createTestLicheng({ dialect, plugins: availablePlugins, config: { type: 'comprehensive' } });
    const purgedByOffices = await t.db.kysely.transaction().execute(async (trx) => {
      const tables: string[] = [];
      for (const plugin of availablePlugins as PluginDefinition[]) for (const purged of (await plugin.retention?.purgeStudent(trx as never, t.config.code, 'no-such-student')) ?? []) tables.push(purged.table);
      return tables;
    });
    const tables = await t.db.kysely.introspection.getTables();
    const withStudentId = tables.filter((table) => table.columns.some((c) => c.name === 'student_id')).map((table) => table.name);
    const unaccounted = withStudentId.filter((name) => !purgedByOffices.includes(name) && !PLATFORM_PURGED.includes(name) && !(name in KEPT));
    expect(unaccounted).toEqual([]);
    // Each hook names real tables (autobiography's versions and checks hang off its documents).
    expect(purgedByOffices.filter((name) => !tables.some((table) => table.name === name))).toEqual([]);
    expect(purgedByOffices).toEqual(expect.arrayContaining(['autobiography_documents', 'autobiography_versions', 'receipt_items', 'course_grades', 'portfolio_consents', 'homeroom_reminders']));
  });
});
