export { deepText } from '@licheng/client/testing';
import { PERFORMANCE_TYPES } from '@licheng/core';
import type { Course, Me, Outcome, Performance, PerformanceKinds, PerformanceSelection, Selection } from '../api.ts';

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


/** The ten performance types as student.performances.kinds answers. */
export function performanceKinds(over: Partial<PerformanceKinds> = {}): PerformanceKinds {
  return {
    kinds: PERFORMANCE_TYPES.map((t) => ({ id: t.id, label: t.label, fields: t.fields, summary: { max: 100, required: true }, files: true, mayEnter: true })),
    term: { academicYear: 114, semester: 1 },
    window: { start: '2025-08-01', end: '2026-07-31', state: 'open' },
    upload: { cap: null, used: 1 },
    ...over,
  } as PerformanceKinds;
}

/** One performance as student.performances.list answers. */
export function performance(over: Partial<Performance> & { id: string }): Performance {
  return {
    kind: 'performance-work',
    academicYear: 114,
    semester: 1,
    summary: '校刊封面設計',
    data: { name: '校刊封面', date: '2025-09-20' },
    status: 'passed',
    statusReason: null,
    student: { id: 'st1', studentNo: '1130001', name: '王小明', className: '101', seatNo: 1 },
    enteredRole: 'student',
    enteredByMe: true,
    decidedByName: null,
    version: 1,
    createdAt: '2025-10-01T02:00:00.000Z',
    updatedAt: '2025-10-01T02:00:00.000Z',
    documentFileId: 'f1',
    mediaFileId: null,
    videoUrl: 'https://video.example/1',
    correctable: 'yes',
    withdrawable: true,
    ...over,
  } as Performance;
}

export function performanceSelection(over: Partial<PerformanceSelection> = {}): PerformanceSelection {
  const item = (id: string, kind: string, label: string, summary: string) => ({ id, kind, label: { 'zh-TW': label, en: label }, semester: 1, summary, status: 'passed', statusLabel: { 'zh-TW': '通過', en: 'Passed' } });
  return {
    academicYear: 114,
    recordIds: ['p1'],
    cap: 10,
    window: { start: '2025-08-01', end: '2026-07-31', state: 'open' },
    items: [item('p1', 'performance-work', '作品成果', '校刊封面設計'), item('p2', 'performance-service', '服務學習', '社區淨灘'), item('p3', 'performance-competition', '競賽參與', '科展')],
    registered: [item('r1', 'cadre', '校內幹部經歷', '班長'), item('r2', 'competition-in', '校內外競賽', '校內英語演講比賽第一名')],
    ...over,
  } as PerformanceSelection;
}
