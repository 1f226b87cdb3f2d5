import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { receivedEntry } from './received-entry.ts';

/** What the central database sent back for one student of 校內幹部經歷名冊, as in its JSON. */
const cadreEntry = {
  身分證號: 'A123456789',
  出生日期: '0980101',
  幹部經歷: [
    { 單位名稱: '101 班', 開始日期: '1140901', 結束日期: '1150131', 擔任職務: '班長', 幹部等級: 2 },
    { 單位名稱: '熱音社', 開始日期: '1140901', 結束日期: '1150131', 擔任職務: '社長', 幹部等級: '3' },
  ],
};

async function shown(entry: Record<string, unknown>, locale: 'zh-TW' | 'en' = 'zh-TW') {
  const el = await fixture<HTMLDivElement>(html`<div></div>`);
  render(receivedEntry(entry, '（無資料）', locale), el);
  const fields = Object.fromEntries([...el.querySelectorAll('dl div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
  const rows = [...el.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
  return { el, fields, rows };
}

describe('receivedEntry', () => {
  it('shows codes as their words and dates in 民國, never the raw codes', async () => {
    const { el, fields, rows } = await shown(cadreEntry);
    expect(fields['出生日期']).to.equal('098/01/01');
    expect(rows).to.deep.equal([
      ['101 班', '114/09/01', '115/01/31', '班長', '班級幹部'],
      ['熱音社', '114/09/01', '115/01/31', '社長', '社團幹部'],
    ]);
    expect(el.textContent).not.to.contain('0980101');
    await expect(el).to.be.accessible();
  });

  it('speaks English: words in English, ISO dates', async () => {
    const { fields, rows } = await shown(cadreEntry, 'en');
    expect(fields['出生日期']).to.equal('2009-01-01');
    expect(rows[0]).to.deep.equal(['101 班', '2025-09-01', '2026-01-31', '班長', 'Class officer']);
  });

  it('shows a code no list names as received, under its column', async () => {
    const { el, rows } = await shown({ 補修成績: [{ 課程代碼: '108011302H11101A1010101', 補修方式: 1, 補修及格: 0 }] });
    expect([...el.querySelectorAll('th')].map((th) => th.textContent)).to.deep.equal(['課程代碼', '補修方式', '補修及格']);
    expect(rows[0]).to.deep.equal(['108011302H11101A1010101', '1', '不及格']);
  });
});
