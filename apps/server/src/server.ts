import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { LichengApp } from '@licheng/server';
import { demoRoutes } from './demo/routes.ts';
import type { Settings } from './settings.ts';

const API_PREFIXES = ['/trpc', '/api/', '/health', '/demo/'];
/** The embeddable widgets (apps/portal/dist/widgets): never answered with the portal's page. */
const WIDGETS = '/widgets/';

/** The standalone server: the Licheng API, the demo sign-in (demo only) and the built portal. */
export function buildServer(app: LichengApp, settings: Settings): Hono {
  const server = new Hono();
  if (settings.demo) server.route('/demo', demoRoutes(app, settings.hostSecret));
  server.route('/', app);
  const index = path.join(settings.portalDir, 'index.html');
  if (fs.existsSync(index)) {
    // Widget modules are loaded by <script type="module"> from pages on other origins (a
    // campus portal), which the browser fetches in CORS mode: they are public code, so any origin.
    server.use(`${WIDGETS}*`, async (c, next) => {
      await next();
      c.header('access-control-allow-origin', '*');
    });
    server.use('/*', serveStatic({ root: settings.portalDir }));
    server.get('*', (c) => {
      if ([...API_PREFIXES, WIDGETS].some((p) => c.req.path.startsWith(p))) return c.notFound();
      return c.html(fs.readFileSync(index, 'utf8'));
    });
  } else {
    server.get('/', (c) => c.text(`Licheng API is running. The portal is not built: run \`pnpm --filter @licheng/portal build\`.`));
  }
  return server;
}
