import { z } from 'zod';
import { ACTIVITIES } from './activities.ts';
import { isIsoDate } from './calendar.ts';
import { ROLES } from './roles.ts';
import { rosterSettingsSchema } from './roster-layouts/settings.ts';
import { retentionSchema } from './retention.ts';
import { trainingRulesSchema } from './working-group.ts';
import { windowsCollide } from './windows.ts';
import { reminderLeadDaysSchema } from './reminders.ts';
import { defaultEssayLanguages, ESSAY_CHECKERS, ESSAY_LANGUAGES, ESSAY_MAX_CHARS_LIMIT, type EssayChecker, type EssayLanguage } from './essay.ts';

/**
 * One school's configuration: everything SPEC marks *(school rule)* lives here, never in
 * constants. Nested objects refuse unknown keys so a misspelt rule stops start-up instead
 * of silently falling back to its default; unknown top-level keys are dropped, leaving room
 * for the server's own settings beside these.
 */

const oneOf = (values: readonly (string | number)[]) => `must be one of: ${values.join(', ')}`;

const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

const roleList = z.array(z.enum(ROLES, { error: oneOf(ROLES) }));

const cap = (max: number, what: string) =>
  z
    .number({ error: `must be a whole number from 1 to ${max}` })
    .int(`must be a whole number from 1 to ${max}`)
    .min(1, `${what} must be at least 1`)
    .max(max, `${what} may not exceed the national limit of ${max}`);

const uploadCap = z
  .number({ error: 'must be a whole number of at least 1, or null for no limit' })
  .int('must be a whole number of at least 1, or null for no limit')
  .min(1, 'must be at least 1, or null for no limit')
  .nullable()
  .default(null);

/** One window of the schedule (作業期程): inclusive dates, Taipei time. */
/** 學年度 as configs and procedures take it: an ROC academic year such as 114 (100–999). */
export const academicYearSchema = z
  .number({ error: 'must be an ROC academic year such as 114' })
  .int('must be an ROC academic year such as 114')
  .min(100, 'must be an ROC academic year such as 114')
  .max(999, 'must be an ROC academic year such as 114');

/** A date relative to another window: its start or end moved by a number of days. */
export const relativeDateSchema = z.strictObject({
  anchor: z.string().trim().min(1, 'name the window this date is relative to').max(64),
  edge: z.enum(['start', 'end'], { error: oneOf(['start', 'end']) }),
  offsetDays: z.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(-366).max(366),
});

export const scheduleWindowSchema = z
  .strictObject({
    activity: z.enum(ACTIVITIES, { error: oneOf(ACTIVITIES) }),
    academicYear: academicYearSchema,
    /** 0 = the whole academic year. */
    semester: z.literal([0, 1, 2], { error: 'must be 0 (whole year), 1 or 2' }),
    start: isoDate,
    end: isoDate,
    /** Grades (1–3) the window applies to; absent = every grade. */
    grades: z
      .array(z.number().int().min(1, 'grades are 1 to 3').max(3, 'grades are 1 to 3'))
      .min(1, 'list at least one grade, or leave grades out for every grade')
      .optional(),
    /** Classes (班級) the window applies to, staggered by class; absent = every class. */
    classes: z.array(z.string().trim().min(1, 'a class may not be empty').max(32)).min(1, 'list at least one class, or leave classes out for every class').optional(),
    /** Record kinds the window applies to (uploads per kind); absent = every kind. */
    recordKinds: z.array(z.string().trim().min(1, 'a record kind may not be empty').max(40)).min(1, 'list at least one record kind, or leave recordKinds out').optional(),
    /** 自我檢核日期. */
    selfCheck: isoDate.optional(),
    /** Which submission of several (名冊別, 梯次): free text the school writes. */
    qualifier: z.string().trim().min(1).max(60).optional(),
    /** Lets a window anchor another one (startFrom / endFrom of that one name this id). */
    id: z.string().trim().min(1).max(64).optional(),
    startFrom: relativeDateSchema.optional(),
    endFrom: relativeDateSchema.optional(),
    /** 提醒 — days before the end on which those with work left are reminded (default 7 and 1). */
    reminderLeadDays: reminderLeadDaysSchema.optional(),
  })
  .refine((w) => w.end >= w.start, { message: 'end must not be before start', path: ['end'] });

export type ScheduleWindowConfig = z.infer<typeof scheduleWindowSchema>;

