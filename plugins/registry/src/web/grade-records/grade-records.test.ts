import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './grade-records.ts';
import type { GradeRecords } from './grade-records.component.ts';

describe('<licheng-grade-records>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  it('lists a term’s grades by class with each kind of taking and its context; accessible', async () => {
    api = installFakeApi({
      'platform.me': () => ({ term: { academicYear: 114, semester: 1 } }),
      'registry.grades.list': () => [
        { id: 'g1', academicYear: 114, semester: 1, take: 'make-up', courseCode: '108123456E22L0104010005', score: '70', passed: 1, makeUpScore: '-1', makeUpPassed: -1, creditCounted: 1, description: '', context: { dueYear: 113, dueSemester: 2, method: '3' }, studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1, subjectName: '物理' },
      ],
    });
    const el = await fixture<GradeRecords>(html`<licheng-grade-records .token=${fakeToken()} locale="zh-TW"></licheng-grade-records>`);
    await waitUntil(() => el.academicYear === 114);
    const root = el.shadowRoot!;
    const cls = root.querySelector<HTMLInputElement>('#grades-class')!;
    cls.value = '101';
    cls.dispatchEvent(new Event('input'));
    root.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.rows !== null);
    await waitUntil(() => deepActiveElement()?.id === 'grades-count');
    expect(api.callsTo('registry.grades.list')[0]!.input).to.deep.equal({ academicYear: 114, semester: 1, className: '101' });
    const row = root.querySelector('tbody tr')!.textContent!;
    expect(row).to.contain('補修').and.contain('dueYear 113');
    await expect(el).to.be.accessible();
  });
});
