export * from './types.ts';
export { COVER_COLUMNS, COVER_SHEET } from './columns.ts';
export { ROSTER_CODES, ROSTER_MISSING_NUMBER, ROSTER_BIRTH_DATE_FORMAT, type RosterCodeList } from './codes.ts';
export {
  ROSTER_LAYOUTS,
  coverValues,
  isRosterId,
  knownRosterNumbers,
  layoutSheet,
  rosterLayout,
  rosterLayoutVersions,
  rosterNumber,
  rosterNumberIfSet,
  rosterOfNumber,
  rostersNumberedBySetting,
  sheetColumns,
  type RosterNumberSettings,
} from './lookup.ts';
export { rosterSettingsSchema, SECOND_BATCH_SCOPES, type RosterSettings, type SecondBatchScope } from './settings.ts';
export { OUTCOME_SHEET_OF_TAKE, TERM_OUTCOME_SHEET, outcomeRow, outcomeTake, placeOutcome, type RosterCell, type OutcomePlacement, type OutcomeReviewReason, type OutcomeRowInput } from './outcome-placement.ts';
export { SUMMARY_COLUMN, recordRow, rosterCodeList, type RecordRow, type RecordRowInput } from './record-rows.ts';
export {
  GRADE_SHEETS_OF_TAKE,
  NIGHT_MAKE_UP_SHEET,
  gradeRow,
  placeGrade,
  placePrecheck,
  rosterCreditCounted,
  rosterMethod,
  rosterPassFlag,
  rosterRepeatMark,
  rosterScoreCell,
  rosterTransferIdentity,
  type GradeOutcome,
  type GradePlacement,
  type GradeReviewReason,
  type GradeRosterId,
  type GradeRosterRowInput,
  type PrecheckPlacement,
  type PrecheckRowInput,
} from './grade-placement.ts';
