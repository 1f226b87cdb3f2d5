export { deepText } from '@licheng/client/testing';
import type { Course, Me, Outcome, Selection } from '../api.ts';

/** Test data shaped like the student office's procedures answer. */
export function outcome(over: Partial<Outcome> & { id: string }): Outcome {
  return {
    academicYear: 114,
    semester: 1,
    course: { id: 'c-chinese', code: '108999901H11A0101010001', subjectName: '國語文', credits: 4, gradeLevel: 1 },
    summary: '閱讀心得：以《城南舊事》為題的書面報告',
    documentFileId: 'f-doc',
    mediaFileId: null,
    documentFileName: '城南舊事讀書報告.pdf',
    mediaFileName: null,
    status: 'pending',
    statusReason: null,
    decidedByName: null,
    decidedAt: null,
    version: 1,
    createdAt: '2025-10-01T02:00:00.000Z',
    updatedAt: '2025-10-01T02:00:00.000Z',
    submittedAt: '2025-10-01T02:00:00.000Z',
    resubmitted: false,
    selected: false,
    reopenReason: null,
    ...over,
  } as Outcome;
}

export const courses: Course[] = [
  { id: 'c-chinese', code: '108999901H11A0101010001', subjectName: '國語文', credits: 4, gradeLevel: 1, academicYear: 114, semester: 1, takeKind: 1 },
  { id: 'c-bio', code: '108999901H11A0104040001', subjectName: '生物', credits: 2, gradeLevel: 1, academicYear: 114, semester: 1, takeKind: 1 },
  { id: 'c-old', code: '108999901H11A0102020001', subjectName: '數學', credits: 4, gradeLevel: 1, academicYear: 113, semester: 2, takeKind: 1 },
] as Course[];

export const courseList = { student: { name: '王小明', studentNo: '1130001', className: '101', seatNo: 1, grade: 1 }, courses };

export function me(over: Partial<Me> = {}): Me {
  return {
    user: { userId: 's1', name: '王小明', school: '999901', roles: ['student'] },
    school: { code: '999901', name: '示範高級中學', type: 'general' },
    term: { academicYear: 114, semester: 1 },
    today: '2025-10-15',
    offices: [{ id: 'student', office: { 'zh-TW': '學生', en: 'Student' }, roles: ['student'] }],
    windows: [
      { activity: 'outcome-upload', start: '2025-09-01', end: '2026-02-10', state: 'open' },
      { activity: 'outcome-certification', start: '2025-09-01', end: '2026-02-24', state: 'open' },
      { activity: 'outcome-selection', start: '2026-06-01', end: '2026-07-31', state: 'not-yet' },
    ],
    reminders: [],
    ...over,
  };
}

export function selection(over: Partial<Selection> = {}): Selection {
  return { academicYear: 114, recordIds: [], cap: 6, window: { start: '2025-09-01', end: '2026-07-31', state: 'open' }, ...over } as Selection;
}

