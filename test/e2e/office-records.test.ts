import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoInChromium, expectAccessible, newPage } from '../support/browser.ts';
import { expectFocus, signInByKeyboard, tabTo } from '../support/keyboard.ts';

/**
 * An office's records in Chromium, keyboard only: 訓育組 enters a cadre record (校內幹部經歷) and
 * corrects it, the library certifies a reading record (and takes a decision back), and the student finds both in 我的學習歷程
 * — the cadre marked as registered by the school, not counting toward the 10. After each action
 * focus rests on its outcome.
 */
describe('an office enters and corrects a record, and the student sees it in their portfolio', () => {
  const demo = demoInChromium();

  async function signIn(name: string): Promise<Page> {
    const page = await newPage(demo.browser, demo.errors);
    await signInByKeyboard(page, demo.server.url, name);
    await page.getByRole('button', { name: '登出' }).waitFor();
    return page;
  }

  it('訓育組 enters a cadre of 陳怡君 by keyboard; focus lands on the new row', async () => {
    const page = await signIn('訓育組 李組長');
    await page.getByRole('button', { name: '新增一筆', exact: true }).waitFor();
    await expectFocus(page, { role: 'heading', name: /^學務處$/ });
    await tabTo(page, (f) => f.role === 'button' && f.name === '新增一筆');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: '_studentNo' });
    await page.keyboard.type('114001');
    await tabTo(page, (f) => f.id === 'unit');
    await page.keyboard.type('學生會');
    await tabTo(page, (f) => /開始日期/.test(f.name));
    await page.keyboard.type('115/09/01');
    await tabTo(page, (f) => f.id === 'position');
    await page.keyboard.type('會長');
    await tabTo(page, (f) => f.role === 'checkbox' || (f.tag === 'input' && f.name === '校級'));
    await page.keyboard.press('Space');
    await expectAccessible(page);
    await tabTo(page, (f) => f.role === 'button' && f.name === '新增紀錄');
    await page.keyboard.press('Enter');
    await expectFocus(page, { text: /陳怡君.*剛新增.*學生會.*會長/ });
    await page.context().close();
  });

  it('訓育組 corrects it to 副會長; focus lands on the corrected row', async () => {
    const page = await signIn('訓育組 李組長');
    await page.getByRole('button', { name: '新增一筆', exact: true }).waitFor();
    await tabTo(page, (f) => f.role === 'button' && f.name === '更正 陳怡君 學生會', { max: 200 });
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'unit' });
    await tabTo(page, (f) => f.id === 'position');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('副會長');
    // A record the office registered is already certified: its correction says why.
    await tabTo(page, (f) => f.tag === 'textarea' && /原因/.test(f.name));
    await page.keyboard.type('職稱登錄錯誤');
    await tabTo(page, (f) => f.role === 'button' && /更正/.test(f.name) && !/陳怡君/.test(f.name));
    await page.keyboard.press('Enter');
    await expectFocus(page, { text: /陳怡君.*剛更正.*學生會.*副會長/ });
    await page.context().close();
  });

  it('the library passes 陳怡君’s reading record; focus lands on what was done', async () => {
    const page = await signIn('圖書館 許主任');
    await tabTo(page, (f) => f.role === 'button' && f.name === '通過 101 班 1 號 陳怡君 被討厭的勇氣', { max: 200 });
    await page.keyboard.press('Enter');
    await expectFocus(page, { text: /已認證通過.*陳怡君.*被討厭的勇氣/ });
    await page.context().close();
  });

  it('the library takes that decision back from its list with a reason, lands on the row back at 認證中, and passes it again', async () => {
    const page = await signIn('圖書館 許主任');
    await tabTo(page, (f) => f.role === 'button' && f.name === '撤回決定 陳怡君 被討厭的勇氣', { max: 200 });
    await page.keyboard.press('Enter');
    await expectFocus(page, { role: 'textbox', name: /撤回原因/ });
    await page.keyboard.type('誤按通過，心得尚未讀完');
    await tabTo(page, (f) => f.role === 'button' && f.name === '撤回決定');
    await page.keyboard.press('Enter');
    await expectFocus(page, { text: /陳怡君.*剛更正.*被討厭的勇氣.*認證中/ });
    // Back in the queue, so it can be decided again.
    await tabTo(page, (f) => f.role === 'button' && f.name === '通過 101 班 1 號 陳怡君 被討厭的勇氣', { max: 200, back: true });
    await page.keyboard.press('Enter');
    await expectFocus(page, { text: /已認證通過.*陳怡君.*被討厭的勇氣/ });
    await page.context().close();
  });

  it('陳怡君 finds the corrected cadre (not counting) and the passed reading record in 我的學習歷程', async () => {
    const page = await signIn('陳怡君');
    await tabTo(page, (f) => f.role === 'button' && f.name === '我的學習歷程', { max: 200 });
    await page.keyboard.press('Enter');
    await expectFocus(page, { role: 'heading', name: /^我的學習歷程$/ });
    const cadre = page.getByRole('listitem', { name: '校內幹部經歷' }).filter({ hasText: '學生會' }).filter({ hasText: '115/09/01' });
    await expect.poll(() => cadre.count()).toBe(1);
    const text = (await cadre.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('副會長');
    expect(text).toContain('不計入上限');
    const reading = page.getByRole('listitem', { name: '閱讀紀錄' }).filter({ hasText: '被討厭的勇氣' });
    expect((await reading.innerText()).replace(/\s+/g, ' ')).toMatch(/狀態\s*通過/);
    await expectAccessible(page);
    await page.context().close();
  });

  it('raised no script errors', () => {
    expect(demo.errors).toEqual([]);
  });
});
