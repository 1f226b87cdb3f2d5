import { ACTIVITIES, activityLabels, type Activity } from './activities.ts';
import type { Semester } from './calendar.ts';
import { precheckDeadline, semesterStartDate } from './course-plan.ts';
import type { Locale } from './errors.ts';
import { MIN_CONFIRMATION_DAYS, windowLength } from './receipt.ts';
import type { SelfCheckItem } from './self-check-items.ts';
import { TRAINING_KINDS, type TrainingKind } from './working-group.ts';

/**
 * 自我檢核表 answered from the data: each automatic item of SELF_CHECK_LIST computed from the
 * facts of one semester, with its figures and how they were computed — or `no-data` saying what
 * is missing, never a guess. Pure: the server reads the facts.
 */

/** met 符合 · not-met 未符合 · not-yet 期限未到 · info 僅列數據 (the sources set no pass line) · no-data 無資料可判斷. */
export type SelfCheckState = 'met' | 'not-met' | 'not-yet' | 'info' | 'no-data';

export interface TeacherCertification {
  teacherId: string;
  name: string;
  total: number;
  passed: number;
  failed: number;
  pending: number;
}

export interface ClassSelection {
  className: string;
  grade: number;
  students: number;
  /** Students with at least one selection in the academic year. */
  selecting: number;
  selections: number;
}

export interface ReceiptBatchFacts {
  start: string;
  end: string;
  items: number;
  confirmed: number;
  /** Items with an issue still open. */
  openIssues: number;
}

export interface SelfCheckFacts {
  academicYear: number;
  semester: Semester;
  /** Today, Taipei, ISO. */
  today: string;
  leads: { convenor: string | null; executiveSecretary: string | null };
  /** Dates of the meetings recorded in the semester. */
  meetingDates: string[];
  /** Required training kinds not held in the semester (or in its year, for a yearly kind). */
  trainingsMissing: TrainingKind[];
  /** The windows of the year for this semester or the whole year. */
  windows: { activity: Activity; semester: number; start: string; end: string; selfCheck: string | null }[];
  /** Taipei dates of the pre-check runs of the semester. */
  precheckRuns: string[];
  teachers: TeacherCertification[];
  classes: ClassSelection[];
  receiptBatches: ReceiptBatchFacts[];
}

export interface SelfCheckFigure {
  label: string;
  value: string;
}

export interface SelfCheckAnswer {
  state: SelfCheckState;
  figures: SelfCheckFigure[];
  /** How the answer was computed, or what data it lacks. */
  how: string;
  /** Per-row figures (per teacher, per class), who is behind first. */
  rows?: { caption: string; columns: string[]; rows: string[][] };
}

const w = (L: Locale, zh: string, en: string) => (L === 'zh-TW' ? zh : en);
const fig = (label: string, value: string | number): SelfCheckFigure => ({ label, value: String(value) });
const list = (L: Locale, items: string[]) => items.join(L === 'zh-TW' ? '、' : ', ');

/** A rate in whole per cent, or '—' when nothing is counted. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}

/** Whether the semester has ended by `today`. */
function termOver(f: Pick<SelfCheckFacts, 'academicYear' | 'semester' | 'today'>): boolean {
  const next = f.semester === 1 ? semesterStartDate(f.academicYear, 2) : semesterStartDate(f.academicYear + 1, 1);
  return f.today >= next;
}

/** Teachers by who is behind: most pending first, then the lower rate, then by name. */
export function teachersBehindFirst<T extends Pick<TeacherCertification, 'total' | 'pending' | 'name'>>(rows: readonly T[]): T[] {
  const rate = (r: T) => (r.total ? (r.total - r.pending) / r.total : 1);
  return [...rows].sort((a, b) => b.pending - a.pending || rate(a) - rate(b) || a.name.localeCompare(b.name, 'zh-Hant'));
}

/** Classes by who is behind: the lower share of students selecting first, then by class. */
export function classesBehindFirst<T extends Pick<ClassSelection, 'students' | 'selecting' | 'className'>>(rows: readonly T[]): T[] {
  const rate = (r: T) => (r.students ? r.selecting / r.students : 1);
  return [...rows].sort((a, b) => rate(a) - rate(b) || a.className.localeCompare(b.className, 'zh-Hant', { numeric: true }));
}

type Rule = (f: SelfCheckFacts, L: Locale) => SelfCheckAnswer;

