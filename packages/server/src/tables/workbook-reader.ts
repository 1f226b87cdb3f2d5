import type { Cell } from '@licheng/core';
import { XmlMalformed, XmlTokenizer, type XmlHandler } from './xml-tokens.ts';
import { inflatePart, zipParts, ZipUnreadable, type InflateBudget, type ZipPart } from './zip-parts.ts';

/**
 * Reads the first worksheet of an .xlsx workbook as a stream: its parts (workbook, relationships,
 * styles, shared strings, the sheet) are inflated chunk by chunk, counting the bytes inflation
 * really produces, and tokenized as they come. The first row past `maxRows`, the first cell past
 * `maxColumns` and the first inflated byte past `maxInflatedBytes` end the reading at once, so
 * time and memory are bounded by the limits whatever the file declares.
 */
export interface WorkbookLimits {
  /** Most rows of the sheet, header and title lines included. */
  maxRows: number;
  maxColumns: number;
  /** Most bytes all parts read may inflate to, together. */
  maxInflatedBytes: number;
}

export interface WorkbookRefusals {
  tooManyRows(): Error;
  tooManyColumns(): Error;
  tooLarge(): Error;
  unreadable(): Error;
  notASheet(): Error;
}

/** What a reading got through, also when it was refused (tests read it). */
export interface WorkbookReadStats {
  inflatedBytes: number;
  /** `<row>` elements of the sheet read. */
  rowsRead: number;
}

/** Excel's own limit on the text of one cell. */
export const MAX_CELL_CHARS = 32_767;
/** Merged areas are copied into every cell they cover, within this many cells in all. */
const mergedCellBudget = (limits: WorkbookLimits) => limits.maxRows * limits.maxColumns;

const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format that shows a date or time: quoted text and [bracketed] parts aside, it has y, m, d, h, s or b. */
export function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** Excel's serial day number (1900 or 1904 system) as a Date. */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** `_x000D_`-style escapes of characters XML cannot carry, as Excel writes them. */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    if (n > 1_000_000) break;
  }
  return n;
}

