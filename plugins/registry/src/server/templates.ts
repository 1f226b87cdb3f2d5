import { IMPORT_KINDS, importTemplates, type ImportKind, type LocalizedText } from '@licheng/core';
import ExcelJS from 'exceljs';

/** What a screen needs to show an import template and let the office map another layout onto it. */
export interface TemplateDescription {
  kind: ImportKind;
  label: LocalizedText;
  columns: Array<{ key: string; header: string; headerEn: string; required: boolean; example: string; note: string | null; aliases: string[] }>;
  downloads: { xlsx: string; csv: string };
}

/** Paths below the Licheng app (a host mounting it elsewhere prefixes them). */
export function templateUrl(kind: ImportKind, format: 'xlsx' | 'csv'): string {
  return `/api/registry/templates/${kind}.${format}`;
}

export function describeTemplates(): TemplateDescription[] {
  return IMPORT_KINDS.map((kind) => ({
    kind,
    label: importTemplates[kind].label,
    columns: importTemplates[kind].columns.map((c) => ({
      key: c.key,
      header: c.header,
      headerEn: c.headerEn,
      required: c.required,
      example: c.example,
      note: c.note ?? null,
      aliases: [...c.aliases],
    })),
    downloads: { xlsx: templateUrl(kind, 'xlsx'), csv: templateUrl(kind, 'csv') },
  }));
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The template as CSV in UTF-8 with a BOM (so Excel opens the Chinese headers correctly), CRLF lines. */
export function templateCsv(kind: ImportKind): Uint8Array<ArrayBuffer> {
  const columns = importTemplates[kind].columns;
  const lines = [columns.map((c) => csvField(c.header)), columns.map((c) => csvField(c.example))].map((l) => l.join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/**
 * The template as a workbook: sheet 1 the headers and one example row, every cell text so
 * Excel keeps leading zeros (0970512, 學號 0001); sheet 2 explains each column.
 */
export async function templateXlsx(kind: ImportKind): Promise<Uint8Array<ArrayBuffer>> {
  const template = importTemplates[kind];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(template.label['zh-TW']);
  sheet.columns = template.columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.example.length + 4), style: { numFmt: '@' } }));
  sheet.addRow(Object.fromEntries(template.columns.map((c) => [c.key, c.example])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const help = workbook.addWorksheet('欄位說明');
  help.columns = [
    { header: '欄位', key: 'header', width: 16 },
    { header: 'Column', key: 'headerEn', width: 18 },
    { header: '必填', key: 'required', width: 8 },
    { header: '範例', key: 'example', width: 26 },
    { header: '說明', key: 'note', width: 50 },
  ];
  for (const c of template.columns) help.addRow({ header: c.header, headerEn: c.headerEn, required: c.required ? '是' : '否', example: c.example, note: c.note ?? '' });
  help.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
