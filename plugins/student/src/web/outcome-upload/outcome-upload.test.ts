import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import type { FileField, UploadProgress } from '@licheng/ui';
import { deepActiveElement } from '@licheng/ui';
import './outcome-upload.ts';
import type { OutcomeUpload } from './outcome-upload.component.ts';
import { courseList, me, outcome, deepText } from '../testing/fixtures.ts';
import { repeatedControlNames } from '../testing/accessible-names.ts';
import { sendKeys } from '@web/test-runner-commands';

const pdf = () => new File(['%PDF-1.4\n%%EOF\n'], '報告.pdf', { type: 'application/pdf' });

describe('<licheng-outcome-upload>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  function fake(extra: Record<string, (input: unknown) => unknown> = {}, steps = 3) {
    api = installFakeApi({ 'student.courses.list': () => courseList, 'platform.me': () => me(), ...extra }, { uploadSteps: steps, stepDelayMs: 20 });
  }

  async function render(outcomeToFix: ReturnType<typeof outcome> | null = null) {
    const el = await fixture<OutcomeUpload>(html`<licheng-outcome-upload .token=${fakeToken()} .outcome=${outcomeToFix} locale="zh-TW"></licheng-outcome-upload>`);
    await waitUntil(() => el.courses !== null, 'courses never loaded');
    await el.updateComplete;
    return el;
  }

  const $ = <T extends Element>(el: OutcomeUpload, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

  async function type(el: OutcomeUpload, text: string) {
    const area = $<HTMLTextAreaElement>(el, '#summary');
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
  }

  it('offers the student’s courses by term, shows the window and the limits, and is accessible', async () => {
    fake();
    const el = await render();
    const groups = [...el.shadowRoot!.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).to.deep.equal(['114 學年度第 1 學期', '113 學年度第 2 學期']);
    expect(el.shadowRoot!.querySelector('licheng-window-banner')!.getAttribute('state')).to.equal('open');
    expect(deepText(el)).to.contain('不評定品質');
    const fields = [...el.shadowRoot!.querySelectorAll<FileField>('licheng-file-field')];
    expect(fields.map((f) => f.maxBytes)).to.deep.equal([4 * 1024 * 1024, 10 * 1024 * 1024]);
    await expect(el).to.be.accessible();
  });

  it('counts the summary live, 0 / 100, and flags going over', async () => {
    fake();
    const el = await render();
    expect($(el, '#summary-counter').textContent).to.equal('0 / 100 字');
    await type(el, '校園植物調查');
    expect($(el, '#summary-counter').textContent).to.equal('6 / 100 字');
    await type(el, '字'.repeat(95));
    expect($(el, '#summary-counter').textContent).to.equal('95 / 100 字');
    expect($(el, '.sr-only[role="status"]').textContent).to.equal('剩餘 5 字');
    await type(el, '字'.repeat(103));
    expect($(el, '#summary-counter').classList.contains('over')).to.equal(true);
    expect($(el, '.sr-only[role="status"]').textContent).to.equal('已超過 100 字上限 3 字');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await el.updateComplete;
    expect($(el, '#summary-error').textContent).to.contain('不可超過 100 字');
    expect(api.callsTo('student.outcomes.upload')).to.have.length(0);
  });

  it('refuses to send without course, summary and a file, listing the problems and focusing the first', async () => {
    fake();
    const el = await render();
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitUntil(() => deepActiveElement() === $(el, '#course'), 'course not focused');
    expect($(el, '#course').getAttribute('aria-invalid')).to.equal('true');
    const listed = [...el.shadowRoot!.querySelectorAll('ul.errors li')].map((li) => li.textContent!.trim());
    expect(listed).to.deep.equal(['請選擇課程', '請填寫成果簡述', '請至少選擇一個文件檔或影音檔']);
    await expect(el).to.be.accessible();
  });

  it('holds a summary of invisible or control characters only, as the server would, without sending', async () => {
    fake();
    const el = await render();
    await type(el, '\u200b\u200b\ufeff');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitUntil(() => $(el, '#summary-error')?.textContent?.includes('請填寫成果簡述'), 'no summary error for invisible text');
    await type(el, '報告\u0007');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitUntil(() => $(el, '#summary-error')?.textContent?.includes('U+0007'), 'no control-character error');
    expect($(el, '#summary-error').textContent).to.contain('控制字元');
    expect(api.callsTo('student.outcomes.upload')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('uploads as multipart with progress, announces completion and tells the page', async () => {
    let received: FormData | null = null;
    fake({
      'student.outcomes.upload': (input) => {
        received = input as FormData;
        return outcome({ id: 'new', course: { id: 'c-bio', code: '108999901H11A0104040001', subjectName: '生物', credits: 2, gradeLevel: 1 } });
      },
    });
    const el = await render();
    const select = $<HTMLSelectElement>(el, '#course');
    select.value = 'c-bio';
    select.dispatchEvent(new Event('change'));
    await type(el, '校園植物調查報告');
    el.shadowRoot!.querySelector<FileField>('licheng-file-field[name="document"]')!.setFile(pdf());
    await el.updateComplete;
    const progress = $<UploadProgress>(el, 'licheng-upload-progress');
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const now = progress.shadowRoot!.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
      if (now && seen.at(-1) !== now) seen.push(now);
    });
    observer.observe(progress.shadowRoot!, { subtree: true, attributes: true, childList: true });
    setTimeout(() => $<HTMLButtonElement>(el, 'button[type="submit"]').click());
    const event = (await oneEvent(el, 'licheng-outcome-uploaded')) as CustomEvent<{ outcome: { id: string }; resubmitted: boolean }>;
    observer.disconnect();
    expect(event.detail).to.deep.include({ resubmitted: false });
    expect(event.detail.outcome.id).to.equal('new');
    const [call] = api.callsTo('student.outcomes.upload');
    expect(call!.via).to.equal('xhr');
    expect(call!.headers.get('authorization')).to.match(/^Bearer /);
    expect(received!.get('courseId')).to.equal('c-bio');
    expect(received!.get('summary')).to.equal('校園植物調查報告');
    expect((received!.get('document') as File).name).to.equal('報告.pdf');
    expect(received!.get('media')).to.equal(null);
    await el.updateComplete;
    await progress.updateComplete;
    expect(seen.map(Number).some((n) => n > 0 && n < 100)).to.equal(true);
    expect(progress.shadowRoot!.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).to.equal('100');
    expect(progress.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('上傳完成');
    expect(deepText(el)).to.contain('已上傳「生物」的成果，等待任課教師認證。');
    expect($<HTMLTextAreaElement>(el, '#summary').value).to.equal('');
    // Focus lands on the outcome of the action, not at the top of the page.
    await waitUntil(() => deepActiveElement() === $(el, '#upload-done'), 'focus not on the success message');
    await expect(el).to.be.accessible();
  });

  it('shows the server’s translated refusal (e.g. a closed window)', async () => {
    fake({
      'student.outcomes.upload': () => {
        throw new FakeApiError('window-closed', '「課程學習成果上傳」的作業期間已結束', 403, { activity: 'outcome-upload' });
      },
    });
    const el = await render();
    const select = $<HTMLSelectElement>(el, '#course');
    select.value = 'c-chinese';
    select.dispatchEvent(new Event('change'));
    await type(el, '讀書心得');
    el.shadowRoot!.querySelector<FileField>('licheng-file-field[name="document"]')!.setFile(pdf());
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitUntil(() => el.failure !== '', 'no failure shown');
    await el.updateComplete;
    const notice = el.shadowRoot!.querySelector('licheng-notice[variant="error"]')!;
    expect(notice.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('作業期間已結束');
    await waitUntil(() => deepActiveElement() === notice, 'focus not on the refusal');
  });

  it('fixes a failed outcome: shows the reason, keeps files unless replaced, resubmits with the record id', async () => {
    let received: FormData | null = null;
    const failed = outcome({ id: 'o2', status: 'failed', statusReason: '請上傳本課程的作品', summary: '舊的簡述' });
    fake({
      'student.outcomes.resubmit': (input) => {
        received = input as FormData;
        return { ...failed, status: 'pending', summary: (input as FormData).get('summary') };
      },
    });
    const el = await render(failed);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.contain('修正並重新送出：國語文');
    expect(deepText(el)).to.contain('任課教師的未通過原因：請上傳本課程的作品');
    expect($<HTMLTextAreaElement>(el, '#summary').value).to.equal('舊的簡述');
    expect(el.shadowRoot!.querySelector('#course')).to.equal(null);
    await expect(el).to.be.accessible();
    await type(el, '新的簡述：本課程期末專題');
    setTimeout(() => $<HTMLButtonElement>(el, 'button[type="submit"]').click());
    const event = (await oneEvent(el, 'licheng-outcome-uploaded')) as CustomEvent<{ resubmitted: boolean }>;
    expect(event.detail.resubmitted).to.equal(true);
    expect(received!.get('recordId')).to.equal('o2');
    expect(received!.get('summary')).to.equal('新的簡述：本課程期末專題');
    expect(received!.get('document')).to.equal(null);
  });

  for (const [state, window, says] of [
    ['closed', { activity: 'outcome-upload', start: '2025-09-01', end: '2025-10-10', state: 'closed' }, /已於 114\D+10\D+10\D*截止/],
    ['not yet open', { activity: 'outcome-upload', start: '2026-02-15', end: '2026-03-10', state: 'not-yet' }, /將於 115\D+0?2\D+15\D*開始/],
    ['unscheduled', null, /尚未排定作業期程/],
  ] as const) {
    it(`is disabled before anything is typed when the upload window is ${state}, saying when and who sets it`, async () => {
      const windows = me().windows.filter((w) => w.activity !== 'outcome-upload');
      fake({ 'platform.me': () => me({ windows: window ? [window, ...windows] : windows }) });
      const el = await render();
      await waitUntil(() => el.uploadWindow !== null, 'window never loaded');
      await el.updateComplete;
      for (const control of ['#course', '#summary', 'button[type="submit"]']) expect($<HTMLButtonElement>(el, control).disabled, control).to.equal(true);
      for (const field of el.shadowRoot!.querySelectorAll<FileField>('licheng-file-field')) expect(field.disabled).to.equal(true);
      expect(deepText(el)).to.match(says);
      expect($(el, '#window-shut').textContent).to.contain('學習歷程工作小組');
      expect($(el, 'button[type="submit"]').getAttribute('aria-describedby')).to.equal('window-shut');
      expect(el.shadowRoot!.querySelector('licheng-upload-progress')!.getAttribute('state')).to.equal('idle');
      await expect(el).to.be.accessible();
    });
  }

  it('says in English when uploading opens and who sets the dates', async () => {
    fake({ 'platform.me': () => me({ windows: [{ activity: 'outcome-upload', start: '2026-02-15', end: '2026-03-10', state: 'not-yet' }] }) });
    const el = await render();
    el.locale = 'en';
    await waitUntil(() => el.uploadWindow !== null, 'window never loaded');
    await el.updateComplete;
    expect($(el, '#window-shut').textContent).to.contain('working group sets these dates');
    expect($<HTMLButtonElement>(el, 'button[type="submit"]').textContent!.trim()).to.equal('Send outcome');
  });

  it('a fix shows the file sent now with a button to open it, and sends only once something changed', async () => {
    const failed = outcome({ id: 'o2', status: 'failed', statusReason: '請上傳本課程的作品', summary: '舊的簡述' });
    fake({ 'student.outcomes.resubmit': () => ({ ...failed, status: 'pending' }) });
    const el = await render(failed);
    expect(deepText(el)).to.contain('文件檔：城南舊事讀書報告.pdf');
    expect(deepText(el)).to.contain('任課教師的未通過原因：請上傳本課程的作品');
    const open = $<HTMLButtonElement>(el, '.current-files button');
    expect(open.getAttribute('aria-label')).to.equal('開啟文件檔：城南舊事讀書報告.pdf');
    const submit = () => $<HTMLButtonElement>(el, 'button[type="submit"]');
    expect(submit().disabled).to.equal(true);
    expect(submit().getAttribute('aria-describedby')).to.equal('unchanged-hint');
    expect($(el, '#unchanged-hint').textContent).to.contain('請先修改成果簡述或選擇新的檔案');
    await expect(el).to.be.accessible();
    // Typing and then restoring the summary is no change.
    await type(el, '舊的簡述 ');
    expect(submit().disabled).to.equal(true);
    await type(el, '新的簡述');
    expect(submit().disabled).to.equal(false);
    expect(el.shadowRoot!.querySelector('#unchanged-hint')).to.equal(null);
    await type(el, '舊的簡述');
    expect(submit().disabled).to.equal(true);
    // A new file alone is a change.
    const document = el.shadowRoot!.querySelector<FileField>('licheng-file-field[name="document"]')!;
    document.setFile(pdf());
    await el.updateComplete;
    expect(submit().disabled).to.equal(false);
    document.clear();
    await el.updateComplete;
    expect(submit().disabled).to.equal(true);
    expect(api.callsTo('student.outcomes.resubmit')).to.have.length(0);
  });

  it('opens the file sent now from the keyboard, in the viewer', async () => {
    const failed = outcome({ id: 'o2', status: 'failed', statusReason: '請上傳本課程的作品', summary: '舊的簡述' });
    fake({
      'GET /api/files/f-doc': () =>
        new Response(new Blob(['%PDF-1.4'], { type: 'application/pdf' }), { headers: { 'content-type': 'application/pdf', 'content-disposition': "inline; filename*=UTF-8''%E5%A0%B1%E5%91%8A.pdf" } }),
    });
    const el = await render(failed);
    $<HTMLButtonElement>(el, '.current-files button').focus();
    await sendKeys({ press: 'Enter' });
    const viewer = $(el, 'licheng-file-viewer');
    await waitUntil(() => viewer.shadowRoot?.querySelector('iframe'), 'viewer did not open');
    expect(viewer.shadowRoot!.querySelector('iframe')!.title).to.equal('報告.pdf');
    expect(api.callsTo('/api/files/f-doc')).to.have.length(1);
    (viewer.shadowRoot!.querySelector('licheng-dialog') as HTMLElement & { close(): void }).close();
  });

  it('a fix is disabled when neither the upload nor the certification window is open', async () => {
    const failed = outcome({ id: 'o2', status: 'failed', statusReason: '請上傳本課程的作品', summary: '舊的簡述' });
    fake({ 'platform.me': () => me({ windows: [{ activity: 'outcome-upload', start: '2025-09-01', end: '2025-10-10', state: 'closed' }] }) });
    const el = await render(failed);
    await waitUntil(() => el.fixWindowOpen !== null, 'windows never loaded');
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#summary').disabled).to.equal(true);
    expect($<HTMLButtonElement>(el, 'button[type="submit"]').disabled).to.equal(true);
    expect($(el, '#window-shut').textContent).to.contain('目前不在上傳或認證期間');
  });

  it('names every control of a new upload differently, as the browser reads them', async () => {
    fake();
    await render();
    expect(await repeatedControlNames()).to.deep.equal([]);
  });

  it('names every control of a fix differently, as the browser reads them', async () => {
    fake();
    const failed = outcome({ id: 'o2', status: 'failed', statusReason: '請上傳本課程的作品', mediaFileId: 'f-media', mediaFileName: '朗讀.mp3' });
    await render(failed);
    expect(await repeatedControlNames()).to.deep.equal([]);
  });

  it('flags a file over the limit before sending', async () => {
    fake();
    const el = await render();
    const media = el.shadowRoot!.querySelector<FileField>('licheng-file-field[name="media"]')!;
    media.setFile(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'clip.mp4', { type: 'video/mp4' }));
    await media.updateComplete;
    expect(media.shadowRoot!.textContent).to.contain('超過 10 MB 的上限');
  });
});
