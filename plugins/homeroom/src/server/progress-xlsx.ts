import type { Locale } from '@licheng/core';
import ExcelJS from 'exceljs';
import type { ClassProgress } from './class-progress.ts';
import { CHECK_REASONS, type CheckReason } from './progress-rules.ts';

const labels = {
  'zh-TW': {
    seatNo: '座號',
    studentNo: '學號',
    name: '姓名',
    uploaded: '已上傳',
    pending: '待認證',
    passed: '通過',
    failed: '未通過',
    selected: '已勾選（上限 {cap} 件）',
    reminders: '提醒事項',
    performances: '多元表現（計入）',
    performanceSelected: '多元表現已勾選（上限 {cap} 項）',
    exempt: '校方登錄（不計入）',
    officeRecords: '處室紀錄',
    otherPending: '其他待認證',
    otherFailed: '其他未通過',
    check: '提交前檢核',
    checkSheet: '檢核統計',
    reason: '檢核項目',
    studentsCount: '人數',
    incomplete: '未完成 {n} 人',
    'performance-failed': '有未通過的多元表現待修正',
    'performance-unselected': '多元表現尚未勾選',
    'performance-over-cap': '多元表現勾選超過上限',
    'receipt-unconfirmed': '尚未完成收訖確認',
    pending_reason: '尚有待認證的紀錄',
    total: '合計',
    students: '全班 {n} 人',
    needReminder: '需提醒 {n} 人',
    sheet: '{className}班',
    title: '{className} 班 {year} 學年度第 {semester} 學期 課程學習成果進度',
    'no-upload': '本學期尚未上傳',
    failed_reason: '有未通過的成果待修正',
    'not-selected': '尚未勾選',
    fileName: '{className}班學習成果進度-{year}-{semester}.xlsx',
  },
  en: {
    seatNo: 'Seat',
    studentNo: 'Student No.',
    name: 'Name',
    uploaded: 'Uploaded',
    pending: 'Pending',
    passed: 'Passed',
    failed: 'Failed',
    selected: 'Selected (cap {cap})',
    reminders: 'Reminders',
    performances: 'Performances (counted)',
    performanceSelected: 'Performances selected (cap {cap})',
    exempt: 'Registered by the school (not counted)',
    officeRecords: 'Office records',
    otherPending: 'Other pending',
    otherFailed: 'Other failed',
    check: 'Check before submission',
    checkSheet: 'Check summary',
    reason: 'Check',
    studentsCount: 'Students',
    incomplete: '{n} incomplete',
    'performance-failed': 'a failed performance to fix',
    'performance-unselected': 'no performance selected',
    'performance-over-cap': 'performances selected over the cap',
    'receipt-unconfirmed': 'receipt not yet confirmed',
    pending_reason: 'records still waiting for certification',
    total: 'Total',
    students: '{n} students',
    needReminder: '{n} need a reminder',
    sheet: 'Class {className}',
    title: 'Class {className}, {year}-{semester}: course learning outcomes',
    'no-upload': 'nothing uploaded this term',
    failed_reason: 'a failed outcome to fix',
    'not-selected': 'nothing selected yet',
    fileName: 'class-{className}-progress-{year}-{semester}.xlsx',
  },
} as const;

type Label = keyof (typeof labels)['zh-TW'];

