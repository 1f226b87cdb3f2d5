import { afterEach, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { lazy } from '@trpc/server';
import { z } from 'zod';
import { Validator } from '@seriousme/openapi-schema-validator';
import { testDialects } from '@licheng/db/testing';
import { formDataInput, formFile } from '../form-data.ts';
import { definePlugin } from '../plugin.ts';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';
import { createTestLicheng, type TestLicheng } from '../testing/index.ts';
import { checkOpenApiDocument } from './check.ts';
import type { OpenApiDocument } from './document.ts';
import { listProcedures } from './procedures.ts';

interface Node {
  name: string;
  children: Node[];
}
const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(node) }));

const desk = definePlugin({
  id: 'desk',
  office: { 'zh-TW': '櫃檯', en: 'Desk' },
  roles: ['registry-staff'],
  router: router({
    ping: publicProcedure.query(() => 'pong'),
    notes: router({
      list: authedProcedure(['registry-staff', 'admin']).input(z.object({ limit: z.number().int().min(1).default(20) }).optional()).query(() => []),
      add: authedProcedure().input(z.object({ text: z.string().min(1).max(100), tags: z.array(z.string()).max(5) })).mutation(({ input }) => input),
      attach: authedProcedure(['student'])
        .input(formDataInput({ note: z.string().min(1), file: formFile, dryRun: z.enum(['true', 'false']).optional() }))
        .mutation(() => 'ok'),
      tree: authedProcedure().input(z.object({ root: node })).query(() => 0),
    }),
    archive: lazy(async () => router({ get: authedProcedure().input(z.object({ year: z.number().int() })).query(() => null) })),
  }),
  routes: (app) => void app.get('/things/:id', (c) => c.text(c.req.param('id'))),
});

const hidden = definePlugin({
  id: 'hidden',
  office: { 'zh-TW': '隱藏', en: 'Hidden' },
  roles: ['admin'],
  router: router({ secret: authedProcedure().query(() => 'x') }),
  routes: (app) => void app.get('/secret', (c) => c.text('x')),
});

type Op = Record<string, any>;

