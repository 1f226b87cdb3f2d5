import { describe, expect, it } from 'vitest';
import { fieldText, readFieldCell, recordFieldsSchema, rosterValue } from './record-field-values.ts';
import { RECORD_KINDS } from './records.ts';
import type { RecordFieldSpec } from './record-fields.ts';

const fields = RECORD_KINDS['performance-service'].fields;
const spec = (key: string, kind: keyof typeof RECORD_KINDS = 'performance-service'): RecordFieldSpec => RECORD_KINDS[kind].fields.find((f) => f.key === key)!;
const codesOf = (result: { success: boolean; error?: { issues: readonly object[] } }) =>
  result.error?.issues.map((i) => ('params' in i ? (i.params as Record<string, unknown> | undefined)?.code : undefined));

describe('recordFieldsSchema', () => {
  const schema = recordFieldsSchema(fields);
  const good = { name: ' 淨灘 ', unit: '海洋保育署', startDate: '2026-11-01', endDate: null, hours: 3.5 };

  it('takes a record of the kind, trimming text and leaving an empty optional field null', () => {
    expect(schema.parse(good)).toEqual({ name: '淨灘', unit: '海洋保育署', startDate: '2026-11-01', endDate: null, hours: 3.5 });
    expect(schema.parse({ ...good, endDate: '' }).endDate).toBeNull();
    expect(schema.parse({ name: '淨灘', unit: '海洋保育署', startDate: '2026-11-01', hours: 2 }).endDate).toBeNull();
  });

  it('refuses a missing required field, a date that does not exist, a number out of range and unknown keys', () => {
    expect(codesOf(schema.safeParse({ ...good, name: '  ' }))).toEqual(['field-required']);
    expect(codesOf(schema.safeParse({ ...good, startDate: '2026-02-30' }))).toEqual(['field-date-invalid']);
    expect(codesOf(schema.safeParse({ ...good, startDate: '115/11/01' }))).toEqual(['field-date-invalid']);
    expect(codesOf(schema.safeParse({ ...good, hours: 10000 }))).toEqual(['field-decimal-range']);
    expect(schema.safeParse({ ...good, hours: '3' }).success).toBe(false);
    expect(schema.safeParse({ ...good, extra: 1 }).success).toBe(false);
  });

  it('applies the free-text rule to text and checks codes against their list', () => {
    expect(codesOf(schema.safeParse({ ...good, name: '淨\u202E灘' }))).toEqual(['text-control-character']);
    expect(codesOf(schema.safeParse({ ...good, name: 'x'.repeat(101) }))).toEqual(['text-too-long']);
    const cadre = recordFieldsSchema(RECORD_KINDS['performance-cadre'].fields);
    const row = { unit: '學生會', startDate: '2026-09-01', endDate: '2027-01-31', position: '會長', level: '5' };
    expect(cadre.parse(row).level).toBe('5');
    expect(codesOf(cadre.safeParse({ ...row, level: '6' }))).toEqual(['field-code-invalid']);
    expect(codesOf(cadre.safeParse({ ...row, level: 5 }))).toHaveLength(1);
  });

  it('takes integers only where the field is whole, and semesters 1 or 2', () => {
    const flexible = recordFieldsSchema(RECORD_KINDS['performance-flexible'].fields);
    const row = { category: '1', content: '自主學習', unit: '教務處', offeredYear: 115, offeredSemester: 1, periodsPerWeek: 2, weeks: 18 };
    expect(flexible.parse(row)).toEqual(row);
    expect(codesOf(flexible.safeParse({ ...row, weeks: 1.5 }))).toEqual(['field-integer-range']);
    expect(codesOf(flexible.safeParse({ ...row, offeredSemester: 3 }))).toEqual(['field-integer-range']);
    expect(codesOf(flexible.safeParse({ ...row, offeredYear: 2026 }))).toEqual(['field-integer-range']);
  });
});

