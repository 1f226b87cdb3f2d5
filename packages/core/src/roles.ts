import { z } from 'zod';
import type { LocalizedText } from './errors.ts';

/**
 * The roles a user can hold; one person often holds several (a teacher is subject teacher,
 * homeroom teacher and course consultant). Office roles name the office's staff.
 */
export const ROLES = [
  'student',
  'subject-teacher',
  'homeroom-teacher',
  'course-consultant',
  'registry-staff',
  'curriculum-staff',
  'student-affairs-staff',
  'counseling-staff',
  'practicum-staff',
  'library-staff',
  'working-group',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

// Pure: a screen that needs only the labels does not bundle zod.
export const roleSchema = /* @__PURE__ */ z.enum(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const roleLabels: Record<Role, LocalizedText> = {
  student: { 'zh-TW': '學生', en: 'Student' },
  'subject-teacher': { 'zh-TW': '任課教師', en: 'Subject teacher' },
  'homeroom-teacher': { 'zh-TW': '導師', en: 'Homeroom teacher' },
  'course-consultant': { 'zh-TW': '課程諮詢教師', en: 'Course consultant' },
  'registry-staff': { 'zh-TW': '註冊組', en: 'Registry office' },
  'curriculum-staff': { 'zh-TW': '教學組', en: 'Curriculum office' },
  'student-affairs-staff': { 'zh-TW': '學務處', en: 'Student affairs office' },
  'counseling-staff': { 'zh-TW': '輔導室', en: 'Counseling office' },
  'practicum-staff': { 'zh-TW': '實習處', en: 'Practicum office' },
  'library-staff': { 'zh-TW': '圖書館', en: 'Library' },
  'working-group': { 'zh-TW': '工作小組', en: 'Working group' },
  admin: { 'zh-TW': '系統管理者', en: 'Administrator' },
};
