import ExcelJS from 'exceljs';
import { toRocDate, taipeiDate, type Locale } from '@licheng/core';
import { precheckKindLabel, fixerLabel } from './labels.ts';
import type { DifferenceView, PrecheckRunView } from './views.ts';

/** A pre-check run as Excel: one sheet 開課預檢比對 with a row per 「不同」, grouped as found (class, course, student). */
export async function precheckWorkbook(run: PrecheckRunView, differences: readonly DifferenceView[], locale: Locale): Promise<Uint8Array<ArrayBuffer>> {
  const zh = locale === 'zh-TW';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(zh ? '開課預檢比對' : 'Pre-check');
  sheet.addRow([zh ? `${run.academicYear} 學年度第 ${run.semester} 學期 開課預檢及比對` : `Pre-check ${run.academicYear}-${run.semester}`]);
  sheet.addRow([zh ? `比對日期 ${toRocDate(taipeiDate(new Date(run.ranAt)))}，執行者 ${run.ranByName}，共 ${run.differenceCount} 筆不同` : `Run ${taipeiDate(new Date(run.ranAt))} by ${run.ranByName}: ${run.differenceCount} differences`]);
  const header = zh
    ? ['結果', '項目', '班級', '課程代碼', '科目名稱', '學號', '姓名', '應為（課程計畫）', '實際', '負責處室']
    : ['Result', 'Kind', 'Class', 'Course code', 'Subject', 'Student no.', 'Name', 'Expected (plan)', 'Found', 'Fixed by'];
  sheet.addRow(header).font = { bold: true };
  for (const d of differences) {
    sheet.addRow([zh ? '不同' : 'Different', precheckKindLabel(d.kind, locale), d.className, d.code, d.subjectName, d.studentNo ?? '', d.studentName ?? '', d.expected, d.found, fixerLabel(d.fixer, locale)]);
  }
  sheet.getColumn(4).width = 26;
  sheet.getColumn(2).width = 18;
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
