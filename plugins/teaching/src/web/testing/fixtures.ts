export { deepText } from '@licheng/client/testing';
import type { MeWindows, Queue, QueueItem } from '../api.ts';

export const chinese = { id: 'c-chinese', code: '108999901H11A0101010001', subjectName: '國語文', className: '101', academicYear: 114, semester: 1 };
/** The same subject taught by the same teacher to another class. */
export const chinese102 = { ...chinese, id: 'c-chinese-102', className: '102' };
export const biology = { id: 'c-bio', code: '108999901H11A0104040001', subjectName: '生物', className: '102', academicYear: 114, semester: 1 };

export function item(over: Partial<QueueItem> & { id: string }): QueueItem {
  return {
    kind: 'outcome',
    summary: '閱讀心得報告',
    status: 'pending',
    statusReason: null,
    version: 1,
    documentFileId: 'f-doc',
    mediaFileId: null,
    academicYear: 114,
    semester: 1,
    submittedAt: '2025-10-01T02:00:00.000Z',
    resubmitted: false,
    previousReason: null,
    decidedAt: null,
    decidedByName: null,
    decidedForName: null,
    actingFor: null,
    decidedByMe: false,
    certificationWindow: { state: 'open', start: '2025-09-01', end: '2026-02-24' },
    reopenBlocked: null,
    student: { name: '王小明', studentNo: '1130001', className: '101', seatNo: 1 },
    course: chinese,
    ...over,
  } as QueueItem;
}

export function queue(items: QueueItem[]): Queue {
  const courses = new Map<string, Queue['courses'][number]>();
  for (const i of items) {
    if (!i.course) continue;
    const c = courses.get(i.course.id) ?? { ...i.course, pending: 0 };
    if (i.status === 'pending') c.pending++;
    courses.set(i.course.id, c);
  }
  return { items, courses: [...courses.values()] } as Queue;
}

export const me: MeWindows = {
  user: { userId: 't-chen', name: '陳老師', school: '999901', roles: ['subject-teacher'] },
  windows: [{ activity: 'outcome-certification', start: '2025-09-01', end: '2026-02-24', state: 'open' }],
};

