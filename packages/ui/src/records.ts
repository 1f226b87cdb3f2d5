// @licheng/ui/records — the screens of a record kind, drawn from its RecordFieldSpec: form, list,
// import and the desk that composes them for an office. A shared module of its own in the portal's
// import map (loaded only by pages that use it); see docs/adding-an-office.md.
export { recordMessages, rt as recordText, type RecordMessageKey } from './record-fields/messages.ts';
export * from './record-fields/record-fields.ts';
export * from './record-form/record-form.ts';
export * from './record-list/record-list.ts';
export * from './record-import/record-import.ts';
export * from './record-desk/record-desk.ts';
export * from './record-desk/office-source.ts';
