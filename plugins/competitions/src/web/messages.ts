import { createTranslator, defineMessages } from '@licheng/ui';

/** Texts of the competitions screen. */
export const competitionsMessages = defineMessages({
  'zh-TW': {
    title: '校內競賽成績登錄',
    intro: '各處室登錄所辦理的校內競賽（競賽名稱、項目、等級、日期、主辦單位）與得獎學生，可逐筆新增或由 Excel 名單匯入。登錄後學生即可在學習歷程中看到，這些紀錄不計入學生每學年勾選的 10 件多元表現。',
    desk: '競賽成績',
    loading: '載入中…',
    'load-failed': '無法載入競賽資料：{message}',
    'no-office': '您的帳號不屬於任何處室，無法登錄校內競賽。',
    'export.button': '匯出競賽成績 (Excel)',
    'export.done': '已下載競賽成績清單。',
    'export.failed': '匯出失敗：{message}',
  },
  en: {
    title: 'In-school competition results',
    intro: 'Each office registers the in-school competitions it ran (name, event, level, date, organiser) and the students who won, one by one or from an Excel list. Students then see them in their portfolio; they do not count toward the 10 performances a student selects each year.',
    desk: 'Competition results',
    loading: 'Loading…',
    'load-failed': 'Could not load the competitions: {message}',
    'no-office': 'Your account belongs to no office, so it cannot register in-school competitions.',
    'export.button': 'Export results (Excel)',
    'export.done': 'The results list was downloaded.',
    'export.failed': 'Export failed: {message}',
  },
});

export const t = createTranslator(competitionsMessages);
