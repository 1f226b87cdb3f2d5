import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { decideRecord, loadRecord, reopenRecord } from '@licheng/server';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, users, type TestLicheng } from '@licheng/server/testing';
import student from './index.ts';

describe.each(testDialects())('a decision taken back, as the student sees it, on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('lists a reopened outcome as pending with the reason, unselected; a pending one never carries a reason', async () => {
    t = await createTestLicheng({ dialect, plugins: [student], config: { schedule: openSchedule } });
    const { courseIds } = await seedRoster(t);
    const ids: string[] = [];
    for (const summary of ['紅樓夢人物分析', '詩經選讀']) {
      const form = new FormData();
      form.append('courseId', courseIds['國語文']!);
      form.append('summary', summary);
      form.append('document', fakeFile('pdf', 900 + ids.length));
      ids.push((await t.upload('student.outcomes.upload', form, users.chen)).data.id);
    }
    // The teacher passes, the student selects it, the teacher takes the decision back.
    const teacher = await t.app.actAs({ ...users.wang, school: t.config.code });
    await decideRecord(teacher, await loadRecord(teacher, ids[0]!), { decision: 'pass' });
    expect((await t.mutate('student.selections.save', { academicYear: 114, recordIds: [ids[0]] }, users.chen)).error).toBeNull();
    await reopenRecord(teacher, await loadRecord(teacher, ids[0]!), '誤按通過，重新認證');

    const list = (await t.query('student.outcomes.list', undefined, users.chen)).data as any[];
    expect(list.find((o) => o.id === ids[0])).toMatchObject({ status: 'pending', reopenReason: '誤按通過，重新認證', selected: false, decidedByName: null });
    expect(list.find((o) => o.id === ids[1])).toMatchObject({ status: 'pending', reopenReason: null });
    expect((await t.query('student.selections.get', { academicYear: 114 }, users.chen)).data.recordIds).toEqual([]);
  });
});
