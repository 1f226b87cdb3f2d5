import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './autobiography-editor.ts';
import type { AutobiographyEditor } from './autobiography-editor.component.ts';

const settings = { checker: 'homeroom-teacher', maxChars: 20, languages: ['zh'] };
const openWindow = { state: 'open', start: '2025-08-01', end: '2026-07-31' };
const version = (number: number, text: string, over: Record<string, unknown> = {}) => ({ number, charCount: [...text].length, savedAt: '2025-10-01T04:00:00.000Z', savedByName: '陳小明', restoredFrom: null, text, sections: null, ...over });

describe('<licheng-autobiography-editor>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  /** A fake office holding one autobiography with `texts` saved (newest last). */
  function office(texts: string[], status = 'draft', window = openWindow) {
    const state = { texts: [...texts], status, submitted: (status === 'returned' ? texts.length : null) as number | null };
    const doc = () => (state.texts.length ? { id: 'd1', kind: 'autobiography', language: 'zh', status: state.status, latestVersion: state.texts.length, submittedVersion: state.submitted, submittedAt: null } : null);
    api = installFakeApi({
      'autobiography.documents.mine': () => ({
        settings,
        window,
        documents: [
          { ...(doc() ?? { id: null, kind: 'autobiography', language: 'zh', status: 'new', latestVersion: 0, submittedVersion: null, submittedAt: null }), standing: state.status === 'returned' ? { id: 'c1', version: 1, decision: 'returned', comment: '請補充志向', decidedByName: '王老師', decidedAt: '2025-10-02T04:00:00.000Z', reopenedAt: null, reopenReason: null } : null },
          { id: null, kind: 'study-plan', language: 'zh', status: 'new', latestVersion: 0, submittedVersion: null, submittedAt: null, standing: null },
        ],
      }),
      'autobiography.documents.get': (input) => {
        if ((input as { kind: string }).kind === 'study-plan') return { document: null, latest: null, versions: [], checks: [] };
        const d = doc();
        return { document: d, latest: d ? version(state.texts.length, state.texts.at(-1)!) : null, versions: state.texts.map((x, i) => version(i + 1, x)).reverse(), checks: [] };
      },
      'autobiography.versions.get': (input) => version((input as { number: number }).number, state.texts[(input as { number: number }).number - 1]!),
      'autobiography.drafts.save': (input) => {
        const i = input as { baseVersion: number; text: string };
        if (i.baseVersion !== state.texts.length) throw new FakeApiError('version-conflict', '此文件已有較新的版本', 409, { latest: state.texts.length });
        state.texts.push(i.text);
        state.status = 'draft';
        return { document: doc(), version: version(state.texts.length, i.text) };
      },
      'autobiography.drafts.restore': (input) => {
        state.texts.push(state.texts[(input as { number: number }).number - 1]!);
        return { document: doc(), version: version(state.texts.length, state.texts.at(-1)!, { restoredFrom: (input as { number: number }).number }) };
      },
      'autobiography.submissions.submit': () => {
        state.status = 'submitted';
        state.submitted = state.texts.length;
        return { ...doc(), submittedVersion: state.texts.length };
      },
      'autobiography.submissions.cancel': () => {
        state.status = 'draft';
        state.submitted = null;
        return doc();
      },
    });
    return state;
  }

  async function render() {
    const el = await fixture<AutobiographyEditor>(html`<licheng-autobiography-editor .token=${fakeToken()}></licheng-autobiography-editor>`);
    await waitUntil(() => el.mine !== null && el.detail !== null, 'never loaded', { timeout: 5000 });
    await el.updateComplete;
    return el;
  }
  const $ = <T extends Element = HTMLElement>(el: AutobiographyEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector as any) as T;
  async function type(el: AutobiographyEditor, text: string) {
    const area = $<HTMLTextAreaElement>(el, '#essay-text');
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
  }

  it('counts characters as typed against the school’s limit, and refuses to save beyond it with the reason shown', async () => {
    office([]);
    const el = await render();
    expect($(el, '#counter').textContent).to.equal('0 / 20 字');
    expect($(el, '#counter').getAttribute('aria-live')).to.equal('polite');
    expect($<HTMLButtonElement>(el, '#save').disabled).to.equal(true);
    await type(el, '我😀'.repeat(11));
    expect($(el, '#counter').textContent).to.equal('22 / 20 字');
    expect($<HTMLButtonElement>(el, '#save').disabled).to.equal(true);
    expect($(el, '#save-why').textContent).to.contain('超過 2 字');
    await expect(el).to.be.accessible();
  });

  it('saves a draft as a new version, lists it, and takes focus to the message', async () => {
    office(['第一稿']);
    const el = await render();
    await type(el, '第二稿');
    expect($<HTMLButtonElement>(el, '#submit').disabled).to.equal(true);
    expect($(el, '#submit-why').textContent).to.contain('請先儲存草稿');
    $<HTMLButtonElement>(el, '#save').click();
    await waitUntil(() => api.callsTo('autobiography.drafts.save').length === 1 && el.note.text !== '');
    expect(api.callsTo('autobiography.drafts.save')[0]!.input).to.deep.equal({ kind: 'autobiography', language: 'zh', baseVersion: 1, text: '第二稿' });
    await waitUntil(() => deepActiveElement()?.id === 'editor-note', 'focus never reached the message');
    expect(el.note.text).to.equal('已儲存第 2 版草稿（3 字）');
    expect(el.shadowRoot!.querySelectorAll('ol.versions li').length).to.equal(2);
    expect($<HTMLButtonElement>(el, '#submit').disabled).to.equal(false);
  });

  it('keeps the text when another window saved first, and says so', async () => {
    const state = office(['第一稿']);
    const el = await render();
    state.texts.push('別的視窗存的');
    await type(el, '我這邊寫的');
    $<HTMLButtonElement>(el, '#save').click();
    await waitUntil(() => el.note.variant === 'warning', 'no conflict message');
    expect(el.note.text).to.contain('較新的第 2 版');
    expect($<HTMLTextAreaElement>(el, '#essay-text').value).to.equal('我這邊寫的');
    await waitUntil(() => deepActiveElement()?.id === 'editor-note');
  });

  it('submits, locks the editor with the reason, and lets the submission be taken back', async () => {
    office(['第一稿']);
    const el = await render();
    $<HTMLButtonElement>(el, '#submit').click();
    await waitUntil(() => el.note.text.startsWith('已送出'));
    expect(el.note.text).to.equal('已送出第 1 版給導師檢核');
    expect($<HTMLTextAreaElement>(el, '#essay-text').disabled).to.equal(true);
    expect($(el, '#locked-reason').textContent).to.contain('已送出檢核');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '#cancel-submit').click();
    await waitUntil(() => el.note.text === '已取消送出，文件回到草稿');
    expect($<HTMLTextAreaElement>(el, '#essay-text').disabled).to.equal(false);
  });

  it('shows the checker’s comment on a returned document', async () => {
    office(['第一稿'], 'returned');
    const el = await render();
    expect($(el, '#status-line').textContent).to.equal('狀態：退回修改');
    expect($(el, '#standing').textContent).to.contain('請補充志向');
    expect($<HTMLButtonElement>(el, '#submit').disabled).to.equal(true);
    expect($(el, '#submit-why').textContent).to.contain('請依意見修改');
  });

  it('views an earlier version, returns focus to 檢視 on closing, and restores it as a new draft', async () => {
    office(['第一稿', '第二稿']);
    const el = await render();
    const view = el.shadowRoot!.querySelector<HTMLButtonElement>('#version-1 button')!;
    view.click();
    await waitUntil(() => deepActiveElement()?.id === 'viewing-heading', 'focus never reached the version');
    expect(el.shadowRoot!.querySelector('pre')!.textContent).to.equal('第一稿');
    await expect(el).to.be.accessible();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === '關閉')!.click();
    await waitUntil(() => deepActiveElement() === view, 'focus did not return to 檢視');
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('#version-1 button')[1]!.click();
    await waitUntil(() => el.note.text !== '');
    expect(el.note.text).to.equal('已以第 1 版為新草稿，存為第 3 版');
    expect($<HTMLTextAreaElement>(el, '#essay-text').value).to.equal('第一稿');
  });

  it('disables writing outside the window with the reason shown before typing', async () => {
    office(['第一稿'], 'draft', { state: 'closed', start: '2025-08-01', end: '2025-09-30' });
    const el = await render();
    expect($<HTMLTextAreaElement>(el, '#essay-text').disabled).to.equal(true);
    expect($(el, '#locked-reason').textContent).to.contain('撰寫期間未開放');
    expect($<HTMLButtonElement>(el, '#save').disabled).to.equal(true);
  });

  it('switches documents with the arrow keys, a study plan in its headed sections', async () => {
    office([]);
    const el = await render();
    $(el, '#tab-autobiography-zh').focus();
    $(el, '[role="tablist"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await waitUntil(() => deepActiveElement()?.id === 'tab-study-plan-zh', 'focus never moved to the next tab');
    expect([...el.shadowRoot!.querySelectorAll('.section label')].map((l) => l.textContent)).to.deep.equal(['自我介紹', '生涯規劃', '自我期許', '專長', '興趣']);
    await expect(el).to.be.accessible();
  });
});
