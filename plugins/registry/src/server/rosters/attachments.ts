import type { LayoutSheet } from '@licheng/core';

/**
 * How a roster's attachments (文件 / 影音 files of an outcome) travel to the central database.
 * No source shows file columns (文件檔名 / 影音檔名) in a 108+ roster, nor a ZIP or naming rule
 * (ROSTERS §3), so this is a pluggable part of the exporter, off by default: the export writes
 * exactly the layout's columns and nothing else. When a school supplies the current rule, an
 * implementation of this interface adds what the rule says — columns after the layout's, and the
 * cells of each row — and is passed to exportRoster; the layout data itself stays as the sources
 * give it.
 */
/** A row's record and its files, as an attachment rule sees them. */
export interface AttachmentSource {
  recordId: string;
  documentFileId: string | null;
  mediaFileId: string | null;
}

export interface RosterAttachments {
  /** An id for the audit entry ('none' when off). */
  id: string;
  /** Columns appended after the layout's columns of a sheet. */
  columns(sheet: LayoutSheet): string[];
  /** The cells of those columns for one record. */
  cells(sheet: LayoutSheet, record: AttachmentSource): Array<string | number>;
}

/** Attachments off: no column, no cell (the default). */
export const NO_ATTACHMENTS: RosterAttachments = {
  id: 'none',
  columns: () => [],
  cells: () => [],
};
