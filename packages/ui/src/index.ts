// @licheng/ui — shared Lit elements and design tokens for every office's screens (zh-TW first, English available).
export * from './styles/tokens.styles.ts';
export * from './styles/card-table.styles.ts';
export * from './styles/desk.styles.ts';
export * from './i18n/i18n.ts';
export { uiMessages, t as uiText, type UiMessageKey } from './i18n/messages.ts';
export { LichengElement, pageLocale, deepActiveElement } from './base/licheng-element.ts';
export { heading } from './base/heading.ts';
export * from './status-badge/status-badge.ts';
export * from './notice/notice.ts';
export * from './file-field/file-field.ts';
export * from './date-field/date-field.ts';
export * from './upload-progress/upload-progress.ts';
export * from './focus/focus.ts';
export * from './tabs/tabs.ts';
export * from './dialog/dialog.ts';
export * from './file-viewer/file-viewer.ts';
export * from './window-banner/window-banner.ts';
// The record screens (<licheng-record-form/-list/-import/-desk>) load from '@licheng/ui/records', a
// shared module of their own, so pages without them do not carry them; their types are here too.
export type * from './records.ts';
