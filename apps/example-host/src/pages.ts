import { html } from 'hono/html';
import type { CampusUser } from './directory.ts';

const layout = (title: string, body: unknown) => html`<!doctype html>
<html lang="zh-Hant-TW">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
  </head>
  <body>
    <header><a href="/">示範校務行政系統</a></header>
    <main>${body}</main>
  </body>
</html>`;

/** The campus home page. Signed in, it fetches a portfolio token and asks Licheng who it is. */
export function homePage(user: CampusUser | null) {
  if (!user) return layout('示範校務行政系統', html`<h1>示範校務行政系統</h1><p>尚未登入。<a href="/login">登入</a></p>`);
  return layout(
    '示範校務行政系統',
    html`<h1>歡迎，${user.name}</h1>
      <p>學習歷程檔案 (Licheng) runs inside this system under <code>/portfolio</code>.</p>
      <p id="portfolio-status" role="status">Asking the portfolio who you are…</p>
      <form method="post" action="/logout"><button>登出</button></form>
      <script type="module">
        const status = document.getElementById('portfolio-status');
        const { token } = await (await fetch('/portfolio-token')).json();
        const res = await fetch('/portfolio/trpc/platform.me', { headers: { authorization: 'Bearer ' + token } });
        const body = await res.json();
        status.textContent = body.error
          ? 'Portfolio: ' + body.error.message
          : 'Portfolio: ' + body.result.data.school.name + ' — ' + body.result.data.user.name + ' (' + body.result.data.user.roles.join(', ') + ')';
      </script>`,
  );
}

export function loginPage(users: readonly CampusUser[], error?: string) {
  return layout(
    '登入 — 示範校務行政系統',
    html`<h1>登入</h1>
      ${error ? html`<p role="alert">${error}</p>` : ''}
      <form method="post" action="/login">
        <label for="userId">帳號</label>
        <select id="userId" name="userId">
          ${users.map((u) => html`<option value="${u.id}">${u.name}（${u.id}）</option>`)}
        </select>
        <button>登入</button>
      </form>`,
  );
}
