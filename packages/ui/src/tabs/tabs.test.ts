import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { tabKeyTarget, tabList } from './tabs.ts';

describe('tabList', () => {
  it('moves with the arrows, Home and End, wrapping at both ends; other keys do nothing', () => {
    expect(tabKeyTarget('ArrowRight', 0, 3)).to.equal(1);
    expect(tabKeyTarget('ArrowRight', 2, 3)).to.equal(0);
    expect(tabKeyTarget('ArrowLeft', 0, 3)).to.equal(2);
    expect(tabKeyTarget('Home', 2, 3)).to.equal(0);
    expect(tabKeyTarget('End', 0, 3)).to.equal(2);
    expect(tabKeyTarget('Enter', 1, 3)).to.equal(null);
  });

  it('puts only the selected tab in the Tab order and reports clicks and keys apart', async () => {
    const chosen: Array<[string, boolean]> = [];
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const draw = (selected: string) =>
      render(
        html`${tabList({ label: '頁籤', tabs: [{ id: 'a', label: '甲' }, { id: 'b', label: '乙' }], selected, onSelect: (id, byKey) => chosen.push([id, byKey]), panelId: 'p' })}<div id="p" role="tabpanel" aria-labelledby="tab-${selected}">內容</div>`,
        host,
      );
    draw('a');
    const tabs = [...host.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(tabs.map((b) => [b.id, b.getAttribute('aria-selected'), b.tabIndex, b.getAttribute('aria-controls')])).to.deep.equal([
      ['tab-a', 'true', 0, 'p'],
      ['tab-b', 'false', -1, 'p'],
    ]);
    tabs[1]!.click();
    tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }));
    expect(chosen).to.deep.equal([
      ['b', false],
      ['b', true],
    ]);
    await expect(host).to.be.accessible();
  });
});
