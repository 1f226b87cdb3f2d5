import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LichengDb } from '@licheng/db';
import workingGroup from '@licheng/plugin-working-group/server';
import type { LichengApp } from '@licheng/server';
import { openApp } from '../open-app.ts';
import { readSettings } from '../settings.ts';
import { tempDirs } from '../testing/temp.ts';
import { demoSchedule } from './schedule.ts';
import { seedDemo } from './seed.ts';
import { DEMO_WORKING_GROUP } from './working-group.ts';

const temp = tempDirs();

/**
 * The self-check of the demo school, loaded through every office's own procedures: the
 * curriculum office's pre-check and the receipt office's import, confirmation and issue reach
 * the working group only through the audit trail (ADR 0025), so this pins what those offices
 * write from both sides.
 */
describe('the demo school’s self-check', () => {
  let app: LichengApp;
  let db: LichengDb;

  beforeEach(async () => {
    const now = new Date('2026-11-27T04:00:00Z');
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make() });
    settings.config = { ...settings.config, schedule: demoSchedule(now) };
    ({ app, db } = await openApp(settings, () => now));
  });
  afterEach(async () => {
    await db?.destroy();
    temp.cleanup();
  });

  it('fills itself from the data the offices entered', async () => {
    expect(await seedDemo(app)).toBe(true);
    const caller = workingGroup.router.createCaller(await app.actAs({ ...DEMO_WORKING_GROUP, school: app.config.code, roles: ['working-group'] }));
    const now = await caller.selfCheck.get({});
    const item = (view: typeof now, id: string) => view.items.find((i) => i.id === id)!;
    const figures = (view: typeof now, id: string) => Object.fromEntries(item(view, id).auto!.figures.map((f) => [f.label, f.value]));
    const state = (view: typeof now, id: string) => item(view, id).auto?.state;
    // 115-1, today: the curriculum office ran its pre-check on 11/27, past the 4 weeks from 8/01.
    expect(state(now, 'precheck-4-weeks')).toBe('not-met');
    expect(figures(now, 'precheck-4-weeks')).toEqual({ '第 1 次比對日期': '2026-11-27', 期限: '2026-08-28', 本學期比對次數: '1' });
    // Outcomes pending while the certification window is open: not yet due; who is behind first.
    expect(state(now, 'certification')).toBe('not-yet');
    expect(figures(now, 'certification')).toEqual({ 全校認證率: '18%', 待認證: '9', 教師人數: '4' });
    expect(item(now, 'certification').auto!.rows!.rows[0]).toEqual(['王美玲', '5', '1', '1', '3', '40%']);
    expect(figures(now, 'selection')).toEqual({ 全校勾選率: '4%', 已勾選學生: '1 / 25' });
    expect(item(now, 'selection').auto!.rows!.rows.at(-1)).toEqual(['101', '8', '1', '2', '13%']);
    // The demo schedule opens 9 kinds of work, each with a self-check date; receipt confirmation waits for the receipt.
    expect(figures(now, 'schedule-published')).toEqual({ 已排定作業項目: '9 / 10', '尚未排定（另行公告）': '收訖明細確認', 未訂自我檢核日期的期程: '0 / 9' });
    expect(state(now, 'group-leads')).toBe('met');
    expect(state(now, 'group-meeting')).toBe('not-yet');
    expect(state(now, 'receipt-window')).toBe('no-data');
    // 114-2, last term: the registry's receipt for class 101, its window from yesterday for 8 days;
    // one student confirmed the cadre roster, another raised an issue.
    const last = await caller.selfCheck.get({ academicYear: 114, semester: 2 });
    expect(state(last, 'receipt-window')).toBe('met');
    expect(figures(last, 'receipt-window')).toEqual({ '第 1 批確認期間': '2026-11-26–2026-12-03（8 日）' });
    expect(state(last, 'receipt-confirmed')).toBe('not-met');
    expect(figures(last, 'receipt-confirmed')).toEqual({ 明細筆數: '10', 學生已確認: '1（10%）', 視同確認: '0', 確認期間中未確認: '8', 疑義未處理: '1' });
    expect([state(last, 'group-meeting'), state(last, 'group-trainings')]).toEqual(['met', 'met']);
  });
});
