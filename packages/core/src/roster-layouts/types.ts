/**
 * 名冊 layouts as data (ROSTERS.md, ADR 0030): what a roster workbook holds, where that was seen
 * and how sure it is. No official format document is public, so every layout carries its
 * evidence and a version; when the central database changes its template, a new version is
 * added here (or a school loads its own) instead of code changing.
 */

/**
 * Grades of evidence (ROSTERS.md): D data (cleaning scripts over real 108–109 extracts),
 * V a vendor's recent code (ischool 2015–2025), Z one vendor (zeckvan/project), N news and
 * school pages.
 */
export type Evidence = 'D' | 'V' | 'Z' | 'N';
export const EVIDENCE_GRADES: readonly Evidence[] = ['D', 'V', 'Z', 'N'];

/** One column of a sheet, with the sources that show it. */
export interface LayoutColumn {
  name: string;
  sources: readonly Evidence[];
  /** What the sources disagree on or leave open (e.g. 'Z shows 名稱'). */
  note?: string;
}

/** One sheet (sub-list) of a roster workbook: its name, columns in order, sources. */
export interface LayoutSheet {
  name: string;
  /** The vendor's section number where V numbers it (4.2, 5.3 …). */
  section?: string;
  sources: readonly Evidence[];
  columns: readonly LayoutColumn[];
  /**
   * False where the sources give the stored columns but not the upload order (學生資料名冊, D):
   * such a sheet does not promise to start with 身分證號, 出生日期.
   */
  orderKnown?: false;
}

/**
 * The roster's 名冊別: a number a source gives, or a per-school setting (the numbers nobody
 * names, ROSTERS §2) — never a guess.
 */
export type RosterNumber = { kind: 'fixed'; value: number; sources: readonly Evidence[] } | { kind: 'setting' };

/** The roster ids, one per roster workbook of ROSTERS §1–§4. */
export const ROSTER_IDS = [
  'student-data',
  'cadres',
  'grades',
  'retake-repeat',
  'night-grades',
  'performances',
  'outcomes',
  'night-outcomes',
  'precheck-day',
  'precheck-night',
] as const;
export type RosterId = (typeof ROSTER_IDS)[number];

/** The regular submission, or grade 12's first (第一梯次) or second (第二梯次) batch. */
export type RosterBatch = 'regular' | 'grade12-first' | 'grade12-second';
export const ROSTER_BATCHES: readonly RosterBatch[] = ['regular', 'grade12-first', 'grade12-second'];

/** One version of one roster's layout. */
export interface RosterLayout {
  roster: RosterId;
  /** The roster's name as the sources write it (學生課程學習成果名冊). */
  name: string;
  /** The short label offices see (課程學習成果). */
  label: string;
  /** This layout's version id, unique within its roster (e.g. 'z-2021'). */
  version: string;
  /** When the source of this version was seen (an ISO date or year; as precise as the source). */
  date: string;
  /** Where this version's shape comes from, in words. */
  source: string;
  sources: readonly Evidence[];
  /** 名冊別 of each batch the roster has; the regular one always, grade 12's only where known. */
  numbers: Partial<Record<RosterBatch, RosterNumber>>;
  /** A year roster (多元表現, 課程學習成果) writes 學期 = 0 on its cover; the others 1 or 2. */
  year: boolean;
  /** The cover (封面): one header row and one value row. */
  cover: readonly string[];
  sheets: readonly LayoutSheet[];
  /** Where the layout differs from the other versions, or what is unknown. */
  notes?: readonly string[];
}

/** All versions of one roster and which one is used unless a school picks another. */
export interface RosterLayoutVersions {
  roster: RosterId;
  defaultVersion: string;
  /** Why the default is the default. */
  defaultReason: string;
  versions: readonly RosterLayout[];
}
