import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SKILL_CERTIFICATE_FIELDS, INTERNSHIP_FIELDS } from '@licheng/core';
import { deepText, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import type { RecordForm } from '@licheng/ui/records';
import './practicum-mine.ts';
import type { PracticumMine } from './practicum-mine.component.ts';
import { pendingRow } from '../practicum-pending/practicum-pending.test.ts';

const kinds = (studentEnters = true) => [
  { id: 'skill-certificate', label: { 'zh-TW': '技能證照', en: 'Skill certificate' }, fields: SKILL_CERTIFICATE_FIELDS, mayEnter: studentEnters, mayCertify: false, files: true, subOffice: null, family: null },
  { id: 'internship', label: { 'zh-TW': '校外實習', en: 'Internship' }, fields: INTERNSHIP_FIELDS, mayEnter: false, mayCertify: false, files: false, subOffice: null, family: null },
];
const failed = pendingRow('c9', { status: 'failed', statusReason: '證照號碼不完整', enteredByMe: true, correctable: 'yes', withdrawable: true, data: { name: '中餐烹調', level: '丙級', number: '113-07', date: '2025-08-25', issuer: null } });
const internship = pendingRow('i1', { kind: 'internship', status: 'passed', data: { kind: '2', organisation: '雲林農會', title: '農產品行銷實習', start: '2025-09-01', end: '2025-09-30', hours: 80 } });

describe('<licheng-practicum-mine>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(studentEnters = true, locale = 'zh-TW') {
    let rows: unknown[] = [failed, internship];
    api = installFakeApi({
      'platform.me': () => ({ user: { roles: ['student'] }, term: { academicYear: 114, semester: 1 } }),
      'practicum.records.kinds': () => kinds(studentEnters),
      'practicum.records.list': () => ({ rows, total: rows.length, page: 1, pageSize: 200 }),
      'practicum.records.enter': (input) => {
        const i = input as { data: Record<string, unknown>; summary: string };
        rows = [pendingRow('n1', { data: i.data, summary: i.summary, enteredByMe: true, correctable: 'yes', withdrawable: true }), ...rows];
        return { id: 'n1', status: 'pending', version: 1 };
      },
    });
    const el = await fixture<PracticumMine>(html`<licheng-practicum-mine .token=${fakeToken()} locale=${locale}></licheng-practicum-mine>`);
    await waitUntil(() => el.kinds !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }

  it('shows the student’s certificates and internships with the failure reason and ROC dates; accessible', async () => {
    const el = await render();
    await waitUntil(() => deepText(el).includes('雲林農會'), 'rows never shown');
    expect(deepText(el)).to.include('證照號碼不完整');
    expect(deepText(el)).to.include('114/08/25');
    await expect(el).to.be.accessible();
  });

  it('enters a certificate for the current term, pending, and puts focus on the new row', async () => {
    const el = await render();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-controls="mine-form"]')!.click();
    await el.updateComplete;
    const form = el.shadowRoot!.querySelector<RecordForm>('licheng-record-form')!;
    await form.updateComplete;
    const data = { name: '電腦軟體應用', level: '丙級', number: '113-0412345', date: '2025-08-20', issuer: null };
    form.dispatchEvent(new CustomEvent('licheng-record-submit', { detail: { data, summary: '暑假考取', files: { document: null, media: null }, videoLink: '' } }));
    await waitUntil(() => deepText(el).includes('等待實習處認證'), 'never saved');
    expect(api.callsTo('practicum.records.enter')[0]!.input).to.deep.equal({ kind: 'skill-certificate', academicYear: 114, semester: 1, summary: '暑假考取', data });
    await waitUntil(() => deepActiveElement()?.closest?.('tr') !== null || deepActiveElement()?.id === 'mine-note', 'focus never reached the outcome');
  });

  it('disables entering, saying why, where students do not enter certificates; English', async () => {
    const el = await render(false, 'en');
    const add = el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-controls="mine-form"]')!;
    expect(add.disabled).to.equal(true);
    expect(el.shadowRoot!.getElementById(add.getAttribute('aria-describedby')!)!.textContent).to.include('Students do not enter');
  });
});
