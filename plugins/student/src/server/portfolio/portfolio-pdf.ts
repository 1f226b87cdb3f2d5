import { rocDateOf, type Locale } from '@licheng/core';
import type { PdfBlock, PdfDocumentSpec } from '@licheng/server';
import { PORTFOLIO_TEXT } from './portfolio-html.ts';
import type { Portfolio, PortfolioFile, PortfolioRecord } from './portfolio-read.ts';
import type { PendingReason, PortfolioCap } from './portfolio-rules.ts';

/** Words of the PDF copy beyond the index page's. */
const PDF_TEXT = {
  'zh-TW': {
    title: '學習歷程（學生留存）',
    intro: '這是您在本校學習歷程平台上的所有紀錄（各處室登錄與您上傳者），含認證狀態、勾選與各學年度上限；原始檔案在下載的壓縮檔 files 資料夾中，依下表「檔案」欄的路徑存放。',
    student: '學生', className: '班級座號', studentNo: '學號', printed: '產出日期',
    totals: '統計', totalsText: (t: Portfolio['totals']) => `紀錄 ${t.records} 筆，已勾選 ${t.selected} 筆，待辦 ${t.pending} 筆（其中未通過 ${t.failed} 筆）`,
    year: '學年度', outcome: '課程學習成果', performance: '多元表現', exempt: '校方登錄（不計入）',
    certified: '認證', notCertified: '免認證', empty: '（本學期沒有紀錄）', none: '目前還沒有任何紀錄。',
  },
  en: {
    title: 'Learning portfolio (student copy)',
    intro: 'Every record of yours on the school’s portfolio platform (entered by the offices and by you), with certification, selections and the caps of each academic year; the original files are in the files folder of the downloaded ZIP, at the path in the Files column.',
    student: 'Student', className: 'Class / seat', studentNo: 'Student no.', printed: 'Made on',
    totals: 'Totals', totalsText: (t: Portfolio['totals']) => `${t.records} record(s), ${t.selected} selected, ${t.pending} to do (${t.failed} failed)`,
    year: 'Year', outcome: 'Course outcomes', performance: 'Performances', exempt: 'Registered by the school (not counted)',
    certified: 'Certification', notCertified: 'Not certified', empty: '(No records this semester)', none: 'No records yet.',
  },
} as const;

function fileText(file: PortfolioFile | null, paths: ReadonlyMap<string, string>): string {
  if (!file) return '';
  return paths.get(file.id) ?? file.name;
}

function recordRow(r: PortfolioRecord, paths: ReadonlyMap<string, string>, locale: Locale): string[] {
  const t = PORTFOLIO_TEXT[locale];
  const p = PDF_TEXT[locale];
  const kind = [r.kindLabel[locale], r.subjectName].filter(Boolean).join('\n');
  const content = [r.summary, ...r.fields.map((f) => `${f.label}：${f.text}`)].join('\n');
  const status = r.certified ? t.status_[r.status] + (r.status === 'failed' && r.statusReason ? `\n（${r.statusReason}）` : '') : p.notCertified;
  const selection = [r.cap ? t.cap_[r.cap as Exclude<PortfolioCap, null>] : '', r.selected ? t.yes : '', r.pending ? t.pending_[r.pending as Exclude<PendingReason, null>] : ''].filter(Boolean).join('\n');
  const files = [fileText(r.document, paths), fileText(r.media, paths), r.videoUrl ? `${t.video}：${r.videoUrl}` : ''].filter(Boolean).join('\n');
  return [kind, content, status, selection || t.no, files];
}

/**
 * The student's own copy of the whole portfolio as a document (portfolio.pdf): who, the totals,
 * the selections against each year's caps, then every semester's records — kind, content and
 * fields, certification, cap / selection / what is left to do, and where each file is in the ZIP.
 */
export function portfolioPdfSpec(portfolio: Portfolio, paths: ReadonlyMap<string, string>, input: { school: string; locale: Locale; today: string; now: Date }): PdfDocumentSpec {
  const { locale } = input;
  const t = PORTFOLIO_TEXT[locale];
  const p = PDF_TEXT[locale];
  const s = portfolio.student;
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: p.title },
    {
      kind: 'fields',
      fields: [
        { label: p.student, value: s.name },
        { label: p.studentNo, value: s.studentNo },
        { label: p.className, value: `${s.className}-${String(s.seatNo).padStart(2, '0')}` },
        { label: p.printed, value: rocDateOf(input.today) ?? input.today },
        { label: p.totals, value: p.totalsText(portfolio.totals) },
      ],
    },
    { kind: 'paragraph', text: p.intro, muted: true },
    { kind: 'heading', level: 2, text: t.caps },
    {
      kind: 'table',
      columns: [p.year, p.outcome, p.performance, p.exempt],
      rows: portfolio.years.map((y) => [String(y.academicYear), `${y.outcome.selected}／${y.outcome.cap}`, `${y.performance.selected}／${y.performance.cap}`, String(y.performance.exempt)]),
      empty: p.none,
    },
  ];
  for (const semester of portfolio.semesters) {
    blocks.push({ kind: 'heading', level: 2, text: t.term(semester.academicYear, semester.semester) });
    blocks.push({ kind: 'table', columns: [t.kind, t.summary, p.certified, t.selected, t.files], rows: semester.records.map((r) => recordRow(r, paths, locale)), empty: p.empty, widths: [1.5, 2.2, 1.3, 2.1, 2.0] });
  }
  return {
    title: `${p.title}　${s.studentNo} ${s.name}`,
    school: input.school,
    printedOn: input.today,
    createdAt: input.now.toISOString(),
    locale,
    sections: [{ label: `${s.className} ${locale === 'zh-TW' ? `班 ${s.seatNo} 號` : `no. ${s.seatNo}`} ${s.name}`, blocks }],
  };
}
