import { maskNationalId, rocDateOf, type Locale } from '@licheng/core';
import type { PdfBlock, PdfDocumentSpec, PdfSection } from '@licheng/server';

/**
 * 收訖明細紙本確認單 — the paper confirmation form for a student who has left (休學, 轉出) and
 * cannot confirm on the platform: what the central database received of them, roster by roster
 * (each sub-list a table with the roster's sheet and column names as received), a box to confirm
 * and a box to raise an issue per roster, lines to explain, and signature lines. Pure: the
 * procedure reads the rows and renders the spec this builds.
 */

export interface PaperFormStudent {
  studentNo: string;
  name: string;
  className: string;
  seatNo: number;
  nationalId: string;
  birthDate: string;
  rosters: Array<{ kind: number; name: string; entry: Record<string, unknown> }>;
}

export interface PaperFormBatch {
  academicYear: number;
  semester: number;
  window: { start: string; end: string };
}

const TEXT = {
  'zh-TW': {
    title: '收訖明細紙本確認單',
    term: (y: number, s: number) => (s === 0 ? `${y} 學年度` : `${y} 學年度第 ${s} 學期`),
    label: (s: PaperFormStudent) => `${s.className} 班 ${s.seatNo} 號 ${s.name}`,
    className: '班級座號', studentNo: '學號', name: '姓名', nationalId: '身分證號', birthDate: '出生日期', term_: '學年期', window: '確認期間',
    intro: (end: string) =>
      `以下是學校提交名冊後，中央資料庫回傳的收訖明細中您的資料。請逐一核對每份名冊，勾選「確認無誤」或「提出疑義」（並寫下哪裡有誤），簽名後於 ${end} 前交回學校註冊組。期限內未交回者，視同確認。`,
    roster: (name: string, kind: number) => (kind > 0 ? `${name}（名冊別 ${kind}）` : name),
    rows: (n: number) => `共 ${n} 筆`,
    none: '（此名冊沒有您的資料列）',
    other: '其他欄位',
    confirm: '確認無誤',
    issue: '提出疑義（請寫下哪一筆、哪一欄有誤，以及正確內容）',
    explain: '疑義說明',
    signatures: ['學生簽名', '家長／監護人簽名', '日期'],
    returnTo: '交回：學校註冊組（可親送或郵寄）。',
  },
  en: {
    title: 'Receipt confirmation form (paper)',
    term: (y: number, s: number) => (s === 0 ? `Academic year ${y}` : `Academic year ${y}, semester ${s}`),
    label: (s: PaperFormStudent) => `Class ${s.className} No. ${s.seatNo} ${s.name}`,
    className: 'Class / seat', studentNo: 'Student no.', name: 'Name', nationalId: 'National ID', birthDate: 'Date of birth', term_: 'Term', window: 'Confirm by',
    intro: (end: string) =>
      `Below is what the central database received of you after the school submitted its rosters. Check each roster, tick "correct" or "raise an issue" (and write what is wrong), sign, and return this form to the registry office by ${end}. A form not returned by then counts as confirmed.`,
    roster: (name: string, kind: number) => (kind > 0 ? `${name} (roster ${kind})` : name),
    rows: (n: number) => `${n} row(s)`,
    none: '(No rows of yours in this roster)',
    other: 'Other fields',
    confirm: 'Correct',
    issue: 'Raise an issue (write which row and column is wrong, and what is right)',
    explain: 'Issue',
    signatures: ['Student signature', 'Parent / guardian signature', 'Date'],
    returnTo: 'Return to: the registry office (in person or by post).',
  },
} as const;

/** The identifying fields every entry carries; shown once at the top (the ID masked), not per roster. */
const IDENTITY_KEYS = new Set(['身分證號', '出生日期']);

const roc = (iso: string) => rocDateOf(iso) ?? iso;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A received sub-list (子清單) as a table: the columns in the order they first appear. */
function sheetTable(sheet: string, rows: unknown[], locale: Locale): PdfBlock {
  const objects = rows.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : { [sheet]: r }));
  const columns: string[] = [];
  for (const row of objects) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return {
    kind: 'table',
    caption: `${sheet}　${TEXT[locale].rows(objects.length)}`,
    columns,
    rows: objects.map((row) => columns.map((c) => cellText(row[c]))),
    empty: TEXT[locale].none,
  };
}

/** One roster of the student: its sheets as tables (other received fields as a label–value list), then the answer boxes. */
function rosterBlocks(roster: PaperFormStudent['rosters'][number], locale: Locale): PdfBlock[] {
  const t = TEXT[locale];
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 2, text: t.roster(roster.name, roster.kind) }];
  const scalars: Array<{ label: string; value: string }> = [];
  let sheets = 0;
  for (const [key, value] of Object.entries(roster.entry)) {
    if (IDENTITY_KEYS.has(key)) continue;
    if (Array.isArray(value)) {
      blocks.push(sheetTable(key, value, locale));
      sheets++;
    } else scalars.push({ label: key, value: cellText(value) });
  }
  if (scalars.length) blocks.push({ kind: 'paragraph', text: t.other, muted: true }, { kind: 'fields', fields: scalars });
  if (sheets === 0 && scalars.length === 0) blocks.push({ kind: 'paragraph', text: t.none, muted: true });
  blocks.push({ kind: 'keep', points: 130 }, { kind: 'checkboxes', items: [t.confirm, t.issue] }, { kind: 'writing', label: t.explain, lines: 2 });
  return blocks;
}

/** One student's form: a section of its own, numbered page 1 of n on its own. */
export function paperFormSection(student: PaperFormStudent, batch: PaperFormBatch, locale: Locale): PdfSection {
  const t = TEXT[locale];
  return {
    label: t.label(student),
    blocks: [
      { kind: 'heading', level: 1, text: `${t.title}　${t.term(batch.academicYear, batch.semester)}` },
      {
        kind: 'fields',
        fields: [
          { label: t.name, value: student.name },
          { label: t.studentNo, value: student.studentNo },
          { label: t.className, value: `${student.className}-${String(student.seatNo).padStart(2, '0')}` },
          { label: t.nationalId, value: maskNationalId(student.nationalId) },
          { label: t.birthDate, value: roc(student.birthDate) },
          { label: t.window, value: `${roc(batch.window.start)} – ${roc(batch.window.end)}` },
        ],
      },
      { kind: 'paragraph', text: t.intro(roc(batch.window.end)) },
      ...student.rosters.flatMap((r) => rosterBlocks(r, locale)),
      { kind: 'keep', points: 90 },
      { kind: 'signatures', labels: [...t.signatures] },
      { kind: 'paragraph', text: t.returnTo, muted: true },
    ],
  };
}

/** The whole document: one section per student, by class and seat. */
export function paperFormDocument(input: { school: string; batch: PaperFormBatch; students: PaperFormStudent[]; locale: Locale; now: Date; today: string }): PdfDocumentSpec {
  const t = TEXT[input.locale];
  return {
    title: `${t.title}（${t.term(input.batch.academicYear, input.batch.semester)}）`,
    school: input.school,
    printedOn: input.today,
    createdAt: input.now.toISOString(),
    locale: input.locale,
    sections: input.students.map((s) => paperFormSection(s, input.batch, input.locale)),
  };
}