function rowNumber(ref: string): number {
  const digits = /\d+$/.exec(ref);
  return digits ? Number(digits[0]) : 0;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export async function readWorkbookRows(bytes: Uint8Array, limits: WorkbookLimits, refusals: WorkbookRefusals, stats: WorkbookReadStats = { inflatedBytes: 0, rowsRead: 0 }): Promise<Cell[][]> {
  let parts: Map<string, ZipPart>;
  try {
    parts = zipParts(bytes);
  } catch (error) {
    if (error instanceof ZipUnreadable) throw refusals.unreadable();
    throw error;
  }
  const budget: InflateBudget = { left: limits.maxInflatedBytes, used: 0, onExceeded: refusals.tooLarge };
  const read = async (name: string, handler: XmlHandler): Promise<boolean> => {
    const part = parts.get(name.toLowerCase());
    if (!part) return false;
    const tokenizer = new XmlTokenizer(handler);
    const decoder = new TextDecoder('utf-8');
    try {
      for await (const chunk of inflatePart(bytes, part, budget)) {
        stats.inflatedBytes = budget.used;
        tokenizer.write(decoder.decode(chunk, { stream: true }));
      }
      tokenizer.write(decoder.decode());
      tokenizer.end();
    } catch (error) {
      stats.inflatedBytes = budget.used;
      if (error instanceof ZipUnreadable || error instanceof XmlMalformed) throw refusals.unreadable();
      throw error;
    }
    return true;
  };

  const rootRels = await readRelationships(read, '_rels/.rels');
  const workbookPart = resolvePart('', [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml');
  const book = { date1904: false, sheets: [] as string[] };
  const foundBook = await read(workbookPart, {
    open(name, a) {
      if (name === 'workbookPr') book.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet' && a.id && book.sheets.length < 1000) book.sheets.push(a.id);
    },
    close() {},
    text() {},
  });
  if (!foundBook) throw refusals.unreadable();
  const bookRels = await readRelationships(read, relsOf(workbookPart));
  const sheetRel = book.sheets.map((id) => bookRels.get(id)).find((r) => r?.type.endsWith('/worksheet'));
  if (!sheetRel) throw refusals.notASheet();
  const partOf = (type: string) => {
    const rel = [...bookRels.values()].find((r) => r.type.endsWith(type));
    return rel ? resolvePart(workbookPart, rel.target) : null;
  };
  const stylesPart = partOf('/styles');
  const dateStyles = stylesPart ? await readDateStyles(read, stylesPart) : new Set<number>();
  const stringsPart = partOf('/sharedStrings');
  const strings = stringsPart ? await readSharedStrings(read, stringsPart, refusals) : [];
  const sheet = new SheetReader(limits, refusals, strings, dateStyles, book.date1904, stats);
  if (!(await read(resolvePart(workbookPart, sheetRel.target), sheet))) throw refusals.unreadable();
  return sheet.finish();
}

type PartReader = (name: string, handler: XmlHandler) => Promise<boolean>;

async function readRelationships(read: PartReader, name: string): Promise<Map<string, { type: string; target: string }>> {
  const rels = new Map<string, { type: string; target: string }>();
  await read(name, {
    open(tag, a) {
      if (tag === 'Relationship' && a.Id && a.Target && rels.size < 10_000) rels.set(a.Id, { type: a.Type ?? '', target: a.Target });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** The cell styles (by index into cellXfs) whose number format shows a date. */
async function readDateStyles(read: PartReader, name: string): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const dates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  await read(name, {
    open(tag, a) {
      if (tag === 'numFmt' && a.numFmtId && custom.size < 10_000) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) dates.add(index);
        index++;
      }
    },
    close(tag) {
      if (tag === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return dates;
}

/** The shared strings, rich text joined; phonetic runs (rPh) left out as Excel shows them. */
async function readSharedStrings(read: PartReader, name: string, refusals: WorkbookRefusals): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let length = 0;
  let inText = false;
  let phonetic = 0;
  await read(name, {
    open(tag) {
      if (tag === 'si') {
        current = [];
        length = 0;
      } else if (tag === 'rPh') phonetic++;
      else if (tag === 't' && phonetic === 0) inText = true;
    },
    close(tag) {
      if (tag === 'si' && current) {
        strings.push(unescapeOoxml(current.join('')));
        current = null;
      } else if (tag === 'rPh') phonetic--;
      else if (tag === 't') inText = false;
    },
    text(text) {
      if (!inText || !current) return;
      length += text.length;
      if (length > MAX_CELL_CHARS * 2) throw refusals.unreadable();
      current.push(text);
    },
  });
  return strings;
}

/** The sheet's rows as they stream by: each `<row>` and `<c>` is placed by its reference. */
class SheetReader implements XmlHandler {
  private readonly rows: Cell[][] = [];
  private inData = false;
  private row = 0;
  private cells: Cell[] = [];
  private column = 0;
  private cell: { type: string; style: number; formula: boolean; value: string[] | null; inline: string[] | null; length: number } | null = null;
  private capture: 'v' | 'is' | null = null;
  private phonetic = 0;
  private merges: string[] = [];

  constructor(
    private readonly limits: WorkbookLimits,
    private readonly refusals: WorkbookRefusals,
    private readonly strings: readonly string[],
    private readonly dateStyles: ReadonlySet<number>,
    private readonly date1904: boolean,
    private readonly stats: WorkbookReadStats,
  ) {}

  open(name: string, a: Record<string, string>): void {
    if (name === 'sheetData') this.inData = true;
    else if (!this.inData) {
      if (name === 'mergeCell' && a.ref) {
        if (this.merges.length >= 100_000) throw this.refusals.unreadable();
        this.merges.push(a.ref);
      }
    } else if (name === 'row') {
      this.stats.rowsRead++;
      const number = a.r ? Number(a.r) : this.row + 1;
      if (!Number.isInteger(number) || number <= this.row) throw this.refusals.unreadable();
      if (number > this.limits.maxRows) throw this.refusals.tooManyRows();
      this.row = number;
      this.cells = [];
      this.column = 0;
    } else if (name === 'c') {
      const column = a.r ? columnNumber(a.r) : this.column + 1;
      if (column > this.limits.maxColumns) throw this.refusals.tooManyColumns();
      if (column < 1 || (a.r && rowNumber(a.r) !== this.row)) throw this.refusals.unreadable();
      this.column = column;
      this.cell = { type: a.t ?? 'n', style: Number(a.s ?? 0), formula: false, value: null, inline: null, length: 0 };
    } else if (this.cell) {
      if (name === 'f') this.cell.formula = true;
      else if (name === 'v') {
        this.capture = 'v';
        this.cell.value = [];
      } else if (name === 'is') this.cell.inline = [];
      else if (name === 'rPh') this.phonetic++;
      else if (name === 't' && this.cell.inline && this.phonetic === 0) this.capture = 'is';
    }
  }

  close(name: string): void {
    if (name === 'sheetData') {
      this.inData = false;
      return;
    }
    if (!this.inData) return;
    if (name === 'row') {
      while (this.rows.length < this.row - 1) this.rows.push([]);
      this.rows.push(this.cells);
    } else if (name === 'c' && this.cell) {
      while (this.cells.length < this.column - 1) this.cells.push(null);
      this.cells.push(this.cellValue(this.cell));
      this.cell = null;
    } else if (name === 'v' || name === 't') this.capture = null;
    else if (name === 'rPh') this.phonetic--;
  }

  text(text: string): void {
    if (!this.capture || !this.cell) return;
    this.cell.length += text.length;
    if (this.cell.length > MAX_CELL_CHARS * 2) throw this.refusals.unreadable();
    (this.capture === 'v' ? this.cell.value : this.cell.inline)?.push(text);
  }

  private cellValue(cell: NonNullable<SheetReader['cell']>): Cell {
    const v = cell.value?.join('');
    switch (cell.type) {
      case 's': {
        if (v === undefined) return null;
        return this.strings[Number(v)] ?? null;
      }
      case 'inlineStr':
        return cell.inline ? unescapeOoxml(cell.inline.join('')) : v !== undefined ? unescapeOoxml(v) : null;
      case 'str':
        return v === undefined ? null : unescapeOoxml(v);
      case 'b':
        return v === undefined ? null : Number(v) !== 0;
      case 'e':
        return v ?? null;
      case 'd': {
        if (v === undefined) return null;
        const date = new Date(v);
        return Number.isNaN(date.getTime()) ? v : date;
      }
      default: {
        if (v === undefined || v.trim() === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return v;
        return this.dateStyles.has(cell.style) ? excelDate(n, this.date1904) : n;
      }
    }
  }

  /** The rows, with every merged area's first cell copied into the cells it covers. */
  finish(): Cell[][] {
    let budget = mergedCellBudget(this.limits);
    for (const ref of this.merges) {
      const [from, to = from] = ref.split(':') as [string, string?];
      const top = rowNumber(from);
      const left = columnNumber(from);
      const bottom = rowNumber(to!);
      const right = columnNumber(to!);
      if (top < 1 || left < 1 || bottom < top || right < left) throw this.refusals.unreadable();
      if (bottom > this.limits.maxRows) throw this.refusals.tooManyRows();
      if (right > this.limits.maxColumns) throw this.refusals.tooManyColumns();
      budget -= (bottom - top + 1) * (right - left + 1);
      if (budget < 0) throw this.refusals.unreadable();
      const value = this.rows[top - 1]?.[left - 1] ?? null;
      for (let r = top; r <= bottom; r++) {
        while (this.rows.length < r) this.rows.push([]);
        const cells = this.rows[r - 1]!;
        for (let c = left; c <= right; c++) {
          while (cells.length < c) cells.push(null);
          cells[c - 1] = value;
        }
      }
    }
    return this.rows;
  }
}
