import { describe, expect, it } from 'vitest';
import { readRosterJson } from './receipt-roster.ts';

const FILE = '114_1_123456_校內幹部經歷.json';
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (json: unknown, file = FILE) => readRosterJson(file, 'a'.repeat(64), bytes(typeof json === 'string' ? json : JSON.stringify(json)), '123456');
const cover = [{ 名稱: '114_1_校內幹部經歷名冊.xlsx', SHA: 'B'.repeat(64), 上傳時間: '2025-09-30' }];

describe('readRosterJson', () => {
  it('reads the central database shape with a BOM: the roster and term from the file name, 名冊資訊 as a list', () => {
    const entry = { 身分證號: ' a123456789 ', 出生日期: '0980301', 幹部經歷紀錄: [{ 單位名稱: '班級', 擔任職務: '班長' }] };
    const { roster, problems } = read(`\uFEFF${JSON.stringify({ 名冊資訊: cover, 校內幹部經歷名冊: [entry] })}`);
    expect(problems).toEqual([]);
    expect(roster).toMatchObject({ roster: '校內幹部經歷', academicYear: 114, semester: 1, kind: 24, name: '校內幹部經歷名冊' });
    expect(roster!.submitted).toEqual([{ name: '114_1_校內幹部經歷名冊.xlsx', sha256: 'b'.repeat(64) }]);
    expect(roster!.entries).toEqual([{ index: 1, nationalId: 'A123456789', birthDate: '0980301', entry }]);
  });

  it('takes the term and kind 名冊資訊 states, written as digits or numbers', () => {
    const { roster } = read({ 名冊資訊: { 學校代碼: '123456', 學年度: '113', 學期: 0, 名冊別: '34' }, 校內幹部經歷: [] }, '校內幹部經歷.json');
    expect(roster).toMatchObject({ academicYear: 113, semester: 0, kind: 34 });
  });

  it.each([
    ['a file name naming no roster', { 名冊資訊: cover, a: [] }, 'receipt-roster-unknown', {}, '114_1_成績.json'],
    ['not JSON', '{', 'receipt-json-invalid', {}, FILE],
    ['two rosters', { 名冊資訊: cover, a: [], b: [] }, 'receipt-json-invalid', {}, FILE],
    ['a cover that is not a record', { 名冊資訊: [1], a: [] }, 'receipt-json-invalid', {}, FILE],
    ['a roster name with a control character', { 名冊資訊: cover, '多元\u202e表現': [] }, 'receipt-json-invalid', {}, FILE],
    ['a roster name of invisible characters only', { 名冊資訊: cover, '\u200b\u200b': [] }, 'receipt-json-invalid', {}, FILE],
    ['another school', { 名冊資訊: [{ 學校代碼: '654321' }], a: [] }, 'receipt-school-mismatch', { code: '654321', school: '123456' }, FILE],
    ['no term anywhere', { 名冊資訊: cover, a: [] }, 'receipt-info-invalid', { field: '學年度' }, '校內幹部經歷.json'],
    ['a bad semester', { 名冊資訊: { 學年度: 114, 學期: 3 }, a: [] }, 'receipt-info-invalid', { field: '學期' }, FILE],
    ['an unknown roster kind', { 名冊資訊: { 名冊別: 99 }, a: [] }, 'receipt-info-invalid', { field: '名冊別' }, FILE],
    ['another roster’s kind', { 名冊資訊: { 名冊別: 25 }, a: [] }, 'receipt-info-invalid', { field: '名冊別' }, FILE],
  ])('refuses %s', (_, json, code, params, file) => {
    const { roster, problems } = read(json, file);
    expect(roster).toBeNull();
    expect(problems).toEqual([{ file, index: null, code, params: { file, ...params } }]);
  });

  it('reports an entry without 身分證號 or with a sheet the roster does not have by its index, and keeps the others', () => {
    const json = { 名冊資訊: cover, 多元表現: [{ 身分證號: 'A123456789', 競賽參與紀錄: [] }, { 出生日期: '2009-01-01' }, 'x', { 身分證號: 'B223456782', 幹部經歷紀錄: [] }] };
    const { roster, problems } = read(json, '114_0_多元表現.json');
    expect(roster!.entries.map((e) => e.index)).toEqual([1]);
    expect(problems.map((p) => [p.code, p.index])).toEqual([
      ['receipt-json-invalid', 2],
      ['receipt-json-invalid', 3],
      ['receipt-sheet-unknown', 4],
    ]);
    expect(problems[2]!.params).toMatchObject({ sheet: '幹部經歷紀錄', roster: '多元表現' });
  });
});
