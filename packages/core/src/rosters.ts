import { DomainError } from './errors.ts';

/**
 * 名冊 — the Excel files a school submits to the central database: a cover sheet and one
 * sheet per sub-list. The roster kinds (名冊別) 34–38 and 74–78 for grade 12's two batches
 * come from one public implementation (SPEC §4.6) and should be confirmed against the
 * central database's current templates.
 */
export const ROSTER_KINDS = {
  24: '校內幹部經歷',
  25: '多元表現',
  26: '課程學習成果',
  28: '進修部課程學習成果',
  34: '校內幹部經歷（高三第一梯次）',
  35: '多元表現（高三第一梯次）',
  36: '課程學習成果（高三第一梯次）',
  38: '進修部課程學習成果（高三第一梯次）',
  74: '校內幹部經歷（高三第二梯次）',
  75: '多元表現（高三第二梯次）',
  76: '課程學習成果（高三第二梯次）',
  78: '進修部課程學習成果（高三第二梯次）',
} as const;

export type RosterKind = keyof typeof ROSTER_KINDS;
export type BaseRosterKind = 24 | 25 | 26 | 28;
/** The regular semester submission, or grade 12's first (第一梯次) or second (第二梯次) batch. */
export type RosterBatch = 'regular' | 'grade12-first' | 'grade12-second';

const BATCH_OFFSET: Record<RosterBatch, number> = { regular: 0, 'grade12-first': 10, 'grade12-second': 50 };

export function isRosterKind(value: unknown): value is RosterKind {
  return typeof value === 'number' && Object.hasOwn(ROSTER_KINDS, value);
}

/** The roster kind of a base kind in a batch: (26, 'grade12-first') → 36. */
export function rosterKindFor(base: BaseRosterKind, batch: RosterBatch): RosterKind {
  const kind = base + BATCH_OFFSET[batch];
  if (!isRosterKind(kind)) throw new DomainError('roster-kind-unknown', { kind });
  return kind;
}

/**
 * Columns of roster 26 (課程學習成果), in order. Every student row starts with 身分證號 and
 * 出生日期. The two file-name columns are our naming: confirm them against the central
 * database's current template when a school provides it.
 */
export const outcomeRosterColumns = [
  '身分證號',
  '出生日期',
  '開課年級',
  '課程代碼',
  '科目名稱',
  '修課學分',
  '實際修課學年度',
  '實際修課學期',
  '成果簡述',
  '文件檔名',
  '影音檔名',
] as const;

export interface RosterCover {
  schoolCode: string;
  academicYear: number;
  /** 0 for rosters of a whole academic year. */
  semester: 0 | 1 | 2;
  kind: RosterKind;
}

/** Label/value rows of the cover sheet: 學校代碼, 學年度, 學期, 名冊別. */
export function rosterCoverRows(cover: RosterCover): Array<[string, string | number]> {
  if (!/^\d{6}$/.test(cover.schoolCode)) throw new DomainError('school-code-invalid', { value: cover.schoolCode });
  if (!Number.isInteger(cover.academicYear) || cover.academicYear < 1) {
    throw new DomainError('date-invalid', { value: String(cover.academicYear) });
  }
  if (![0, 1, 2].includes(cover.semester)) throw new DomainError('semester-invalid', { value: String(cover.semester) });
  if (!isRosterKind(cover.kind)) throw new DomainError('roster-kind-unknown', { kind: String(cover.kind) });
  return [
    ['學校代碼', cover.schoolCode],
    ['學年度', cover.academicYear],
    ['學期', cover.semester],
    ['名冊別', cover.kind],
  ];
}
