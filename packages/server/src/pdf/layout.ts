import { DomainError, toRocDate } from '@licheng/core';
import PDFDocument from 'pdfkit';
import { PDF_FONT } from './font.ts';
import { MAX_CELL_CHARS, MAX_PDF_PAGES, type PdfBlock, type PdfDocumentSpec } from './spec.ts';

type Doc = PDFKit.PDFDocument;

/** A4 portrait, in points; the header and footer sit in the top and bottom margins. */
const PAGE = { size: 'A4' as const, margins: { top: 68, bottom: 64, left: 50, right: 50 } };
const BODY = 10;
const SMALL = 8.5;
const PAD = 4;
const INK = '#000000';
const MUTED = '#4a4a4a';
const RULE = '#7a7a7a';
const HEAD_FILL = '#e8e8e8';

const WORDS = {
  'zh-TW': { page: (n: number, of: number) => `第 ${n} 頁，共 ${of} 頁`, printed: (roc: string) => `列印日期：民國 ${roc}`, row: (n: number) => `第 ${n} 筆` },
  en: { page: (n: number, of: number) => `Page ${n} of ${of}`, printed: (roc: string) => `Printed ${roc} (ROC)`, row: (n: number) => `Entry ${n}` },
} as const;

const cut = (text: string) => (text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text);

/** Lays a document spec out with pdfkit, every glyph in Noto Sans TC (embedded as a subset). */
export class PdfLayout {
  readonly doc: Doc;
  private readonly width: number;
  private readonly left: number;
  /** The first page (0-based) of each section. */
  private readonly sectionStarts: number[] = [];

  constructor(private readonly spec: PdfDocumentSpec) {
    this.doc = new PDFDocument({
      size: PAGE.size,
      margins: PAGE.margins,
      bufferPages: true,
      autoFirstPage: false,
      font: PDF_FONT.regular,
      lang: spec.locale,
      displayTitle: true,
      info: { Title: spec.title, Author: spec.school, Creator: 'Licheng', Producer: 'Licheng (pdfkit)', CreationDate: new Date(spec.createdAt) },
    });
    this.doc.on('pageAdded', () => {
      if (this.doc.bufferedPageRange().count > MAX_PDF_PAGES) throw new DomainError('pdf-too-many-pages', { max: MAX_PDF_PAGES });
    });
    this.left = PAGE.margins.left;
    this.width = 595.28 - PAGE.margins.left - PAGE.margins.right;
  }

  /** Lays out every section, then the header and footer of every page; the caller ends the document. */
  render(): void {
    const sections = this.spec.sections.length ? this.spec.sections : [{ label: '', blocks: [] }];
    for (const section of sections) {
      this.sectionStarts.push(this.doc.bufferedPageRange().count);
      this.newPage();
      for (const block of section.blocks) this.block(block);
    }
    this.frames(sections.map((s) => s.label));
  }

  private get bottom(): number {
    return this.doc.page.height - PAGE.margins.bottom;
  }

  private newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = PAGE.margins.top;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  /**
   * Sets the font by its file path: pdfkit caches an opened font under the name it is asked by,
   * and the path is the one name that finds the font the document opened first (a registered
   * alias would reopen the 7 MB file on every call).
   */
  private style(font: 'body' | 'bold', size: number, color = INK): Doc {
    return this.doc.font(font === 'body' ? PDF_FONT.regular : PDF_FONT.bold).fontSize(size).fillColor(color);
  }

