import type { Locale } from '@licheng/core';
import ExcelJS from 'exceljs';
import type { ClassProgress } from './class-progress.ts';
import type { ReminderReason } from './progress-rules.ts';

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

const reasonLabel = (locale: Locale, reason: ReminderReason) => text(locale, reason === 'failed' ? 'failed_reason' : reason);

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
 * totals row. Counts are numbers so the office can sum and filter them in Excel.
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
  ];
  for (const s of progress.students) {
    sheet.addRow({ ...s, reminders: s.reminders.map((r) => reasonLabel(locale, r)).join('、') });
  }
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
  });
  sheet.getRow(1).font = { bold: true };
  totals.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.headerFooter.oddHeader = `&C${workbook.title}`;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
