import { defineManifest } from '@licheng/server/manifest';

/** 註冊組 — the registry office: imports the roster from the school system and submits rosters (名冊) to the central database. */
export default defineManifest({
  id: 'registry',
  office: { 'zh-TW': '註冊組', en: 'Registry' },
  roles: ['registry-staff', 'admin'],
});
