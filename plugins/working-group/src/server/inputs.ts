import { ATTENDANCE_STATES, GROUP_ROLES, isIsoDate, TRAINING_KINDS } from '@licheng/core';
import { z } from 'zod';

/** Input fields shared by the group's procedures. */

/** A date as the screens send it: ISO 'YYYY-MM-DD' (the date field reads 民國 dates into it). */
export const isoDateField = z.string().refine(isIsoDate, { message: 'expected a real date written YYYY-MM-DD' });
export const idField = z.string().min(1).max(64);
export const semesterField = z.union([z.literal(1), z.literal(2)]);
export const groupRoleField = z.enum(GROUP_ROLES);
export const attendanceStateField = z.enum(ATTENDANCE_STATES);
export const trainingKindField = z.enum(TRAINING_KINDS);

/** A line of text a person typed: trimmed, not empty, at most `max` characters. */
export const line = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: trimmed, empty allowed. */
export const optionalText = (max: number) => z.string().trim().max(max).default('');