const RULES: Record<string, Rule> = {
  'group-leads': (f, L) => {
    const { convenor, executiveSecretary } = f.leads;
    const none = w(L, '未登錄', 'none recorded');
    return {
      state: convenor && executiveSecretary ? 'met' : 'not-met',
      figures: [fig(w(L, '召集人', 'Convenor'), convenor ?? none), fig(w(L, '執行秘書', 'Executive secretary'), executiveSecretary ?? none)],
      how: w(L, `${f.academicYear} 學年度工作小組成員中，在任的召集人與執行秘書。`, `The serving convenor and executive secretary among the group's members of ${f.academicYear}.`),
    };
  },
  'group-meeting': (f, L) => {
    const held = f.meetingDates.filter((d) => d <= f.today).sort();
    const planned = f.meetingDates.filter((d) => d > f.today).sort();
    return {
      state: held.length ? 'met' : termOver(f) ? 'not-met' : 'not-yet',
      figures: [fig(w(L, '已召開', 'Held'), held.length), fig(w(L, '召開日期', 'Dates'), held.length ? list(L, held) : '—'), ...(planned.length ? [fig(w(L, '已排定', 'Planned'), list(L, planned))] : [])],
      how: w(L, '本學期登錄的工作小組會議中，日期已到者（日期未到的會議只算排定）。', 'The meetings recorded in the semester whose date has come (a later one is only planned).'),
    };
  },
  'group-trainings': (f, L) => {
    const kinds: Record<TrainingKind, string> = { student: w(L, '學生訓練', 'student training'), teacher: w(L, '教師研習', 'teacher workshop'), parent: w(L, '親師說明', 'parent session') };
    const missing = f.trainingsMissing.map((k) => kinds[k]);
    return {
      state: !missing.length ? 'met' : termOver(f) ? 'not-met' : 'not-yet',
      figures: [fig(w(L, '尚未辦理', 'Not held'), missing.length ? list(L, missing) : '—')],
      how: w(L, '依本校研習規定（rules.trainings），本學期（或學年）應辦而尚未有辦理日期的研習與宣導。', 'The kinds the school rule (rules.trainings) requires in the semester (or year) with no held date yet.'),
    };
  },
  'schedule-published': (f, L) => {
    const covered = new Set(f.windows.map((x) => x.activity));
    const missing = ACTIVITIES.filter((a) => !covered.has(a)).map((a) => activityLabels[a][L]);
    const noSelfCheck = f.windows.filter((x) => !x.selfCheck);
    return {
      state: !missing.length && !noSelfCheck.length ? 'met' : 'not-met',
      figures: [
        fig(w(L, '已排定作業項目', 'Kinds of work scheduled'), `${ACTIVITIES.length - missing.length} / ${ACTIVITIES.length}`),
        fig(w(L, '尚未排定（另行公告）', 'Not yet scheduled'), missing.length ? list(L, missing) : '—'),
        fig(w(L, '未訂自我檢核日期的期程', 'Windows without a self-check date'), `${noSelfCheck.length} / ${f.windows.length}`),
      ],
      how: w(L, '作業期程中適用本學期的期程（本學期或全學年）：每一作業項目是否有期程，每一期程是否訂有自我檢核日期。期程一經儲存即於全校公告。', 'The schedule windows for this semester or the whole year: whether each kind of work has one, and each has a self-check date. A saved window is published to the whole school at once.'),
    };
  },
  'precheck-4-weeks': (f, L) => {
    const deadline = precheckDeadline(f.academicYear, f.semester);
    const start = semesterStartDate(f.academicYear, f.semester);
    const first = [...f.precheckRuns].sort()[0] ?? null;
    return {
      state: first ? (first <= deadline ? 'met' : 'not-met') : f.today <= deadline ? 'not-yet' : 'not-met',
      figures: [fig(w(L, '第 1 次比對日期', 'First run'), first ?? w(L, '尚未執行', 'not run')), fig(w(L, '期限', 'Deadline'), deadline), fig(w(L, '本學期比對次數', 'Runs this semester'), f.precheckRuns.length)],
      how: w(
        L,
        `教學組執行開課預檢的紀錄（稽核紀錄 curriculum.precheck.run）。4 週自學期首日 ${start} 起算；資料中沒有各校開學日，故以學期首日計。`,
        `The curriculum office's pre-check runs (audit entries curriculum.precheck.run). The 4 weeks count from the first day of the semester, ${start}: the school's own first day of classes is not in the data.`,
      ),
    };
  },
  certification: (f, L) => {
    const total = f.teachers.reduce((s, t) => s + t.total, 0);
    const pending = f.teachers.reduce((s, t) => s + t.pending, 0);
    const certWindows = f.windows.filter((x) => x.activity === 'outcome-certification');
    const open = certWindows.some((x) => x.end >= f.today);
    const how = w(L, '本學期未撤銷的課程學習成果，依其課程的授課教師計：已認證（通過、未通過）÷ 全部。認證期程未截止前，待認證者列為期限未到。', "This semester's outcomes not withdrawn, by their course's teacher: certified (passed or failed) ÷ all. While a certification window is still open, pending ones are not yet due.");
    if (!total) return { state: 'no-data', figures: [], how: w(L, '本學期沒有課程學習成果可計算認證率。', 'No course learning outcomes this semester to compute a rate from.') };
    return {
      state: pending === 0 ? 'met' : open || (!certWindows.length && !termOver(f)) ? 'not-yet' : 'not-met',
      figures: [fig(w(L, '全校認證率', 'School rate'), percent(total - pending, total)), fig(w(L, '待認證', 'Pending'), pending), fig(w(L, '教師人數', 'Teachers'), f.teachers.length)],
      how,
      rows: {
        caption: w(L, '各教師認證情形（待認證多者在前）', 'Certification per teacher (most pending first)'),
        columns: [w(L, '教師', 'Teacher'), w(L, '件數', 'Outcomes'), w(L, '通過', 'Passed'), w(L, '未通過', 'Failed'), w(L, '待認證', 'Pending'), w(L, '認證率', 'Rate')],
        rows: teachersBehindFirst(f.teachers).map((t) => [t.name, String(t.total), String(t.passed), String(t.failed), String(t.pending), percent(t.total - t.pending, t.total)]),
      },
    };
  },
  selection: (f, L) => {
    const students = f.classes.reduce((s, c) => s + c.students, 0);
    const selecting = f.classes.reduce((s, c) => s + c.selecting, 0);
    if (!students) return { state: 'no-data', figures: [], how: w(L, '沒有在學學生可計算勾選率。', 'No enrolled students to compute a rate from.') };
    return {
      state: 'info',
      figures: [fig(w(L, '全校勾選率', 'School rate'), percent(selecting, students)), fig(w(L, '已勾選學生', 'Students selecting'), `${selecting} / ${students}`)],
      how: w(L, `各班在學學生中，${f.academicYear} 學年度至少勾選一件者 ÷ 在學人數。勾選由學生自行決定，來源未訂合格標準，故僅列數據。`, `Enrolled students of each class with at least one selection in ${f.academicYear} ÷ enrolled students. Selection is each student's choice and the sources set no pass line, so figures only.`),
      rows: {
        caption: w(L, '各班勾選情形（勾選率低者在前）', 'Selection per class (lowest rate first)'),
        columns: [w(L, '班級', 'Class'), w(L, '在學人數', 'Students'), w(L, '已勾選學生', 'Selecting'), w(L, '勾選件數', 'Selections'), w(L, '勾選率', 'Rate')],
        rows: classesBehindFirst(f.classes).map((c) => [c.className, String(c.students), String(c.selecting), String(c.selections), percent(c.selecting, c.students)]),
      },
    };
  },
  'grade-check': (f, L) => {
    const checks = f.windows.filter((x) => x.activity === 'grade-check');
    const submissions = f.windows.filter((x) => x.activity === 'roster-submission');
    const firstSubmission = submissions.map((x) => x.start).sort()[0] ?? null;
    const before = checks.some((x) => !firstSubmission || x.end < firstSubmission);
    return {
      state: checks.length && before ? 'met' : 'not-met',
      figures: [fig(w(L, '成績複查期程', 'Grade-check windows'), checks.length ? list(L, checks.map((x) => `${x.start}–${x.end}`)) : '—'), fig(w(L, '最早名冊提交', 'First roster submission'), firstSubmission ?? '—')],
      how: w(L, '作業期程中本學期的「成績複查」期程，須於最早的「名冊提交」期程開始前結束（未排名冊提交時，有成績複查期程即可）。', 'A grade-check window of the semester ending before the first roster-submission window starts (any grade-check window when no submission is scheduled).'),
    };
  },
  'receipt-window': (f, L) => {
    if (!f.receiptBatches.length) return { state: 'no-data', figures: [], how: w(L, '本學期尚未匯入收訖明細（稽核紀錄 receipt.batch.import），無確認期間可檢核。', 'No receipt was imported this semester (audit entries receipt.batch.import): no window to check.') };
    const lengths = f.receiptBatches.map((b) => windowLength(b.start, b.end));
    return {
      state: lengths.every((d) => d >= MIN_CONFIRMATION_DAYS) ? 'met' : 'not-met',
      figures: f.receiptBatches.map((b, i) => fig(w(L, `第 ${i + 1} 批確認期間`, `Batch ${i + 1} window`), w(L, `${b.start}–${b.end}（${lengths[i]} 日）`, `${b.start}–${b.end} (${lengths[i]} days)`))),
      how: w(L, `註冊組匯入收訖明細時公告的確認期間，首尾兩日均計入，至少 ${MIN_CONFIRMATION_DAYS} 日。`, `The confirmation window announced with each imported receipt, both ends counted: at least ${MIN_CONFIRMATION_DAYS} days.`),
    };
  },
  'receipt-confirmed': (f, L) => {
    if (!f.receiptBatches.length) return { state: 'no-data', figures: [], how: w(L, '本學期尚未匯入收訖明細，無確認情形可計算。', 'No receipt was imported this semester: nothing to count.') };
    let items = 0, confirmed = 0, deemed = 0, waiting = 0, issues = 0;
    for (const b of f.receiptBatches) {
      items += b.items;
      confirmed += b.confirmed;
      issues += b.openIssues;
      const rest = b.items - b.confirmed - b.openIssues;
      if (f.today > b.end) deemed += rest;
      else waiting += rest;
    }
    return {
      state: issues ? 'not-met' : waiting ? 'not-yet' : 'met',
      figures: [fig(w(L, '明細筆數', 'Items'), items), fig(w(L, '學生已確認', 'Confirmed'), `${confirmed}（${percent(confirmed, items)}）`), fig(w(L, '視同確認', 'Deemed confirmed'), deemed), fig(w(L, '確認期間中未確認', 'Awaiting, window open'), waiting), fig(w(L, '疑義未處理', 'Open issues'), issues)],
      how: w(L, '收訖明細各筆：學生確認（稽核紀錄 receipt.item.confirm）；期間結束仍未確認且無疑義者視同確認；疑義提出（receipt.issue.raise）而未處理（receipt.issue.resolve）者列為疑義未處理。', 'Each receipt item: confirmed by the student (audit entries receipt.item.confirm); unconfirmed without an issue after the window, deemed confirmed; an issue raised (receipt.issue.raise) and not resolved (receipt.issue.resolve) is open.'),
    };
  },
};

