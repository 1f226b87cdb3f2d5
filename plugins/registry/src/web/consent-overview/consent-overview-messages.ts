import { createTranslator, defineMessages } from '@licheng/ui';

/** Texts of the registry's consent overview (同意). */
export const consentOverviewMessages = defineMessages({
  'zh-TW': {
    heading: '學生同意提供大學的狀態',
    intro: '學生本人在學生平臺同意或撤回提供學習歷程給大學招生委員會；此處僅供查閱。',
    class: '班級',
    'class-hint': '留空則列出全校學生。',
    show: '查詢',
    caption: '共 {count} 位學生，其中 {given} 位目前同意提供',
    'col.class': '班級座號',
    'col.student': '學生',
    'col.state': '狀態',
    'col.scope': '同意範圍（項目與學年度）',
    'col.date': '日期',
    'state.given': '同意',
    'state.withdrawn': '已撤回',
    'state.none': '尚未同意',
    'given-on': '{date} 同意',
    'withdrawn-on': '{date} 撤回',
    sep: '、',
  },
  en: {
    heading: "Students' consent to release portfolios",
    intro: 'Students give or withdraw consent to release their portfolio to university admission committees themselves; this view is read-only.',
    class: 'Class',
    'class-hint': 'Leave empty to list every student.',
    show: 'Show',
    caption: '{count} students; {given} consent now',
    'col.class': 'Class and seat',
    'col.student': 'Student',
    'col.state': 'State',
    'col.scope': 'Scope (parts and academic years)',
    'col.date': 'Date',
    'state.given': 'Consent given',
    'state.withdrawn': 'Withdrawn',
    'state.none': 'Not given',
    'given-on': 'given {date}',
    'withdrawn-on': 'withdrawn {date}',
    sep: ', ',
  },
});

export const co = createTranslator(consentOverviewMessages);
export const coAny = (key: string, params: Record<string, string | number>, locale: 'zh-TW' | 'en') => co(key as never, params, locale);
