import { defineManifest } from '@licheng/server/manifest';

/** 註冊組 — the registry office: imports the roster from the school system and submits rosters (名冊) to the central database. */
export default defineManifest({
  id: 'registry',
  office: { 'zh-TW': '註冊組', en: 'Registry' },
  /** Staff and admins use the desk; students see their own grades and raise appeals during the grade check (成績複查). */
  roles: ['registry-staff', 'admin', 'student'],
  labels: { student: { 'zh-TW': '我的成績', en: 'My grades' } },
});
