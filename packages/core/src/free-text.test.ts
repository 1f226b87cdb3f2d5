import { describe, expect, it } from 'vitest';
import { formatMessage } from './errors.ts';
import { cleanFileName, freeText, isBlankText, readFreeText } from './free-text.ts';
import { studentRowSchema } from './import-schemas.ts';

const problemOf = (raw: string, options = {}) => {
  const result = readFreeText(raw, options);
  return result.ok ? null : result.problem;
};

describe('readFreeText', () => {
  it.each([
    ['NUL only', '\u0000'],
    ['NULs around text', '\u0000abc\u0000'],
    ['bell before text', '\u0007abc'],
    ['escape', 'abc\u001b[31m'],
    ['DEL', 'ab\u007fc'],
    ['C1 (NEL)', 'ab\u0085c'],
    ['C1 (CSI)', '\u009b2J'],
    ['right-to-left override', '報告\u202Egpj.exe'],
    ['left-to-right embedding', '\u202Aabc'],
    ['first strong isolate', 'abc\u2068def\u2069'],
  ])('refuses control characters: %s', (_name, raw) => {
    expect(problemOf(raw)).toBe('control-character');
    expect(problemOf(raw, { multiline: true })).toBe('control-character');
  });

  it('names the first control character and its position in characters', () => {
    expect(readFreeText('𠮷a\u0007b')).toEqual({ ok: false, problem: 'control-character', params: { char: 'U+0007', position: 3 } });
    expect(readFreeText('x\u0000')).toEqual({ ok: false, problem: 'control-character', params: { char: 'U+0000', position: 2 } });
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['ideographic spaces', '\u3000\u3000'],
    ['zero-width spaces', '\u200b\u200b'],
    ['BOM only', '\ufeff'],
    ['word joiner and zero-width joiners', '\u2060\u200d\u200c'],
    ['soft hyphen', '\u00ad'],
    ['Hangul filler', '\u3164'],
    ['braille blank', '\u2800'],
    ['variation selector', '\ufe0f'],
    ['mixed invisible and white space', ' \u200b \ufeff\u00a0\u2060 '],
    ['tag characters', '\u{E0041}\u{E007F}'],
  ])('refuses blank text: %s', (_name, raw) => {
    expect(problemOf(raw)).toBe('blank');
    expect(isBlankText(raw)).toBe(true);
  });

  it('keeps CJK (also outside the BMP), private-use 造字, combining marks and emoji', () => {
    for (const text of ['王小明', '𠮷野家', '\uE000王', 'e\u0301', 'Zoë', '🎉', '👨‍👩‍👧', '❤️', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '中文 English 123', 'عربي\u200f']) {
      expect(readFreeText(text), text).toEqual({ ok: true, value: text.normalize('NFC') });
    }
  });

  it('normalises to NFC and trims white space and zero-width spacing at the ends', () => {
    expect(readFreeText('  e\u0301  ')).toEqual({ ok: true, value: '\u00e9' });
    expect(readFreeText('\ufeff\u200b王小明\u200b\u3000')).toEqual({ ok: true, value: '王小明' });
    expect(readFreeText('a\u200bb')).toEqual({ ok: true, value: 'a\u200bb' });
  });

  it('refuses line breaks and tabs in single-line text, keeps them in multi-line text', () => {
    expect(readFreeText('第一行\n第二行')).toEqual({ ok: false, problem: 'line-break', params: { position: 4 } });
    expect(problemOf('a\u2028b')).toBe('line-break');
    expect(problemOf('a\rb')).toBe('line-break');
    expect(problemOf('a\tb')).toBe('control-character');
    expect(readFreeText('第一行\r\n第二行\r第三行\u2028第四\t行', { multiline: true })).toEqual({ ok: true, value: '第一行\n第二行\n第三行\n第四\t行' });
    expect(problemOf('a\u000bb', { multiline: true })).toBe('control-character');
    expect(problemOf('\n\n\t\n', { multiline: true })).toBe('blank');
  });

  it('refuses lone surrogates', () => {
    expect(problemOf('ab\ud800')).toBe('malformed');
    expect(problemOf('\udc00ab')).toBe('malformed');
  });

  it('counts code points against max after trimming', () => {
    expect(readFreeText(' ' + '𠮷'.repeat(5) + ' ', { max: 5 })).toEqual({ ok: true, value: '𠮷'.repeat(5) });
    expect(readFreeText('字'.repeat(6), { max: 5 })).toEqual({ ok: false, problem: 'too-long', params: { max: 5, length: 6 } });
  });
});

