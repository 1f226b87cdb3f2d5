import { DomainError } from './errors.ts';
import { COVER_COLUMNS, knownRosterNumbers, layoutSheet, rosterLayout, sheetColumns, type RosterBatch } from './roster-layouts/index.ts';

/**
 * 名冊 — the Excel files a school submits to the central database: a cover sheet and one
 * sheet per sub-list. Everything here is read from the layout data in `roster-layouts/`
 * (ROSTERS.md, ADR 0030); nothing about a roster's shape is a constant of its own.
 */

const BATCH_SUFFIX: Record<RosterBatch, string> = { regular: '', 'grade12-first': '（高三第一梯次）', 'grade12-second': '（高三第二梯次）' };

/**
 * The submission rosters whose 名冊別 a source gives (ROSTERS §2), with their labels:
 * 24, 25, 26, 28 and grade 12's batches 34–38 / 74–78. The pre-check roster (41 / 42) is not a
 * submission and the rosters numbered by school settings are not listed.
 */
export type RosterKind = 24 | 25 | 26 | 28 | 34 | 35 | 36 | 38 | 74 | 75 | 76 | 78;
export const ROSTER_KINDS = Object.fromEntries(
  knownRosterNumbers()
    .filter((n) => n.roster !== 'precheck-day' && n.roster !== 'precheck-night')
    .map((n) => [n.value, `${n.label}${BATCH_SUFFIX[n.batch]}`]),
) as Readonly<Record<RosterKind, string>>;

export type BaseRosterKind = 24 | 25 | 26 | 28;

export function isRosterKind(value: unknown): value is RosterKind {
  return typeof value === 'number' && Object.hasOwn(ROSTER_KINDS, value);
}

/** The roster kind of a base kind in a batch: (26, 'grade12-first') → 36, from the layout data. */
export function rosterKindFor(base: BaseRosterKind, batch: RosterBatch): RosterKind {
  const found = knownRosterNumbers().find((n) => n.batch === 'regular' && n.value === base);
  const kind = found ? knownRosterNumbers().find((n) => n.roster === found.roster && n.batch === batch)?.value : undefined;
  if (kind === undefined || !isRosterKind(kind)) throw new DomainError('roster-kind-unknown', { kind: base });
  return kind;
}

/** Columns of roster 26's first sheet (學期課程學習成果) in its default layout version. */
export const outcomeRosterColumns: readonly string[] = sheetColumns(layoutSheet(rosterLayout('outcomes'), '學期課程學習成果'));

export interface RosterCover {
  schoolCode: string;
  academicYear: number;
  /** 0 for rosters of a whole academic year. */
  semester: 0 | 1 | 2;
  /** 名冊別: a number a source gives or the school's setting for it. */
  kind: number;
}

/** The cover sheet (封面): a header row 學校代碼, 學年度, 學期, 名冊別 and one value row (ROSTERS §1). */
export function rosterCoverRows(cover: RosterCover): [header: string[], values: [string, number, number, number]] {
  if (!/^\d{6}$/.test(cover.schoolCode)) throw new DomainError('school-code-invalid', { value: cover.schoolCode });
  if (!Number.isInteger(cover.academicYear) || cover.academicYear < 1) {
    throw new DomainError('date-invalid', { value: String(cover.academicYear) });
  }
  if (![0, 1, 2].includes(cover.semester)) throw new DomainError('semester-invalid', { value: String(cover.semester) });
  if (!Number.isInteger(cover.kind) || cover.kind < 1 || cover.kind > 99) throw new DomainError('roster-kind-unknown', { kind: String(cover.kind) });
  return [[...COVER_COLUMNS], [cover.schoolCode, cover.academicYear, cover.semester, cover.kind]];
}
