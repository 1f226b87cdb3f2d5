#!/usr/bin/env node
// The back end of the pretend campus portal (新北高中 校園入口網) that index.html belongs to: plain
// Node, no dependencies, no build step. It does what any campus portal does to embed Licheng
// widgets (docs/embedding.md):
//
//   GET  /                        index.html, the portal page (LICHENG_URL written into its script tags)
//   GET  /campus/session.js       the signed-in campus user and a fresh portfolio token, as a script
//   GET  /campus/portfolio-token  a fresh token for the signed-in user (the widgets' tokenProvider)
//   GET  /campus/users            who may sign in (this demo takes Licheng's demo roster as its directory)
//   POST /campus/login, /campus/logout   the portal's own session cookie
//   *    /portfolio/*             passed through to Licheng (see "CORS" in docs/embedding.md)
//
// Tokens: HS256 JWTs signed here with the secret shared with Licheng (LICHENG_HOST_SECRET) and the
// claims sub, name, school, roles, exp — what a portal in any language does with its JWT library.
// Against `pnpm start:demo`, whose secret is in its data folder (`<data>/demo-secret`), either pass
// that file's content as LICHENG_HOST_SECRET, or leave it unset and the demo's /demo/token signs.
//
//   LICHENG_URL=http://127.0.0.1:3000 PORT=3200 node examples/foreign-portal/serve.mjs
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const LICHENG = (process.env.LICHENG_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const SECRET = process.env.LICHENG_HOST_SECRET ?? '';
const PORT = Number(process.env.PORT ?? 3200);
const TOKEN_TTL = Number(process.env.TOKEN_TTL_SECONDS ?? 15 * 60);
/** The origin written in index.html's script tags; replaced when Licheng runs elsewhere. */
const PAGE_ORIGIN = 'http://127.0.0.1:3000';

const b64url = (data) => Buffer.from(data).toString('base64url');

/** An HS256 JWT for a campus user: what Licheng trusts (ARCHITECTURE §3). */
function signToken(user, ttlSeconds = TOKEN_TTL) {
  const payload = { sub: user.userId, name: user.name, school: user.school, roles: user.roles, exp: Math.floor(Date.now() / 1000) + ttlSeconds };
  const unsigned = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  return `${unsigned}.${crypto.createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
}

/** The campus directory. A real portal has its own; this one borrows the Licheng demo roster. */
async function directory() {
  const res = await fetch(`${LICHENG}/demo/users`);
  if (!res.ok) throw new Error(`directory: ${res.status}`);
  return res.json();
}

async function portfolioToken(user) {
  if (SECRET) return signToken(user);
  const res = await fetch(`${LICHENG}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: user.userId }) });
  if (!res.ok) throw new Error(`demo token: ${res.status}`);
  return (await res.json()).token;
}

const sessionUser = async (req) => {
  const id = /(?:^|;\s*)campus_user=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!id) return null;
  return (await directory()).find((u) => u.userId === decodeURIComponent(id)) ?? null;
};

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks);
}

/** /portfolio/* → Licheng, headers and body as they are. */
async function proxy(req, res) {
  const target = `${LICHENG}${req.url.slice('/portfolio'.length) || '/'}`;
  const headers = { ...req.headers };
  delete headers.host;
  delete headers.connection;
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
  const answer = await fetch(target, { method: req.method, headers, body, redirect: 'manual' });
  const out = {};
  answer.headers.forEach((value, name) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) out[name] = value;
  });
  res.writeHead(answer.status, out);
  res.end(Buffer.from(await answer.arrayBuffer()));
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://portal');
    if (url.pathname.startsWith('/portfolio/')) return await proxy(req, res);
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
      const page = fs.readFileSync(path.join(here, 'index.html'), 'utf8').replaceAll(PAGE_ORIGIN, LICHENG);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page);
    }
    if (req.method === 'GET' && url.pathname === '/campus/users') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify((await directory()).map(({ userId, name, label }) => ({ userId, name, label }))));
    }
    if (req.method === 'GET' && (url.pathname === '/campus/session.js' || url.pathname === '/campus/portfolio-token')) {
      const user = await sessionUser(req);
      const token = user ? await portfolioToken(user) : null;
      const headers = { 'cache-control': 'no-store' };
      if (url.pathname === '/campus/session.js') {
        res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
        return res.end(`window.CAMPUS_SESSION = ${JSON.stringify(user ? { user: { userId: user.userId, name: user.name, roles: user.roles }, token } : null)};\n`);
      }
      res.writeHead(user ? 200 : 401, { ...headers, 'content-type': 'application/json' });
      return res.end(JSON.stringify(user ? { token } : { error: 'not signed in' }));
    }
    if (req.method === 'POST' && url.pathname === '/campus/login') {
      const userId = new URLSearchParams((await readBody(req)).toString()).get('userId') ?? '';
      res.writeHead(303, { location: '/', 'set-cookie': `campus_user=${encodeURIComponent(userId)}; Path=/; HttpOnly; SameSite=Lax` });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/campus/logout') {
      res.writeHead(303, { location: '/', 'set-cookie': 'campus_user=; Path=/; Max-Age=0' });
      return res.end();
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  } catch (error) {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(String(error instanceof Error ? error.message : error));
  }
});

server.listen(PORT, '127.0.0.1', () => {
  console.log(`campus portal on http://127.0.0.1:${server.address().port} — widgets and API from ${LICHENG}`);
});
