export { deepText } from '@licheng/client/testing';
import type { BatchSummary, ImportResult, IssueRow, Mine, MineBatch, MineIssue, MineItem, Progress } from '../api.ts';

export function item(over: Partial<MineItem> & { id: string }): MineItem {
  return {
    kind: 24,
    rosterName: '校內幹部經歷',
    status: 'pending',
    entry: { 身分證號: 'A123456789', 出生日期: '2009-03-01', 幹部經歷: [{ 單位名稱: '班級', 擔任職務: '班長' }] },
    issues: [],
    ...over,
  } as MineItem;
}

export function batch(items: MineItem[], over: Partial<MineBatch> = {}): MineBatch {
  return { id: 'b1', academicYear: 114, semester: 1, window: { start: '2025-10-02', end: '2025-10-06' }, phase: 'open', daysLeft: 3, items, ...over } as MineBatch;
}

/** What receipt.mine answers for one open batch, with the reminder the server would write. */
export function mine(items: MineItem[], over: Partial<MineBatch> = {}): Mine {
  const b = batch(items, over);
  const confirmed = b.phase === 'open' ? items.filter((i) => i.status === 'confirmed').map((i) => i.rosterName) : [];
  const unconfirmed = b.phase === 'open' ? items.filter((i) => i.status === 'pending').map((i) => i.rosterName) : [];
  const text = [confirmed.length ? `您已完成確認：${confirmed.join('、')}。` : '', unconfirmed.length ? `您尚未完成確認：${unconfirmed.join('、')}。` : ''].join('');
  return { today: '2025-10-04', batches: [b], reminder: unconfirmed.length ? { confirmed, unconfirmed, text } : null } as Mine;
}

export const cadre = item({ id: 'i-cadre', kind: 24, rosterName: '校內幹部經歷' });
export const outcome = item({ id: 'i-outcome', kind: 26, rosterName: '課程學習成果', entry: { 身分證號: 'A123456789', 課程學習成果: [{ 科目名稱: '國語文', 成果簡述: '閱讀心得' }] } });

export const batchSummary: BatchSummary = {
  id: 'b1',
  academicYear: 114,
  semester: 1,
  fileName: 'receipt.zip',
  window: { start: '2025-10-02', end: '2025-10-06' },
  phase: 'open',
  importedByName: '註冊組長',
  importedAt: '2025-10-01T04:00:00.000Z',
  openIssues: 1,
};

export const progress: Progress = {
  batch: { id: 'b1', academicYear: 114, semester: 1, fileName: 'receipt.zip', sha256: 'a'.repeat(64), window: { start: '2025-10-02', end: '2025-10-06' }, importedByName: '註冊組長', importedAt: '2025-10-01T04:00:00.000Z' },
  rosters: [
    { rosterId: 'r24', kind: 24, name: '校內幹部經歷', fileName: '24.json', total: 2, confirmed: 1, issue: 1, pending: 0, deemedConfirmed: 0 },
    { rosterId: 'r26', kind: 26, name: '課程學習成果', fileName: '26.json', total: 1, confirmed: 0, issue: 0, pending: 1, deemedConfirmed: 0 },
  ],
};

export const issue: IssueRow = {
  id: 'x1',
  batchId: 'b1',
  itemId: 'i-cadre',
  status: 'open',
  text: '我不是會長',
  raisedAt: '2025-10-03T04:00:00.000Z',
  rosterKind: 24,
  rosterName: '校內幹部經歷',
  batch: { academicYear: 114, semester: 1 },
  student: { studentNo: 'S002', name: '林小華', className: '101', seatNo: 2 },
  routedTo: { office: 'student-affairs', label: { 'zh-TW': '學務處', en: 'Student affairs office' }, ownerName: null },
  recordId: null,
  fromPaper: false,
  row: null,
  answer: null,
  closed: null,
  resolutionNote: null,
  resolvedByName: null,
  resolvedAt: null,
};

/** An issue as receipt.mine shows it to the student: open, routed to 學務處, unless `over` says more. */
export function mineIssue(over: Partial<MineIssue> & { id: string; text: string }): MineIssue {
  return {
    status: 'open',
    raisedAt: '2025-10-04T02:00:00.000Z',
    routedTo: { office: 'student-affairs', label: { 'zh-TW': '學務處', en: 'Student affairs office' }, ownerName: null },
    recordId: null,
    row: null,
    answer: null,
    closed: null,
    correction: null,
    resolutionNote: null,
    resolvedByName: null,
    resolvedAt: null,
    ...over,
  } as MineIssue;
}

export function importResult(over: Partial<ImportResult> = {}): ImportResult {
  return {
    ok: true,
    dryRun: true,
    fileName: 'receipt.zip',
    sha256: 'a'.repeat(64),
    academicYear: 114,
    semester: 1,
    window: { start: '2025-10-02', end: '2025-10-06' },
    rosters: [{ file: '114_1_123456_校內幹部經歷.json', roster: '校內幹部經歷', kind: 24, name: '校內幹部經歷', entries: 2, items: 2, notRequired: 0, submitted: [] }],
    items: 2,
    leftStudents: 0,
    batchId: null,
    problems: [],
    ...over,
  } as ImportResult;
}
