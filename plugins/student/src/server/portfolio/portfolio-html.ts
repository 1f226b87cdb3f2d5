import { rocDateOf, type Locale } from '@licheng/core';
import type { Portfolio, PortfolioFile, PortfolioRecord } from './portfolio-read.ts';
import type { PendingReason, PortfolioCap } from './portfolio-rules.ts';

const TEXT = {
  'zh-TW': {
    title: '我的學習歷程',
    term: (y: number, s: number) => `${y} 學年度第 ${s} 學期`,
    kind: '項目', summary: '內容', status: '狀態', cap: '上限', selected: '勾選', pending: '待辦', files: '檔案',
    yes: '已勾選', no: '—', caps: '勾選與上限',
    outcomeCap: (y: number, n: number, cap: number) => `${y} 學年度 課程學習成果 已勾選 ${n}／${cap}`,
    performanceCap: (y: number, n: number, cap: number, exempt: number) => `${y} 學年度 多元表現 已勾選 ${n}／${cap}（校方登錄、不計入者 ${exempt} 項）`,
    status_: { pending: '認證中', passed: '通過', failed: '未通過', withdrawn: '已撤銷' },
    cap_: { outcome: '課程學習成果（每學年 6 件）', performance: '多元表現（每學年 10 項）', exempt: '校方登錄，不計入上限' },
    pending_: { failed: '未通過，請修正後重新送出', 'awaiting-certification': '等待認證', 'not-selected': '尚未勾選', 'selection-closed': '勾選期間已過，未勾選' },
    video: '影音連結', generated: (d: string) => `產出日期：${d}`,
  },
  en: {
    title: 'My portfolio',
    term: (y: number, s: number) => `Academic year ${y}, semester ${s}`,
    kind: 'Kind', summary: 'Content', status: 'Status', cap: 'Cap', selected: 'Selected', pending: 'To do', files: 'Files',
    yes: 'Selected', no: '—', caps: 'Selections and caps',
    outcomeCap: (y: number, n: number, cap: number) => `Year ${y}: course outcomes selected ${n} of ${cap}`,
    performanceCap: (y: number, n: number, cap: number, exempt: number) => `Year ${y}: performances selected ${n} of ${cap} (${exempt} registered by the school, not counted)`,
    status_: { pending: 'Pending', passed: 'Passed', failed: 'Failed', withdrawn: 'Withdrawn' },
    cap_: { outcome: 'Course outcomes (6 a year)', performance: 'Performances (10 a year)', exempt: 'Registered by the school, not counted' },
    pending_: { failed: 'Failed: fix and resubmit', 'awaiting-certification': 'Waiting for certification', 'not-selected': 'Not selected yet', 'selection-closed': 'Selection window closed, not selected' },
    video: 'Video link', generated: (d: string) => `Generated on ${d}`,
  },
} as const;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A file's path inside the archive: one folder per semester, the kind and the record's place in it, then the file's own name (made safe). */
export function archivePath(record: PortfolioRecord, index: number, file: PortfolioFile, locale: Locale): string {
  const safe = file.name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_').slice(0, 120) || `file.${file.type}`;
  return `files/${record.academicYear}-${record.semester}/${String(index + 1).padStart(3, '0')}-${record.kindLabel[locale]}-${safe}`;
}

/** The portfolio's index page (index.html): every record by semester with its status, cap, selection and what is left to do, linking the files beside it. */
export function portfolioHtml(portfolio: Portfolio, paths: ReadonlyMap<string, string>, locale: Locale, today: string): string {
  const t = TEXT[locale];
  const date = locale === 'zh-TW' ? (rocDateOf(today) ?? today) : today;
  const link = (file: PortfolioFile | null) => {
    const path = file && paths.get(file.id);
    return path ? `<a href="${escape(encodeURI(path))}">${escape(file.name)}</a>` : '';
  };
  const row = (r: PortfolioRecord) => {
    const fields = r.fields.map((f) => `${escape(f.label)}：${escape(f.text)}`).join('<br>');
    const files = [link(r.document), link(r.media), r.videoUrl ? `${t.video}：${escape(r.videoUrl)}` : ''].filter(Boolean).join('<br>');
    const reason = r.pending ? t.pending_[r.pending as Exclude<PendingReason, null>] + (r.status === 'failed' && r.statusReason ? `（${escape(r.statusReason)}）` : '') : '';
    return `<tr><td>${escape(r.kindLabel[locale])}${r.subjectName ? `<br>${escape(r.subjectName)}` : ''}</td><td>${escape(r.summary)}${fields ? `<br><small>${fields}</small>` : ''}</td><td>${t.status_[r.status]}</td><td>${r.cap ? t.cap_[r.cap as Exclude<PortfolioCap, null>] : ''}</td><td>${r.selected ? t.yes : t.no}</td><td>${reason}</td><td>${files}</td></tr>`;
  };
  const head = `<tr><th>${t.kind}</th><th>${t.summary}</th><th>${t.status}</th><th>${t.cap}</th><th>${t.selected}</th><th>${t.pending}</th><th>${t.files}</th></tr>`;
  const caps = portfolio.years
    .map((y) => `<li>${escape(t.outcomeCap(y.academicYear, y.outcome.selected, y.outcome.cap))}</li><li>${escape(t.performanceCap(y.academicYear, y.performance.selected, y.performance.cap, y.performance.exempt))}</li>`)
    .join('');
  const s = portfolio.student;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${t.title} ${escape(s.name)}</title>
<style>body{font-family:sans-serif;margin:1rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.3rem;vertical-align:top;text-align:start}</style></head>
<body><h1>${t.title}</h1><p>${escape(s.className)} ${s.seatNo} ${escape(s.studentNo)} ${escape(s.name)} · ${t.generated(date)}</p>
<h2>${t.caps}</h2><ul>${caps}</ul>
${portfolio.semesters.map((sem) => `<h2>${t.term(sem.academicYear, sem.semester)}</h2><table>${head}${sem.records.map(row).join('')}</table>`).join('\n')}
</body></html>
`;
}

/** The index page's words, shared with the PDF copy (portfolio-pdf.ts). */
export { TEXT as PORTFOLIO_TEXT };
