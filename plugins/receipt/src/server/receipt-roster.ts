import {
  isRosterKind,
  normalizeNationalId,
  readFreeText,
  RECEIPT_SHEETS,
  receiptKindOf,
  receiptRosterOf,
  termOfFileName,
  type ReceiptRoster,
} from '@licheng/core';
import { problem, type ImportProblem } from './receipt-issue.ts';

/** The cover of a roster JSON file (名冊資訊). */
export const INFO_KEY = '名冊資訊';

/** One student's entry of a roster, as received: 身分證號, 出生日期 and the sub-lists. */
export interface RosterEntry {
  index: number;
  nationalId: string;
  birthDate: unknown;
  entry: Record<string, unknown>;
}

/** A workbook 名冊資訊 says the central database received: its name and SHA-256 as it gives them. */
export interface SubmittedWorkbook {
  name: string;
  sha256: string;
}

export interface ReceiptRosterFile {
  file: string;
  sha256: string;
  /** Which of the receipt's four rosters, from the file name. */
  roster: ReceiptRoster;
  academicYear: number;
  semester: 0 | 1 | 2;
  /** 名冊別: the one 名冊資訊 states, else the roster's regular kind (0 for 修課紀錄, which has no number). */
  kind: number;
  /** The roster's name as the central database calls it (the key of its entries). */
  name: string;
  submitted: SubmittedWorkbook[];
  entries: RosterEntry[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number written as a number or as digits ('114', 114). */
function integer(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value)) return Number(value);
  return null;
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/**
 * Reads one roster JSON file of a receipt (UTF-8, a BOM allowed), parsed as JSON:
 * `{ 名冊資訊: [{ 名稱, SHA, … }], <roster name>: [{ 身分證號, 出生日期, <sheet>: [{ column: value }] }] }`.
 * The roster comes from the file name (修課紀錄, 多元表現, 校內幹部經歷 or 課程學習成果), each
 * entry's sub-lists must be that roster's sheets (ROSTERS.md §3). 學年度 and 學期 come from
 * 名冊資訊 when it states them, else from the file name (`114_1_…`); a stated 學校代碼 must be
 * `school`, a stated 名冊別 must belong to the roster. Every problem is returned by file (and
 * entry index), never thrown.
 */
export function readRosterJson(file: string, sha256: string, bytes: Uint8Array, school: string): { roster: ReceiptRosterFile | null; problems: ImportProblem[] } {
  const refuse = (code: string, params: Record<string, string | number> = {}) => ({ roster: null, problems: [problem(code, { file, ...params }, file)] });
  const roster = receiptRosterOf(file);
  if (roster === null) return refuse('receipt-roster-unknown');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return refuse('receipt-json-invalid');
  }
  if (!isRecord(json)) return refuse('receipt-json-invalid');
  const rawInfo = json[INFO_KEY];
  const infoList = Array.isArray(rawInfo) ? rawInfo : rawInfo === undefined ? [] : [rawInfo];
  if (!infoList.every(isRecord)) return refuse('receipt-json-invalid');
  const info: Record<string, unknown> = Object.assign({}, ...infoList.slice().reverse());
  const rosterKeys = Object.keys(json).filter((k) => k !== INFO_KEY);
  const name = rosterKeys[0];
  // The roster's name is kept and shown: it must be free text by the platform's rule (readFreeText).
  if (rosterKeys.length !== 1 || name === undefined || !Array.isArray(json[name]) || !readFreeText(name, { max: 100 }).ok) return refuse('receipt-json-invalid');

  const schoolCode = text(info['學校代碼']);
  if (schoolCode !== '' && schoolCode !== school) return refuse('receipt-school-mismatch', { code: schoolCode, school });
  const fromName = termOfFileName(file);
  const academicYear = info['學年度'] !== undefined ? integer(info['學年度']) : (fromName?.academicYear ?? null);
  if (academicYear === null || academicYear < 1) return refuse('receipt-info-invalid', { field: '學年度' });
  const semester = info['學期'] !== undefined ? integer(info['學期']) : (fromName?.semester ?? null);
  if (semester !== 0 && semester !== 1 && semester !== 2) return refuse('receipt-info-invalid', { field: '學期' });
  const stated = info['名冊別'] !== undefined ? integer(info['名冊別']) : null;
  if (info['名冊別'] !== undefined && (stated === null || !isRosterKind(stated))) return refuse('receipt-info-invalid', { field: '名冊別' });
  const kind = receiptKindOf(roster, file, stated);
  if (kind === null) return refuse('receipt-info-invalid', { field: '名冊別' });
  const submitted = infoList.map((i) => ({ name: text(i['名稱']), sha256: text(i['SHA']).toLowerCase() })).filter((w) => w.name !== '' || w.sha256 !== '');

  const sheets = new Set(RECEIPT_SHEETS[roster]);
  const problems: ImportProblem[] = [];
  const entries: RosterEntry[] = [];
  (json[name] as unknown[]).forEach((raw, i) => {
    const index = i + 1;
    if (!isRecord(raw) || typeof raw['身分證號'] !== 'string' || raw['身分證號'].trim() === '') {
      problems.push(problem('receipt-json-invalid', { file }, file, index));
      return;
    }
    const unknown = Object.keys(raw).find((key) => Array.isArray(raw[key]) && !sheets.has(key));
    if (unknown !== undefined) {
      problems.push(problem('receipt-sheet-unknown', { file, index, sheet: unknown, roster }, file, index));
      return;
    }
    entries.push({ index, nationalId: normalizeNationalId(raw['身分證號']), birthDate: raw['出生日期'], entry: raw });
  });
  return { roster: { file, sha256, roster, academicYear, semester, kind, name, submitted, entries }, problems };
}
