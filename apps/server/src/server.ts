import fs from 'node:fs';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { compression, schoolOfPath, securityHeaders, type LichengApp } from '@licheng/server';
import { demoRoutes } from './demo/routes.ts';
import { pageSecurity } from './page-security.ts';
import { PORTAL_PAGES, portalPageSource } from './portal-page.ts';
import type { CommonSettings, Settings } from './settings.ts';

const API_PREFIXES = ['/trpc', '/api/', '/health', '/demo/', '/schools/'];
/** The embeddable widgets (apps/portal/dist/widgets): never answered with the portal's page. */
const WIDGETS = '/widgets/';
/** Public code any origin may load: widgets, office modules, the shared libraries. */
const PUBLIC_MODULES = [WIDGETS, '/offices/', '/shared/'];
/** Built files whose names carry their content hash: cached for good. */
const HASHED = ['/offices/', '/shared/', '/assets/'];

/**
 * The standalone server: the Licheng API, the demo sign-in (demo only) and the built portal.
 * Every answer carries nosniff and the referrer policy; every page a CSP computed from the exact
 * text served (its import map's hash), framed only by the school's host origins.
 */
export function buildServer(app: LichengApp, settings: Settings): Hono {
  return buildPortalServer(
    {
      offices: app.plugins.map((p) => p.id),
      routes(server) {
        if (settings.demo) server.route('/demo', demoRoutes(app, settings.hostSecret));
        // The /schools/<code>/ paths a deployment of many answers, for this school too: a link made for one works here.
        server.all('/schools/*', (c) => {
          const named = schoolOfPath(c.req.raw);
          if (named?.code === app.config.code) return app.fetch(named.request);
          return c.json({ error: { code: 'NOT_FOUND', message: `本伺服器服務的是學校 ${app.config.code} / This server serves school ${app.config.code}` } }, 404);
        });
        server.route('/', app);
      },
    },
    settings,
  );
}

/** The API a portal server serves beside its pages: one school's app, or a deployment of many. */
export interface PortalApi {
  /** The offices the portal's import map offers (a deployment: every office any school may switch on). */
  offices: string[];
  /** Adds the API's routes to the server, before the portal's pages. */
  routes(server: Hono): void;
}

/** The paths a deployment answers (each handed to the request's school): everything the portal's pages are not. */
export const DEPLOYMENT_PATHS = ['/trpc/*', '/api/*', '/health', '/openapi.json', '/schools/*'];

export function buildPortalServer(api: PortalApi, settings: CommonSettings): Hono {
  const server = new Hono();
  // Outermost, so it compresses the answer as the other middleware leave it (a page's CSP is computed from its text first).
  server.use('*', compression());
  server.use('*', securityHeaders());
  server.use('*', pageSecurity({ hostOrigins: settings.corsOrigins }));
  api.routes(server);
  const index = path.join(settings.portalDir, 'index.html');
  if (fs.existsSync(index)) {
    // The portal's pages, with the import map cut to the offices served (read again after a rebuild).
    const offices = api.offices;
    const pageServer = (file: (typeof PORTAL_PAGES)[number]) => {
      const page = portalPageSource(settings.portalDir, offices, settings.importMapOverrides, file);
      return (c: Context) => {
        c.header('cache-control', 'no-cache');
        return c.html(page());
      };
    };
    const servePage = pageServer('index.html');
    server.get('/', servePage);
    for (const file of PORTAL_PAGES) if (fs.existsSync(path.join(settings.portalDir, file))) server.get(`/${file}`, pageServer(file));
    // Modules are loaded by <script type="module"> and import(), which fetch in CORS mode, also
    // from pages on other origins (a campus portal): they are public code, so any origin.
    server.use('/*', async (c, next) => {
      await next();
      if (PUBLIC_MODULES.some((p) => c.req.path.startsWith(p))) c.header('access-control-allow-origin', '*');
      if (c.res.ok && HASHED.some((p) => c.req.path.startsWith(p))) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    // The build writes a brotli and a gzip copy beside each script and style (scripts/precompress.mjs): served when the browser accepts one.
    server.use('/*', serveStatic({ root: settings.portalDir, precompressed: true }));
    server.get('*', (c) => {
      if ([...API_PREFIXES, ...PUBLIC_MODULES, '/assets/'].some((p) => c.req.path.startsWith(p))) return c.notFound();
      return servePage(c);
    });
  } else {
    server.get('/', (c) => c.text(`Licheng API is running. The portal is not built: run \`pnpm --filter @licheng/portal build\`.`));
  }
  return server;
}
