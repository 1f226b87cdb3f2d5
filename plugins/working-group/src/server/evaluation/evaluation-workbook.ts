import { awardText, toRocDate, type AwardOutcome } from '@licheng/core';
import ExcelJS from 'exceljs';
import type { EvaluationOverview } from '../procedures/evaluation-overview.ts';

const OUTCOME_TEXT: Record<AwardOutcome, string> = { approved: '照案通過', changed: '改列', rejected: '不通過' };
const pct = (rate: number | null) => (rate === null ? '' : `${Math.round(rate * 100)}%`);
const onTimeText = (terms: ReadonlyArray<{ semester: number; first: string | null; onTime: boolean | null }> | null) =>
  terms ? terms.map((t) => `第${t.semester}學期：${t.first ? `${toRocDate(t.first)}${t.onTime === null ? '' : t.onTime ? ' 期限內' : ' 逾期'}` : '未辦理'}`).join('；') : '';

export function evaluationFileName(academicYear: number): { ascii: string; zh: string } {
  return { ascii: `evaluation-${academicYear}.xlsx`, zh: `${academicYear}學年度學習歷程檔案成效評核及敘獎.xlsx` };
}

/**
 * 成效評核及敘獎 of a year as an Excel file for the staff-award process (依學校教職員獎勵標準
 * 提請敘獎): sheet 1 the proposals with the group's decisions (the award to forward is the
 * decided one), sheet 2 each person's figures, sheet 3 each office's. Every cell is text.
 */
export async function evaluationWorkbook(schoolName: string, o: EvaluationOverview): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, widths: number[]) => {
    const s = workbook.addWorksheet(name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    s.columns = widths.map((width) => ({ width, style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } } }));
    return s;
  };
  const title = (s: ExcelJS.Worksheet, text: string, span: number) => {
    const row = s.addRow([text]);
    row.font = { bold: true, size: 14 };
    s.mergeCells(row.number, 1, row.number, span);
  };
  const header = (s: ExcelJS.Worksheet, cells: string[]) => (s.addRow(cells).font = { bold: true });

  const proposals = sheet('敘獎建議及決議', [16, 8, 14, 40, 12, 14, 14, 24, 30]);
  title(proposals, `${schoolName} ${o.academicYear} 學年度學習歷程檔案成效評核及敘獎`, 9);
  header(proposals, ['對象', '類別', '建議獎勵', '事由', '決議', '核定獎勵', '會議日期', '備註', '狀態']);
  for (const p of o.proposals) {
    const d = p.decision;
    const decided = d ? (d.outcome === 'rejected' ? '' : awardText(d.level!, d.times!, 'zh-TW')) : '';
    proposals.addRow([
      p.subjectName, p.subjectKind === 'person' ? '人員' : '處室', awardText(p.level, p.times, 'zh-TW'), p.reason,
      d ? OUTCOME_TEXT[d.outcome] : '', decided, d ? toRocDate(d.meetingDate) : '', d?.note ?? '',
      p.withdrawnAt ? '已撤回' : d ? '已議決' : '待議決',
    ]);
  }
  proposals.addRow([]);
  proposals.addRow([`執行秘書：${o.secretary?.name ?? '（未設定）'}　獎勵種類依據：${o.levelSource}`]);

  const people = sheet('人員成效', [16, 22, 12, 12, 12, 12, 12]);
  header(people, ['姓名', '角色', '認證件數', '期限內認證', '期限內比率', '名冊匯出次數', '開課預檢次數']);
  for (const p of o.figures?.people ?? []) people.addRow([p.name, p.roles.join('、'), String(p.certification.decided), String(p.certification.onTime), pct(p.certification.onTimeRate), String(p.rosterExports), String(p.precheckRuns)]);

  const offices = sheet('處室成效', [16, 12, 12, 12, 12, 12, 36, 36]);
  header(offices, ['處室', '認證件數', '期限內認證', '期限內比率', '研習規劃', '研習辦理', '名冊提交', '開課預檢']);
  for (const f of o.figures?.offices ?? []) {
    const c = f.certification;
    offices.addRow([f.name, c ? String(c.decided) : '', c ? String(c.onTime) : '', c ? pct(c.onTimeRate) : '', f.trainings ? String(f.trainings.planned) : '', f.trainings ? String(f.trainings.held) : '', onTimeText(f.rosters), onTimeText(f.precheck)]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
