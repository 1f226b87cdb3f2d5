import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { parseSchoolConfig, SchoolConfigError } from '../school.ts';
import { PERFORMANCE_TYPES, CADRE_LEVELS, COMPETITION_LEVELS, PARTICIPATION, CERTIFICATE_TYPES, FLEXIBLE_CATEGORIES, GROUP_CATEGORIES, WORKPLACE_CATEGORIES } from '../performance-kinds.ts';
import { CREDIT_COUNTED, PASS_FLAGS, REPEAT_MARKS, transferIdentityOf } from '../grade-codes.ts';
import { receivedValueText } from '../receipt-codes.ts';
import {
  COVER_COLUMNS,
  EVIDENCE_GRADES,
  ROSTER_CODES,
  ROSTER_IDS,
  ROSTER_LAYOUTS,
  coverValues,
  knownRosterNumbers,
  layoutSheet,
  rosterLayout,
  rosterNumber,
  rostersNumberedBySetting,
  sheetColumns,
} from './index.ts';

const everyLayout = ROSTER_LAYOUTS.flatMap((r) => r.versions);
const names = (roster: Parameters<typeof rosterLayout>[0], version?: string) => rosterLayout(roster, version).sheets.map((s) => s.name);
const columnsOf = (roster: Parameters<typeof rosterLayout>[0], sheet: string, version?: string) => sheetColumns(layoutSheet(rosterLayout(roster, version), sheet));

describe('roster layout data', () => {
  it('holds every roster of ROSTERS §1–§4 once, each with its default version among its versions', () => {
    expect(ROSTER_LAYOUTS.map((r) => r.roster).sort()).toEqual([...ROSTER_IDS].sort());
    for (const r of ROSTER_LAYOUTS) {
      expect(r.versions.map((v) => v.version)).toContain(r.defaultVersion);
      expect(new Set(r.versions.map((v) => v.version)).size).toBe(r.versions.length);
      expect(r.defaultReason.length).toBeGreaterThan(10);
      for (const v of r.versions) expect(v.roster).toBe(r.roster);
    }
  });

  it('gives every layout a cover of 學校代碼, 學年度, 學期, 名冊別, a date, a source and sources with a grade', () => {
    for (const layout of everyLayout) {
      expect(layout.cover, layout.roster).toEqual(['學校代碼', '學年度', '學期', '名冊別']);
      expect(layout.date).not.toBe('');
      expect(layout.source).not.toBe('');
      expect(layout.sources.length, layout.roster).toBeGreaterThan(0);
      expect(layout.numbers.regular, layout.roster).toBeDefined();
    }
  });

  it('keeps sheet names unique, never 封面, and every sheet and column graded', () => {
    for (const layout of everyLayout) {
      const sheetNames = layout.sheets.map((s) => s.name);
      expect(new Set(sheetNames).size, `${layout.roster} ${layout.version}`).toBe(sheetNames.length);
      expect(sheetNames).not.toContain('封面');
      expect(layout.sheets.length).toBeGreaterThan(0);
      for (const sheet of layout.sheets) {
        expect(sheet.sources.length).toBeGreaterThan(0);
        const cols = sheetColumns(sheet);
        expect(new Set(cols).size, `${layout.roster} ${sheet.name}`).toBe(cols.length);
        for (const c of sheet.columns) {
          expect(c.sources.length, `${sheet.name} ${c.name}`).toBeGreaterThan(0);
          for (const s of c.sources) expect(EVIDENCE_GRADES).toContain(s);
        }
      }
    }
  });

  it('starts every student sheet of known order with 身分證號, 出生日期; only 學生資料名冊 (order unknown) is exempt', () => {
    for (const layout of everyLayout) {
      for (const sheet of layout.sheets) {
        if (sheet.orderKnown === false) {
          expect(layout.roster).toBe('student-data');
          expect(sheetColumns(sheet)[0]).toBe('身分證號');
          continue;
        }
        expect(sheetColumns(sheet).slice(0, 2), `${layout.roster} ${sheet.name}`).toEqual(['身分證號', '出生日期']);
      }
    }
  });

  it('never has file-name columns (no source shows them)', () => {
    for (const layout of everyLayout) for (const sheet of layout.sheets) expect(sheetColumns(sheet)).not.toEqual(expect.arrayContaining(['文件檔名']));
    for (const layout of everyLayout) for (const sheet of layout.sheets) expect(sheetColumns(sheet)).not.toContain('影音檔名');
  });

  it('marks 學期 = 0 on the year rosters (多元表現, 課程學習成果) only', () => {
    const year = ROSTER_LAYOUTS.filter((r) => r.versions.every((v) => v.year)).map((r) => r.roster);
    expect(year.sort()).toEqual(['night-outcomes', 'outcomes', 'performances']);
    expect(coverValues(rosterLayout('outcomes'), '123456', 114, 2, 26)).toEqual(['123456', 114, 0, 26]);
    expect(coverValues(rosterLayout('cadres'), '123456', 114, 2, 24)).toEqual(['123456', 114, 2, 24]);
  });
});

