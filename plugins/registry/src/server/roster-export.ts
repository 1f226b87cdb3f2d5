import { assertWindowOpenForAll, coverValues, rosterLayout, toRocDate, type RosterCell, type RosterLayout } from '@licheng/core';
import { scheduleOf, writeAudit, type AuthedContext } from '@licheng/server';
import { newId, nowIso } from '@licheng/db';
import { NO_ATTACHMENTS, type RosterAttachments } from './rosters/attachments.ts';
import type { RosterNote, RosterProblem, RosterRequest } from './rosters/builder.ts';
import { rosterBuilder } from './rosters/builders.ts';
import { buildCheckedRoster } from './rosters/checked-roster.ts';
import { contentOf, recordExport } from './rosters/submissions.ts';
import { rosterWorkbook, reviewWorkbook } from './rosters/workbook.ts';

/**
 * 名冊 submission: the Excel files the registry office uploads to the central database, built
 * from the layout data (core `roster-layouts`, ADR 0030) by the roster's builder
 * (`rosters/builders.ts`); cover, file name, storage and audit are the same for every roster.
 */
export type RosterExportInput = RosterRequest;

export interface StoredExport {
  fileId: string;
  fileName: string;
  rowCount: number;
  downloadUrl: string;
}

export interface RosterExportResult extends StoredExport {
  /** The 名冊別 written on the cover. */
  kind: number;
  /** The office's workbook of rows kept back (`(缺)` sheets), never submitted; null when none. */
  review: StoredExport | null;
  /** Why each kept-back row was kept back, and who fixes it. */
  problems: RosterProblem[];
  /** Rows left out on purpose (not problems), counted; present only when there are some. */
  notes?: RosterNote[];
}

/**
 * 出生日期 as the central database's templates write it: the ROC date as 7 digits, yyyMMdd
 * (2009-03-01 → 0980301), a text cell so the leading zero stays.
 */
export function rosterBirthDate(isoDate: string): string {
  return toRocDate(isoDate, '');
}

/** The layout a school's roster uses: its chosen version (config rosters.layouts) or the default. */
export function layoutOf(ctx: Pick<AuthedContext, 'config'>, roster: RosterRequest['roster']): RosterLayout {
  return rosterLayout(roster, ctx.config.rosters.layouts[roster]);
}

/** 26_課程學習成果_123456_114_0.xlsx: 名冊別, label, school, 學年度 and the cover's 學期. */
export function rosterFileName(layout: RosterLayout, school: string, cover: RosterCell[]): string {
  return `${cover[3]}_${layout.label}_${school}_${cover[1]}_${cover[2]}.xlsx`;
}

/**
 * 名冊提交 happens inside the school's `roster-submission` window of the term (作業期程, ADR
 * 0021) — the pre-check roster inside the `pre-check` window (the builder's `activity`) — open
 * for every grade and class the roster carries; refused with window-unscheduled,
 * window-not-open or window-closed otherwise, before anything is built or stored. A caller
 * asking for many rosters passes the schedule it has read once.
 */
export async function assertRosterWindow(ctx: AuthedContext, input: RosterRequest, schedule?: Awaited<ReturnType<typeof scheduleOf>>): Promise<void> {
  const builder = rosterBuilder(input.roster);
  const scopes = await builder.audiences(ctx, input);
  assertWindowOpenForAll(schedule ?? (await scheduleOf(ctx)), builder.activity ?? 'roster-submission', { academicYear: input.academicYear, semester: input.semester }, ctx.now(), scopes);
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
export async function exportRoster(ctx: AuthedContext, input: RosterRequest, attachments: RosterAttachments = NO_ATTACHMENTS): Promise<RosterExportResult & { bytes: Uint8Array<ArrayBuffer>; reviewBytes: Uint8Array<ArrayBuffer> | null }> {
  const school = ctx.config.code;
  const at = ctx.now();
  // The generic checks move rows the central database would reject to the (缺) workbook (rosters/checks.ts).
  const { built, layout, kind } = await buildCheckedRoster(ctx, input, { attachments });
  const cover = coverValues(layout, school, input.academicYear, input.semester, kind);
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
    // The export and its per-student content, for marking it as submitted (rosters/submissions.ts).
    await recordExport(trx, ctx, { fileId: roster.id, request: input, kind, layoutVersion: layout.version, fileName, sha256: roster.put.sha256, rowCount: built.rowCount, reviewFileId: review?.id ?? null, content: contentOf(built) }, at);
    await writeAudit(trx, {
      school,
      actor: ctx.identity,
      role: ctx.actingRole,
      action: `roster.export.${kind}`,
      entity: 'stored_file',
      entityId: roster.id,
      after: {
        ...input,
        kind,
        fileName,
        cover: Object.fromEntries(layout.cover.map((h, i) => [h, cover[i]])),
        layout: { roster: layout.roster, version: layout.version },
        attachments: attachments.id,
        rowCount: built.rowCount,
        ...(built.notes?.length ? { notes: built.notes } : {}),
        sha256: roster.put.sha256,
        review: review ? { fileId: review.id, fileName: review.fileName, rowCount: built.reviewCount, sha256: review.put.sha256 } : null,
      },
      at,
    });
  });
  const link = (id: string) => `/api/files/${id}?download=1`;
  return {
    kind,
    problems: built.problems,
    ...(built.notes?.length ? { notes: built.notes } : {}),
    fileId: roster.id,
    fileName,
    rowCount: built.rowCount,
    downloadUrl: link(roster.id),
    review: review ? { fileId: review.id, fileName: review.fileName, rowCount: built.reviewCount, downloadUrl: link(review.id) } : null,
    bytes,
    reviewBytes,
  };
}

