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
      'registry.grades.list': () => ({ total: 1, page: 1, pageSize: 50, rows: [
        { id: 'g1', academicYear: 114, semester: 1, take: 'make-up', courseCode: '108123456E22L0104010005', score: '70', passed: 1, makeUpScore: '-1', makeUpPassed: -1, creditCounted: 1, description: '', context: { dueYear: 113, dueSemester: 2, method: '3' }, studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1, subjectName: '物理' },
      ] }),
    });
    const el = await fixture<GradeRecords>(html`<licheng-grade-records .token=${fakeToken()} locale="zh-TW"></licheng-grade-records>`);
    await waitUntil(() => el.academicYear === 114);
    const root = el.shadowRoot!;
    const cls = root.querySelector<HTMLInputElement>('#grades-class')!;
    cls.value = '101';
    cls.dispatchEvent(new Event('input'));
    root.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.page !== null);
    await waitUntil(() => deepActiveElement()?.id === 'grades-count');
    expect(api.callsTo('registry.grades.list')[0]!.input).to.deep.equal({ academicYear: 114, semester: 1, className: '101' });
    const row = root.querySelector('tbody tr')!.textContent!;
    expect(row).to.contain('補修').and.contain('應修課學年度 113').and.contain('補修／重修方式 3');
    expect(root.querySelector('nav')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a search made before the current term has arrived waits for it, and asks for that term', async () => {
    let answer: (value: unknown) => void = () => undefined;
    api = installFakeApi({
      'platform.me': () => new Promise((resolve) => (answer = resolve)),
      'registry.grades.list': () => ({ total: 0, page: 1, pageSize: 50, rows: [] }),
    });
    const el = await fixture<GradeRecords>(html`<licheng-grade-records .token=${fakeToken()} locale="zh-TW"></licheng-grade-records>`);
    const root = el.shadowRoot!;
    const cls = root.querySelector<HTMLInputElement>('#grades-class')!;
    cls.value = '101';
    cls.dispatchEvent(new Event('input'));
    await waitUntil(() => api.callsTo('platform.me').length === 1);
    root.querySelector('form')!.requestSubmit();
    await new Promise((r) => setTimeout(r, 50));
    expect(api.callsTo('registry.grades.list')).to.have.length(0);
    answer({ term: { academicYear: 114, semester: 2 } });
    await waitUntil(() => api.callsTo('registry.grades.list').length === 1, 'the search never ran');
    expect(api.callsTo('registry.grades.list')[0]!.input).to.deep.equal({ academicYear: 114, semester: 2, className: '101' });
    await waitUntil(() => deepActiveElement()?.id === 'grades-count');
  });

  it('pages a long term 50 at a time; 上一頁 is disabled on the first page and each page lands on its count', async () => {
    const row = (n: number) => ({ id: `g${n}`, academicYear: 114, semester: 1, take: 'term', courseCode: '108123456E22L0104010005', score: '70', passed: 1, makeUpScore: '-1', makeUpPassed: -1, creditCounted: 1, description: '', context: {}, studentNo: `S${n}`, name: `學生${n}`, className: '101', seatNo: n, subjectName: '物理' });
    api = installFakeApi({
      'platform.me': () => ({ term: { academicYear: 114, semester: 1 } }),
      'registry.grades.list': (input: any) => {
        const page = input.page ?? 1;
        return { total: 120, page, pageSize: 50, rows: Array.from({ length: page < 3 ? 50 : 20 }, (_, i) => row((page - 1) * 50 + i + 1)) };
      },
    });
    const el = await fixture<GradeRecords>(html`<licheng-grade-records .token=${fakeToken()} locale="zh-TW"></licheng-grade-records>`);
    await waitUntil(() => el.academicYear === 114);
    const root = el.shadowRoot!;
    root.querySelector('form')!.requestSubmit();
    await waitUntil(() => root.querySelector('#grades-count')?.textContent?.includes('第 1–50 筆，共 120 筆'));
    const [previous, next] = [...root.querySelectorAll<HTMLButtonElement>('nav button')];
    expect(previous!.disabled).to.equal(true);
    next!.click();
    await waitUntil(() => root.querySelector('#grades-count')?.textContent?.includes('第 51–100 筆'));
    await waitUntil(() => deepActiveElement()?.id === 'grades-count');
    root.querySelectorAll<HTMLButtonElement>('nav button')[1]!.click();
    await waitUntil(() => root.querySelector('#grades-count')?.textContent?.includes('第 101–120 筆'));
    expect(root.querySelectorAll<HTMLButtonElement>('nav button')[1]!.disabled).to.equal(true);
    expect(api.callsTo('registry.grades.list').map((c) => (c.input as any).page)).to.deep.equal([undefined, 2, 3]);
    await expect(el).to.be.accessible();
  });
});
