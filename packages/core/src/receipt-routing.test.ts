import { describe, expect, it } from 'vitest';
import {
  answersReceiptIssue,
  RECEIPT_ANSWERING_ROLES,
  RECEIPT_ISSUE_ROUTES,
  receiptEntryRows,
  receiptIssueOfficesOf,
  receiptIssueRoute,
  receiptIssueRow,
  receiptRowCourseCode,
  routeReceiptIssue,
} from './receipt-routing.ts';
import { RECEIPT_ROSTERS } from './receipt-package.ts';
import { RECORD_KINDS } from './records.ts';

const teacher = { userId: 't-wang', name: '王老師' };

describe('routing a receipt issue to the office that owns the record', () => {
  it('has a route for every receipt roster, each naming a record kind core knows', () => {
    for (const roster of RECEIPT_ROSTERS) {
      const route = RECEIPT_ISSUE_ROUTES[roster];
      expect(route).toBeDefined();
      if (route.recordKind) expect(Object.keys(RECORD_KINDS)).toContain(route.recordKind);
    }
  });

  it('sends 修課紀錄 to the registry, 多元表現 to 訓育組, 校內幹部經歷 to 學務處', () => {
    expect(routeReceiptIssue('修課紀錄', teacher)).toEqual({ office: 'registry', ownerUserId: null, ownerName: null });
    expect(routeReceiptIssue('多元表現', null)).toEqual({ office: 'activities', ownerUserId: null, ownerName: null });
    expect(routeReceiptIssue('校內幹部經歷', null).office).toBe('student-affairs');
  });

  it('sends 課程學習成果 to the course’s teacher, and to the registry when no teacher was found', () => {
    expect(routeReceiptIssue('課程學習成果', teacher)).toEqual({ office: 'subject-teacher', ownerUserId: 't-wang', ownerName: '王老師' });
    expect(routeReceiptIssue('進修部課程學習成果', teacher).office).toBe('subject-teacher');
    expect(routeReceiptIssue('課程學習成果', null)).toEqual({ office: 'registry', ownerUserId: null, ownerName: null });
  });

  it('sends a roster naming none of the four to the registry', () => {
    expect(receiptIssueRoute('不明名冊')).toEqual({ office: 'registry' });
  });
});

describe('who sees and answers an issue', () => {
  it('lets the registry answer every issue, an office its own, a teacher only the issues routed to them', () => {
    const toTeacher = { office: 'subject-teacher', ownerUserId: 't-wang' };
    const toAffairs = { office: 'student-affairs', ownerUserId: null };
    expect(answersReceiptIssue(toTeacher, { userId: 'r-1', roles: ['registry-staff'] })).toBe(true);
    expect(answersReceiptIssue(toTeacher, { userId: 't-wang', roles: ['subject-teacher'] })).toBe(true);
    expect(answersReceiptIssue(toTeacher, { userId: 't-lee', roles: ['subject-teacher'] })).toBe(false);
    expect(answersReceiptIssue(toAffairs, { userId: 'a-1', roles: ['activities-staff'] })).toBe(true);
    expect(answersReceiptIssue(toAffairs, { userId: 't-wang', roles: ['subject-teacher'] })).toBe(false);
    expect(answersReceiptIssue({ office: 'registry', ownerUserId: null }, { userId: 'a-1', roles: ['student-affairs-staff'] })).toBe(false);
  });

  it('lists the offices a caller sees', () => {
    expect(receiptIssueOfficesOf(['registry-staff'])).toEqual(['registry', 'subject-teacher', 'student-affairs', 'activities', 'practicum']);
    expect(receiptIssueOfficesOf(['activities-staff'])).toEqual(['student-affairs', 'activities']);
    expect(receiptIssueOfficesOf(['practicum-staff'])).toEqual(['practicum']);
    expect(receiptIssueOfficesOf(['subject-teacher'])).toEqual([]);
    expect(RECEIPT_ANSWERING_ROLES).toEqual(['registry-staff', 'subject-teacher', 'student-affairs-staff', 'activities-staff', 'practicum-staff']);
  });
});

describe('the row an issue is about', () => {
  const entry = { 身分證號: 'A123456789', 出生日期: '0980301', 學期課程學習成果: [{ 課程代碼: ' 108123456E22L0101020005 ', 科目名稱: '國語文' }, { 課程代碼: '', 科目名稱: '數學' }] };

  it('lists the rows of every sheet, not the student’s own columns', () => {
    expect(receiptEntryRows(entry).map((r) => [r.sheet, r.index])).toEqual([
      ['學期課程學習成果', 0],
      ['學期課程學習成果', 1],
    ]);
  });

  it('takes the named row, the only row, or none; undefined for a row that does not exist', () => {
    expect(receiptRowCourseCode(receiptIssueRow(entry, { sheet: '學期課程學習成果', index: 0 }))).toBe('108123456E22L0101020005');
    expect(receiptRowCourseCode(receiptIssueRow(entry, { sheet: '學期課程學習成果', index: 1 }))).toBeNull();
    expect(receiptIssueRow(entry, null)).toBeNull();
    expect(receiptIssueRow(entry, { sheet: '學期課程學習成果', index: 2 })).toBeUndefined();
    expect(receiptIssueRow({ 幹部經歷紀錄: [{ 單位名稱: '班級' }] }, null)).toEqual({ sheet: '幹部經歷紀錄', index: 0, row: { 單位名稱: '班級' } });
  });
});