describe('readFieldCell', () => {
  it('reads 民國 dates in every form offices type, Gregorian dates and Excel dates', () => {
    const date = spec('startDate');
    for (const cell of ['115/11/27', '115.11.27', '1151127', 1151127, '2026-11-27', '2026/11/27', new Date(Date.UTC(2026, 10, 27))]) {
      expect(readFieldCell(date, cell), String(cell)).toEqual({ ok: true, value: '2026-11-27' });
    }
    expect(readFieldCell(date, '0920315')).toEqual({ ok: true, value: '2003-03-15' });
    expect(readFieldCell(date, 920315)).toEqual({ ok: true, value: '2003-03-15' });
    expect(readFieldCell(date, '115/02/30')).toMatchObject({ ok: false, code: 'import-date-invalid', params: { column: '開始日期', value: '115/02/30' } });
    expect(readFieldCell(date, '')).toMatchObject({ ok: false, code: 'import-value-required' });
    expect(readFieldCell(spec('endDate'), '  ')).toEqual({ ok: true, value: null });
  });

  it('reads codes by code, zh-TW label, English label or both', () => {
    const level = spec('level', 'performance-cadre');
    for (const cell of ['1', 1, '校級', 'school', '1 校級', '１']) expect(readFieldCell(level, cell), String(cell)).toEqual({ ok: true, value: '1' });
    expect(readFieldCell(level, '校外自治組織團體')).toEqual({ ok: true, value: '5' });
    expect(readFieldCell(level, '7')).toMatchObject({ ok: false, code: 'import-code-invalid', params: { column: '幹部等級' } });
  });

  it('reads numbers from number cells and text, with full-width digits, commas and the unit', () => {
    const hours = spec('hours');
    for (const cell of [3.5, '3.5', '３.５', '3.5 小時', '3.5小時']) expect(readFieldCell(hours, cell), String(cell)).toEqual({ ok: true, value: 3.5 });
    expect(readFieldCell(hours, '1,200')).toEqual({ ok: true, value: 1200 });
    expect(readFieldCell(hours, '三')).toMatchObject({ ok: false, code: 'import-decimal-invalid', params: { column: '時數', min: 0, max: 9999 } });
    const weeks = spec('weeks', 'performance-flexible');
    expect(readFieldCell(weeks, '18')).toEqual({ ok: true, value: 18 });
    expect(readFieldCell(weeks, '1.5')).toMatchObject({ ok: false, code: 'import-number-invalid' });
    expect(readFieldCell(spec('offeredSemester', 'performance-flexible'), '下')).toEqual({ ok: true, value: 2 });
  });

  it('reads text by the free-text rule, naming the column', () => {
    expect(readFieldCell(spec('name'), ' 淨灘 ')).toEqual({ ok: true, value: '淨灘' });
    expect(readFieldCell(spec('name'), 'a\nb')).toMatchObject({ ok: false, code: 'import-text-line-break', params: { column: '服務名稱' } });
  });
});

describe('fieldText and rosterValue', () => {
  it('show dates in 民國 (ISO in English) and codes as labels', () => {
    expect(fieldText(spec('startDate'), '2026-11-27')).toBe('115/11/27');
    expect(fieldText(spec('startDate'), '2026-11-27', 'en')).toBe('2026-11-27');
    expect(fieldText(spec('level', 'performance-cadre'), '2')).toBe('班級');
    expect(fieldText(spec('level', 'performance-cadre'), '2', 'en')).toBe('Class');
    expect(fieldText(spec('hours'), 3.5)).toBe('3.5');
    expect(fieldText(spec('endDate'), null)).toBe('');
  });

  it('write dates as YYYMMDD, codes as codes and a missing number as -1', () => {
    expect(rosterValue(spec('startDate'), '2026-11-27')).toBe('1151127');
    expect(rosterValue(spec('startDate'), '2003-03-15')).toBe('0920315');
    expect(rosterValue(spec('endDate'), null)).toBe('');
    expect(rosterValue(spec('level', 'performance-cadre'), '9')).toBe('9');
    expect(rosterValue(spec('hours'), 12)).toBe(12);
    expect(rosterValue(spec('hours', 'performance-other'), null)).toBe(-1);
    expect(rosterValue(spec('name'), '淨灘')).toBe('淨灘');
  });
});
