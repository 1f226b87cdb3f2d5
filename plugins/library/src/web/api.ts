import { READING_FIELDS } from '@licheng/core';
import type { RecordKindView } from '@licheng/server';
import type { RecordKindScreen, RecordRow } from '@licheng/ui/records';

/** Procedure paths of the library (types of the answers are the generic record procedures'). */
export const paths = {
  kinds: 'library.records.kinds',
  list: 'library.records.list',
  enter: 'library.records.enter',
  decide: 'library.records.decide',
} as const;

/** `library.records.kinds` answers these (the generic procedures' type). */
export type KindView = RecordKindView;

/** 閱讀紀錄 as the record screens draw it: its fields (core's declaration) and a 心得 summary. */
export function readingScreen(view: KindView): RecordKindScreen {
  return { id: view.id, label: view.label, fields: READING_FIELDS, summary: { max: 100, required: false }, mayEnter: view.mayEnter };
}

/** A row of `library.records.list` (the server's RecordListRow). */
export type ReadingRow = RecordRow & { id: string; version: number; student: { studentNo: string; name: string; className: string; seatNo: number } };
