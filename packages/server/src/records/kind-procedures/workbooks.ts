import ExcelJS from 'exceljs';
import { fieldText, type RecordKindDefinition } from '@licheng/core';
import { importColumns } from './import-rows.ts';
import type { RecordListRow } from './types.ts';

/** The kind's import template: the header row (required columns noted 必填), text-formatted cells, code lists noted on their headers. */
export async function kindTemplateXlsx(kind: RecordKindDefinition): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind.label['zh-TW'].slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  const columns = importColumns(kind);
  sheet.addRow(columns.map((c) => c.header));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(10, c.header.length * 2 + 4);
    column.numFmt = '@';
    const notes = [c.required ? '必填' : '', c.field?.type === 'code' ? c.field.codes.map((code) => `${code.code} ${code.label['zh-TW']}`).join('\n') : '', c.field?.type === 'date' ? '民國日期，例：115/11/27' : ''].filter(Boolean);
    if (notes.length) sheet.getCell(1, i + 1).note = notes.join('\n');
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A list of records as Excel: student, term, summary, every field as people read it, status. */
export async function kindListXlsx(kinds: readonly RecordKindDefinition[], rows: readonly RecordListRow[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  for (const kind of kinds) {
    const own = rows.filter((r) => r.kind === kind.id);
    if (!own.length && kinds.length > 1) continue;
    const sheet = workbook.addWorksheet(kind.label['zh-TW'].slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
    sheet.addRow(['班級', '座號', '學號', '姓名', '學年度', '學期', '內容簡述', ...kind.fields.map((f) => f.label['zh-TW']), '狀態']);
    sheet.getRow(1).font = { bold: true };
    const statusText = { pending: '認證中', passed: '通過', failed: '未通過', withdrawn: '已撤銷' } as const;
    for (const r of own) {
      sheet.addRow([r.student.className, r.student.seatNo, r.student.studentNo, r.student.name, r.academicYear, r.semester, r.summary, ...kind.fields.map((f) => fieldText(f, r.data[f.key], 'zh-TW')), statusText[r.status]]);
    }
  }
  if (workbook.worksheets.length === 0) workbook.addWorksheet('紀錄');
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