describe('freeText (zod)', () => {
  const schema = freeText({ max: 10 });
  const issueOf = (value: unknown) => schema.safeParse(value).error?.issues[0] as { message: string; params?: Record<string, unknown> } | undefined;

  it('returns the clean value', () => {
    expect(schema.parse('  王小明 ')).toBe('王小明');
  });

  it('reports catalogue codes with their parameters', () => {
    expect(issueOf('\u0000')).toMatchObject({ message: 'text-control-character', params: { code: 'text-control-character', char: 'U+0000', position: 1 } });
    expect(issueOf('\u200b\u200b')?.message).toBe('text-blank');
    expect(issueOf(undefined)?.message).toBe('text-blank');
    expect(schema.safeParse(42).error?.issues[0]?.code).toBe('invalid_type');
    expect(issueOf('a\nb')?.message).toBe('text-line-break');
    expect(issueOf('字'.repeat(11))).toMatchObject({ message: 'text-too-long', params: { max: 10, length: 11 } });
  });

  it('may read blank as empty, and may use its own codes', () => {
    expect(freeText({ max: 10, allowBlank: true }).parse('\u200b ')).toBe('');
    expect(freeText({ max: 10, allowBlank: true }).safeParse('\u0000').success).toBe(false);
    const own = freeText({ max: 2, codes: { blank: 'reason-required' } });
    expect(own.safeParse('\ufeff').error?.issues[0]?.message).toBe('reason-required');
  });

  it('has zh-TW and English text for every code', () => {
    const params = { char: 'U+0000', position: 1, max: 10, length: 11, column: '姓名' };
    for (const code of ['text-control-character', 'text-line-break', 'text-malformed', 'text-blank', 'text-too-long', 'import-text-control-character', 'import-text-line-break', 'import-text-malformed']) {
      expect(formatMessage(code, params, 'zh-TW')).not.toMatch(/\{|^text-|^import-/);
      expect(formatMessage(code, params, 'en')).not.toMatch(/\{|^text-|^import-/);
    }
    expect(formatMessage('text-control-character', params, 'zh-TW')).toContain('U+0000');
  });
});

describe('import cells read as free text', () => {
  const row = { studentNo: 'S1', name: '王小明', nationalId: 'A123456789', birthDate: '2009-01-01', grade: '1', className: '101', seatNo: '1' };
  const issuesOf = (patch: Record<string, unknown>) =>
    (studentRowSchema.safeParse({ ...row, ...patch }).error?.issues ?? []).map((i) => (i as { params?: Record<string, unknown> }).params);

  it('refuses control characters and line breaks in text cells, naming the column', () => {
    expect(issuesOf({ name: '王\u0000小明' })).toEqual([{ code: 'import-text-control-character', column: '姓名', char: 'U+0000', position: 2 }]);
    expect(issuesOf({ className: '10\n1' })).toEqual([{ code: 'import-text-line-break', column: '班級', position: 3 }]);
    expect(issuesOf({ hostUserId: 'a\u202eb' })).toEqual([{ code: 'import-text-control-character', column: '系統帳號', char: 'U+202E', position: 2 }]);
  });

  it('reads invisible-only cells as blank', () => {
    expect(issuesOf({ name: '\u200b\u200b' })).toEqual([{ code: 'import-value-required', column: '姓名' }]);
    expect(studentRowSchema.parse({ ...row, hostUserId: '\ufeff\u200b' }).hostUserId).toBe('S1');
    expect(studentRowSchema.parse({ ...row, name: ' 王小明\u200b' }).name).toBe('王小明');
  });
});

describe('cleanFileName', () => {
  it('removes control, line-break and bidirectional characters, keeps the rest, falls back when blank', () => {
    expect(cleanFileName('報告\u202Egpj.exe', 'x')).toBe('報告gpj.exe');
    expect(cleanFileName(' 學生\u0000名冊\n.xlsx ', 'x')).toBe('學生名冊.xlsx');
    expect(cleanFileName('Cafe\u0301 🎉.csv', 'x')).toBe('Café 🎉.csv');
    expect(cleanFileName('\u200b\u0007', 'students.csv')).toBe('students.csv');
    expect(cleanFileName('字'.repeat(300), 'x')).toBe('字'.repeat(200));
  });
});
