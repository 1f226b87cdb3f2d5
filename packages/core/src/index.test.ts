import { describe, expect, it } from 'vitest';
import * as core from './index.ts';

describe('@licheng/core exports', () => {
  it('exposes the names other packages call', () => {
    const names = [
      'DomainError', 'formatMessage', 'messages', 'messageCodes',
      'parseCourseCode', 'isCourseCode', 'courseCodeSchema', 'parseSemesterCredits', 'parseCoursePlanLine',
      'taipeiDate', 'academicTermOf', 'toRocDate', 'parseFlexibleDate', 'academicYearRange',
      'sniffFileType', 'SNIFF_BYTES', 'FILE_SLOTS', 'mimeOf', 'checkSlotFile',
      'ROLES', 'roleSchema', 'roleLabels',
      'schoolConfigSchema', 'parseSchoolConfig',
      'findWindow', 'windowState', 'assertWindowOpen',
      'RECORD_STATUSES', 'recordStatusLabels', 'RECORD_KINDS', 'recordKindPolicy', 'decideTransition',
      'resubmitTransition', 'assertEditable', 'outcomeSummarySchema', 'OUTCOME_SUMMARY_MAX',
      'assertSelectionCap', 'assertSelectable', 'assertUploadCap',
      'IMPORT_KINDS', 'importTemplates', 'importRowSchemas', 'resolveColumns', 'validateImportRows',
      'ROSTER_KINDS', 'outcomeRosterColumns', 'rosterCoverRows',
    ];
    for (const name of names) expect(core, name).toHaveProperty(name);
  });
});
