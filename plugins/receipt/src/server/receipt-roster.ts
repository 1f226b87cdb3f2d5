import { isRosterKind, normalizeNationalId, readFreeText, type RosterKind } from '@licheng/core';
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

export interface ReceiptRosterFile {
  file: string;
  sha256: string;
  schoolCode: string;
  academicYear: number;
  semester: 0 | 1 | 2;
  kind: RosterKind;
  /** The roster's name as the central database calls it (the key of its entries). */
  name: string;
  entries: RosterEntry[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number written as a number or as digits ('114', 114). */
function integer(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value)) return Number(value);
  return null;
}

/**
 * Reads one roster JSON file of a receipt: `{名冊資訊: {學校代碼, 學年度, 學期, 名冊別}, <roster
 * name>: [{身分證號, 出生日期, …}]}`. The school code must be `school`; every problem is
 * returned by file (and entry index), never thrown.
 */
export function readRosterJson(file: string, sha256: string, bytes: Uint8Array, school: string): { roster: ReceiptRosterFile | null; problems: ImportProblem[] } {
  const refuse = (code: string, params: Record<string, string | number> = {}) => ({ roster: null, problems: [problem(code, { file, ...params }, file)] });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return refuse('receipt-json-invalid');
  }
  if (!isRecord(json) || !isRecord(json[INFO_KEY])) return refuse('receipt-json-invalid');
  const info = json[INFO_KEY];
  const rosterKeys = Object.keys(json).filter((k) => k !== INFO_KEY);
  const name = rosterKeys[0];
  // The roster's name is kept and shown: it must be free text by the platform's rule (readFreeText).
  if (rosterKeys.length !== 1 || name === undefined || !Array.isArray(json[name]) || !readFreeText(name, { max: 100 }).ok) return refuse('receipt-json-invalid');

  const schoolCode = String(info['學校代碼'] ?? '').trim();
  if (!/^\d{6}$/.test(schoolCode)) return refuse('receipt-info-invalid', { field: '學校代碼' });
  if (schoolCode !== school) return refuse('receipt-school-mismatch', { code: schoolCode, school });
  const academicYear = integer(info['學年度']);
  if (academicYear === null || academicYear < 1) return refuse('receipt-info-invalid', { field: '學年度' });
  const semester = integer(info['學期']);
  if (semester !== 0 && semester !== 1 && semester !== 2) return refuse('receipt-info-invalid', { field: '學期' });
  const kind = integer(info['名冊別']);
  if (!isRosterKind(kind)) return refuse('receipt-info-invalid', { field: '名冊別' });

  const problems: ImportProblem[] = [];
  const entries: RosterEntry[] = [];
  (json[name] as unknown[]).forEach((raw, i) => {
    const index = i + 1;
    if (!isRecord(raw) || typeof raw['身分證號'] !== 'string' || raw['身分證號'].trim() === '') {
      problems.push(problem('receipt-json-invalid', { file }, file, index));
      return;
    }
    entries.push({ index, nationalId: normalizeNationalId(raw['身分證號']), birthDate: raw['出生日期'], entry: raw });
  });
  return { roster: { file, sha256, schoolCode, academicYear, semester, kind, name, entries }, problems };
}
