import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { ROSTER_KINDS, isRosterKind, outcomeRosterColumns, rosterCoverRows, rosterKindFor } from './rosters.ts';
import type { RosterCover } from './rosters.ts';

describe('roster kinds', () => {
  it('name the regular and grade-12 batch rosters', () => {
    expect(ROSTER_KINDS[26]).toBe('課程學習成果');
    expect(ROSTER_KINDS[28]).toBe('進修部課程學習成果');
    expect(Object.keys(ROSTER_KINDS).map(Number)).toEqual([24, 25, 26, 28, 34, 35, 36, 38, 74, 75, 76, 78]);
  });
  it('map a base kind to its batch', () => {
    expect(rosterKindFor(26, 'regular')).toBe(26);
    expect(rosterKindFor(26, 'grade12-first')).toBe(36);
    expect(rosterKindFor(24, 'grade12-second')).toBe(74);
    expect(rosterKindFor(28, 'grade12-second')).toBe(78);
    expect(isRosterKind(27)).toBe(false);
    expect(isRosterKind('26')).toBe(false);
  });
});

describe('outcomeRosterColumns', () => {
  it('are the 學期課程學習成果 sheet of the default layout, with no file-name columns', () => {
    expect(outcomeRosterColumns).toEqual([
      '身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課學分', '實際修課學年度', '實際修課學期', '成果簡述',
    ]);
    expect(outcomeRosterColumns).not.toContain('文件檔名');
    expect(outcomeRosterColumns).not.toContain('影音檔名');
  });
});

describe('rosterCoverRows', () => {
  it('is a header row and one value row: school code, year, semester and kind', () => {
    expect(rosterCoverRows({ schoolCode: '120401', academicYear: 114, semester: 1, kind: 24 })).toEqual([
      ['學校代碼', '學年度', '學期', '名冊別'],
      ['120401', 114, 1, 24],
    ]);
    expect(rosterCoverRows({ schoolCode: '120401', academicYear: 114, semester: 0, kind: 25 })[1]).toEqual(['120401', 114, 0, 25]);
  });
  it('refuses a bad school code, semester or kind', () => {
    const codeOf = (cover: RosterCover) => {
      try {
        rosterCoverRows(cover);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        return (error as DomainError).code;
      }
    };
    const good: RosterCover = { schoolCode: '120401', academicYear: 114, semester: 1, kind: 26 };
    expect(codeOf({ ...good, schoolCode: '12040' })).toBe('school-code-invalid');
    expect(codeOf({ ...good, semester: 3 as 1 })).toBe('semester-invalid');
    expect(codeOf({ ...good, kind: 0 })).toBe('roster-kind-unknown');
    expect(codeOf({ ...good, kind: 100 })).toBe('roster-kind-unknown');
  });
});
