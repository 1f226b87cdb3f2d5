import { toRocDate, type Locale } from '@licheng/core';
import ExcelJS from 'exceljs';
import type { IssueView } from './issues.ts';
import type { BatchView, RosterProgress } from './progress.ts';

const labels = {
  'zh-TW': {
    progress: '確認進度',
    issues: '問題反映',
    progressHeader: ['名冊別', '名冊', '學生數', '已確認', '提出問題', '尚未確認', '視同確認'],
    issuesHeader: ['名冊', '班級', '座號', '學號', '姓名', '反映內容', '反映時間', '承辦', '狀態', '回覆', '已更正', '回覆人', '回覆時間', '來源'],
    open: '處理中',
    answered: '已回覆',
    closed: '已結案',
    yes: '是',
    no: '否',
    online: '學生線上提出',
    paper: '紙本確認單',
    title: (b: BatchView) => `${b.academicYear} 學年度第 ${b.semester} 學期收訖明細（確認期間 ${toRocDate(b.window.start)}–${toRocDate(b.window.end)}）`,
  },
  en: {
    progress: 'Progress',
    issues: 'Issues',
    progressHeader: ['Kind', 'Roster', 'Students', 'Confirmed', 'Issue', 'Pending', 'Deemed confirmed'],
    issuesHeader: ['Roster', 'Class', 'Seat', 'Student no.', 'Name', 'Issue', 'Raised', 'Routed to', 'Status', 'Answer', 'Corrected', 'Answered by', 'Answered at', 'Source'],
    open: 'open',
    answered: 'answered',
    closed: 'closed',
    yes: 'yes',
    no: 'no',
    online: 'student, online',
    paper: 'paper form',
    title: (b: BatchView) => `Receipt ${b.academicYear}-${b.semester} (confirmation ${b.window.start} to ${b.window.end})`,
  },
} as const;

/** The progress per roster and the issues of one batch, as an Excel workbook the office can file or print. */
export async function progressWorkbook(batch: BatchView, rosters: RosterProgress[], issues: IssueView[], locale: Locale): Promise<Uint8Array> {
  const L = labels[locale];
  const book = new ExcelJS.Workbook();
  const progress = book.addWorksheet(L.progress);
  progress.addRow([L.title(batch)]);
  progress.addRow([...L.progressHeader]).font = { bold: true };
  for (const r of rosters) progress.addRow([r.kind, r.name, r.total, r.confirmed, r.issue, r.pending, r.deemedConfirmed]);
  progress.getColumn(2).width = 24;
  const sheet = book.addWorksheet(L.issues);
  sheet.addRow([...L.issuesHeader]).font = { bold: true };
  for (const i of issues) {
    const routed = [i.routedTo.label[locale], i.routedTo.ownerName].filter(Boolean).join(' ');
    const corrected = i.answer ? (i.answer.corrected ? L.yes : L.no) : '';
    sheet.addRow([i.rosterName, i.student.className, i.student.seatNo, i.student.studentNo, i.student.name, i.text, i.raisedAt.slice(0, 10), routed, L[i.status], i.answer?.text ?? '', corrected, i.answer?.byName ?? '', i.answer?.at?.slice(0, 10) ?? '', i.fromPaper ? L.paper : L.online]);
  }
  sheet.getColumn(6).width = 40;
  return new Uint8Array(await book.xlsx.writeBuffer());
}
