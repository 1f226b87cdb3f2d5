import {
  assertWindowOpenForAll,
  coverValues,
  DomainError,
  outcomeRow,
  placeOutcome,
  rosterLayout,
  rosterNumber,
  toRocDate,
  type LayoutSheet,
  type OutcomeReviewReason,
  type RosterCell,
  type RosterId,
  type RosterLayout,
} from '@licheng/core';
import { scheduleOf, writeAudit, type AuthedContext } from '@licheng/server';
import { newId, nowIso } from '@licheng/db';
import { NO_ATTACHMENTS, type RosterAttachments } from './rosters/attachments.ts';
import { outcomeAudiences, outcomeSources, type Division, type OutcomeSource } from './rosters/outcome-sources.ts';
import { rosterWorkbook, reviewWorkbook, type SheetRows } from './rosters/workbook.ts';

/**
 * 名冊 submission: the Excel files the registry office uploads to the central database, built
 * from the layout data (core `roster-layouts`, ADR 0030). This office builds 課程學習成果: 26
 * (day division) and 28 (進修部); the other rosters have layouts and wait for their exporters.
 */
export const EXPORTABLE_ROSTER_KINDS = [26, 28] as const;
export type ExportableRosterKind = (typeof EXPORTABLE_ROSTER_KINDS)[number];

const ROSTER_OF: Record<ExportableRosterKind, { roster: RosterId; division: Division }> = {
  26: { roster: 'outcomes', division: 'day' },
  28: { roster: 'night-outcomes', division: 'night' },
};

export interface RosterExportInput {
  academicYear: number;
  /**
   * The term whose roster-submission window the export needs. 課程學習成果 is a year roster
   * (ROSTERS §1: 學期 = 0 on its cover): it carries every selected outcome of the academic
   * year — students select per academic year — and the semester selects no data.
   */
  semester: 1 | 2;
  kind: ExportableRosterKind;
}

export interface StoredExport {
  fileId: string;
  fileName: string;
  rowCount: number;
  downloadUrl: string;
}

export interface RosterExportResult extends StoredExport {
  /** The office's workbook of rows kept back (`(缺)` sheets), never submitted; null when none. */
  review: StoredExport | null;
}

/**
 * 出生日期 as the central database's templates write it: the ROC date as 7 digits, yyyMMdd
 * (2009-03-01 → 0980301), a text cell so the leading zero stays.
 */
export function rosterBirthDate(isoDate: string): string {
  return toRocDate(isoDate, '');
}

/** The layout a school's roster uses: its chosen version (config rosters.layouts) or the default. */
export function layoutOf(ctx: Pick<AuthedContext, 'config'>, kind: ExportableRosterKind): RosterLayout {
  const roster = ROSTER_OF[kind].roster;
  return rosterLayout(roster, ctx.config.rosters.layouts[roster]);
}

/** 26_課程學習成果_123456_114_0.xlsx: 名冊別, label, school, 學年度 and the cover's 學期. */
export function rosterFileName(layout: RosterLayout, school: string, cover: RosterCell[]): string {
  return `${cover[3]}_${layout.label}_${school}_${cover[1]}_${cover[2]}.xlsx`;
}

const REVIEW_REASON: Record<OutcomeReviewReason, string> = {
  'no-course-code': '缺課程代碼（成果未連結到有效的 23 碼課程）',
  'no-sheet': '此名冊沒有這類修課方式的工作表',
  'no-periods': '缺修課節數（沒有進修部學期成績）',
  'column-unfilled': '成績資料缺欄位',
  'take-without-grade': '選課為重修或補修，但註冊組尚無這門課的成績資料',
};

interface BuiltRoster {
  layout: RosterLayout;
  cover: RosterCell[];
  sheets: SheetRows[];
  review: SheetRows[];
  rowCount: number;
  reviewCount: number;
}

/**
 * Places every selected, certified outcome of the year: on its sheet of the roster, or — with
 * no course code, no sheet for its way of taking in this roster, or a column nothing fills —
 * on the office's `(缺)` sheet of the same name, with the reason.
 */
export function buildOutcomeRoster(layout: RosterLayout, cover: RosterCell[], sources: OutcomeSource[], attachments: RosterAttachments): BuiltRoster {
  const sheets = new Map<string, SheetRows>(layout.sheets.map((sheet) => [sheet.name, { sheet, extraColumns: attachments.columns(sheet), rows: [] }]));
  const review = new Map<string, SheetRows>();
  const fallback = rosterLayout('outcomes', layout.version);
  let rowCount = 0;
  let reviewCount = 0;
  for (const source of sources) {
    const placed = placeOutcome(layout, source);
    if (placed.review === null) {
      const part = sheets.get(placed.sheet)!;
      part.rows.push([...outcomeRow(part.sheet, placed), ...attachments.cells(part.sheet, source)]);
      rowCount++;
      continue;
    }
    const sheet: LayoutSheet = layout.sheets.find((s) => s.name === placed.sheet) ?? fallback.sheets.find((s) => s.name === placed.sheet)!;
    const part = review.get(sheet.name) ?? { sheet, name: `${sheet.name}(缺)`, extraColumns: ['待處理原因'], rows: [] };
    review.set(sheet.name, part);
    const missing = placed.review === 'column-unfilled' ? `：${placed.missing.join('、')}` : '';
    part.rows.push([...outcomeRow(sheet, placed, true), `${REVIEW_REASON[placed.review]}${missing}`]);
    reviewCount++;
  }
  return { layout, cover, sheets: [...sheets.values()], review: [...review.values()], rowCount, reviewCount };
}

