import { describe, expect, it } from 'vitest';
import { readRosterJson } from './receipt-roster.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (json: unknown) => readRosterJson('24.json', 'a'.repeat(64), bytes(typeof json === 'string' ? json : JSON.stringify(json)), '123456');

describe('readRosterJson', () => {
  it('reads the cover written as digits or numbers, with a BOM, and normalises IDs', () => {
    const { roster, problems } = read(`\uFEFF${JSON.stringify({ 名冊資訊: { 學校代碼: '123456', 學年度: '114', 學期: 0, 名冊別: '24' }, 校內幹部經歷: [{ 身分證號: ' a123456789 ', 出生日期: '0980301' }] })}`);
    expect(problems).toEqual([]);
    expect(roster).toMatchObject({ academicYear: 114, semester: 0, kind: 24, name: '校內幹部經歷', schoolCode: '123456' });
    expect(roster!.entries).toEqual([{ index: 1, nationalId: 'A123456789', birthDate: '0980301', entry: { 身分證號: ' a123456789 ', 出生日期: '0980301' } }]);
  });

  it.each([
    ['not JSON', '{', 'receipt-json-invalid', {}],
    ['no cover', { 名冊: [] }, 'receipt-json-invalid', {}],
    ['two rosters', { 名冊資訊: {}, a: [], b: [] }, 'receipt-json-invalid', {}],
    ['a roster name with a control character', { 名冊資訊: {}, '多元\u202e表現': [] }, 'receipt-json-invalid', {}],
    ['a roster name of invisible characters only', { 名冊資訊: {}, '\u200b\u200b': [] }, 'receipt-json-invalid', {}],
    ['a bad school code', { 名冊資訊: { 學校代碼: '12345' }, a: [] }, 'receipt-info-invalid', { field: '學校代碼' }],
    ['another school', { 名冊資訊: { 學校代碼: '654321' }, a: [] }, 'receipt-school-mismatch', { code: '654321', school: '123456' }],
    ['a bad semester', { 名冊資訊: { 學校代碼: '123456', 學年度: 114, 學期: 3, 名冊別: 24 }, a: [] }, 'receipt-info-invalid', { field: '學期' }],
    ['an unknown roster kind', { 名冊資訊: { 學校代碼: '123456', 學年度: 114, 學期: 1, 名冊別: 99 }, a: [] }, 'receipt-info-invalid', { field: '名冊別' }],
  ])('refuses %s', (_, json, code, params) => {
    const { roster, problems } = read(json);
    expect(roster).toBeNull();
    expect(problems).toEqual([{ file: '24.json', index: null, code, params: { file: '24.json', ...params } }]);
  });

  it('reports an entry without 身分證號 by its index and keeps the others', () => {
    const { roster, problems } = read({ 名冊資訊: { 學校代碼: '123456', 學年度: 114, 學期: 1, 名冊別: 25 }, 多元表現: [{ 身分證號: 'A123456789' }, { 出生日期: '2009-01-01' }, 'x'] });
    expect(roster!.entries).toHaveLength(1);
    expect(problems.map((p) => [p.code, p.index])).toEqual([
      ['receipt-json-invalid', 2],
      ['receipt-json-invalid', 3],
    ]);
  });
});