  private block(block: PdfBlock): void {
    const doc = this.doc;
    switch (block.kind) {
      case 'heading': {
        const size = { 1: 16, 2: 13, 3: 11 }[block.level ?? 2];
        this.style('bold', size);
        // Keep a heading with what follows it.
        this.ensure(doc.heightOfString(block.text, { width: this.width }) + 40);
        doc.y += block.level === 1 ? 0 : 6;
        doc.text(block.text, this.left, doc.y, { width: this.width });
        doc.y += 4;
        return;
      }
      case 'paragraph':
        this.style('body', block.muted ? SMALL : BODY, block.muted ? MUTED : INK);
        doc.text(block.text, this.left, doc.y, { width: this.width, lineGap: 2 });
        doc.y += 6;
        return;
      case 'fields':
        return this.fields(block.fields);
      case 'table':
        if (block.caption) {
          this.style('bold', BODY);
          this.ensure(60);
          doc.text(block.caption, this.left, doc.y, { width: this.width });
          doc.y += 2;
        }
        if (block.rows.length === 0) {
          this.style('body', BODY, MUTED);
          doc.text(block.empty ?? '—', this.left, doc.y, { width: this.width });
          doc.y += 8;
          return;
        }
        if (block.columns.length > (block.maxColumns ?? 6)) this.cards(block.columns, block.rows);
        else this.table(block.columns, block.rows, block.widths);
        doc.y += 10;
        return;
      case 'checkboxes':
        this.style('body', BODY + 1);
        for (const item of block.items) {
          const height = doc.heightOfString(item, { width: this.width - 22 }) + 8;
          this.ensure(height);
          const y = doc.y;
          doc.lineWidth(1).strokeColor(INK).rect(this.left + 2, y + 3, 11, 11).stroke();
          doc.text(item, this.left + 22, y, { width: this.width - 22 });
          doc.y = y + height;
        }
        doc.y += 4;
        return;
      case 'writing': {
        this.style('body', BODY);
        this.ensure(20 + block.lines * 24);
        doc.text(block.label, this.left, doc.y, { width: this.width });
        for (let i = 0; i < block.lines; i++) {
          const y = doc.y + 22;
          doc.lineWidth(0.5).strokeColor(RULE).moveTo(this.left, y).lineTo(this.left + this.width, y).stroke();
          doc.y = y;
        }
        doc.y += 12;
        return;
      }
      case 'signatures': {
        this.style('body', BODY);
        this.ensure(56);
        const gap = 24;
        const each = (this.width - gap * (block.labels.length - 1)) / Math.max(1, block.labels.length);
        const y = doc.y + 8;
        block.labels.forEach((label, i) => {
          const x = this.left + i * (each + gap);
          doc.text(label, x, y, { width: each, lineBreak: false });
          doc.lineWidth(0.8).strokeColor(INK).moveTo(x, y + 36).lineTo(x + each, y + 36).stroke();
        });
        doc.y = y + 48;
        return;
      }
      case 'pageBreak':
        this.newPage();
        return;
      case 'keep':
        this.ensure(block.points);
        return;
    }
  }

  /** Label–value pairs, two to a line. */
  private fields(fields: Array<{ label: string; value: string }>): void {
    const doc = this.doc;
    const half = this.width / 2;
    const labelWidth = 72;
    for (let i = 0; i < fields.length; i += 2) {
      const pair = fields.slice(i, i + 2);
      this.style('body', BODY);
      const height = Math.max(...pair.map((f) => doc.heightOfString(cut(f.value) || ' ', { width: half - labelWidth - 8 }))) + 5;
      this.ensure(height);
      const y = doc.y;
      pair.forEach((f, j) => {
        const x = this.left + j * half;
        this.style('bold', BODY, MUTED).text(f.label, x, y, { width: labelWidth - 4 });
        this.style('body', BODY).text(cut(f.value) || '—', x + labelWidth, y, { width: half - labelWidth - 8 });
      });
      doc.y = y + height;
    }
    doc.y += 6;
  }

  /** Column widths that fill the line: each column's natural width, shrunk in proportion when they do not fit. */
  private widths(columns: string[], rows: string[][]): number[] {
    const doc = this.doc;
    const natural = columns.map((column, c) => {
      this.style('bold', SMALL);
      let w = doc.widthOfString(column);
      this.style('body', SMALL + 0.5);
      for (const row of rows.slice(0, 200)) w = Math.max(w, doc.widthOfString(cut(row[c] ?? '')));
      return Math.min(w, 260) + 2 * PAD + 1;
    });
    const total = natural.reduce((a, b) => a + b, 0);
    const floor = Math.min(48, this.width / columns.length);
    if (total <= this.width) return natural.map((w) => (w * this.width) / total);
    // Give each column its floor, then share the rest by how much more each wants.
    const wants = natural.map((w) => Math.max(0, w - floor));
    const spare = this.width - floor * columns.length;
    const wanted = wants.reduce((a, b) => a + b, 0) || 1;
    return wants.map((w) => floor + (w * spare) / wanted);
  }

  private rowHeight(cells: string[], widths: number[], font: 'body' | 'bold'): number {
    this.style(font, font === 'bold' ? SMALL : SMALL + 0.5);
    const max = this.bottom - PAGE.margins.top - 40;
    return Math.min(max, Math.max(...cells.map((text, i) => this.doc.heightOfString(text || ' ', { width: widths[i]! - 2 * PAD })))) + 2 * PAD;
  }

