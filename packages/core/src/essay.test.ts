import { describe, expect, it } from 'vitest';
import { blankStudyPlanSections, defaultEssayLanguages, essayCharCount, studyPlanCharCount, studyPlanSectionsSchema, studyPlanText } from './essay.ts';
import { essaySettings, parseSchoolConfig } from './school.ts';

const minimal = { code: '123456', name: '測試高中', type: 'general' };

describe('essay rules', () => {
  it('counts characters as people see them: one per ideograph, emoji or letter', () => {
    expect(essayCharCount('我愛𠀋字😀a')).toBe(6);
  });

  it('writes a study plan under its headings and counts only what the student wrote', () => {
    const sections = { self: '我是小明', career: '成為工程師', goals: '', strengths: '程式', interests: '籃球' };
    expect(studyPlanCharCount(sections)).toBe(13);
    expect(blankStudyPlanSections(sections)).toEqual(['goals']);
    expect(studyPlanText(sections)).toBe('【自我介紹】\n我是小明\n\n【生涯規劃】\n成為工程師\n\n【自我期許】\n\n\n【專長】\n程式\n\n【興趣】\n籃球');
  });

  it('validates sections with the free-text rule and refuses unknown sections', () => {
    const schema = studyPlanSectionsSchema(10);
    expect(schema.parse({ self: ' 你好 ' })).toMatchObject({ self: '你好', career: '' });
    expect(schema.safeParse({ self: 'a\u202Eb' }).success).toBe(false);
    expect(schema.safeParse({ hobby: 'x' }).success).toBe(false);
  });

  it('keeps English beside Chinese by default at vocational and comprehensive schools only', () => {
    expect(defaultEssayLanguages('general')).toEqual(['zh']);
    expect(defaultEssayLanguages('vocational')).toEqual(['zh', 'en']);
    expect(defaultEssayLanguages('comprehensive')).toEqual(['zh', 'en']);
  });
});

describe('rules.autobiography', () => {
  it('defaults to the homeroom teacher checking 3000 characters, languages by the school type', () => {
    expect(essaySettings(parseSchoolConfig(minimal))).toEqual({ checker: 'homeroom-teacher', maxChars: 3000, languages: ['zh'] });
    expect(essaySettings(parseSchoolConfig({ ...minimal, type: 'vocational' })).languages).toEqual(['zh', 'en']);
  });

  it('takes the school’s checker, length and languages, and refuses what is not one', () => {
    const config = parseSchoolConfig({ ...minimal, rules: { autobiography: { checker: 'counseling-staff', maxChars: 1500, languages: ['zh', 'en'] } } });
    expect(essaySettings(config)).toEqual({ checker: 'counseling-staff', maxChars: 1500, languages: ['zh', 'en'] });
    expect(() => parseSchoolConfig({ ...minimal, rules: { autobiography: { checker: 'subject-teacher' } } })).toThrow(/rules\.autobiography\.checker/);
    expect(() => parseSchoolConfig({ ...minimal, rules: { autobiography: { maxChars: 50 } } })).toThrow(/maxChars/);
    expect(() => parseSchoolConfig({ ...minimal, rules: { autobiography: { languages: ['fr'] } } })).toThrow(/languages/);
  });
});
