import { defineManifest } from '@licheng/server/manifest';

/** 任課教師 — subject teachers certify (認證) the outcomes of students in their courses. */
export default defineManifest({
  id: 'teaching',
  office: { 'zh-TW': '任課教師認證', en: 'Subject teachers' },
  roles: ['subject-teacher'],
});