  /** One row of cells; `header` shades them all and sets them bold, `labelled` shades the first (a card's column name). */
  private drawRow(cells: string[], widths: number[], height: number, header: boolean, labelled = false): void {
    const doc = this.doc;
    const y = doc.y;
    let x = this.left;
    cells.forEach((text, i) => {
      const w = widths[i]!;
      const shaded = header || (labelled && i === 0);
      if (shaded) doc.rect(x, y, w, height).fill(HEAD_FILL);
      doc.lineWidth(0.5).strokeColor(RULE).rect(x, y, w, height).stroke();
      this.style(header ? 'bold' : 'body', header ? SMALL : SMALL + 0.5);
      doc.text(text, x + PAD, y + PAD, { width: w - 2 * PAD, height: height - 2 * PAD, ellipsis: true });
      x += w;
    });
    doc.x = this.left;
    doc.y = y + height;
  }

  /** A table whose header row is repeated on each page it runs over. */
  private table(columns: string[], rows: string[][], weights?: number[]): void {
    const total = weights?.length === columns.length ? weights.reduce((a, b) => a + Math.max(0, b), 0) : 0;
    const widths = total > 0 ? weights!.map((w) => (Math.max(0, w) * this.width) / total) : this.widths(columns, rows);
    const headHeight = this.rowHeight(columns, widths, 'bold');
    const cells = rows.map((row) => columns.map((_, c) => cut(row[c] ?? '')));
    let first = true;
    for (const row of cells) {
      const height = this.rowHeight(row, widths, 'body');
      if (first || this.doc.y + height > this.bottom) {
        this.ensure(headHeight + height);
        this.drawRow(columns, widths, headHeight, true);
        first = false;
      }
      this.drawRow(row, widths, height, false);
    }
  }

  /** A wide table printed as one label–value table per row, kept on one page when it fits. */
  private cards(columns: string[], rows: string[][]): void {
    const widths = [Math.min(150, this.width * 0.32), 0];
    widths[1] = this.width - widths[0]!;
    rows.forEach((row, r) => {
      const pairs = columns.map((column, c) => [column, cut(row[c] ?? '')]);
      const heights = pairs.map((pair) => this.rowHeight(pair, widths, 'body'));
      const total = heights.reduce((a, b) => a + b, 0) + 18;
      if (total < this.bottom - PAGE.margins.top) this.ensure(total);
      else this.ensure(60);
      this.style('bold', SMALL + 0.5, MUTED);
      this.doc.text(WORDS[this.spec.locale].row(r + 1), this.left, this.doc.y, { width: this.width });
      this.doc.y += 2;
      pairs.forEach((pair, i) => {
        if (this.doc.y + heights[i]! > this.bottom) this.newPage();
        this.drawRow(pair, widths, heights[i]!, false, true);
      });
      this.doc.y += 8;
    });
  }

  /** The header (school, title, section) and footer (page x of y within the section, printed date) of every page. */
  private frames(labels: string[]): void {
    const doc = this.doc;
    const words = WORDS[this.spec.locale];
    const { count } = doc.bufferedPageRange();
    const printed = words.printed(toRocDate(this.spec.printedOn));
    for (let page = 0; page < count; page++) {
      const section = this.sectionStarts.findLastIndex((start) => start <= page);
      const start = this.sectionStarts[section]!;
      const end = this.sectionStarts[section + 1] ?? count;
      doc.switchToPage(page);
      // Writing in the margins must not start a new page.
      const margins = { ...doc.page.margins };
      doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      const top = 30;
      this.style('bold', 9.5).text(this.spec.school, this.left, top, { width: this.width * 0.5, lineBreak: false });
      this.style('body', 9, MUTED).text(this.spec.title, this.left, top + 13, { width: this.width * 0.6, lineBreak: false });
      if (labels[section]) this.style('body', 9.5).text(labels[section]!, this.left + this.width * 0.4, top, { width: this.width * 0.6, align: 'right', lineBreak: false });
      doc.lineWidth(0.6).strokeColor(RULE).moveTo(this.left, top + 28).lineTo(this.left + this.width, top + 28).stroke();
      const foot = doc.page.height - 44;
      doc.lineWidth(0.6).strokeColor(RULE).moveTo(this.left, foot - 6).lineTo(this.left + this.width, foot - 6).stroke();
      this.style('body', 8.5, MUTED).text(printed, this.left, foot, { width: this.width / 2, lineBreak: false });
      this.style('body', 8.5, MUTED).text(words.page(page - start + 1, end - start), this.left + this.width / 2, foot, { width: this.width / 2, align: 'right', lineBreak: false });
      doc.page.margins = margins;
    }
  }
}
