import type { Locale, LocalizedText } from '@licheng/core';
import { activityText, dateText, gradesText, scopeText, semesterText } from '../../schedule-text.ts';
import type { StoredWindowView } from '../api.ts';
import { t } from '../messages.ts';

/** How the editor names windows and their dates, in the user's language and date format. */
export interface WindowWords {
  /** '115/09/01 至 115/10/15'. */
  period(w: { start: string; end: string }): string;
  /** 課程學習成果上傳（第 1 學期・全年級；101 班）. */
  name(w: StoredWindowView): string;
  /** How a relative end (or start) follows its anchor: '…的結束日前 14 天'; '' for a date. */
  relative(w: StoredWindowView, windows: readonly StoredWindowView[], which?: 'start' | 'end'): string;
}

export function windowWords(locale: Locale, format: 'roc' | 'iso', kindNames: Readonly<Record<string, LocalizedText>> = {}): WindowWords {
  const words: WindowWords = {
    period: (w) => t('editor.period', { start: dateText(w.start, format), end: dateText(w.end, format) }, locale),
    name(w) {
      const scope = [gradesText(w.grades ?? null, locale), scopeText(w, locale, kindNames)].filter(Boolean).join('；');
      return `${activityText(w.activity, locale)}（${semesterText(w.semester, locale)}・${scope}）`;
    },
    relative(w, windows, which = 'end') {
      const from = which === 'start' ? w.startFrom : w.endFrom;
      if (!from) return '';
      const anchor = windows.find((x) => x.id === from.anchor);
      const days = Math.abs(from.offsetDays);
      const offset = from.offsetDays === 0 ? t('editor.relative.same', {}, locale) : t(from.offsetDays < 0 ? 'editor.relative.before' : 'editor.relative.after', { days }, locale);
      return t('editor.relative', { anchor: anchor ? words.name(anchor) : '—', edge: t(`editor.edge.${from.edge}`, {}, locale), offset }, locale);
    },
  };
  return words;
}
