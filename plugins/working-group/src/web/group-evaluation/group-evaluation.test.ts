import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './group-evaluation.ts';
import type { GroupEvaluation } from './group-evaluation.component.ts';
import type { EvaluationOverview } from '../group-api.ts';
import { overview115, proposal } from '../testing/evaluation-fixtures.ts';

const OVERVIEW = 'working-group.evaluation.overview';
const PROPOSE = 'working-group.evaluation.propose';
const WITHDRAW = 'working-group.evaluation.withdraw';
const DECIDE = 'working-group.evaluation.decide';

const $ = <T extends Element = HTMLElement>(el: GroupEvaluation, s: string) => el.shadowRoot!.querySelector<T>(s)!;
const noteText = (el: GroupEvaluation) => ($(el, '#evaluation-note') as HTMLElement & { message: string }).message;
const text = (n: Element) => n.textContent!.replace(/\s+/g, ' ').trim();

describe('<licheng-group-evaluation>', () => {
  let api: FakeApi;
  afterEach(async () => {
    api?.restore();
    await setViewport({ width: 1280, height: 800 });
  });

  async function mount(data: EvaluationOverview, extra: Record<string, (input: any) => unknown> = {}) {
    let current = data;
    api = installFakeApi({ [OVERVIEW]: () => current, ...extra });
    const el = await fixture<GroupEvaluation>(html`<licheng-group-evaluation .token=${fakeToken()} locale="zh-TW"></licheng-group-evaluation>`);
    await waitUntil(() => el.list !== null, 'never loaded');
    await el.updateComplete;
    return { el, set: (next: EvaluationOverview) => (current = next) };
  }

  it('shows the figures per person and office with tables, the proposals and the rule, and is accessible', async () => {
    const { el } = await mount(overview115());
    expect($(el, 'h2').textContent).to.equal('成效評核及獎勵');
    expect(text($(el, '#people tbody tr'))).to.contain('王老師 任課教師 40 38 95%');
    expect(text($(el, '#offices'))).to.contain('第 1 學期 116/02/09');
    expect(text($(el, '#offices'))).to.contain('第 2 學期 未辦理');
    expect(text($(el, '#offices'))).to.contain('1／2');
    expect(text($(el, '#proposals tbody tr'))).to.contain('陳老師（人員） 嘉獎一次 認證如期完成 待議決');
    expect(text($(el, 'details'))).to.contain('001 補充規定 陸、成效評核與獎勵');
    expect(text($(el, '#evaluation-state'))).to.contain('執行秘書：李主任');
    await expect(el).to.be.accessible();
  });

  it('disables proposing with the reason shown outside semester 2 and for anyone but the executive secretary', async () => {
    const reason = '115 學年度的成效評核及獎勵於該學年度第 2 學期辦理，現在不能提出建議或議決';
    const { el } = await mount(overview115({ phase: 'before', closedReason: reason, figures: null, isSecretary: true }));
    expect(text($(el, '#evaluation-state'))).to.contain(reason);
    expect($<HTMLButtonElement>(el, '#propose-other').disabled).to.equal(true);
    expect($<HTMLButtonElement>(el, '#propose-other').getAttribute('aria-describedby')).to.equal('evaluation-state');
    expect($<HTMLButtonElement>(el, '#decide-p1').disabled).to.equal(true);
    expect($(el, '#people')).to.equal(null);
    const other = await mount(overview115({ isSecretary: false }));
    expect(text($(other.el, '#evaluation-state'))).to.contain('只有執行秘書（李主任）可以提出或撤回敘獎建議');
    expect($<HTMLButtonElement>(other.el, '#people button').disabled).to.equal(true);
    expect($<HTMLButtonElement>(other.el, '#decide-p1').disabled).to.equal(false);
  });

  it('proposes from a person’s row by keyboard, focus on the form then on the outcome', async () => {
    const { el, set } = await mount(overview115(), {
      [PROPOSE]: (input) => {
        const saved = proposal({ id: 'p2', ...input });
        set(overview115({ proposals: [...overview115().proposals, saved] }));
        return saved;
      },
    });
    $<HTMLButtonElement>(el, '#people button').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement()?.id === 'proposal-heading');
    expect($<HTMLInputElement>(el, '#subject-name').value).to.equal('王老師');
    const level = $<HTMLSelectElement>(el, '#proposal-level');
    level.value = 'merit';
    level.dispatchEvent(new Event('change'));
    $<HTMLTextAreaElement>(el, '#proposal-reason').focus();
    await sendKeys({ type: '期限內認證 95%' });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    $<HTMLTextAreaElement>(el, '#proposal-reason').dispatchEvent(new Event('input'));
    $<HTMLFormElement>(el, '#proposal-form').requestSubmit();
    await waitUntil(() => api.callsTo(PROPOSE).length === 1);
    expect(api.callsTo(PROPOSE)[0]!.input).to.deep.equal({ academicYear: 115, subjectKind: 'person', subjectId: 't-wang', subjectName: '王老師', level: 'merit', times: 1, reason: '期限內認證 95%' });
    await waitUntil(() => deepActiveElement()?.id === 'evaluation-note');
    expect(noteText(el)).to.equal('已送出對 王老師 的敘獎建議：記功一次。');
    expect($(el, '#proposal-form')).to.equal(null);
    expect($(el, '#proposals tr.fresh')).to.not.equal(null);
  });

  it('records the group’s decision (changed) at a meeting, and shows a refusal in the notice', async () => {
    let refuse = true;
    const { el, set } = await mount(overview115(), {
      [DECIDE]: (input) => {
        if (refuse) throw new FakeApiError('wg-award-decided', '這項敘獎建議已有工作小組的決議，不能再議決、修改或撤回', 409);
        const decided = proposal({ id: 'p1', subjectName: '陳老師', decision: { outcome: 'changed', level: input.level, times: input.times, meetingId: 'm1', meetingDate: '2027-03-05', note: '', decidedByName: '李主任', decidedAt: '2027-03-10T02:00:00.000Z' } });
        set(overview115({ proposals: [decided] }));
        return decided;
      },
    });
    $<HTMLButtonElement>(el, '#decide-p1').click();
    await waitUntil(() => deepActiveElement()?.id === 'decision-heading');
    $<HTMLInputElement>(el, 'input[name="outcome"][value="changed"]').click();
    await el.updateComplete;
    const times = $<HTMLSelectElement>(el, '#decision-times');
    times.value = '2';
    times.dispatchEvent(new Event('change'));
    $<HTMLFormElement>(el, '#decision-form').requestSubmit();
    await waitUntil(() => deepActiveElement()?.id === 'evaluation-note');
    expect(noteText(el)).to.contain('這項敘獎建議已有工作小組的決議');
    expect($(el, '#decision-form')).to.not.equal(null);
    refuse = false;
    $<HTMLFormElement>(el, '#decision-form').requestSubmit();
    await waitUntil(() => api.callsTo(DECIDE).length === 2 && $(el, '#decision-form') === null);
    expect(api.callsTo(DECIDE)[1]!.input).to.deep.equal({ proposalId: 'p1', outcome: 'changed', meetingId: 'm1', note: '', level: 'commendation', times: 2 });
    await waitUntil(() => noteText(el).startsWith('已記錄'));
    expect(noteText(el)).to.equal('已記錄對 陳老師 的決議：改列：嘉獎二次（116/03/05 會議）。');
    expect(deepActiveElement()?.id).to.equal('evaluation-note');
  });

  it('withdraws a proposal and restores it from its row (a mis-click is undone)', async () => {
    const { el, set } = await mount(overview115(), {
      [WITHDRAW]: (input) => {
        set(overview115({ proposals: [proposal({ id: 'p1', subjectName: '陳老師', withdrawnAt: input.withdrawn ? '2027-03-10T02:00:00.000Z' : null })] }));
        return {};
      },
    });
    ($(el, '#proposals').querySelector('button[aria-label^="撤回"]') as HTMLButtonElement).click();
    await waitUntil(() => deepActiveElement()?.id === 'evaluation-note');
    expect(noteText(el)).to.contain('已撤回對 陳老師 的建議');
    expect(text($(el, '#proposals tbody tr'))).to.contain('已撤回');
    ($(el, '#proposals').querySelector('button[aria-label^="復原"]') as HTMLButtonElement).click();
    await waitUntil(() => noteText(el) === '已復原對 陳老師 的建議。');
    expect(api.callsTo(WITHDRAW).map((c) => (c.input as any).withdrawn)).to.deep.equal([true, false]);
  });

  it('reads at 390 px as cards', async () => {
    await setViewport({ width: 390, height: 800 });
    const { el } = await mount(overview115());
    expect(el.getBoundingClientRect().width).to.be.at.most(390);
    await expect(el).to.be.accessible();
  });
});
