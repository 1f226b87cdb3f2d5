import type { JsonSchema } from './json-schema.ts';
import { HOST_TOKEN } from './components.ts';
import { routeOperationId } from './operation-id.ts';

/** A route as Hono lists it in `app.routes`. */
export interface HonoRoute {
  method: string;
  path: string;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** What the platform's own plain routes are; an office's routes get a generic description. */
const known: Record<string, { summary: string; signedIn: boolean; parameters?: JsonSchema[]; response?: JsonSchema }> = {
  'GET /health': {
    summary: 'Health check for load balancers and monitoring: the school, the database and the enabled offices.',
    signedIn: false,
    response: {
      type: 'object',
      properties: {
        status: { const: 'ok' },
        school: { type: 'string' },
        database: { enum: ['sqlite', 'mysql'] },
        plugins: { type: 'array', items: { type: 'string' } },
      },
      required: ['status', 'school', 'database', 'plugins'],
    },
  },
  'GET /openapi.json': { summary: 'This document: every procedure of the offices enabled at this school.', signedIn: false, response: { type: 'object' } },
  'GET /api/files/{id}': {
    summary: 'Streams an uploaded or generated file to who may see it (404 for anyone else, as for a missing file).',
    signedIn: true,
    parameters: [{ name: 'download', in: 'query', required: false, description: '1 for `content-disposition: attachment`.', schema: { enum: ['1'] } }],
  },
};

/** OpenAPI path items for the app's plain HTTP routes (everything but /trpc), keyed by OpenAPI path. */
export function httpRoutePaths(routes: readonly HonoRoute[], plugins: readonly string[]): Record<string, Record<string, JsonSchema>> {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const method = route.method.toUpperCase();
    if (!METHODS.has(method) || route.path.startsWith('/trpc') || route.path.includes('*')) continue;
    const names: string[] = [];
    const path = route.path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, (_, name: string) => {
      names.push(name);
      return `{${name}}`;
    });
    const office = /^\/api\/([a-z][a-z0-9-]*)\//.exec(path)?.[1];
    const tag = office && plugins.includes(office) ? office : 'platform';
    const info = known[`${method} ${path}`];
    const operation: JsonSchema = {
      operationId: routeOperationId(method, path),
      tags: [tag],
      summary: info?.summary ?? `A plain HTTP route of the ${tag} office (see docs/api.md).`,
      parameters: [
        ...names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
        ...(info?.parameters ?? []),
      ],
      responses: {
        '200': { description: 'Success.', ...(info?.response ? { content: { 'application/json': { schema: info.response } } } : {}) },
        default: { $ref: '#/components/responses/PlainError' },
      },
      ...((info?.signedIn ?? true) ? { security: [{ [HOST_TOKEN]: [] }] } : { security: [] }),
    };
    (paths[path] ??= {})[method.toLowerCase()] = operation;
  }
  return paths;
}