describe.each(testDialects())('GET /openapi.json on %s', (dialect) => {
  let t: TestLicheng;
  let doc: OpenApiDocument;
  afterEach(async () => t?.close());

  async function open() {
    t = await createTestLicheng({ dialect, plugins: [desk, hidden], config: { plugins: { enabled: ['desk'] } } });
    const res = await t.app.request('/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenApiDocument;
    return doc;
  }
  const op = (path: string, method: string): Op => doc.paths[path]![method] as Op;

  it('lists exactly the enabled procedures, lazy ones included, and none of a disabled office', async () => {
    await open();
    const procedures = (await listProcedures(t.app.trpcRouter)).map((p) => `/trpc/${p.path}`);
    const trpcPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/trpc/'));
    expect(trpcPaths.sort()).toEqual(procedures.sort());
    expect(trpcPaths.sort()).toEqual(
      ['platform.me', 'platform.reminders.list', 'platform.reminders.markRead', 'desk.ping', 'desk.notes.list', 'desk.notes.add', 'desk.notes.attach', 'desk.notes.tree', 'desk.archive.get'].map((p) => `/trpc/${p}`).sort(),
    );
    expect(JSON.stringify(doc)).not.toContain('hidden');
    expect((doc.tags as { name: string }[]).map((tag) => tag.name)).toEqual(['platform', 'desk']);
  });

  it('describes queries as GET with a JSON input parameter, mutations as POST with a JSON body', async () => {
    await open();
    const list = op('/trpc/desk.notes.list', 'get');
    expect(list.parameters).toEqual([
      expect.objectContaining({ name: 'input', in: 'query', required: false, content: { 'application/json': { schema: expect.objectContaining({ type: 'object' }) } } }),
    ]);
    expect(op('/trpc/desk.archive.get', 'get').parameters[0].required).toBe(true);
    expect(op('/trpc/platform.me', 'get').parameters).toBeUndefined();
    const add = op('/trpc/desk.notes.add', 'post');
    expect(doc.paths['/trpc/desk.notes.add']!.get).toBeUndefined();
    expect(add.requestBody).toEqual({
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: { text: { type: 'string', minLength: 1, maxLength: 100 }, tags: { type: 'array', maxItems: 5, items: { type: 'string' } } },
            required: ['text', 'tags'],
          },
        },
      },
    });
    expect(add.responses['200']).toEqual({ $ref: '#/components/responses/Success' });
    expect(add.responses['409']).toEqual({ $ref: '#/components/responses/Conflict' });
  });

  it('describes multipart mutations as multipart/form-data with their fields, files as binary', async () => {
    await open();
    const attach = op('/trpc/desk.notes.attach', 'post');
    const content = attach.requestBody.content;
    expect(Object.keys(content)).toEqual(['multipart/form-data']);
    expect(content['multipart/form-data'].schema).toMatchObject({
      type: 'object',
      properties: { note: { type: 'string', minLength: 1 }, file: { type: 'string', format: 'binary' }, dryRun: { enum: ['true', 'false'] } },
      required: ['note'],
    });
    expect(attach['x-licheng-procedure']).toEqual({ path: 'desk.notes.attach', type: 'mutation', multipart: true, roles: ['student'] });
    expect(attach.responses['413']).toBeDefined();
  });

  it('marks signed-in procedures with the bearer host token and public ones with none', async () => {
    await open();
    expect(op('/trpc/desk.ping', 'get').security).toEqual([]);
    expect(op('/trpc/desk.ping', 'get').responses['401']).toBeUndefined();
    expect(op('/trpc/desk.notes.list', 'get').security).toEqual([{ hostToken: [] }]);
    expect(op('/trpc/desk.notes.list', 'get')['x-licheng-procedure'].roles).toEqual(['registry-staff', 'admin']);
    expect(op('/trpc/desk.notes.add', 'post')['x-licheng-procedure'].roles).toBe('any');
    const components = doc.components as Record<string, any>;
    expect(components.securitySchemes.hostToken).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(components.securitySchemes.hostToken.description).toMatch(/HS256/);
    expect(Object.keys(components.schemas.HostTokenClaims.properties)).toEqual(['sub', 'name', 'school', 'roles', 'exp']);
  });

  it('lists the plain HTTP routes of the platform and the enabled offices', async () => {
    await open();
    expect(op('/health', 'get').security).toEqual([]);
    expect(op('/api/files/{id}', 'get')).toMatchObject({ operationId: 'getApiFilesById', security: [{ hostToken: [] }] });
    expect(op('/api/desk/things/{id}', 'get')).toMatchObject({ tags: ['desk'], parameters: [{ name: 'id', in: 'path', required: true }] });
    expect(doc.paths['/api/hidden/secret']).toBeUndefined();
    expect(Object.keys(doc.paths).some((p) => p.includes('*') || p.includes(':'))).toBe(false);
  });

  it('is a valid OpenAPI 3.1 document: unique operationIds, every $ref resolves (recursive inputs too)', async () => {
    await open();
    expect(doc.openapi).toBe('3.1.0');
    expect(checkOpenApiDocument(doc)).toEqual([]);
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const tree = JSON.stringify(op('/trpc/desk.notes.tree', 'get').parameters[0]);
    expect(tree).toMatch(/#\/components\/schemas\/deskNotesTree_/);
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((o) => (o as Op).operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('deskNotesAttach');
  });

  it('names the mount point as its server when a host mounts the app', async () => {
    await open();
    expect(doc.servers).toEqual([{ url: '/' }]);
    const host = new Hono();
    host.route('/portfolio', t.app);
    const mounted = (await (await host.request('/portfolio/openapi.json')).json()) as OpenApiDocument;
    expect(mounted.servers).toEqual([{ url: '/portfolio' }]);
    expect(Object.keys(mounted.paths)).toEqual(Object.keys(doc.paths));
  });
});

describe('checkOpenApiDocument', () => {
  it('finds repeated operationIds, dangling $refs and undeclared path parameters', () => {
    const broken = {
      openapi: '3.1.0',
      paths: {
        '/a/{id}': { get: { operationId: 'x', responses: { '200': { $ref: '#/components/responses/Nope' } } } },
        '/b': { post: { operationId: 'x', responses: { '200': { description: 'ok' } }, security: [{ other: [] }] } },
      },
      components: { securitySchemes: { hostToken: {} } },
    } as unknown as OpenApiDocument;
    expect(checkOpenApiDocument(broken)).toEqual([
      'GET /a/{id} does not declare path parameter id',
      'operationId x of POST /b repeats GET /a/{id}',
      'POST /b uses unknown security scheme other',
      '#/paths/~1a~1{id}/get/responses/200: $ref #/components/responses/Nope does not resolve',
    ]);
  });
});
