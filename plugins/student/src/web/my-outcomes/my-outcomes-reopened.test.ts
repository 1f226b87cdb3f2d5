import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './my-outcomes.ts';
import type { MyOutcomes } from './my-outcomes.component.ts';
import { outcome } from '../testing/fixtures.ts';

describe('<licheng-my-outcomes> with a decision taken back', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  for (const [locale, text] of [
    ['zh-TW', '老師已撤回認證結果，將重新認證：誤按通過'],
    ['en', 'The teacher took the decision back and will decide again: 誤按通過'],
  ] as const) {
    it(`tells the student the decision was taken back and why (${locale})`, async () => {
      api = installFakeApi({ 'student.outcomes.list': () => [outcome({ id: 'o1', status: 'pending', statusReason: '誤按通過', reopenReason: '誤按通過' }), outcome({ id: 'o2', status: 'pending' })] });
      const el = await fixture<MyOutcomes>(html`<licheng-my-outcomes .token=${fakeToken()} locale=${locale}></licheng-my-outcomes>`);
      await waitUntil(() => el.outcomes !== null, 'never loaded');
      await el.updateComplete;
      const cells = [...el.shadowRoot!.querySelectorAll('.status-cell')].map((c) => c.textContent!.replace(/\s+/g, ' '));
      expect(cells[0]).to.contain(text);
      expect(cells[1]).not.to.contain(text.slice(0, 6));
      await expect(el).to.be.accessible();
    });
  }
});