/** The answer of an automatic item from the semester's facts; null for an item answered by hand. */
export function answerSelfCheck(item: Pick<SelfCheckItem, 'id' | 'mode'>, facts: SelfCheckFacts, locale: Locale): SelfCheckAnswer | null {
  if (item.mode !== 'auto') return null;
  const rule = RULES[item.id];
  if (!rule) return { state: 'no-data', figures: [], how: w(locale, '此題尚無計算規則。', 'No rule computes this item yet.') };
  return rule(facts, locale);
}

export const selfCheckStateLabels: Record<SelfCheckState | 'yes' | 'no' | 'unanswered', { 'zh-TW': string; en: string }> = {
  met: { 'zh-TW': '符合', en: 'Met' },
  'not-met': { 'zh-TW': '未符合', en: 'Not met' },
  'not-yet': { 'zh-TW': '期限未到', en: 'Not yet due' },
  info: { 'zh-TW': '僅列數據', en: 'Figures only' },
  'no-data': { 'zh-TW': '無資料可判斷', en: 'No data' },
  yes: { 'zh-TW': '是', en: 'Yes' },
  no: { 'zh-TW': '否', en: 'No' },
  unanswered: { 'zh-TW': '尚未填答', en: 'Not answered' },
};

/**
 * The required training kinds not held in a term by `today`, per the school's rule: a kind due
 * every semester needs one held in that semester; a kind due every year, one in either semester
 * of the academic year.
 */
export function trainingsMissingInTerm(
  trainings: readonly { kind: TrainingKind; academicYear: number; semester: number; heldDate: string | null }[],
  rules: Record<TrainingKind, 'semester' | 'year' | 'none'>,
  term: { academicYear: number; semester: number },
  today: string,
): TrainingKind[] {
  const held = trainings.filter((t) => t.heldDate !== null && t.heldDate <= today && t.academicYear === term.academicYear);
  return TRAINING_KINDS.filter((kind) => {
    const rule = rules[kind];
    if (rule === 'none') return false;
    return !held.some((t) => t.kind === kind && (rule === 'year' || t.semester === term.semester));
  });
}
