import { CAREER_ASSESSMENT_FIELDS, CONSULTATION_FIELDS, COUNSELING_FIELDS, type RecordFieldSpec } from '@licheng/core';
import type { RecordKindView } from '@licheng/server';
import type { RecordKindScreen } from '@licheng/ui/records';
import type { AdviseeImportReport, AdviseeList } from '../server/index.ts';

export type { AdviseeImportReport, AdviseeList };
export type AdviseeLink = AdviseeList['links'][number];

/** Procedure paths of counseling. */
export const paths = {
  kinds: 'counseling.records.kinds',
  advisees: 'counseling.advisees.list',
  assign: 'counseling.advisees.assign',
  remove: 'counseling.advisees.remove',
  import: 'counseling.advisees.import',
  group: 'counseling.consultations.enterGroup',
} as const;

/** `counseling.records.kinds` answers these (the generic procedures' type). */
export type KindView = RecordKindView;

const FIELDS: Record<string, readonly RecordFieldSpec[]> = { 'career-assessment': CAREER_ASSESSMENT_FIELDS, consultation: CONSULTATION_FIELDS, counseling: COUNSELING_FIELDS };
/** What the summary (內容簡述) holds for each kind: a consultation's is its content (諮詢內容). */
const SUMMARY: Record<string, { max: number; required: boolean } | undefined> = { consultation: { max: 100, required: true }, 'career-assessment': { max: 100, required: false } };

/** A kind as the record screens draw it (core's field declaration). */
export function kindScreen(view: KindView): RecordKindScreen {
  const summary = SUMMARY[view.id];
  return { id: view.id, label: view.label, fields: FIELDS[view.id] ?? [], ...(summary ? { summary } : {}), mayEnter: view.mayEnter };
}

/** A group session's form: a consultation without 諮詢方式 (always 團體). */
export function groupScreen(view: KindView): RecordKindScreen {
  return { ...kindScreen(view), id: 'consultation-group', fields: CONSULTATION_FIELDS.filter((f) => f.key !== 'form') };
}
