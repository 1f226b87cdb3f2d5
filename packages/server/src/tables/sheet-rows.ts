import type { Cell } from '@licheng/core';
import type { XmlHandler } from './xml-tokens.ts';
import type { WorkbookLimits, WorkbookReadStats, WorkbookRefusals } from './workbook-reader.ts';

// The cells of a worksheet's XML, row by row, as the tokenizer reads it (workbook-reader.ts).

/** Excel's own limit on the text of one cell. */
export const MAX_CELL_CHARS = 32_767;
/** Merged areas are copied into every cell they cover, within this many cells in all. */
const mergedCellBudget = (limits: WorkbookLimits) => limits.maxRows * limits.maxColumns;

/** Excel's serial day number (1900 or 1904 system) as a Date. */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** `_x000D_`-style escapes of characters XML cannot carry, as Excel writes them. */
export function unescapeOoxml(text: string): string {
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

/** The sheet's rows as they stream by: each `<row>` and `<c>` is placed by its reference. */
export class SheetReader implements XmlHandler {
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
