import { ACTIVITIES, isIsoDate, reminderLeadDaysSchema, type ScheduleWindow } from '@licheng/core';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';

/**
 * The zod schemas of the schedule editor's procedures. Refusals carry catalogue codes, so the
 * user reads them in zh-TW or English (「請填寫結束日，或設定為相對於另一項作業期程」).
 */

const isoDate = (field: string) =>
  z
    .string()
    .max(10)
    .superRefine((value, ctx) => {
      if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: 'schedule-date-invalid', params: { field }, input: value });
    });

const names = (max: number) => z.array(z.string().trim().min(1).max(max)).min(1).max(200);

/** A date relative to another window: its start or end moved by whole days (-366 to 366). */
export const relativeDateInput = z.object({
  anchor: z.string().min(1).max(36),
  edge: z.enum(['start', 'end']),
  offsetDays: z.number().int().min(-366).max(366),
});

const windowFields = z.object({
    activity: z.enum(ACTIVITIES),
    academicYear: academicYearSchema,
    semester: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    start: isoDate('start').optional(),
    end: isoDate('end').optional(),
    startFrom: relativeDateInput.optional(),
    endFrom: relativeDateInput.optional(),
    /** 年級 1–3; absent = every grade. */
    grades: z.array(z.number().int().min(1).max(3)).min(1).max(3).optional(),
    /** 班級, staggered by class; absent = every class. */
    classes: names(32).optional(),
    /** Record kinds (uploads per kind); absent = every kind. */
    recordKinds: names(40).optional(),
    /** 自我檢核日期. */
    selfCheck: isoDate('selfCheck').optional(),
    /** 名冊別 / 梯次, as the school writes it. */
    qualifier: z.string().trim().min(1).max(60).optional(),
    /** 提醒 — days before the end on which those with work left are reminded; absent = 7 and 1. */
    reminderLeadDays: z
      .array(z.unknown())
      .max(10)
      .superRefine((value, ctx) => {
        if (!reminderLeadDaysSchema.safeParse(value).success) ctx.addIssue({ code: 'custom', message: 'schedule-reminder-leads-invalid', params: { max: 60, count: 5 }, input: value });
      })
      .transform((value) => value as number[])
      .optional(),
});

const needs =
  (fields: readonly ('start' | 'end')[]) =>
  (w: z.infer<typeof windowFields>, ctx: z.RefinementCtx): void => {
    for (const field of fields) {
      if (w[field] === undefined && w[`${field}From`] === undefined) ctx.addIssue({ code: 'custom', message: 'schedule-date-missing', params: { field }, path: [field] });
    }
  };

/** One window as the working group sets it: concrete dates, or dates relative to another window. */
export const windowInput = windowFields.superRefine(needs(['start', 'end']));

/** A window whose load is asked for: only its end matters, so the start may still be blank. */
export const loadWindowInput = windowFields.superRefine(needs(['end']));

export type WindowInput = z.infer<typeof windowFields>;

/** The input as a core window; a relative date's own value is filled in when resolved. */
export function windowOfInput(input: WindowInput, id: string): ScheduleWindow {
  const sorted = <T>(xs: T[] | undefined) => (xs ? [...new Set(xs)].sort() : undefined);
  return {
    id,
    activity: input.activity,
    academicYear: input.academicYear,
    semester: input.semester,
    start: input.start ?? '',
    end: input.end ?? '',
    grades: input.grades ? [...new Set(input.grades)].sort((a, b) => a - b) : undefined,
    classes: sorted(input.classes),
    recordKinds: sorted(input.recordKinds),
    selfCheck: input.selfCheck,
    qualifier: input.qualifier,
    startFrom: input.startFrom,
    endFrom: input.endFrom,
    reminderLeadDays: input.reminderLeadDays,
  };
}

/** Which stored window, at which version (optimistic check: another change in between is refused). */
export const windowVersionInput = z.object({ id: z.string().min(1).max(36), version: z.number().int().min(1) });