export const schoolConfigSchema = z.object({
  code: z.string({ error: 'must be the 6-digit school code' }).regex(/^\d{6}$/, 'must be the 6-digit school code'),
  name: z.string({ error: 'must be the school name' }).trim().min(1, 'must be the school name'),
  type: z.enum(['general', 'vocational', 'comprehensive', 'special-education'], {
    error: oneOf(['general', 'vocational', 'comprehensive', 'special-education']),
  }),
  divisions: z
    .array(z.enum(['day', 'night'], { error: oneOf(['day', 'night']) }))
    .min(1, 'list at least one division')
    .refine((d) => new Set(d).size === d.length, 'lists a division twice')
    .default(['day']),
  programmes: z.array(z.string().min(1, 'a programme may not be empty')).default([]),
  plugins: z
    .strictObject({
      enabled: z
        .array(z.string().min(1, 'a plugin id may not be empty'))
        .refine((ids) => new Set(ids).size === ids.length, 'lists a plugin twice'),
    })
    .prefault({ enabled: [] }),
  rules: z
    .strictObject({
      outcomes: z
        .strictObject({
          /** 課程學習成果 uploads per student per semester; null = unlimited. */
          uploadCapPerSemester: uploadCap,
          /** At most 6 per academic year go to the central database (national). */
          selectionCapPerYear: cap(6, 'the outcome selection cap').default(6),
        })
        .prefault({}),
      performances: z
        .strictObject({
          /** 多元表現 uploads per student per academic year; null = unlimited. */
          uploadCapPerYear: uploadCap,
          /** At most 10 per academic year (national). */
          selectionCapPerYear: cap(10, 'the performance selection cap').default(10),
        })
        .prefault({}),
      /** 自傳與學習計畫: who checks (the school names 導師 or 輔導室), the length of one document, its languages. */
      autobiography: z
        .strictObject({
          checker: z.enum(ESSAY_CHECKERS, { error: oneOf(ESSAY_CHECKERS) }).default('homeroom-teacher'),
          /** Characters per document (code points, as the free-text rule counts): a school setting, no national limit is known. */
          maxChars: z
            .number({ error: 'must be a whole number from 100 to 20000' })
            .int('must be a whole number from 100 to 20000')
            .min(100, 'must be at least 100')
            .max(ESSAY_MAX_CHARS_LIMIT, `may not exceed ${ESSAY_MAX_CHARS_LIMIT}`)
            .default(3000),
          /** Absent: ['zh'] at a general school, ['zh', 'en'] at a vocational or comprehensive one (中/英文自傳). */
          languages: z
            .array(z.enum(ESSAY_LANGUAGES, { error: oneOf(ESSAY_LANGUAGES) }))
            .min(1, 'list at least one language')
            .refine((l) => new Set(l).size === l.length, 'lists a language twice')
            .optional(),
        })
        .prefault({}),
      portfolio: z
        .strictObject({
          /** Whether the student's portfolio (我的學習歷程, and its download) shows the counseling-only records (輔導資料) the student entered; off by default. */
          showCounseling: z.boolean({ error: 'must be true or false' }).default(false),
        })
        .prefault({}),
      /** 研習與宣導: how often the working group must hold each kind of training (`semester`, `year` or `none`). */
      trainings: trainingRulesSchema,
    })
    .prefault({}),
  /**
   * Whether the school's 作業期程 is public: readable without signing in (the school website's
   * schedule page, `<licheng-schedule public>`, its Excel file). It holds dates and audiences
   * (grades, classes, record kinds), no one's data. On by default.
   */
  publicSchedule: z.boolean({ error: 'must be true or false' }).default(true),
  schedule: z
    .array(scheduleWindowSchema)
    .superRefine((windows, ctx) => {
      windows.forEach((w, i) => {
        const j = windows.findIndex((other, k) => k < i && windowsCollide(other, w));
        if (j >= 0) {
          ctx.addIssue({
            code: 'custom',
            message: `repeats the window at schedule[${j}] (same activity, year, semester, qualifier and audience)`,
            path: [i],
          });
        }
      });
    })
    .default([]),
  /** 名冊: the numbers (名冊別) no source gives and the layout version of each roster (ADR 0030). */
  rosters: rosterSettingsSchema,
  /** 封存與刪除: how long a graduate's sealed portfolio is kept, and from when (SPEC §6, school rule). */
  retention: retentionSchema,
  /** Per-school enterers and certifiers of record kinds, overriding the defaults. */
  recordKinds: z
    .record(
      z.string().min(1),
      z.strictObject({
        enterers: roleList.min(1, 'name at least one role that enters this record'),
        certifiers: roleList,
      }),
    )
    .default({}),
});

export type SchoolConfig = z.infer<typeof schoolConfigSchema>;
export type SchoolConfigInput = z.input<typeof schoolConfigSchema>;

function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(config)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** Refusal of a school configuration; `problems` lists each as 'path: what is wrong'. */
export class SchoolConfigError extends Error {
  problems: string[];
  constructor(problems: string[]) {
    super(`Invalid school configuration:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'SchoolConfigError';
    this.problems = problems;
  }
}

/** Validates a school configuration, filling defaults; throws SchoolConfigError listing every problem. */
export function parseSchoolConfig(input: unknown): SchoolConfig {
  const result = schoolConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${pathText(issue.path)}: ${issue.message}`);
  throw new SchoolConfigError(problems);
}

/** A school's 自傳與學習計畫 settings with the languages filled in by the school's type. */
export function essaySettings(config: Pick<SchoolConfig, 'type' | 'rules'>): { checker: EssayChecker; maxChars: number; languages: EssayLanguage[] } {
  const { checker, maxChars, languages } = config.rules.autobiography;
  return { checker, maxChars, languages: languages ?? defaultEssayLanguages(config.type) };
}