/**
 * 名冊提交 happens inside the school's `roster-submission` window of the term (作業期程, ADR
 * 0021), open for every grade and class the roster carries; refused with window-unscheduled,
 * window-not-open or window-closed otherwise, before anything is built or stored.
 */
export async function assertRosterWindow(ctx: AuthedContext, input: RosterExportInput): Promise<void> {
  const scopes = await outcomeAudiences(ctx.db, ctx.config.code, input.academicYear, ROSTER_OF[input.kind].division);
  assertWindowOpenForAll(await scheduleOf(ctx), 'roster-submission', { academicYear: input.academicYear, semester: input.semester }, ctx.now(), scopes);
}

async function store(ctx: AuthedContext, bytes: Uint8Array<ArrayBuffer>, fileName: string, at: Date) {
  const put = await ctx.storage.put(new Blob([bytes]).stream(), { maxBytes: bytes.byteLength, tooLarge: () => new Error('roster larger than built') });
  return { id: newId(), put, fileName, at };
}

/**
 * Builds the roster on its layout, stores it — and the office's `(缺)` workbook when rows were
 * kept back — as files of the school (content-addressed) and audits it. The 名冊別 is the
 * layout's, or the school's setting where no source gives one (refused with roster-number-unset
 * when unset). Attachments are off unless an implementation is passed (rosters/attachments.ts).
 */
export async function exportRoster(ctx: AuthedContext, input: RosterExportInput, attachments: RosterAttachments = NO_ATTACHMENTS): Promise<RosterExportResult & { bytes: Uint8Array<ArrayBuffer>; reviewBytes: Uint8Array<ArrayBuffer> | null }> {
  if (!(input.kind in ROSTER_OF)) throw new DomainError('roster-kind-unknown', { kind: String(input.kind) });
  const school = ctx.config.code;
  const at = ctx.now();
  const layout = layoutOf(ctx, input.kind);
  const cover = coverValues(layout, school, input.academicYear, input.semester, rosterNumber(layout, 'regular', ctx.config.rosters.numbers));
  const sources = await outcomeSources(ctx.db, school, input.academicYear, ROSTER_OF[input.kind].division);
  const built = buildOutcomeRoster(layout, cover, sources, attachments);
  const bytes = await rosterWorkbook(layout, cover, built.sheets, at);
  const fileName = rosterFileName(layout, school, cover);
  const roster = await store(ctx, bytes, fileName, at);
  const reviewBytes = built.review.length ? await reviewWorkbook(built.review, at) : null;
  const review = reviewBytes ? await store(ctx, reviewBytes, fileName.replace(/\.xlsx$/, '_待處理(缺).xlsx'), at) : null;
  // When the transaction fails, the objects stay for the sweep: the same bytes may be another export's.
  await ctx.db.transaction().execute(async (trx) => {
    for (const file of [roster, review]) {
      if (!file) continue;
      await trx
        .insertInto('stored_files')
        .values({ id: file.id, school_code: school, sha256: file.put.sha256, size: file.put.size, type: 'xlsx', original_name: file.fileName, created_by: ctx.identity.userId, created_at: nowIso(at) })
        .execute();
    }
    await writeAudit(trx, {
      school,
      actor: ctx.identity,
      role: ctx.actingRole,
      action: `roster.export.${input.kind}`,
      entity: 'stored_file',
      entityId: roster.id,
      after: {
        ...input,
        fileName,
        cover: Object.fromEntries(layout.cover.map((h, i) => [h, cover[i]])),
        layout: { roster: layout.roster, version: layout.version },
        attachments: attachments.id,
        rowCount: built.rowCount,
        sha256: roster.put.sha256,
        review: review ? { fileId: review.id, fileName: review.fileName, rowCount: built.reviewCount, sha256: review.put.sha256 } : null,
      },
      at,
    });
  });
  const link = (id: string) => `/api/files/${id}?download=1`;
  return {
    fileId: roster.id,
    fileName,
    rowCount: built.rowCount,
    downloadUrl: link(roster.id),
    review: review ? { fileId: review.id, fileName: review.fileName, rowCount: built.reviewCount, downloadUrl: link(review.id) } : null,
    bytes,
    reviewBytes,
  };
}

