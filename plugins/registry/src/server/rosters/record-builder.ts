import { PERFORMANCE_TYPES, recordKindDefinition, recordKindPolicy, recordRow, ROSTER_BATCHES, type RecordFieldSpec, type Role, type RosterLayout, type SchoolConfig } from '@licheng/core';
import type { RosterAttachments } from './attachments.ts';
import { keepBack, type BuiltSheets, type RosterBuilder, type RosterProblem } from './builder.ts';
import { batchScope } from './batch-scope.ts';
import { recordAudiences, recordSources, type RecordScope, type RecordSource } from './record-sources.ts';
import type { SheetRows } from './workbook.ts';

/**
 * The rosters of records kept in `records.data`: 校內幹部經歷 (24; grade 12's 34 / 74) and
 * 學生自填多元表現 (25; 35 / 75). Each record is placed on its kind's sheet (core `recordRow`);
 * one that is not passed (認證), lacks a required value or carries a code the roster's code list
 * does not have is kept back on the `(缺)` sheet with the reason, never submitted.
 */

/** The kind's sheet and fields as the roster writes them. */
interface KindSheet {
  sheet: string;
  fields: readonly RecordFieldSpec[];
}

interface RecordRosterOptions {
  /** The sheet of each record kind the roster carries. */
  sheets: Readonly<Record<string, KindSheet>>;
  /** Who fixes a record's missing value or code (the office that entered it, or the student). */
  enteredBy: (source: RecordSource) => Role;
  /** Who certifies a record that is not passed yet. */
  certifiedBy: (source: RecordSource) => Role;
  /** Records of a student beyond this many (in selection order) are kept back: 25's yearly cap. */
  cap?: number;
}

export const NOT_PASSED = '尚未通過認證（認證中或未通過）';
export const OVER_CAP = (cap: number) => `超過每學年勾選上限 ${cap} 件`;

export function buildRecordRoster(layout: RosterLayout, sources: readonly RecordSource[], attachments: RosterAttachments, options: RecordRosterOptions): BuiltSheets {
  const sheets = new Map<string, SheetRows>(layout.sheets.map((sheet) => [sheet.name, { sheet, extraColumns: attachments.columns(sheet), rows: [], refs: [] }]));
  const review = new Map<string, SheetRows>();
  const problems: RosterProblem[] = [];
  const taken = new Map<string, number>();
  let rowCount = 0;
  for (const source of sources) {
    const kind = options.sheets[source.kind];
    if (!kind) continue;
    const part = sheets.get(kind.sheet)!;
    const placed = recordRow(part.sheet, kind.fields, source);
    const ref = { studentId: source.studentId, recordId: source.recordId };
    const count = (taken.get(source.studentId) ?? 0) + 1;
    taken.set(source.studentId, count);
    const found: Array<{ code: string; office: Role; reason: string }> = [];
    if (options.cap !== undefined && count > options.cap) found.push({ code: 'over-cap', office: 'student', reason: OVER_CAP(options.cap) });
    if (source.status !== 'passed') found.push({ code: 'not-passed', office: options.certifiedBy(source), reason: NOT_PASSED });
    if (placed.missing.length) found.push({ code: 'column-unfilled', office: options.enteredBy(source), reason: `缺欄位：${placed.missing.join('、')}` });
    if (placed.badCodes.length) found.push({ code: 'invalid-code', office: options.enteredBy(source), reason: `代碼不在名冊代碼表：${placed.badCodes.join('、')}` });
    if (found.length === 0) {
      part.rows.push([...placed.row, ...attachments.cells(part.sheet, source)]);
      part.refs.push(ref);
      rowCount++;
      continue;
    }
    const reason = found.map((f) => f.reason).join('；');
    keepBack(review, part.sheet, placed.row, reason, ref);
    problems.push({ code: found[0]!.code, sheet: part.sheet.name, studentId: source.studentId, recordId: source.recordId, office: found[0]!.office, reason });
  }
  return { sheets: [...sheets.values()], review: [...review.values()], rowCount, reviewCount: problems.length, problems };
}

/** The first certifier of the kind at this school, else the office that keeps it. */
function certifierOf(config: SchoolConfig, kind: string, fallback: Role): Role {
  return recordKindPolicy(config, kind).certifiers[0] ?? fallback;
}

/** 校內幹部經歷 (24 / 34 / 74): the cadre records 學務處訓育組 keeps, of the term (a term roster). */
export const CADRE_KIND = 'cadre';

export function cadreBuilder(): RosterBuilder {
  const scope = (school: string, r: { academicYear: number; semester: number; batch: RecordScope['batch'] }, since: string | null = null): RecordScope => ({
    school,
    kinds: [CADRE_KIND],
    academicYear: r.academicYear,
    semester: r.semester,
    batch: r.batch,
    since,
  });
  const definition = recordKindDefinition(CADRE_KIND)!;
  return {
    roster: 'cadres',
    batches: ROSTER_BATCHES,
    audiences: (ctx, request) => recordAudiences(ctx.db, scope(ctx.config.code, request)),
    build: async (ctx, layout, request, attachments) =>
      buildRecordRoster(layout, await recordSources(ctx.db, scope(ctx.config.code, request, (await batchScope(ctx, layout, request)).since)), attachments, {
        sheets: { [CADRE_KIND]: { sheet: definition.rosterSheet!, fields: definition.fields } },
        enteredBy: () => 'activities-staff',
        certifiedBy: (s) => certifierOf(ctx.config, s.kind, 'activities-staff'),
      }),
  };
}

/** The selection (勾選) bucket of the performances (the student plugin's PERFORMANCE). */
export const PERFORMANCE_SELECTION = 'performance';

/**
 * 學生自填多元表現 (25 / 35 / 75, a year roster): the performances of the ten types the student
 * entered and selected for the academic year, within the yearly cap, passed (a type is passed
 * on entry unless the school names certifiers for it).
 */
export function performanceBuilder(): RosterBuilder {
  const scope = (school: string, r: { academicYear: number; batch: RecordScope['batch'] }, since: string | null = null): RecordScope => ({
    school,
    kinds: PERFORMANCE_TYPES.map((t) => t.id),
    academicYear: r.academicYear,
    semester: null,
    batch: r.batch,
    selection: PERFORMANCE_SELECTION,
    enteredRole: 'student',
    since,
  });
  const sheets = Object.fromEntries(PERFORMANCE_TYPES.map((t) => [t.id, { sheet: t.rosterSheet, fields: t.fields }]));
  return {
    roster: 'performances',
    batches: ROSTER_BATCHES,
    audiences: (ctx, request) => recordAudiences(ctx.db, scope(ctx.config.code, request)),
    build: async (ctx, layout, request, attachments) =>
      buildRecordRoster(layout, await recordSources(ctx.db, scope(ctx.config.code, request, (await batchScope(ctx, layout, request)).since)), attachments, {
        sheets,
        enteredBy: () => 'student',
        certifiedBy: (s) => certifierOf(ctx.config, s.kind, 'activities-staff'),
        cap: ctx.config.rules.performances.selectionCapPerYear,
      }),
  };
}
