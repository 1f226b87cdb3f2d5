import { createTranslator, defineMessages } from '@licheng/ui';

/** Texts of the paper confirmation forms (收訖明細紙本確認單) part of the receipt desk. */
export const paperFormMessages = defineMessages({
  'zh-TW': {
    heading: '紙本確認單',
    intro: '已休學、轉出的學生無法上線確認，請列印收訖明細紙本確認單（PDF）寄給學生，簽名後交回。',
    'none': '此批收訖明細沒有已休學、轉出的學生，不需要紙本確認單。',
    loading: '載入中…',
    student: '學生',
    'student.option': '{className} 班 {seatNo} 號 {name}（{studentNo}，{rosters} 份名冊）',
    'print.student': '列印此學生的確認單（PDF）',
    className: '班級',
    'class.option': '{className} 班（{count} 位）',
    'print.class': '列印全班的確認單（PDF）',
    printing: '產生中，請稍候…',
    done: '已產生 {students} 位學生的確認單，共 {pages} 頁：{fileName}（已開始下載）。',
    count: '需紙本確認的學生：{count} 位。',
  },
  en: {
    heading: 'Paper confirmation forms',
    intro: 'Students who have left (suspended, transferred out) cannot confirm online: print their receipt confirmation form (PDF), mail it, and have it signed and returned.',
    'none': 'No student of this receipt has left, so no paper form is needed.',
    loading: 'Loading…',
    student: 'Student',
    'student.option': 'Class {className} no. {seatNo} {name} ({studentNo}, {rosters} roster(s))',
    'print.student': 'Print this student’s form (PDF)',
    className: 'Class',
    'class.option': 'Class {className} ({count})',
    'print.class': 'Print the class’s forms (PDF)',
    printing: 'Making the PDF…',
    done: 'Made the forms of {students} student(s), {pages} page(s): {fileName} (downloading).',
    count: 'Students who confirm on paper: {count}.',
  },
});

export const pt = createTranslator(paperFormMessages);
