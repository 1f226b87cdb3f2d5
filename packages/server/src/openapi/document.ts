import type { AnyRouter } from '@trpc/server';
import type { SchoolConfig } from '@licheng/core';
import type { PluginDefinition } from '../plugin.ts';
import { HOST_TOKEN, securitySchemes, sharedResponses, sharedSchemas } from './components.ts';
import { httpRoutePaths, type HonoRoute } from './http-routes.ts';
import { acceptsMissing, SchemaConverter, type JsonSchema } from './json-schema.ts';
import { procedureOperationId } from './operation-id.ts';
import { listProcedures, type ProcedureInfo } from './procedures.ts';

export type OpenApiDocument = JsonSchema & { openapi: string; paths: Record<string, Record<string, JsonSchema>> };

export interface OpenApiSource {
  /** The composed router (`LichengApp.trpcRouter`). */
  trpcRouter: AnyRouter;
  /** The enabled offices, for tags. */
  plugins: readonly Pick<PluginDefinition, 'id' | 'office'>[];
  /** The Hono app's routes (`app.routes`), for the plain HTTP routes; leave out for procedures only. */
  routes?: readonly HonoRoute[];
  config?: Pick<SchoolConfig, 'code' | 'name'>;
}

export interface OpenApiOptions {
  /** The base URL the paths are below: the mount point (`/portfolio`) or a full URL. Default `/`. */
  serverUrl?: string;
  version?: string;
}

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

function inputSchema(procedure: ProcedureInfo, converter: SchemaConverter, id: string): JsonSchema {
  const parts = procedure.inputs.map((input, i) => converter.convert(input, procedure.inputs.length > 1 ? `${id}_${i}` : id));
  return parts.length === 1 ? parts[0]! : { allOf: parts };
}

function whoMayCall(procedure: ProcedureInfo): string {
  if (!procedure.access.signedIn) return 'Anyone; no token needed.';
  const roles = procedure.access.roles;
  return roles ? `Signed-in users with one of the roles: ${roles.join(', ')}.` : 'Any signed-in user.';
}

function operation(procedure: ProcedureInfo, converter: SchemaConverter): [string, JsonSchema] {
  const id = procedureOperationId(procedure.path);
  const multipart = procedure.formFields !== undefined;
  const kind = multipart ? 'multipart mutation' : procedure.type;
  const op: JsonSchema = {
    operationId: id,
    tags: [procedure.path.split('.')[0]],
    summary: `${procedure.path} (${kind})`,
    description: [
      `tRPC ${procedure.type} \`${procedure.path}\`. ${whoMayCall(procedure)}`,
      'See docs/api.md for what it does, its output and its error codes.',
    ].join(' '),
    'x-licheng-procedure': { path: procedure.path, type: procedure.type, multipart, roles: procedure.access.signedIn ? (procedure.access.roles ?? 'any') : null },
    security: procedure.access.signedIn ? [{ [HOST_TOKEN]: [] }] : [],
  };
  if (procedure.type === 'query') {
    if (procedure.inputs.length > 0) {
      const required = !procedure.inputs.every(acceptsMissing);
      op.parameters = [
        {
          name: 'input',
          in: 'query',
          required,
          description: `The input, JSON-encoded then URL-encoded${required ? '' : '; leave it out to use the defaults'}.`,
          content: { 'application/json': { schema: inputSchema(procedure, converter, id) } },
        },
      ];
    }
  } else if (multipart) {
    op.requestBody = {
      required: true,
      description: 'One form field per input field; files as file parts.',
      content: { 'multipart/form-data': { schema: converter.convert(procedure.formFields, id) } },
    };
  } else if (procedure.inputs.length > 0) {
    op.requestBody = {
      required: !procedure.inputs.every(acceptsMissing),
      content: { 'application/json': { schema: inputSchema(procedure, converter, id) } },
    };
  }
  op.responses = {
    '200': ref('Success'),
    '400': ref('BadRequest'),
    ...(procedure.access.signedIn ? { '401': ref('Unauthorized'), '403': ref('Forbidden') } : {}),
    '404': ref('NotFound'),
    ...(procedure.type === 'mutation' ? { '409': ref('Conflict') } : {}),
    ...(multipart ? { '413': ref('TooLarge') } : {}),
    default: ref('Error'),
  };
  return [procedure.type === 'query' ? 'get' : 'post', op];
}

/**
 * An OpenAPI 3.1 document of a Licheng app: every procedure of the composed router (so only the
 * enabled offices), queries as GET with a JSON `input` query parameter, mutations as POST with a
 * JSON body, multipart mutations as multipart/form-data with their fields, and the app's plain
 * HTTP routes. Inputs are converted from their zod schemas; outputs are described by tRPC's
 * envelope only (procedures declare none).
 */
export async function generateOpenApiDocument(source: OpenApiSource, options: OpenApiOptions = {}): Promise<OpenApiDocument> {
  const converter = new SchemaConverter();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const procedure of await listProcedures(source.trpcRouter)) {
    if (procedure.type === 'subscription') continue; // none exist; they would stream over SSE, not JSON
    const [method, op] = operation(procedure, converter);
    paths[`/trpc/${procedure.path}`] = { [method]: op };
  }
  const officeIds = source.plugins.map((p) => p.id);
  Object.assign(paths, httpRoutePaths(source.routes ?? [], officeIds));
  const school = source.config ? `${source.config.name} (${source.config.code})` : undefined;
  return {
    openapi: '3.1.0',
    info: {
      title: school ? `Licheng API — ${school}` : 'Licheng API',
      version: options.version ?? '0.1.0',
      description: [
        'The school-side platform for the student learning portfolio (學生學習歷程檔案): tRPC v11 over HTTP without a transformer, so plain JSON.',
        'Queries: `GET /trpc/<procedure>?input=<URL-encoded JSON>`. Mutations: `POST /trpc/<procedure>` with a JSON body, or multipart/form-data where marked.',
        'Every signed-in call sends `Authorization: Bearer <host token>` (see the hostToken security scheme and the HostTokenClaims schema).',
        'Only the offices this school enables are listed. Prose reference: docs/api.md.',
      ].join('\n\n'),
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    tags: [
      { name: 'platform', description: 'What every screen needs: who am I, which school, which offices, which windows.' },
      ...source.plugins.map((p) => ({ name: p.id, description: `${p.office['zh-TW']} — ${p.office.en}` })),
    ],
    paths,
    components: {
      schemas: { ...sharedSchemas(), ...converter.components },
      responses: sharedResponses(),
      securitySchemes: securitySchemes(),
    },
  };
}
