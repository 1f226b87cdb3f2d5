import { expect, fixture, html } from '@open-wc/testing';
import './window-banner.ts';
import type { WindowBanner } from './window-banner.component.ts';

describe('<licheng-window-banner>', () => {
  it('says an open window with 民國 dates', async () => {
    const el = await fixture<WindowBanner>(
      html`<licheng-window-banner activity="課程學習成果上傳" state="open" start="2025-09-01" end="2026-02-10"></licheng-window-banner>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('課程學習成果上傳開放中：114/09/01 至 115/02/10');
    await expect(el).to.be.accessible();
  });

  it('says a closed window in English with ISO dates', async () => {
    const el = await fixture<WindowBanner>(
      html`<licheng-window-banner locale="en" activity="Outcome selection" state="closed" start="2025-09-01" end="2026-02-10"></licheng-window-banner>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('Outcome selection closed on 2026-02-10');
    await expect(el).to.be.accessible();
  });
});
