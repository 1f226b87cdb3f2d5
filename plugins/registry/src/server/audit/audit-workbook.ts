import type { Locale } from '@licheng/core';
import ExcelJS from 'exceljs';
import { actionLabel, changeText, entityLabel, entryTime, roleLabel } from '../../audit-labels.ts';
import type { AuditEntryView } from './audit-query.ts';

const HEADERS = {
  'zh-TW': ['時間', '操作者', '帳號', '身分', '動作', '動作代碼', '對象', '對象代號', '學號', '學生姓名', '班級', '變更內容（變更前 → 變更後）', '所屬作業', '紀錄代號'],
  en: ['Time', 'By', 'Account', 'Acting as', 'Action', 'Action code', 'Entity', 'Entity id', 'Student No.', 'Student', 'Class', 'Changes (before → after)', 'Part of', 'Entry id'],
} as const;

const WIDTHS = [20, 12, 14, 12, 22, 26, 12, 38, 10, 10, 8, 60, 38, 38];

/** The audit trail as an Excel workbook: one row per entry, its changes one line per field. */
export async function auditWorkbook(entries: Iterable<AuditEntryView>, locale: Locale): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(locale === 'zh-TW' ? '稽核紀錄' : 'Audit trail', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS[locale].map((header, i) => ({ header, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) {
    const row = sheet.addRow([
      entryTime(e.at, locale),
      e.actor.name,
      e.actor.id,
      roleLabel(e.actor.role, locale),
      actionLabel(e.action, locale),
      e.action,
      entityLabel(e.entity, locale),
      e.entityId,
      e.student?.studentNo ?? '',
      e.student?.name ?? '',
      e.student?.className ?? '',
      changeText(e.before, e.after, locale, e.entity),
      e.parentId ?? '',
      e.id,
    ]);
    row.getCell(12).alignment = { wrapText: true, vertical: 'top' };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The download's name: 稽核紀錄-<school>-<Taipei date and time>.xlsx. */
export function auditFileName(school: string, at: Date, locale: Locale): string {
  const stamp = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return `${locale === 'zh-TW' ? '稽核紀錄' : 'audit-trail'}-${school}-${stamp}.xlsx`;
}
