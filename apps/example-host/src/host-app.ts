import { Hono } from 'hono';
import { campusUsers, type CampusUser } from './directory.ts';
import { homePage, loginPage } from './pages.ts';
import { signPortfolioToken } from './portfolio-token.ts';
import { endSession, sessionUserId, startSession } from './session.ts';

export interface HostOptions {
  /** The Licheng app (`createLicheng(...)`), mounted as it is under /portfolio. */
  licheng: Hono<any>;
  /** The secret shared with Licheng (LICHENG_HOST_SECRET) that portfolio tokens are signed with. */
  hostSecret: string;
  /** The campus system's own cookie secret; never shared with Licheng. */
  sessionSecret: string;
  /** 學校代碼, as Licheng's school config has it. */
  schoolCode: string;
  users?: readonly CampusUser[];
  /** Lifetime of a portfolio token (default 15 minutes): the page asks for a new one when it runs out. */
  tokenTtlSeconds?: number;
  now?: () => Date;
}

/**
 * A pretend campus system (校務行政系統): its own home page, sign-in and session, plus Licheng
 * mounted with one `app.route('/portfolio', licheng)` and the endpoint its pages call for a
 * portfolio token.
 */
export function createHostApp(options: HostOptions): Hono {
  const users = options.users ?? campusUsers;
  const now = options.now ?? (() => new Date());
  const find = (id: string | null) => users.find((u) => u.id === id) ?? null;
  const app = new Hono();

  app.get('/', async (c) => c.html(homePage(find(await sessionUserId(c, options.sessionSecret)))));
  app.get('/login', (c) => c.html(loginPage(users)));
  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const user = find(typeof form.userId === 'string' ? form.userId : null);
    if (!user) return c.html(loginPage(users, '沒有這個帳號'), 401);
    await startSession(c, user.id, options.sessionSecret);
    return c.redirect('/', 303);
  });
  app.post('/logout', (c) => {
    endSession(c);
    return c.redirect('/', 303);
  });

  // What the campus pages call to act in the portfolio as the signed-in user.
  app.get('/portfolio-token', async (c) => {
    c.header('cache-control', 'no-store');
    const user = find(await sessionUserId(c, options.sessionSecret));
    if (!user) return c.json({ error: 'not signed in to the campus system' }, 401);
    const ttlSeconds = options.tokenTtlSeconds ?? 15 * 60;
    return c.json(await signPortfolioToken(user, { secret: options.hostSecret, school: options.schoolCode, ttlSeconds, now: now() }));
  });

  app.route('/portfolio', options.licheng);
  return app;
}
