import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pageCsp } from './page-security.ts';
import { cspDirectives } from './testing/csp.ts';

const hash = (text: string) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

describe('pageCsp', () => {
  const map = JSON.stringify({ imports: { lit: '/shared/lit.js', '@licheng/plugin-teaching/web': 'https://cdn.school.example:8443/teaching.js' }, scopes: { '/x/': { a: 'http://mirror.school.example/a.js' } } });
  const html = `<!doctype html><html><head>
<script type="importmap">${map}</script>
<style>body{margin:0}</style>
<!-- <script>window.LICHENG_TOKEN = 'x'</script> -->
<script>alert('injected')</script>
<script type="module" src="/assets/main.js"></script>
<script type="module" src="https://widgets.other.example/w.js"></script>
<div onclick="alert(1)"></div></head></html>`;

  it('allows the import map by its hash and the origins it names, never another inline script', () => {
    const csp = cspDirectives(pageCsp(html, { hostOrigins: [] }));
    expect(csp['script-src']).toEqual(["'self'", 'https://cdn.school.example:8443', 'http://mirror.school.example', 'https://widgets.other.example', hash(map)]);
    expect(csp['script-src']).not.toContain(hash("alert('injected')"));
    expect(Object.values(csp).flat()).not.toContain("'unsafe-inline'");
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
    expect(csp['style-src']).toEqual(["'self'", hash('body{margin:0}')]);
  });

  it('forbids plugins and <base>, and is framed only by the page’s origin and the host origins', () => {
    expect(cspDirectives(pageCsp(html, { hostOrigins: [] }))).toMatchObject({ 'object-src': ["'none'"], 'base-uri': ["'none'"], 'frame-ancestors': ["'self'"], 'default-src': ["'self'"] });
    expect(cspDirectives(pageCsp(html, { hostOrigins: ['https://portal.school.example'] }))['frame-ancestors']).toEqual(["'self'", 'https://portal.school.example']);
  });

  it('changes with the map: a school with other offices gets another hash', () => {
    const other = html.replace(map, JSON.stringify({ imports: { lit: '/shared/lit.js' } }));
    expect(cspDirectives(pageCsp(other, { hostOrigins: [] }))['script-src']).toEqual(["'self'", 'https://widgets.other.example', hash(JSON.stringify({ imports: { lit: '/shared/lit.js' } }))]);
  });
});
