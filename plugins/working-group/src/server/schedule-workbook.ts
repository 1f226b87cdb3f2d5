import { toRocDate } from '@licheng/core';
import ExcelJS from 'exceljs';
import { activityText, daysText, gradesText, scopeText, semesterText, stateText } from '../schedule-text.ts';
import type { ScheduleYear } from './schedule.ts';

/** The columns of the schedule sheet: zh-TW headers, 民國 dates first, then the same dates in ISO. */
export const SCHEDULE_COLUMNS = [
  { key: 'activity', header: '作業項目', width: 22 },
  { key: 'semester', header: '學期', width: 12 },
  { key: 'grades', header: '年級', width: 14 },
  { key: 'start', header: '開始日期', width: 12 },
  { key: 'end', header: '結束日期', width: 12 },
  { key: 'state', header: '狀態', width: 22 },
  { key: 'startIso', header: '開始日期（西元）', width: 16 },
  { key: 'endIso', header: '結束日期（西元）', width: 16 },
  { key: 'selfCheck', header: '自我檢核日期', width: 14 },
  { key: 'scope', header: '班級、類別、梯次', width: 24 },
] as const;

/** Row of the column headers (row 1 is the title, row 2 the date the states were read). */
export const SCHEDULE_HEADER_ROW = 3;

/** The title the sheet opens with: 〇〇高中 114 學年度學習歷程檔案作業期程. */
export function scheduleTitle(schoolName: string, academicYear: number): string {
  return `${schoolName} ${academicYear} 學年度學習歷程檔案作業期程`;
}

export function scheduleFileName(academicYear: number): { ascii: string; zh: string } {
  return { ascii: `schedule-${academicYear}.xlsx`, zh: `${academicYear}學年度作業期程.xlsx` };
}

/**
 * The schedule of one year as an Excel workbook, for the working group to post or print: a
 * title row with the school and 學年度, the day the states were read, then one row per window
 * and one per activity still to be announced (另行公告). Every cell is text, so Excel keeps the
 * dates exactly as written.
 */
export async function scheduleWorkbook(schoolName: string, year: ScheduleYear): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(`${year.today}T00:00:00+08:00`);
  const sheet = workbook.addWorksheet(`${year.academicYear}學年度作業期程`, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = SCHEDULE_COLUMNS.map((c) => ({ key: c.key, width: c.width, style: { numFmt: '@' } }));

  const last = SCHEDULE_COLUMNS.length;
  sheet.getCell(1, 1).value = scheduleTitle(schoolName, year.academicYear);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(2, 1).value = `資料日期：${toRocDate(year.today)}（${year.today}）`;
  sheet.mergeCells(2, 1, 2, last);

  const header = sheet.getRow(SCHEDULE_HEADER_ROW);
  header.values = SCHEDULE_COLUMNS.map((c) => c.header);
  header.font = { bold: true };

  for (const w of year.windows) {
    const days = daysText(w, 'zh-TW');
    sheet.addRow({
      activity: activityText(w.activity, 'zh-TW'),
      semester: semesterText(w.semester, 'zh-TW'),
      grades: gradesText(w.grades, 'zh-TW'),
      start: toRocDate(w.start),
      end: toRocDate(w.end),
      state: days ? `${stateText(w.state, 'zh-TW')}（${days}）` : stateText(w.state, 'zh-TW'),
      startIso: w.start,
      endIso: w.end,
      selfCheck: w.selfCheck ? toRocDate(w.selfCheck) : null,
      scope: scopeText(w, 'zh-TW', year.kindNames) || null,
    });
  }
  for (const activity of year.unscheduled) {
    sheet.addRow({ activity: activityText(activity, 'zh-TW'), state: stateText('unscheduled', 'zh-TW') });
  }
  sheet.views = [{ state: 'frozen', ySplit: SCHEDULE_HEADER_ROW }];
  sheet.pageSetup.printTitlesRow = `${SCHEDULE_HEADER_ROW}:${SCHEDULE_HEADER_ROW}`;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