describe('roster 26 and 28 layouts', () => {
  it('has the six sheets of 26 and the three of 28', () => {
    const six = ['學期課程學習成果', '補修課程學習成果', '重修課程學習成果', '重讀課程學習成果', '轉學轉科課程學習成果', '借讀課程學習成果'];
    expect(names('outcomes')).toEqual(six);
    expect(names('outcomes', 'd-108')).toEqual(six);
    expect(names('night-outcomes')).toEqual(['學期課程學習成果', '轉學轉科課程學習成果', '借讀課程學習成果']);
  });

  it('keeps 實際修課學年度 (Z only) and 補修方式 / 重修方式 (D only) to their versions; the default is Z', () => {
    expect(rosterLayout('outcomes').version).toBe('z-2021');
    expect(columnsOf('outcomes', '補修課程學習成果')).toEqual(['身分證號', '出生日期', '應修課學年度', '應修課學期', '課程代碼', '科目名稱', '開課年級', '修課學分', '實際修課學年度', '實際修課學期', '成果簡述']);
    expect(columnsOf('outcomes', '補修課程學習成果', 'd-108')).toEqual(['身分證號', '出生日期', '應修課學年度', '應修課學期', '課程代碼', '科目名稱', '開課年級', '修課學分', '補修方式', '實際修課學期', '成果簡述']);
    expect(columnsOf('outcomes', '重修課程學習成果', 'd-108')).toContain('重修方式');
    expect(columnsOf('outcomes', '重修課程學習成果')).not.toContain('重修方式');
    expect(columnsOf('outcomes', '學期課程學習成果', 'd-108')).toEqual(['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課學分', '實際修課學期', '成果簡述']);
    expect(columnsOf('night-outcomes', '學期課程學習成果')).toEqual(['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課節數', '實際修課學年度', '實際修課學期', '成果簡述']);
    const actualYear = layoutSheet(rosterLayout('outcomes'), '學期課程學習成果').columns.find((c) => c.name === '實際修課學年度');
    expect(actualYear?.sources).toEqual(['Z']);
  });

  it('has two versions of 重讀成績: 2025 (V, default) with 再次修習 and 108 (D) without', () => {
    expect(columnsOf('retake-repeat', '重讀成績')).toEqual(['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課學分', '再次修習成績', '再次修習成績及格', '補考成績', '補考及格', '重讀成績', '成績及格', '重讀註記', '是否採計學分', '質性文字描述']);
    expect(columnsOf('retake-repeat', '重讀成績', 'd-108')).toEqual(columnsOf('retake-repeat', '重讀成績').filter((c) => !c.startsWith('再次修習')));
  });

  it('gives the pre-check roster the first six columns of 學期成績', () => {
    expect(columnsOf('precheck-day', '學期成績')).toEqual(columnsOf('grades', '學期成績').slice(0, 6));
    expect(columnsOf('precheck-night', '學期成績')).toEqual(columnsOf('precheck-day', '學期成績'));
  });
});

describe('roster numbers', () => {
  it('are the numbers ROSTERS §2 gives, each once', () => {
    expect(knownRosterNumbers().map((n) => n.value)).toEqual([24, 25, 26, 28, 34, 35, 36, 38, 41, 42, 74, 75, 76, 78]);
    expect(rostersNumberedBySetting().sort()).toEqual(['grades', 'night-grades', 'retake-repeat', 'student-data']);
  });

  it('refuses a roster whose number no source gives and the school has not set, and reads the setting when set', () => {
    const grades = rosterLayout('grades');
    expect(() => rosterNumber(grades, 'regular')).toThrow(DomainError);
    try {
      rosterNumber(grades, 'regular');
    } catch (error) {
      expect((error as DomainError).code).toBe('roster-number-unset');
      expect((error as DomainError).params).toEqual({ roster: '學生成績名冊', setting: 'rosters.numbers.grades.regular' });
    }
    expect(rosterNumber(grades, 'regular', { grades: { regular: 21 } })).toBe(21);
    expect(rosterNumber(rosterLayout('outcomes'), 'grade12-first', { grades: { regular: 21 } })).toBe(36);
  });

  it('are school settings with no default, refusing a number a source already gives or an unknown layout version', () => {
    const base = { code: '123456', name: '測試高中', type: 'general' };
    const config = parseSchoolConfig(base);
    expect(config.rosters).toEqual({ numbers: {}, layouts: {}, secondBatch: 'whole' });
    expect(parseSchoolConfig({ ...base, rosters: { numbers: { grades: { regular: 21, 'grade12-first': 37 } }, layouts: { outcomes: 'd-108' }, secondBatch: 'changed-since-first' } }).rosters).toEqual({
      numbers: { grades: { regular: 21, 'grade12-first': 37 } },
      layouts: { outcomes: 'd-108' },
      secondBatch: 'changed-since-first',
    });
    const problems = (input: unknown) => {
      try {
        parseSchoolConfig({ ...base, rosters: input });
        return [];
      } catch (error) {
        return (error as SchoolConfigError).problems;
      }
    };
    expect(problems({ numbers: { grades: { regular: 26 } } })).toEqual(['rosters.numbers.grades.regular: 26 is already the roster number of 課程學習成果']);
    expect(problems({ numbers: { outcomes: { regular: 27 } } })[0]).toContain('rosters.numbers');
    expect(problems({ layouts: { outcomes: 'x-1' } })).toEqual(['rosters.layouts.outcomes: must be one of z-2021, d-108']);
    expect(problems({ secondBatch: 'delta' })[0]).toContain('rosters.secondBatch');
  });
});

