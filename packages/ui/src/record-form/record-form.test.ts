import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import './record-form.ts';
import type { RecordForm } from './record-form.component.ts';
import type { FileField } from '../file-field/file-field.component.ts';
import type { RecordSubmission } from '../record-fields/record-fields.ts';
import { deepActiveElement } from '../base/licheng-element.ts';
import { competitionKind, competitionRows, serviceKind } from '../testing/record-kinds.ts';

const $ = <E extends Element = HTMLElement>(el: RecordForm, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;

async function type(el: RecordForm, selector: string, text: string) {
  $<HTMLElement>(el, selector).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<licheng-record-form>', () => {
  beforeEach(() => setViewport({ width: 1280, height: 900 }));

  it('draws a kind’s fields: labels, required marks, radios for short code lists, a 民國 date field, file slots', async () => {
    const el = await fixture<RecordForm>(html`<licheng-record-form locale="zh-TW" .kind=${competitionKind}></licheng-record-form>`);
    expect($(el, 'h2').textContent).to.equal('新增競賽參與紀錄');
    expect($(el, 'label[for="name"]').textContent).to.contain('競賽名稱');
    expect($(el, 'label[for="name"] .required')).to.exist;
    expect($(el, 'label[for="event"] .required')).to.equal(null);
    const levels = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="level"]');
    expect(Array.from(levels).map((r) => r.parentElement!.textContent!.trim())).to.deep.equal(['校級', '縣市級', '全國', '國際']);
    expect($(el, 'licheng-date-field[data-key="announced"]').getAttribute('label')).to.equal('結果公布日期');
    expect(el.shadowRoot!.querySelectorAll('licheng-file-field')).to.have.length(2);
    expect($(el, '#_videoLink')).to.exist;
    expect($(el, '#_summary-counter').textContent).to.equal('0 / 100 字');
    await expect(el).to.be.accessible();
  });

  it('refuses what is missing or wrong at each field, lists it at the top and focuses the first', async () => {
    const el = await fixture<RecordForm>(html`<licheng-record-form locale="zh-TW" .kind=${serviceKind}></licheng-record-form>`);
    let sent = false;
    el.addEventListener('licheng-record-submit', () => (sent = true));
    await type(el, '#hours', '0.2');
    await el.submit();
    expect(sent).to.equal(false);
    const name = $<HTMLInputElement>(el, '#name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(name.getAttribute('aria-describedby')).to.contain('name-error');
    expect($(el, '#name-error').textContent).to.equal('請填寫服務名稱');
    expect($(el, '#hours-error').textContent).to.equal('時數請輸入 0.5 至 500 的數字');
    expect(deepActiveElement()).to.equal(name);
    const listed = Array.from(el.shadowRoot!.querySelectorAll('ul.errors a')).map((a) => a.textContent);
    expect(listed).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('counts characters and refuses text over the limit', async () => {
    const el = await fixture<RecordForm>(html`<licheng-record-form locale="zh-TW" .kind=${competitionKind}></licheng-record-form>`);
    await type(el, '#_summary', '專'.repeat(101));
    expect($(el, '#_summary-counter').textContent).to.equal('101 / 100 字');
    expect($(el, '#_summary-counter').classList.contains('over')).to.equal(true);
    await el.submit();
    expect($(el, '#_summary-error').textContent).to.equal('內容簡述最多 100 字，目前 101 字');
  });

  it('sends data by keyboard: ISO date from a 民國 date, codes, the student and the term', async () => {
    const el = await fixture<RecordForm>(html`<licheng-record-form locale="zh-TW" ask-student default-year="114" default-semester="1" .kind=${competitionKind}></licheng-record-form>`);
    expect($<HTMLInputElement>(el, '#_academicYear').value).to.equal('114');
    await type(el, '#_studentNo', '110001');
    await type(el, '#name', '全國專題製作競賽');
    // Radios by keyboard: focus the group's first radio and move with the arrow keys.
    $<HTMLInputElement>(el, '#level').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    $<HTMLInputElement>(el, '#team').focus();
    await sendKeys({ press: 'Space' });
    const date = $<HTMLElement>(el, 'licheng-date-field');
    date.focus();
    await sendKeys({ type: '1141120' });
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = (await oneEvent(el, 'licheng-record-submit')) as CustomEvent<RecordSubmission>;
    expect(event.detail).to.deep.include({ studentNo: '110001', academicYear: 114, semester: 1, summary: '', videoLink: '' });
    expect(event.detail.data).to.deep.equal({ name: '全國專題製作競賽', level: '3', announced: '2025-11-20', team: '1' });
  });

  it('keeps what is typed when the host redraws it with an equal kind, and empties for another kind', async () => {
    const el = await fixture<RecordForm>(html`<licheng-record-form locale="zh-TW" .kind=${competitionKind}></licheng-record-form>`);
    await type(el, '#name', '全國專題製作競賽');
    el.kind = { ...competitionKind, fields: [...competitionKind.fields] };
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#name').value).to.equal('全國專題製作競賽');
    el.kind = serviceKind;
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#name').value).to.equal('');
  });

  it('pre-fills a correction and asks a reason when the record needs one', async () => {
    const record = { ...competitionRows[0]!, correctable: 'with-reason' as const };
    const el = await fixture<RecordForm>(html`<licheng-record-form locale="zh-TW" ask-student .kind=${competitionKind} .record=${record}></licheng-record-form>`);
    expect($(el, 'h2').textContent).to.equal('更正競賽參與紀錄');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('全國高級中等學校專題製作競賽');
    expect($<HTMLInputElement>(el, 'input[name="level"][value="3"]').checked).to.equal(true);
    expect($(el, '.fixed').textContent).to.contain('110001');
    expect($(el, '#_studentNo')).to.equal(null);
    await el.submit();
    expect($(el, '#_reason-error').textContent).to.equal('請填寫更正原因');
    expect(deepActiveElement()).to.equal($(el, '#_reason'));
    await type(el, '#_reason', '獎項誤植');
    setTimeout(() => void el.submit());
    const event = (await oneEvent(el, 'licheng-record-submit')) as CustomEvent<RecordSubmission>;
    expect(event.detail.reason).to.equal('獎項誤植');
    expect(event.detail).to.not.have.property('studentNo');
    await expect(el).to.be.accessible();
  });

  it('on a correction offers 保留 / 更換 for an attached file: kept unless replaced, and a replacement must be chosen', async () => {
    const record = { ...competitionRows[1]!, documentFileId: 'f-doc', mediaFileId: null };
    const el = await fixture<RecordForm>(html`<licheng-record-form locale="zh-TW" .kind=${competitionKind} .record=${record}></licheng-record-form>`);
    const keep = $(el, 'fieldset.keep-file[data-slot="document"]');
    expect(keep.querySelector('legend')!.textContent).to.equal('文件檔：已附檔案');
    expect(keep.querySelector<HTMLInputElement>('input[value="keep"]')!.checked).to.equal(true);
    expect($(el, 'licheng-file-field[name="document"]')).to.equal(null);
    expect($(el, 'licheng-file-field[name="media"]')).to.exist;
    await expect(el).to.be.accessible();
    setTimeout(() => void el.submit());
    const kept = (await oneEvent(el, 'licheng-record-submit')) as CustomEvent<RecordSubmission>;
    expect(kept.detail.files).to.deep.equal({ document: null, media: null });

    keep.querySelector<HTMLInputElement>('input[value="replace"]')!.click();
    await el.updateComplete;
    const field = $<FileField>(el, 'licheng-file-field[name="document"]');
    expect(field).to.exist;
    expect(await el.submit()).to.equal(false);
    await el.updateComplete;
    expect($(el, '#_files-error').textContent).to.equal('請選擇用來更換的文件檔，或改為保留原檔案');
    expect(deepActiveElement()?.closest?.('licheng-file-field') ?? el.shadowRoot!.activeElement).to.equal(field);
    const replacement = new File(['%PDF-1.4'], '新獎狀.pdf');
    field.setFile(replacement);
    await el.updateComplete;
    setTimeout(() => void el.submit());
    const replaced = (await oneEvent(el, 'licheng-record-submit')) as CustomEvent<RecordSubmission>;
    expect(replaced.detail.files.document).to.equal(replacement);
    expect(replaced.detail.files.media).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('labels the summary as the kind names it, in the field and in its error', async () => {
    const kind = { ...serviceKind, summary: { max: 5, required: true, label: { 'zh-TW': '諮詢內容', en: 'What was discussed' } } };
    const el = await fixture<RecordForm>(html`<licheng-record-form locale="zh-TW" .kind=${kind}></licheng-record-form>`);
    expect($(el, 'label[for="_summary"]').textContent).to.contain('諮詢內容');
    await el.submit();
    expect($(el, '#_summary-error').textContent).to.equal('請填寫諮詢內容');
    await expect(el).to.be.accessible();
  });

  it('is disabled with its reason before anything is typed, and for a kind the user may not enter', async () => {
    const el = await fixture<RecordForm>(html`<licheng-record-form locale="zh-TW" disabled-reason="登錄期程已於 114/12/31 截止" .kind=${competitionKind}></licheng-record-form>`);
    expect($(el, '#disabled-reason').textContent).to.equal('登錄期程已於 114/12/31 截止');
    expect($<HTMLInputElement>(el, '#name').disabled).to.equal(true);
    const submit = $<HTMLButtonElement>(el, 'button[type="submit"]');
    expect(submit.disabled).to.equal(true);
    expect(submit.getAttribute('aria-describedby')).to.equal('disabled-reason');
    await expect(el).to.be.accessible();
    el.kind = { ...competitionKind, mayEnter: false };
    el.disabledReason = '';
    await el.updateComplete;
    expect($(el, '#disabled-reason').textContent).to.contain('沒有新增這類紀錄的權限');
  });

  it('speaks English and checks the video link', async () => {
    const el = await fixture<RecordForm>(html`<licheng-record-form locale="en" .kind=${competitionKind}></licheng-record-form>`);
    expect($(el, 'h2').textContent).to.equal('Add Competition');
    await type(el, '#_videoLink', 'http://example.com/v');
    await el.submit();
    expect($(el, '#_videoLink-error').textContent).to.equal('The video link must be an address starting with https://');
    expect($(el, '#name-error').textContent).to.equal('Fill in Competition');
  });

  it('fits 390 px without scrolling sideways', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await fixture<RecordForm>(html`<licheng-record-form locale="zh-TW" ask-student .kind=${competitionKind}></licheng-record-form>`);
    expect(el.scrollWidth).to.be.at.most(390);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    await expect(el).to.be.accessible();
  });
});
