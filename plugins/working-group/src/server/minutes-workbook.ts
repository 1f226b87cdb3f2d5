import { toRocDate, type AttendanceState, type GroupRole } from '@licheng/core';
import ExcelJS from 'exceljs';
import type { MeetingView, MemberView } from './views.ts';

const ROLE_TEXT: Record<GroupRole, string> = { convenor: '召集人', 'executive-secretary': '執行秘書', member: '委員' };
const ATTENDANCE_TEXT: Record<AttendanceState, string> = { present: '出席', excused: '請假', absent: '缺席' };

export function minutesFileName(meeting: Pick<MeetingView, 'date'>): { ascii: string; zh: string } {
  const roc = toRocDate(meeting.date, '');
  return { ascii: `minutes-${meeting.date}.xlsx`, zh: `工作小組會議紀錄${roc}.xlsx` };
}

/**
 * A meeting's record (會議紀錄) as an Excel workbook for the school's files: one sheet with the
 * title, date (民國), place, agenda and minutes, then the decisions (決議, owner, due date),
 * then the attendance of every member of the year (出席/請假/缺席, 未登錄 where none was ticked).
 * Every cell is text, so dates stay as written.
 */
export async function minutesWorkbook(schoolName: string, meeting: MeetingView, members: readonly MemberView[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(`${meeting.date}T00:00:00+08:00`);
  const sheet = workbook.addWorksheet('會議紀錄', { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 14 }, { width: 40 }, { width: 18 }, { width: 14 }].map((c) => ({ ...c, style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } } }));
  const add = (values: Array<string | null>, bold = false) => {
    const row = sheet.addRow(values);
    if (bold) row.font = { bold: true };
    return row;
  };
  const title = add([`${schoolName} ${meeting.academicYear} 學年度第 ${meeting.semester} 學期學習歷程檔案工作小組會議紀錄`]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(title.number, 1, title.number, 4);
  add(['日期', `${toRocDate(meeting.date)}（${meeting.date}）`]);
  add(['地點', meeting.place]);
  add(['議程', meeting.agenda]);
  add(['會議紀錄', meeting.minutes]);
  add([]);
  add(['決議', '內容', '負責人', '完成期限'], true);
  meeting.decisions.forEach((d, i) => add([String(i + 1), d.text, d.owner, d.due ? toRocDate(d.due) : '']));
  add([]);
  add(['出席', '姓名', '職稱', '出缺席'], true);
  const states = new Map(meeting.attendance.map((a) => [a.memberId, a.state]));
  for (const m of members) {
    const state = states.get(m.id);
    add([ROLE_TEXT[m.role], m.name, m.title || m.representing, state ? ATTENDANCE_TEXT[state] : '未登錄']);
  }
  const { present, excused, absent } = meeting.counts;
  add([`出席 ${present} 人，請假 ${excused} 人，缺席 ${absent} 人`]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
