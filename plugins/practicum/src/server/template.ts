import ExcelJS from 'exceljs';
import { LIST_COLUMNS } from './certificate-rows.ts';

/** The certificate list template: the columns in order, a marked required header, and one example row. */
export async function certificateTemplateXlsx(): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('技能檢定合格名單');
  sheet.addRow(LIST_COLUMNS.map((c) => c.header));
  sheet.addRow(['S001', '工業電子', '丙級', '1234567', '114/06/30', '勞動部勞動力發展署技能檢定中心']);
  sheet.getRow(1).font = { bold: true };
  LIST_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.key === 'issuer' ? 32 : 14;
    sheet.getColumn(i + 1).numFmt = '@';
    if (c.required) sheet.getCell(1, i + 1).note = '必填';
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
