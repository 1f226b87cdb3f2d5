import { z } from 'zod';
import type { LocalizedText } from './errors.ts';

/**
 * The roles a user can hold; one person often holds several (a teacher is subject teacher,
 * homeroom teacher and course consultant). Office roles name the office's staff; 學務處's
 * sections (訓育組, 生輔組, 社團活動組, 體育組) have their own roles, and 'student-affairs-staff'
 * stands for the whole office.
 */
export const ROLES = [
  'student',
  'subject-teacher',
  'homeroom-teacher',
  'course-consultant',
  'registry-staff',
  'curriculum-staff',
  'student-affairs-staff',
  'activities-staff',
  'discipline-staff',
  'clubs-staff',
  'pe-staff',
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
  'activities-staff': { 'zh-TW': '學務處訓育組', en: 'Student activities section' },
  'discipline-staff': { 'zh-TW': '學務處生輔組', en: 'Student discipline section' },
  'clubs-staff': { 'zh-TW': '學務處社團活動組', en: 'Clubs section' },
  'pe-staff': { 'zh-TW': '學務處體育組', en: 'Physical education section' },
  'counseling-staff': { 'zh-TW': '輔導室', en: 'Counseling office' },
  'practicum-staff': { 'zh-TW': '實習處', en: 'Practicum office' },
  'library-staff': { 'zh-TW': '圖書館', en: 'Library' },
  'working-group': { 'zh-TW': '工作小組', en: 'Working group' },
  admin: { 'zh-TW': '系統管理者', en: 'Administrator' },
};
