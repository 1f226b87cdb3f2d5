import { outcomeRow, placeOutcome, ROSTER_BATCHES, rosterLayout, type LayoutSheet, type OutcomeReviewReason, type Role, type RosterLayout } from '@licheng/core';
import type { RosterAttachments } from './attachments.ts';
import { keepBack, type BuiltSheets, type RosterBuilder, type RosterProblem } from './builder.ts';
import { outcomeAudiences, outcomeSources, type Division, type OutcomeSource } from './outcome-sources.ts';
import { batchScope } from './batch-scope.ts';
import { gradeOfBatch } from './record-sources.ts';
import type { SheetRows } from './workbook.ts';

const REVIEW_REASON: Record<OutcomeReviewReason, string> = {
  'no-course-code': '缺課程代碼（成果未連結到有效的 23 碼課程）',
  'no-sheet': '此名冊沒有這類修課方式的工作表',
  'no-periods': '缺修課節數（沒有進修部學期成績）',
  'column-unfilled': '成績資料缺欄位',
  'take-without-grade': '選課為重修或補修，但註冊組尚無這門課的成績資料',
};

/** Who fixes a kept-back outcome: the course link is the teaching side's, the grade context the registry's. */
const FIXED_BY: Record<OutcomeReviewReason, Role> = {
  'no-course-code': 'subject-teacher',
  'no-sheet': 'registry-staff',
  'no-periods': 'registry-staff',
  'column-unfilled': 'registry-staff',
  'take-without-grade': 'registry-staff',
};

/**
 * Places every selected, certified outcome of the year: on its sheet of the roster, or — with
 * no course code, no sheet for its way of taking in this roster, or a column nothing fills —
 * on the office's `(缺)` sheet of the same name, with the reason.
 */
export function buildOutcomeRoster(layout: RosterLayout, sources: OutcomeSource[], attachments: RosterAttachments): BuiltSheets {
  const sheets = new Map<string, SheetRows>(layout.sheets.map((sheet) => [sheet.name, { sheet, extraColumns: attachments.columns(sheet), rows: [], refs: [] }]));
  const review = new Map<string, SheetRows>();
  const problems: RosterProblem[] = [];
  const fallback = rosterLayout('outcomes', layout.version);
  let rowCount = 0;
  for (const source of sources) {
    const placed = placeOutcome(layout, source);
    if (placed.review === null) {
      const part = sheets.get(placed.sheet)!;
      part.rows.push([...outcomeRow(part.sheet, placed), ...attachments.cells(part.sheet, source)]);
      part.refs.push({ studentId: source.studentId, recordId: source.recordId });
      rowCount++;
      continue;
    }
    const sheet: LayoutSheet = layout.sheets.find((s) => s.name === placed.sheet) ?? fallback.sheets.find((s) => s.name === placed.sheet)!;
    const missing = placed.review === 'column-unfilled' ? `：${placed.missing.join('、')}` : '';
    const reason = `${REVIEW_REASON[placed.review]}${missing}`;
    keepBack(review, sheet, outcomeRow(sheet, placed, true), reason, { studentId: source.studentId, recordId: source.recordId });
    problems.push({ code: placed.review, sheet: sheet.name, studentId: source.studentId, recordId: source.recordId, office: FIXED_BY[placed.review], reason });
  }
  return { sheets: [...sheets.values()], review: [...review.values()], rowCount, reviewCount: problems.length, problems };
}

/**
 * 課程學習成果: 26 carries the day division, 28 (進修部) the night division; grade 12's batches
 * (36 / 76, 38 / 78) the same year's outcomes of grade-12 students only.
 */
export function outcomeBuilder(roster: 'outcomes' | 'night-outcomes', division: Division): RosterBuilder {
  return {
    roster,
    batches: ROSTER_BATCHES,
    audiences: (ctx, request) => outcomeAudiences(ctx.db, ctx.config.code, request.academicYear, division, gradeOfBatch(request.batch)),
    build: async (ctx, layout, request, attachments) => {
      const { grade, since } = await batchScope(ctx, layout, request);
      return buildOutcomeRoster(layout, await outcomeSources(ctx.db, ctx.config.code, request.academicYear, division, grade, since), attachments);
    },
  };
}
