import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, newPage } from '../support/browser.ts';
import { expectFocus, signInByKeyboard, tabTo } from '../support/keyboard.ts';
import { demoToken, startDemoServer, type StartedServer } from '../support/server.ts';
import { query } from '../support/trpc.ts';

/**
 * 代理人 against the started demo server: 王美玲 is absent this week and 周怡安 is first on her
 * certification proxy list, so 周怡安 signs in (keyboard only), finds 王美玲's items marked
 * 「代理 王美玲」 and passes one; the record says who decided for whom. The working group sees
 * who acts today, and the departed 林淑芬 is refused all but certification.
 */
describe('a proxy certifies an absent teacher’s item, keyboard only', () => {
  let server: StartedServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('周怡安 passes 王美玲’s item as her proxy, and the record and the teacher’s queue say so', async () => {
    const chou = await demoToken(server, 'demo-t-chou');
    const mine = await query(server.url, 'teaching.certifications.queue', chou, { status: 'pending' });
    const target = mine.items.find((i: any) => i.actingFor?.name === '王美玲');
    expect(target, 'an item of 王美玲 in 周怡安’s queue').toBeTruthy();

    const page = await newPage(browser, errors);
    await signInByKeyboard(page, server.url, '周怡安');
    await page.waitForURL('**/teaching');
    await expectFocus(page, { role: 'heading', name: /課程學習成果認證/ });
    await page.locator('licheng-certification-queue .acting-for', { hasText: '代理 王美玲' }).first().waitFor();
    await expectAccessible(page);

    const pass = await tabTo(page, (f) => f.role === 'button' && f.name.startsWith('通過：') && f.name.includes(target.student.name) && f.name.includes(target.course.subjectName));
    expect(pass.name).toContain('國語文');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'outcome', text: new RegExp(`已通過.*${target.student.name}`) });

    const wang = await demoToken(server, 'demo-t-wang');
    const after = (await query(server.url, 'teaching.certifications.queue', wang, { status: 'passed' })).items.find((i: any) => i.id === target.id);
    expect(after).toMatchObject({ status: 'passed', decidedByName: '周怡安', decidedForName: '王美玲', decidedByMe: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the working group sees who acts today; the departed teacher is kept for certification only', async () => {
    const group = await demoToken(server, 'demo-working-group');
    const overview = await query(server.url, 'working-group.proxies.list', group, {});
    expect(overview.lists.find((l: any) => l.principal.name === '王美玲').actingToday).toEqual({ userId: 'demo-t-chou', name: '周怡安' });
    expect(overview.departures).toEqual([expect.objectContaining({ name: '林淑芬' })]);

    const page = await newPage(browser, errors);
    await signInByKeyboard(page, server.url, '教務處 張主任');
    await page.getByRole('tab', { name: '代理人' }).click();
    await page.locator('licheng-proxies').getByText('周怡安 代理 王美玲（課程學習成果認證）').waitFor();
    await expectAccessible(page);
    await page.context().close();

    const lin = await demoToken(server, 'demo-t-lin');
    expect((await query(server.url, 'teaching.certifications.queue', lin, {})).items).toEqual([]);
    const refused = await fetch(`${server.url}/trpc/working-group.schedule.list`, { headers: { authorization: `Bearer ${lin}` } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).error.data.licheng.code).toBe('account-certification-only');
  });
});
