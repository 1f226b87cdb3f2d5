import { activityLabels, rocDateOf, type Activity, type Locale, type LocalizedText } from '@licheng/core';

/**
 * The words of the schedule (作業期程) in zh-TW and English, shared by the Excel file the
 * server writes and the element the browser shows, so both say the same thing. Pure and
 * browser-safe (it depends on @licheng/core only).
 */

/** Where a window stands on a day; 'unscheduled' is an activity with no window that year (另行公告). */
export type ScheduleState = 'open' | 'not-yet' | 'closed' | 'unscheduled';

const words = {
  'zh-TW': {
    'semester.0': '全學年',
    'semester.1': '第 1 學期',
    'semester.2': '第 2 學期',
    'grades.all': '全年級',
    'grades.some': '{grades} 年級',
    'grades.separator': '、',
    'state.open': '開放中',
    'state.not-yet': '尚未開放',
    'state.closed': '已截止',
    'state.unscheduled': '另行公告',
    'days.left': '剩 {days} 天',
    'days.last': '今天截止',
    'days.until': '{days} 天後開放',
    'days.tomorrow': '明天開放',
    'scope.classes': '{classes} 班',
    'scope.kinds': '限 {kinds}',
    'scope.qualifier': '{qualifier}',
    'scope.separator': '；',
  },
  en: {
    'semester.0': 'Whole year',
    'semester.1': 'Semester 1',
    'semester.2': 'Semester 2',
    'grades.all': 'All grades',
    'grades.some': 'Grade {grades}',
    'grades.separator': ', ',
    'state.open': 'Open',
    'state.not-yet': 'Not open yet',
    'state.closed': 'Closed',
    'state.unscheduled': 'To be announced',
    'days.left': '{days} days left',
    'days.last': 'Closes today',
    'days.until': 'Opens in {days} days',
    'days.tomorrow': 'Opens tomorrow',
    'scope.classes': 'Classes {classes}',
    'scope.kinds': 'Only {kinds}',
    'scope.qualifier': '{qualifier}',
    'scope.separator': '; ',
  },
} as const;

type Key = keyof (typeof words)['zh-TW'];

function say(key: Key, locale: Locale, params: Record<string, string | number> = {}): string {
  return (words[locale] ?? words['zh-TW'])[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** 課程學習成果上傳 / 'Outcome upload'. */
export function activityText(activity: Activity, locale: Locale): string {
  const label = activityLabels[activity][locale];
  return locale === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/** 全學年 / 第 1 學期 / 第 2 學期. */
export function semesterText(semester: 0 | 1 | 2, locale: Locale): string {
  return say(`semester.${semester}`, locale);
}

/** 全年級 when `grades` is null (every grade), else '1、2 年級'. */
export function gradesText(grades: readonly number[] | null, locale: Locale): string {
  if (!grades || grades.length === 0) return say('grades.all', locale);
  return say('grades.some', locale, { grades: [...grades].sort((a, b) => a - b).join(say('grades.separator', locale)) });
}

/**
 * The rest of a window's audience and scope: '101、102 班；限 課程學習成果；第 2 梯次' ('' when the
 * window has none). The record kinds' names come from the server (`kindNames` of the schedule),
 * so the browser does not carry core's record catalogue.
 */
export function scopeText(
  w: { classes?: readonly string[] | undefined; recordKinds?: readonly string[] | undefined; qualifier?: string | undefined },
  locale: Locale,
  kindNames: Readonly<Record<string, LocalizedText>> = {},
): string {
  const kindName = (kind: string) => kindNames[kind]?.[locale] ?? kind;
  const parts: string[] = [];
  const sep = say('grades.separator', locale);
  if (w.classes?.length) parts.push(say('scope.classes', locale, { classes: w.classes.join(sep) }));
  if (w.recordKinds?.length) parts.push(say('scope.kinds', locale, { kinds: w.recordKinds.map(kindName).join(sep) }));
  if (w.qualifier) parts.push(say('scope.qualifier', locale, { qualifier: w.qualifier }));
  return parts.join(say('scope.separator', locale));
}

/** 開放中 / 尚未開放 / 已截止 / 另行公告. */
export function stateText(state: ScheduleState, locale: Locale): string {
  return say(`state.${state}`, locale);
}

/**
 * How long until the window opens or closes, counted in Taipei days: 剩 3 天, 今天截止,
 * 5 天後開放, 明天開放; '' for a closed or unscheduled window.
 */
export function daysText(window: { state: ScheduleState; daysLeft: number | null; daysUntilOpen: number | null }, locale: Locale): string {
  if (window.state === 'open' && window.daysLeft !== null) return window.daysLeft <= 1 ? say('days.last', locale) : say('days.left', locale, { days: window.daysLeft });
  if (window.state === 'not-yet' && window.daysUntilOpen !== null) return window.daysUntilOpen <= 1 ? say('days.tomorrow', locale) : say('days.until', locale, { days: window.daysUntilOpen });
  return '';
}

/** A date as the office reads it: 民國 '114/08/01' ('roc') or ISO '2025-08-01' ('iso'). */
export function dateText(isoDate: string, format: 'roc' | 'iso'): string {
  // rocDateOf, not toRocDate: the browser need not carry the error catalogue for a date the server wrote.
  return format === 'roc' ? (rocDateOf(isoDate) ?? isoDate) : isoDate;
}
