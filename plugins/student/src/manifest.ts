import { defineManifest } from '@licheng/server/manifest';

/** 學生 — the student's own desk: upload course learning outcomes, fix and resubmit, select. */
export default defineManifest({
  id: 'student',
  office: { 'zh-TW': '學生', en: 'Student' },
  roles: ['student'],
});
