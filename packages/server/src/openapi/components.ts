import { z } from 'zod';
import { messageCodes } from '@licheng/core';
import { hostClaimsSchema } from '../identity/claims.ts';
import type { JsonSchema } from './json-schema.ts';

/** The name of the security scheme every signed-in operation lists. */
export const HOST_TOKEN = 'hostToken';

const TOKEN_DESCRIPTION = [
  'A short-lived JWT the host system signs for its signed-in user with HS256 and the secret it shares with this deployment (LICHENG_HOST_SECRET, at least 32 characters).',
  'Claims (see the HostTokenClaims schema): `sub` the user id in the host (a student’s or teacher’s 系統帳號 on the roster), `name` the display name written to the audit log,',
  '`school` the 6-digit school code (must be this deployment’s), `roles` what the user may do, `exp` expiry in seconds since the epoch (keep it minutes to an hour; `nbf` is checked when present).',
  'Without a usable token a signed-in operation answers 401 with `licheng.code` `unauthenticated`, or `token-expired` once `exp` has passed: sign a new token and retry.',
].join(' ');

const domainCodes = messageCodes.filter((code) => !code.includes('.'));

const lichengError = {
  description: 'The domain error: what a program should branch on. Null when the error did not come from a Licheng rule (an unknown procedure, a wrong method).',
  oneOf: [
    { type: 'null' },
    {
      type: 'object',
      properties: {
        code: { type: 'string', description: 'A Licheng error code (see docs/api.md, Error codes).', examples: domainCodes.slice(0, 8) },
        params: { type: 'object', additionalProperties: { type: ['string', 'number'] }, description: 'The values in the message, for front ends that write their own text.' },
        issues: {
          type: 'array',
          description: 'Only for invalid input: one entry per problem.',
          items: {
            type: 'object',
            properties: {
              path: { type: 'string', description: 'Dotted input field, e.g. `summary` or `recordIds.3`.' },
              code: { type: 'string', description: 'A Licheng code when the rule has one, else zod’s issue code (`invalid_type`, `too_big`, …).' },
              params: { type: 'object' },
              message: { type: 'string' },
            },
            required: ['path', 'code', 'message'],
          },
        },
      },
      required: ['code', 'params'],
    },
  ],
};

/** Schemas shared by every operation: tRPC's response envelope and error shape, and the token's claims. */
export function sharedSchemas(): Record<string, JsonSchema> {
  const { $schema: _schema, ...claims } = z.toJSONSchema(hostClaimsSchema, { io: 'input' }) as JsonSchema;
  return {
    TrpcResult: {
      type: 'object',
      description: 'A success (HTTP 200). Procedures declare no output schema: `data` is the output described in docs/api.md, plain JSON (no transformer; dates are ISO strings).',
      properties: { result: { type: 'object', properties: { data: { description: 'The procedure’s output.' } }, required: ['data'] } },
      required: ['result'],
    },
    TrpcError: {
      type: 'object',
      description: 'A failure, with the HTTP status of its error.',
      properties: {
        error: {
          type: 'object',
          properties: {
            message: { type: 'string', description: 'Text for people, in the request’s locale (Accept-Language: zh-TW or en).' },
            code: { type: 'integer', description: 'The JSON-RPC number tRPC assigns; prefer data.code and data.licheng.' },
            data: {
              type: 'object',
              properties: {
                code: {
                  type: 'string',
                  description: 'The tRPC error name.',
                  examples: ['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'METHOD_NOT_SUPPORTED', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INTERNAL_SERVER_ERROR'],
                },
                httpStatus: { type: 'integer' },
                path: { type: 'string', description: 'The procedure called.' },
                licheng: lichengError,
              },
              required: ['code', 'httpStatus'],
            },
          },
          required: ['message', 'code', 'data'],
        },
      },
      required: ['error'],
    },
    PlainError: {
      type: 'object',
      description: 'The error body of the plain HTTP routes, and of a /trpc request refused for its size before tRPC reads it.',
      properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } },
      required: ['error'],
    },
    HostTokenClaims: { ...claims, description: 'The claims of the host token (HS256 JWT). Other claims are ignored.' },
  };
}

export function securitySchemes(): Record<string, JsonSchema> {
  return { [HOST_TOKEN]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: TOKEN_DESCRIPTION } };
}

const ref = (schema: string) => ({ $ref: `#/components/schemas/${schema}` });
const errorResponse = (description: string, schema: JsonSchema = ref('TrpcError')) => ({ description, content: { 'application/json': { schema } } });

/** Responses operations refer to by `$ref`. */
export function sharedResponses(): Record<string, JsonSchema> {
  return {
    Success: { description: 'The procedure’s output, in tRPC’s envelope.', content: { 'application/json': { schema: ref('TrpcResult') } } },
    BadRequest: errorResponse('Invalid input (`licheng.code` `invalid-input` or the rule’s own code, with `issues`), or a rule of the procedure refused it.'),
    Unauthorized: errorResponse('No usable host token: `unauthenticated` or `token-expired`.'),
    Forbidden: errorResponse('The token is for another school, the caller has none of the roles the procedure needs, or a rule refused it (`window-closed`, `not-on-roster`, …).'),
    NotFound: errorResponse('No such procedure (the office may be switched off at this school), or the item asked for does not exist.'),
    Conflict: errorResponse('A rule about what already exists refused it (`upload-cap-reached`, `selection-cap-reached`, `already-decided`, …).'),
    TooLarge: errorResponse('A file over its limit (`file-too-large`), or a body over the server’s limit (then the body is a PlainError).', {
      oneOf: [ref('TrpcError'), ref('PlainError')],
    }),
    Error: errorResponse('Any other failure, in the same shape.'),
    PlainError: errorResponse('The error, as `{ error: { code, message } }`.', ref('PlainError')),
  };
}
