import { academicTermOf, findWindow, taipeiDate, windowState } from '@licheng/core';
import registry from '@licheng/plugin-registry/server';
import { scheduleOf, type LichengApp } from '@licheng/server';

/**
 * When the registry office is on and the roster-submission window is open (the demo's schedule
 * opens it): the registry builds this term's 24 校內幹部經歷 roster (the cadres 學務處 registered)
 * and marks it submitted, so 名冊提交 shows a submission snapshot with its SHA-256 in the
 * roster's history and 與上次提交的差異 has something to compare with. Through the office's own
 * procedures. Nothing is selected (勾選) for it, so the students' selections stay as they were.
 */
export async function seedDemoSubmission(app: LichengApp): Promise<void> {
  if (!app.plugins.some((p) => p.id === 'registry')) return;
  const office = await app.actAs({ userId: 'demo-registry', name: '註冊組 林組長', school: app.config.code, roles: ['registry-staff'] });
  const now = office.now();
  const term = academicTermOf(taipeiDate(now));
  if (windowState(findWindow(await scheduleOf(office), 'roster-submission', term), now) !== 'open') return;
  const caller = registry.router.createCaller(office);
  const built = await caller.rosters.export({ academicYear: term.academicYear, semester: term.semester, roster: 'cadres', batch: 'regular' });
  await caller.rosters.submit({ exportId: built.fileId });
}