function text(locale: Locale, key: Label, params: Record<string, string | number> = {}): string {
  return labels[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const reasonLabel = (locale: Locale, reason: CheckReason) => text(locale, reason === 'failed' ? 'failed_reason' : reason === 'pending' ? 'pending_reason' : reason);

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
}

/** The download's file name. */
export function progressFileName(progress: ClassProgress, locale: Locale): string {
  return text(locale, 'fileName', { className: progress.class.className, year: progress.term.academicYear, semester: progress.term.semester });
}

/**
 * The class progress as a workbook: the header row, one row per student (seat order), and a
 * totals row, with the year's performances and office records and the completeness check; a
 * second sheet counts the students failing each check. Counts are numbers so the office can sum
 * and filter them in Excel.
 */
export async function progressWorkbook(progress: ClassProgress, locale: Locale): Promise<Uint8Array<ArrayBuffer>> {
  const { className } = progress.class;
  const workbook = new ExcelJS.Workbook();
  workbook.title = text(locale, 'title', { className, year: progress.term.academicYear, semester: progress.term.semester });
  const sheet = workbook.addWorksheet(sheetName(text(locale, 'sheet', { className })));
  sheet.columns = [
    { header: text(locale, 'seatNo'), key: 'seatNo', width: 6 },
    { header: text(locale, 'studentNo'), key: 'studentNo', width: 12, style: { numFmt: '@' } },
    { header: text(locale, 'name'), key: 'name', width: 14 },
    { header: text(locale, 'uploaded'), key: 'uploaded', width: 9 },
    { header: text(locale, 'pending'), key: 'pending', width: 9 },
    { header: text(locale, 'passed'), key: 'passed', width: 9 },
    { header: text(locale, 'failed'), key: 'failed', width: 9 },
    { header: text(locale, 'selected', { cap: progress.selectionCap }), key: 'selected', width: 18 },
    { header: text(locale, 'reminders'), key: 'reminders', width: 36 },
    { header: text(locale, 'performances'), key: 'performances', width: 12 },
    { header: text(locale, 'performanceSelected', { cap: progress.performanceCap }), key: 'performanceSelected', width: 18 },
    { header: text(locale, 'exempt'), key: 'exempt', width: 12 },
    { header: text(locale, 'officeRecords'), key: 'officeRecords', width: 10 },
    { header: text(locale, 'otherPending'), key: 'otherPending', width: 10 },
    { header: text(locale, 'otherFailed'), key: 'otherFailed', width: 10 },
    { header: text(locale, 'check'), key: 'check', width: 48 },
  ];
  const joined = (reasons: readonly CheckReason[]) => reasons.map((r) => reasonLabel(locale, r)).join('、');
  for (const s of progress.students) {
    const { performance: p, office: o } = s.other;
    sheet.addRow({
      ...s,
      reminders: joined(s.reminders),
      performances: p.counting,
      performanceSelected: p.selected,
      exempt: p.exempt,
      officeRecords: o.records,
      otherPending: p.pending + o.pending,
      otherFailed: p.failed + o.failed,
      check: joined(s.check),
    });
  }
  const sum = (pick: (s: (typeof progress.students)[number]) => number) => progress.students.reduce((n, s) => n + pick(s), 0);
  const t = progress.totals;
  const totals = sheet.addRow({
    seatNo: text(locale, 'total'),
    studentNo: '',
    name: text(locale, 'students', { n: t.students }),
    uploaded: t.uploaded,
    pending: t.pending,
    passed: t.passed,
    failed: t.failed,
    selected: t.selected,
    reminders: text(locale, 'needReminder', { n: t.studentsNeedingReminder }),
    performances: sum((s) => s.other.performance.counting),
    performanceSelected: sum((s) => s.other.performance.selected),
    exempt: sum((s) => s.other.performance.exempt),
    officeRecords: sum((s) => s.other.office.records),
    otherPending: sum((s) => s.other.performance.pending + s.other.office.pending),
    otherFailed: sum((s) => s.other.performance.failed + s.other.office.failed),
    check: text(locale, 'incomplete', { n: t.studentsIncomplete }),
  });
  sheet.getRow(1).font = { bold: true };
  totals.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.headerFooter.oddHeader = `&C${workbook.title}`;
  const summary = workbook.addWorksheet(sheetName(text(locale, 'checkSheet')));
  summary.columns = [
    { header: text(locale, 'reason'), key: 'reason', width: 36 },
    { header: text(locale, 'studentsCount'), key: 'n', width: 10 },
  ];
  for (const reason of CHECK_REASONS) summary.addRow({ reason: reasonLabel(locale, reason), n: t.check[reason] });
  summary.addRow({ reason: text(locale, 'incomplete', { n: t.studentsIncomplete }), n: t.studentsIncomplete }).font = { bold: true };
  summary.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
