import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { trpcServer } from '@hono/trpc-server';
import type { AnyRouter } from '@trpc/server';
import type { Role, SchoolConfig } from '@licheng/core';
import { migrateScopes, type LichengDb } from '@licheng/db';
import type { AppEnv } from './app-env.ts';
import type { AuthedContext, LichengContext } from './context.ts';
import { createHostTokenVerifier, type Identity } from './identity/index.ts';
import { localeOf } from './locale.ts';
import { platformMigrations } from './platform/migrations.ts';
import { platformRouter } from './platform/router.ts';
import { seedSchedule } from './schedule/schedule-store.ts';
import { fileRoutes } from './platform/file-routes.ts';
import type { PluginDefinition } from './plugin.ts';
import { router } from './trpc.ts';
import type { FileStorage } from './storage/index.ts';
import { enabledPlugins } from './plugins-enabled.ts';
import { mergeServices } from './services.ts';
import { securityHeaders } from './security-headers.ts';
import { generateOpenApiDocument, type OpenApiDocument } from './openapi/index.ts';

/** The most calls one batched request may carry: one request must not become thousands of writes. */
export const MAX_BATCH = 10;

export interface LichengOptions {
  config: SchoolConfig;
  db: LichengDb;
  storage: FileStorage;
  /** The HS256 secret shared with the host that signs user tokens. */
  hostSecret: string;
  /** Every office the deployment ships; the school config decides which are on. */
  plugins: PluginDefinition[];
  now?: () => Date;
  /** Run migrations before returning (default true). */
  migrate?: boolean;
  /**
   * Origins of host pages that embed the widgets and call the API from the browser (CORS).
   * Tokens travel as bearer headers, never cookies, so no credentials are allowed.
   */
  corsOrigins?: string[];
  /** Largest request body accepted on /trpc (default 21 MiB: a 20 MB roster spreadsheet, or a 4 MB document + a 10 MB media file). Each file's own limit is enforced while streaming. */
  maxBodyBytes?: number;
}

export interface LichengApp extends Hono<AppEnv> {
  /** The school's configuration this app serves. */
  readonly config: SchoolConfig;
  /** The enabled offices, in config order. */
  readonly plugins: PluginDefinition[];
  /** The composed tRPC router (platform + enabled offices). */
  readonly trpcRouter: AnyRouter;
  /** Builds a procedure context for a request (plugin HTTP routes use it). */
  readonly createContext: (request: Request) => Promise<LichengContext>;
  /**
   * A signed-in context for work the server does itself on someone's behalf, with no request
   * token: the CLI's system identity, the demo loader. `role` defaults to the identity's first.
   */
  readonly actAs: (identity: Identity, role?: Role) => Promise<AuthedContext>;
}

/**
 * The whole API as one Hono app: a host mounts it with `app.route('/portfolio', licheng)` or
 * serves it alone. Only the offices the school config enables are migrated and mounted, and
 * only they appear in the OpenAPI document served at `/openapi.json`.
 */
export async function createLicheng(options: LichengOptions): Promise<LichengApp> {
  if (options.hostSecret.length < 32) throw new Error('LICHENG_HOST_SECRET must be at least 32 characters');
  const plugins = enabledPlugins(options.config, options.plugins);
  if (options.migrate !== false) {
    await migrateScopes(options.db.kysely, [
      { scope: 'platform', migrations: platformMigrations },
      ...plugins.filter((p) => p.migrations).map((p) => ({ scope: p.id, migrations: p.migrations! })),
    ]);
  }
  const now = options.now ?? (() => new Date());
  // 作業期程: the config seeds the database the first time the school has no schedule there.
  if (options.migrate !== false) await seedSchedule(options.db.kysely, options.config, now());
  const services = mergeServices(plugins);
  // The HMAC key is made once for the app's secret, not on every request.
  const verifyToken = createHostTokenVerifier(options.hostSecret);
  const context = async (request: Request): Promise<LichengContext> => ({
    db: options.db.kysely,
    dialect: options.db.dialect,
    config: options.config,
    storage: options.storage,
    locale: localeOf(request),
    now,
    auth: verifyToken(request.headers.get('authorization') ?? undefined),
    request,
    services,
  });
  const appRouter = router({
    platform: platformRouter(plugins),
    ...Object.fromEntries(plugins.map((p) => [p.id, p.router])),
  });

  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders());
  if (options.corsOrigins?.length) {
    app.use('*', cors({ origin: options.corsOrigins, allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['authorization', 'content-type', 'x-licheng-locale'], exposeHeaders: ['content-disposition'], maxAge: 600 }));
  }
  app.get('/health', (c) =>
    c.json({ status: 'ok', school: options.config.code, database: options.db.dialect, plugins: plugins.map((p) => p.id) }),
  );
  const maxSize = options.maxBodyBytes ?? 21 * 1024 * 1024;
  const limitBody = bodyLimit({ maxSize, onError: (c) => c.json({ error: { message: 'request body too large', code: 'PAYLOAD_TOO_LARGE' } }, 413) });
  // A GET or HEAD has no body (the Node server never gives it one), and asking for it would build a
  // whole copy of the request on every read call: the limit applies to every other method.
  app.use('/trpc/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));
  app.use('/trpc/*', trpcServer({ router: appRouter, maxBatchSize: MAX_BATCH, createContext: async (opts) => (await context(opts.req)) as unknown as Record<string, unknown> }));
  let openApi: Promise<OpenApiDocument> | undefined;
  app.get('/openapi.json', async (c) => {
    openApi ??= generateOpenApiDocument({ trpcRouter: appRouter, plugins, routes: app.routes, config: options.config }).catch((error: unknown) => {
      openApi = undefined;
      throw error;
    });
    // Paths are below wherever a host mounted the app (`/portfolio`), which this request shows.
    const mount = c.req.path.slice(0, -'/openapi.json'.length);
    return c.json({ ...(await openApi), servers: [{ url: mount || '/' }] });
  });
  fileRoutes(app, { context });
  for (const plugin of plugins) {
    if (!plugin.routes) continue;
    const sub = new Hono<AppEnv>();
    plugin.routes(sub, { context });
    app.route(`/api/${plugin.id}`, sub);
  }
  const actAs = async (identity: Identity, role: Role = identity.roles[0]!): Promise<AuthedContext> => {
    const ctx = await context(new Request('http://licheng.invalid/', { headers: { 'accept-language': 'zh-TW' } }));
    return { ...ctx, auth: { ok: true, identity }, identity, actingRole: role };
  };
  return Object.assign(app, { config: options.config, plugins, trpcRouter: appRouter, createContext: context, actAs });
}
