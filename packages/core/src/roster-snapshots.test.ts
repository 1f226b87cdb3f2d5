import { describe, expect, it } from 'vitest';
import { diffSnapshots, reconcileReceipt, snapshotStudents, type WrittenSheet } from './roster-snapshots.ts';

const COLUMNS = ['身分證號', '出生日期', '課程代碼', '成果簡述'];
const sheet = (rows: Array<[string, string, string, string, string, string]>): WrittenSheet => ({
  name: '學期課程學習成果',
  columns: COLUMNS,
  rows: rows.map(([, , a, b, c, d]) => [a, b, c, d]),
  refs: rows.map(([student, record]) => ({ studentId: student, recordId: record })),
});

describe('submission snapshots', () => {
  const before = snapshotStudents([
    sheet([
      ['s1', 'r1', 'A123456789', '0980301', 'C1', '紅樓夢'],
      ['s1', 'r2', 'A123456789', '0980301', 'C2', '實驗'],
      ['s2', 'r3', 'B223456782', '0980512', 'C1', '作文'],
    ]),
  ]);

  it('keeps each student’s rows per sheet with their record', () => {
    expect(before).toEqual([
      { studentId: 's1', nationalId: 'A123456789', birthDate: '0980301', sheets: { 學期課程學習成果: [{ recordId: 'r1', cells: { 身分證號: 'A123456789', 出生日期: '0980301', 課程代碼: 'C1', 成果簡述: '紅樓夢' } }, { recordId: 'r2', cells: { 身分證號: 'A123456789', 出生日期: '0980301', 課程代碼: 'C2', 成果簡述: '實驗' } }] } },
      { studentId: 's2', nationalId: 'B223456782', birthDate: '0980512', sheets: { 學期課程學習成果: [{ recordId: 'r3', cells: { 身分證號: 'B223456782', 出生日期: '0980512', 課程代碼: 'C1', 成果簡述: '作文' } }] } },
    ]);
  });

  it('says what changed since: students added and removed, rows per column old → new', () => {
    const after = snapshotStudents([
      sheet([
        ['s1', 'r1', 'A123456789', '0980301', 'C1', '紅樓夢人物'],
        ['s3', 'r4', 'C123456781', '0980730', 'C1', '報告'],
      ]),
    ]);
    expect(diffSnapshots(before, after)).toEqual({
      added: [{ studentId: 's3', nationalId: 'C123456781' }],
      removed: [{ studentId: 's2', nationalId: 'B223456782' }],
      changed: [
        {
          studentId: 's1',
          nationalId: 'A123456789',
          rows: [
            { sheet: '學期課程學習成果', change: 'changed', recordId: 'r1', cells: expect.any(Object), columns: [{ column: '成果簡述', before: '紅樓夢', after: '紅樓夢人物' }] },
            { sheet: '學期課程學習成果', change: 'removed', recordId: 'r2', cells: expect.objectContaining({ 課程代碼: 'C2' }), columns: [] },
          ],
        },
      ],
    });
    expect(diffSnapshots(before, before)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reconciles a receipt: arrived, differs field by field, missing and unexpected', () => {
    const received = [
      { studentId: 's1', entry: { 身分證號: 'A123456789', 出生日期: '0980301', 學期課程學習成果: [{ 課程代碼: 'C2', 成果簡述: '實驗' }, { 課程代碼: 'C1', 成果簡述: '紅樓夢' }] } },
      { studentId: null, entry: { 身分證號: 'B223456782', 出生日期: '2009-05-12', 學期課程學習成果: [{ 課程代碼: 'C1', 成果簡述: '作文（改）' }] } },
      { studentId: 's9', entry: { 身分證號: 'D123456780', 出生日期: '0980101', 學期課程學習成果: [] } },
    ];
    const got = reconcileReceipt(before, received);
    expect(got.map((r) => [r.studentId, r.status])).toEqual([['s1', 'arrived'], ['s2', 'differs'], ['s9', 'unexpected']]);
    expect(got[1]!.differences).toEqual([{ sheet: '學期課程學習成果', column: '成果簡述', submitted: '作文', received: '作文（改）' }]);
    expect(reconcileReceipt(before, [{ studentId: 's2', entry: { 身分證號: 'B223456782', 出生日期: 980512, 學期課程學習成果: [{ 課程代碼: 'C1', 成果簡述: '作文' }] } }])[0]).toMatchObject({ status: 'arrived' });
    expect(reconcileReceipt(before, received.slice(0, 1)).map((r) => r.status)).toEqual(['arrived', 'missing']);
    const fewer = reconcileReceipt(before, [{ studentId: 's1', entry: { 身分證號: 'A123456789', 學期課程學習成果: [{ 課程代碼: 'C1', 成果簡述: '紅樓夢' }, { 課程代碼: 'C9', 成果簡述: 'x' }, { 課程代碼: 'C8', 成果簡述: 'y' }] } }]);
    expect(fewer[0]).toMatchObject({ status: 'differs', differences: [{ column: '課程代碼', submitted: 'C2', received: 'C9' }, { column: '成果簡述', submitted: '實驗', received: 'x' }], rowsUnexpected: [{ cells: { 課程代碼: 'C8', 成果簡述: 'y' } }] });
  });
});
