import type { Locale } from '@licheng/core';

/**
 * A document as plain data — what an office builds from its rows and hands to renderPdf, which
 * lays it out off the request thread. Plain data crosses to the worker thread as it is.
 */
export type PdfBlock =
  | { kind: 'heading'; text: string; level?: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  /** Label–value pairs, two to a line. */
  | { kind: 'fields'; fields: Array<{ label: string; value: string }> }
  /**
   * A table with a header row repeated on every page it runs over. Wider than `maxColumns`
   * (default 6) it is printed as one small label–value table per row, numbered, so every
   * column stays readable on a portrait page.
   */
  | { kind: 'table'; caption?: string; columns: string[]; rows: string[][]; maxColumns?: number; empty?: string; /** Relative column widths (e.g. [1, 3, 1]); by content when left out. */ widths?: number[] }
  /** Boxes to tick by hand (☐ text). */
  | { kind: 'checkboxes'; items: string[] }
  /** Blank ruled lines to write on, under a label. */
  | { kind: 'writing'; label: string; lines: number }
  /** Signature and date lines side by side. */
  | { kind: 'signatures'; labels: string[] }
  | { kind: 'pageBreak' }
  /** Starts a new page unless `points` more fit on this one: keeps what follows together (an answer box and its signatures). */
  | { kind: 'keep'; points: number };

/** A part of the document that starts on a new page, numbered 1 / n on its own (one student's form of a class's). */
export interface PdfSection {
  /** Shown at the top right of each of its pages (e.g. the student). */
  label: string;
  blocks: PdfBlock[];
}

export interface PdfDocumentSpec {
  /** The document's title: the header and the PDF's metadata. */
  title: string;
  /** The school's name, at the top left of every page and the PDF's author. */
  school: string;
  /** The date it was made (ISO, Taipei): printed as a ROC date in every footer. */
  printedOn: string;
  /** When it was made, for the PDF's metadata (a fixed time makes the same document the same bytes). */
  createdAt: string;
  locale: Locale;
  sections: PdfSection[];
}

/** What rendering produced. */
export interface RenderedPdf {
  pages: number;
  size: number;
}

/** A document longer than this is refused (pdf-too-many-pages) rather than filling memory. */
export const MAX_PDF_PAGES = 2000;
/** A cell's text past this many characters is cut with an ellipsis: a row must fit on a page. */
export const MAX_CELL_CHARS = 400;
