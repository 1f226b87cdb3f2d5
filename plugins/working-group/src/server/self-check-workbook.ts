import { toRocDate } from '@licheng/core';
import ExcelJS from 'exceljs';
import type { SelfCheckView } from './self-check-view.ts';

export function selfCheckFileName(view: Pick<SelfCheckView, 'academicYear' | 'semester'>): { ascii: string; zh: string } {
  return { ascii: `self-check-${view.academicYear}-${view.semester}.xlsx`, zh: `${view.academicYear}學年度第${view.semester}學期自我檢核表.xlsx` };
}

/**
 * 自我檢核表 of a term as an Excel workbook for the school's records: the title, the date the
 * data was read, the checklist version and its note; then one row per item (section, item,
 * how answered, answer, figures, how computed or the hand answer's note and who answered when,
 * sources); then a sheet per table of figures (per teacher, per class). Every cell is text.
 */
export async function selfCheckWorkbook(schoolName: string, view: SelfCheckView): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(`${view.today}T00:00:00+08:00`);
  const text = { numFmt: '@', alignment: { wrapText: true, vertical: 'top' as const } };
  const sheet = workbook.addWorksheet('自我檢核表', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [10, 36, 10, 12, 36, 44, 40].map((width) => ({ width, style: text }));
  const title = sheet.addRow([`${schoolName} ${view.academicYear} 學年度第 ${view.semester} 學期學習歷程檔案工作小組自我檢核表`]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(title.number, 1, title.number, 7);
  sheet.addRow([`資料日期：${toRocDate(view.today)}（${view.today}）　檢核表版本：${view.version}`]);
  const note = sheet.addRow([view.note]);
  sheet.mergeCells(note.number, 1, note.number, 7);
  sheet.addRow([]);
  const head = sheet.addRow(['項目', '檢核內容', '填答方式', '結果', '數據', '計算方式／說明', '出處']);
  head.font = { bold: true };
  for (const item of view.items) {
    const figures = item.auto?.figures.map((f) => `${f.label}：${f.value}`).join('\n') ?? '';
    const how = item.auto ? item.auto.how : item.hand ? `${item.hand.note ? `${item.hand.note}\n` : ''}填答：${item.hand.byName}，${item.hand.at.slice(0, 10)}` : '';
    const sources = item.sources.map((s) => `${s.doc} ${s.where}：${s.quote}`).join('\n');
    sheet.addRow([item.sectionText, item.text, item.mode === 'auto' ? '由資料計算' : '人工填答', item.stateText, figures, how, sources]);
  }
  for (const item of view.items) {
    const table = item.auto?.rows;
    if (!table) continue;
    const s = workbook.addWorksheet(item.id === 'certification' ? '各教師認證' : item.id === 'selection' ? '各班勾選' : item.id.slice(0, 31));
    s.columns = table.columns.map(() => ({ width: 14, style: text }));
    s.addRow([table.caption]).font = { bold: true };
    s.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) s.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
