import type { Activity, Role, RosterBatch, RosterCell, RosterId, RosterLayout, WindowScope } from '@licheng/core';
import type { AuthedContext } from '@licheng/server';
import type { RosterAttachments } from './attachments.ts';
import type { RowRef, SheetRows } from './workbook.ts';

/** Which roster, which batch (regular or grade 12's 第一 / 第二梯次), for which term. */
export interface RosterRequest {
  academicYear: number;
  /**
   * The term of the submission: the cover's 學期 on a term roster, and on a year roster (學期 0)
   * the term whose roster-submission window the export needs; a year roster carries the year.
   */
  semester: 1 | 2;
  roster: RosterId;
  batch: RosterBatch;
}

/**
 * Something the central database would reject, found while building: the row is kept back on
 * the office's `(缺)` sheet (or not written at all), and the office that must fix it is named.
 */
export interface RosterProblem {
  /** A stable code ('no-course-code', 'invalid-national-id' …) for filtering and tests. */
  code: string;
  /** The layout sheet the row belongs on. */
  sheet: string;
  studentId: string | null;
  /** The record (or grade row) to fix, when there is one. */
  recordId: string | null;
  /** Who fixes it: the role of the owning office (a subject teacher, the registry …). */
  office: Role;
  /** What is wrong, in zh-TW as the `(缺)` sheet's 待處理原因 says it. */
  reason: string;
}

/** What a builder made of the data: the roster's sheets and the rows kept back. */
export interface BuiltSheets {
  sheets: SheetRows[];
  /** The `(缺)` sheets of the office's review workbook (never submitted). */
  review: SheetRows[];
  rowCount: number;
  reviewCount: number;
  problems: RosterProblem[];
  /**
   * What was left out on purpose and is not a problem (e.g. 團體活動時間 / 彈性學習時間 grades,
   * ROSTERS §4): the export reports and audits it.
   */
  notes?: RosterNote[];
}

/** Rows left out on purpose, counted: a stable code, how many, and the zh-TW sentence the office reads. */
export interface RosterNote {
  code: string;
  count: number;
  text: string;
}

/**
 * Builds one roster from the school's data. Each roster with an exporter has one builder,
 * registered in `builders.ts`; the export itself (cover, file name, storage, audit) is shared
 * (`roster-export.ts`).
 */
export interface RosterBuilder {
  roster: RosterId;
  /** The batches it builds: 'regular' always; grade 12's batches where the roster has them. */
  batches: readonly RosterBatch[];
  /**
   * The schedule activity whose window the export needs (作業期程): 'roster-submission' unless
   * said (the pre-check roster 41 / 42 belongs to the 'pre-check' window).
   */
  activity?: Activity;
  /** The grades and classes (and record kind) the roster carries: their windows of the builder's activity must be open. */
  audiences(ctx: AuthedContext, request: RosterRequest): Promise<WindowScope[]>;
  build(ctx: AuthedContext, layout: RosterLayout, request: RosterRequest, attachments: RosterAttachments): Promise<BuiltSheets>;
}

/** One kept-back row on its `(缺)` sheet: the layout sheet's columns, then 待處理原因. */
export function keepBack(review: Map<string, SheetRows>, sheet: SheetRows['sheet'], row: RosterCell[], reason: string, ref: RowRef): void {
  const part = review.get(sheet.name) ?? { sheet, name: `${sheet.name}(缺)`, extraColumns: ['待處理原因'], rows: [], refs: [] };
  review.set(sheet.name, part);
  part.rows.push([...row, reason]);
  part.refs.push(ref);
}
