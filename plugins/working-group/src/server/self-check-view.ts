import {
  academicTermOf,
  answerSelfCheck,
  SELF_CHECK_LIST,
  SELF_CHECK_SECTIONS,
  selfCheckStateLabels,
  type Locale,
  type SelfCheckAnswer,
  type SelfCheckSource,
} from '@licheng/core';
import type { AuthedContext } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from './academic-year.ts';
import { semesterField } from './inputs.ts';
import type { AcademicTerm } from '@licheng/core';
import { selfCheckFacts } from './self-check-facts.ts';
import { workingGroupDb } from './tables.ts';

/** A term as the self-check and the dashboard take it: today's when absent. */
export const termInput = z.object({ academicYear: academicYearSchema.optional(), semester: semesterField.optional() }).default({});

export function termOf(ctx: AuthedContext, input: { academicYear?: number | undefined; semester?: 1 | 2 | undefined }): AcademicTerm {
  const today = academicTermOf(ctx.now());
  return { academicYear: input.academicYear ?? today.academicYear, semester: input.semester ?? (input.academicYear === undefined ? today.semester : 1) };
}

export const SELF_CHECK_XLSX_PATH = '/api/working-group/self-check.xlsx';

export interface HandAnswerView {
  answer: 'yes' | 'no';
  note: string;
  byName: string;
  at: string;
  /** The checklist version it was answered under. */
  listVersion: string;
}

export interface SelfCheckItemView {
  id: string;
  section: string;
  sectionText: string;
  text: string;
  mode: 'auto' | 'hand';
  sources: SelfCheckSource[];
  /** The automatic answer (figures and how computed); null for an item answered by hand. */
  auto: SelfCheckAnswer | null;
  hand: HandAnswerView | null;
  /** The state in words: 符合 / 未符合 / … for automatic items, 是 / 否 / 尚未填答 for the others. */
  stateText: string;
}

export interface SelfCheckView {
  academicYear: number;
  semester: 1 | 2;
  today: string;
  version: string;
  note: string;
  items: SelfCheckItemView[];
  download: string;
}

/** The self-check of a term: automatic items computed now, the others as answered by hand. */
export async function selfCheckView(ctx: AuthedContext, term: AcademicTerm): Promise<SelfCheckView> {
  const L: Locale = ctx.locale;
  const facts = await selfCheckFacts(ctx, term);
  const answers = await workingGroupDb(ctx.db)
    .selectFrom('working_group_self_checks')
    .selectAll()
    .where('school_code', '=', ctx.config.code)
    .where('academic_year', '=', term.academicYear)
    .where('semester', '=', term.semester)
    .execute();
  const byItem = new Map(answers.map((a) => [a.item_id, a]));
  return {
    academicYear: term.academicYear,
    semester: term.semester,
    today: facts.today,
    version: SELF_CHECK_LIST.version,
    note: SELF_CHECK_LIST.note[L],
    items: SELF_CHECK_LIST.items.map((item) => {
      const auto = answerSelfCheck(item, facts, L);
      const row = byItem.get(item.id);
      const hand: HandAnswerView | null = row ? { answer: row.answer as 'yes' | 'no', note: row.note, byName: row.answered_by_name, at: row.answered_at, listVersion: row.list_version } : null;
      return {
        id: item.id,
        section: item.section,
        sectionText: SELF_CHECK_SECTIONS[item.section][L],
        text: item.text[L],
        mode: item.mode,
        sources: item.sources,
        auto,
        hand,
        stateText: selfCheckStateLabels[auto ? auto.state : hand ? hand.answer : 'unanswered'][L],
      };
    }),
    download: `${SELF_CHECK_XLSX_PATH}?academicYear=${term.academicYear}&semester=${term.semester}`,
  };
}
