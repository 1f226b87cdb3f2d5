import { DomainError } from './errors.ts';
import { rosterLayoutVersions } from './roster-layouts/lookup.ts';
import type { RosterId } from './roster-layouts/types.ts';

/** The sheet names of the rosters' layouts, every version (a receipt may come back in either). */
function sheetsOf(...rosters: RosterId[]): string[] {
  return [...new Set(rosters.flatMap((r) => rosterLayoutVersions(r).versions.flatMap((v) => v.sheets.map((s) => s.name))))];
}

/**
 * The 收訖明細 package as the central database sends it (ROSTERS.md §5): `SHA.txt` and one JSON
 * file per roster. SHA.txt's field order is not documented, so a JSON file's line is found by
 * its file name and its hash is whichever field of that line is a SHA-256 hex; the roster is
 * read from the file name.
 */

/** One non-blank line of SHA.txt, split into fields. */
export interface ShaLine {
  /** 1-based line number. */
  line: number;
  fields: string[];
}

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/** A field as written, without quotes around it or sha256sum's binary-mode star before a name. */
function cleanField(raw: string): string {
  return raw.trim().replace(/^"(.*)"$/, '$1').replace(/^\*/, '').trim();
}

/**
 * The lines of SHA.txt, each split into fields: on commas, semicolons, tabs or bars when the
 * line has any, else on spaces (sha256sum's `hash  name`). A BOM, CRLF and blank lines are
 * tolerated; a SHA.txt with no line at all is `receipt-sha-empty`.
 */
export function readShaLines(text: string): ShaLine[] {
  const lines: ShaLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      if (raw.trim() === '') return;
      const parts = /[,;\t|]/.test(raw) ? raw.split(/[,;\t|]/) : raw.trim().split(/\s+/);
      lines.push({ line: index + 1, fields: parts.map(cleanField).filter((f) => f !== '') });
    });
  if (lines.length === 0) throw new DomainError('receipt-sha-empty', {});
  return lines;
}

/** The last part of a path inside a ZIP: 'dir/a.json' → 'a.json'. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const namesFile = (field: string, fileName: string) => field === fileName || baseName(field) === baseName(fileName);

/**
 * The lowercase SHA-256 SHA.txt gives for `fileName`, found on the one line that has a field
 * naming the file; null when no line names it. A line naming it without exactly one SHA-256
 * hex field, or two lines naming it, is `receipt-sha-line-invalid` with the line number.
 */
export function shaListedFor(lines: readonly ShaLine[], fileName: string): { sha256: string; line: number } | null {
  const naming = lines.filter((l) => l.fields.some((f) => !SHA256_HEX.test(f) && namesFile(f, fileName)));
  if (naming.length === 0) return null;
  const [first, second] = naming;
  if (second) throw new DomainError('receipt-sha-line-invalid', { line: second.line });
  const hashes = first!.fields.filter((f) => SHA256_HEX.test(f));
  if (hashes.length !== 1) throw new DomainError('receipt-sha-line-invalid', { line: first!.line });
  return { sha256: hashes[0]!.toLowerCase(), line: first!.line };
}

/** The `.json` file names SHA.txt lists (fields ending in .json), for telling which are missing. */
export function jsonNamesListed(lines: readonly ShaLine[]): string[] {
  return lines.flatMap((l) => l.fields.filter((f) => /\.json$/i.test(f)));
}

/** The four rosters a receipt carries, as its file names call them. */
export const RECEIPT_ROSTERS = ['修課紀錄', '多元表現', '校內幹部經歷', '課程學習成果'] as const;
export type ReceiptRoster = (typeof RECEIPT_ROSTERS)[number];

/**
 * The roster a receipt JSON file holds, from its file name: the one of 修課紀錄, 多元表現,
 * 校內幹部經歷 or 課程學習成果 it contains, or null when it contains none or more than one.
 */
export function receiptRosterOf(fileName: string): ReceiptRoster | null {
  const name = baseName(fileName);
  const found = RECEIPT_ROSTERS.filter((r) => name.includes(r));
  return found.length === 1 ? found[0]! : null;
}

/**
 * The sheet names (子清單) each receipt roster's entries may carry: the sheets of the versioned
 * roster layouts (ROSTERS.md §3, every version); 修課紀錄 takes the grade rosters' sheets
 * (學生成績, 重修重讀, 進修部).
 */
export const RECEIPT_SHEETS: Record<ReceiptRoster, readonly string[]> = {
  修課紀錄: sheetsOf('grades', 'retake-repeat', 'night-grades'),
  多元表現: sheetsOf('performances'),
  校內幹部經歷: sheetsOf('cadres'),
  課程學習成果: sheetsOf('outcomes', 'night-outcomes'),
};

/** The roster kinds (名冊別) a receipt roster may stand for: the regular one first, then grade 12's batches. */
const KINDS: Record<Exclude<ReceiptRoster, '修課紀錄'>, { day: number[]; night?: number[] }> = {
  校內幹部經歷: { day: [24, 34, 74] },
  多元表現: { day: [25, 35, 75] },
  課程學習成果: { day: [26, 36, 76], night: [28, 38, 78] },
};

/**
 * No source gives 修課紀錄 a roster number (ROSTERS.md §2): its receipt roster is kept under this
 * kind, which no roster has, until the layouts name one.
 */
export const UNNUMBERED_RECEIPT_KIND = 0;

/**
 * The roster kind of a receipt file: the 名冊別 its 名冊資訊 states, when it belongs to the roster
 * the file name says; without one, the regular kind (進修部 in the name → 28 for 課程學習成果).
 * null when the stated 名冊別 is another roster's.
 */
export function receiptKindOf(roster: ReceiptRoster, fileName: string, stated: number | null): number | null {
  if (roster === '修課紀錄') return stated ?? UNNUMBERED_RECEIPT_KIND;
  const kinds = KINDS[roster];
  const night = baseName(fileName).includes('進修部') && kinds.night ? kinds.night : kinds.day;
  if (stated === null) return night[0]!;
  return [...kinds.day, ...(kinds.night ?? [])].includes(stated) ? stated : null;
}

/** 學年度 and 學期 from a file name that starts with them (`114_1_…`, `114_0_…` for a year roster), else null. */
export function termOfFileName(fileName: string): { academicYear: number; semester: 0 | 1 | 2 } | null {
  const match = /^(\d{2,3})_([012])_/.exec(baseName(fileName));
  return match ? { academicYear: Number(match[1]), semester: Number(match[2]) as 0 | 1 | 2 } : null;
}
