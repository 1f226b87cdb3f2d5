import { expect, fixture, html } from '@open-wc/testing';
import './status-badge.ts';
import type { StatusBadge } from './status-badge.component.ts';

describe('<licheng-status-badge>', () => {
  it('says each status in words, not colour alone, and is accessible', async () => {
    for (const [status, text] of [
      ['pending', '認證中'],
      ['passed', '通過'],
      ['failed', '未通過'],
      ['withdrawn', '已撤銷'],
    ] as const) {
      const el = await fixture<StatusBadge>(html`<licheng-status-badge status=${status} locale="zh-TW"></licheng-status-badge>`);
      expect(el.shadowRoot!.textContent).to.contain(text);
      await expect(el).to.be.accessible();
    }
  });

  it('speaks English when asked', async () => {
    const el = await fixture<StatusBadge>(html`<licheng-status-badge status="failed" locale="en"></licheng-status-badge>`);
    expect(el.shadowRoot!.textContent).to.contain('Failed');
  });

  it('exposes a part for theming', async () => {
    const el = await fixture<StatusBadge>(html`<licheng-status-badge status="passed"></licheng-status-badge>`);
    expect(el.shadowRoot!.querySelector('[part="badge"]')).to.exist;
  });
});
