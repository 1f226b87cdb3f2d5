import type { Cell } from '@licheng/core';
import { MAX_CELL_CHARS, SheetReader, unescapeOoxml } from './sheet-rows.ts';
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

const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format that shows a date or time: quoted text and [bracketed] parts aside, it has y, m, d, h, s or b. */
export function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
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
