import { describe, expect, it } from 'vitest';
import { courseCategoryKind, courseCodeSchema, isCourseCode, parseCourseCode } from './course-code.ts';
import { DomainError } from './errors.ts';

const VALID = '108120401E22L0107020005';

function reasonOf(raw: string): unknown {
  try {
    parseCourseCode(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('course-code-invalid');
    return (error as DomainError).params.reason;
  }
  return undefined;
}

describe('parseCourseCode', () => {
  it('splits a valid code into its fields', () => {
    expect(parseCourseCode(VALID)).toEqual({
      raw: VALID,
      entryYear: 108,
      schoolCode: '120401',
      courseType: 'E',
      group: '22',
      department: 'L01',
      classGroup: '0',
      category: '7',
      offeringMode: '0',
      attribute: '2',
      domain: '00',
      subject: '05',
    });
  });

  it.each([
    [VALID.slice(0, 22), 'length'],
    [`${VALID}1`, 'length'],
    ['', 'length'],
    [VALID.toLowerCase(), 'characters'],
    [`${VALID.slice(0, 22)}-`, 'characters'],
    [` ${VALID.slice(1)}`, 'characters'],
    [`107${VALID.slice(3)}`, 'entry-year'],
    [`1A8${VALID.slice(3)}`, 'entry-year'],
    [`108A20401${VALID.slice(9)}`, 'school-code'],
    [`${VALID.slice(0, 15)}5${VALID.slice(16)}`, 'class-group'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(reasonOf(raw)).toBe(reason);
  });

  it('accepts every class group 0-4', () => {
    for (const g of '01234') expect(parseCourseCode(`${VALID.slice(0, 15)}${g}${VALID.slice(16)}`).classGroup).toBe(g);
  });

  it('explains the length in the message', () => {
    expect(() => parseCourseCode('108')).toThrow('must be 23 characters long (found 3)');
  });
});

describe('isCourseCode', () => {
  it('tells valid from invalid', () => {
    expect(isCourseCode(VALID)).toBe(true);
    expect(isCourseCode(VALID.toLowerCase())).toBe(false);
    expect(isCourseCode(123)).toBe(false);
  });
});

describe('courseCodeSchema', () => {
  it('trims, upper-cases and makes full-width characters ASCII', () => {
    expect(courseCodeSchema.parse(`  ${VALID.toLowerCase()} `)).toBe(VALID);
    expect(courseCodeSchema.parse('１０８120401e22l0107020005')).toBe(VALID);
  });

  it('reports the reason as the message, with the domain code in params', () => {
    const result = courseCodeSchema.safeParse('108120401E22');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0] as { message: string; params?: Record<string, unknown> };
    expect(issue.message).toContain('23 characters');
    expect(issue.params).toMatchObject({ code: 'course-code-invalid', reason: 'length', length: 12 });
  });
});

describe('courseCategoryKind', () => {
  it('reads category and attribute', () => {
    expect(courseCategoryKind({ category: '1', attribute: '1' })).toBe('national-required');
    expect(courseCategoryKind({ category: '2', attribute: '1' })).toBe('school-required');
    expect(courseCategoryKind({ category: '9', attribute: 'D' })).toBe('activity-time');
    expect(courseCategoryKind({ category: '9', attribute: '1' })).toBe('school-elective');
    expect(courseCategoryKind(parseCourseCode(VALID))).toBe('school-elective');
  });
});