describe('codes', () => {
  it('agree with the rules that write them', () => {
    const codesOf = (list: { values: ReadonlyArray<readonly [string, string]> }) => list.values.map(([c]) => c);
    expect(codesOf(ROSTER_CODES.passFlag)).toEqual(PASS_FLAGS.map(String));
    expect(codesOf(ROSTER_CODES.creditCounted)).toEqual(CREDIT_COUNTED.map(String));
    expect(codesOf(ROSTER_CODES.repeatMark)).toEqual(REPEAT_MARKS.map(String));
    expect(transferIdentityOf('112')).toBe(1);
    expect(transferIdentityOf('231')).toBe(2);
    expect(transferIdentityOf('223')).toBe(3);
    const pairs = (list: ReadonlyArray<{ code: string; label: { 'zh-TW': string } }>) => list.map((c) => [c.code, c.label['zh-TW']]);
    expect(pairs(CADRE_LEVELS)).toEqual(ROSTER_CODES.cadreLevel.values);
    expect(pairs(COMPETITION_LEVELS)).toEqual(ROSTER_CODES.competitionLevel.values);
    expect(pairs(PARTICIPATION)).toEqual(ROSTER_CODES.participation.values);
    expect(pairs(CERTIFICATE_TYPES)).toEqual(ROSTER_CODES.certificateType.values);
    expect(pairs(FLEXIBLE_CATEGORIES)).toEqual(ROSTER_CODES.flexibleCategory.values);
    expect(pairs(GROUP_CATEGORIES)).toEqual(ROSTER_CODES.groupCategory.values);
    expect(pairs(WORKPLACE_CATEGORIES)).toEqual(ROSTER_CODES.workplaceCategory.values);
  });

  it('the receipt viewer words exactly the codes of the layout data, no more', () => {
    const sheetOf: Record<string, string> = { flexibleCategory: '彈性學習時間紀錄', groupCategory: '團體活動時間紀錄', workplaceCategory: '職場學習紀錄' };
    for (const [id, list] of Object.entries(ROSTER_CODES)) {
      if (id === 'transferIdentity') continue; // 身分別 is shown as received
      for (const column of list.columns) {
        for (const [code] of list.values) expect(receivedValueText(sheetOf[id] ?? '', column, code), `${column} ${code}`).not.toBe(code);
        expect(receivedValueText(sheetOf[id] ?? '', column, '8')).toBe('8');
      }
    }
  });

  it('every code list fills columns that a layout has', () => {
    const all = new Set(everyLayout.flatMap((l) => l.sheets.flatMap(sheetColumns)));
    for (const [id, list] of Object.entries(ROSTER_CODES)) {
      expect(list.columns.some((c) => all.has(c)), id).toBe(true);
    }
  });

  it('the ten 多元表現 types read their sheets and columns from roster 25’s layout', () => {
    const layout = rosterLayout('performances');
    expect(PERFORMANCE_TYPES.map((t) => t.rosterSheet)).toEqual(layout.sheets.map((s) => s.name));
    for (const type of PERFORMANCE_TYPES) {
      expect(['身分證號', '出生日期', ...type.rosterColumns]).toEqual(sheetColumns(layoutSheet(layout, type.rosterSheet)));
      const fromFields = type.rosterColumns.filter((c) => c !== '內容簡述');
      expect(type.fields.map((f) => f.rosterColumn ?? f.label['zh-TW'])).toEqual(fromFields);
    }
  });

  it('COVER_COLUMNS is the cover of every roster', () => {
    expect([...COVER_COLUMNS]).toEqual(['學校代碼', '學年度', '學期', '名冊別']);
  });
});
