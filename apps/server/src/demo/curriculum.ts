import { findWindow, windowState } from '@licheng/core';
import curriculum from '@licheng/plugin-curriculum/server';
import { scheduleOf, type LichengApp } from '@licheng/server';

export const DEMO_CURRICULUM = { userId: 'demo-curriculum', name: '教學組 蔡組長' };

const SCHOOL_PART = 'E22L01';

interface DemoPlanLine {
  code: string;
  name: string;
  credits: string;
}

/** The demo's codes as roster.ts builds them: `108<school>E22L01` + 班群 + 課程類別 + 開課方式 + 科目屬性 + 領域 + 科目. */
const code = (school: string, tail: string) => `108${school}${SCHOOL_PART}${tail}`;

function planJson(planYear: number, lines: readonly DemoPlanLine[]): string {
  return JSON.stringify([
    {
      實施學年度: planYear,
      課程類型: '日間部',
      課程資料: lines.map((l) => ({ 課程代碼: l.code, 科目名稱: l.name, 授課學期學分節數: l.credits, 授課學期開課方式: l.credits.replace(/0/g, '-').replace(/[^-]/g, '1'), 課程屬性: l.code.slice(16, 17) + l.code.slice(18, 21) })),
    },
  ]);
}

/**
 * 教學組's demo: the approved plans of the two cohorts the demo term's classes follow, the classes'
 * 班群, a pre-check run, and then a second version of this year's plan — so the desk shows every
 * kind of 「不同」 and the warning that the plan changed after the last run.
 *
 * This year's cohort (101, 102), version 1, differs from the offerings on purpose: 數學 is named
 * 數學A (name ≠ 報部科目名稱), 物理 has 3 credits (the offering 2), 資訊科技 is missing (unknown
 * code), 102 is group B whose 校訂必修 專題實作 nobody takes (required course not taken, for
 * 註冊組), and 101 is group A, which the plan has no course of (class group). Last year's cohort
 * (201) matches its offerings. Version 2 adds 資訊科技 and gives 物理 its 2 credits.
 * The run goes through the office's procedure, so only while the term's pre-check window is
 * open (the demo's schedule opens it for the term); without it the plans are loaded alone.
 */
export async function seedDemoCurriculum(app: LichengApp, term: { academicYear: number; semester: number }): Promise<void> {
  const base = await app.createContext(new Request('http://demo/'));
  const school = base.config.code;
  const staff = await app.actAs({ ...DEMO_CURRICULUM, school, roles: ['curriculum-staff'] });
  const caller = curriculum.router.createCaller(staff);
  const chinese = { code: code(school, '01010101'), name: '國語文' };
  const math = { code: code(school, '01010201'), name: '數學' };
  const physics = { code: code(school, '01010402'), name: '物理' };
  const it = { code: code(school, '03010702'), name: '資訊科技' };
  const project = { code: code(school, 'B2010601'), name: '專題實作', credits: '220000' };

  const load = async (planYear: number, lines: DemoPlanLine[]) => {
    const form = new FormData();
    form.set('planYear', String(planYear));
    form.set('file', new File([planJson(planYear, lines)], `course-plan-${planYear}.json`, { type: 'application/json' }));
    await caller.plan.commit(form);
  };
  const year = term.academicYear;
  await load(year - 1, [
    { ...chinese, credits: '444444' },
    { ...math, credits: '444444' },
    { ...physics, credits: '222222' },
    { ...it, credits: '222222' },
  ]);
  await load(year, [{ ...chinese, credits: '444400' }, { ...math, name: '數學A', credits: '444400' }, { ...physics, credits: '330000' }, project]);
  await caller.classGroups.set({ academicYear: year, className: '101', classGroup: 'A' });
  await caller.classGroups.set({ academicYear: year, className: '102', classGroup: 'B' });
  const termKey = { academicYear: year, semester: term.semester as 1 | 2 };
  if (windowState(findWindow(await scheduleOf(base), 'pre-check', termKey), base.now()) === 'open') await caller.precheck.run(termKey);
  await load(year, [{ ...chinese, credits: '444400' }, { ...math, name: '數學A', credits: '444400' }, { ...physics, credits: '220000' }, { ...it, credits: '220000' }, project]);
}
