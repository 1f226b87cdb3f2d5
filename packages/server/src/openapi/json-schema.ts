import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * Converts zod schemas to JSON Schema (draft 2020-12, what OpenAPI 3.1 uses) as a client sends
 * them (`io: 'input'`). Types JSON cannot carry (File, FormData, Date) become `{}` unless the
 * schema's metadata says otherwise (formFile does). Definitions zod puts in `$defs` (recursive
 * or registered schemas) move to `components.schemas`, prefixed by `owner`, so every `$ref`
 * resolves inside the one document.
 */
export class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: unknown, owner: string): JsonSchema {
    const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$defs;
    delete json.$schema;
    delete json.$id;
    const names = new Map(Object.keys(defs).map((name) => [name, `${owner}_${name}`]));
    const rewrite = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (typeof node !== 'object' || node === null) return node;
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
          const target = names.get(decodeURIComponent(value.slice('#/$defs/'.length)));
          out[key] = target ? `#/components/schemas/${target}` : value;
        } else {
          out[key] = rewrite(value);
        }
      }
      return out;
    };
    for (const [name, def] of Object.entries(defs)) {
      const { $id: _id, $schema: _schema, ...rest } = def;
      this.components[names.get(name)!] = rewrite(rest) as JsonSchema;
    }
    return rewrite(json) as JsonSchema;
  }
}

/** Whether the parser accepts a missing input (`.optional()`), so the input may be left out. */
export function acceptsMissing(schema: unknown): boolean {
  const zod = (schema as { _zod?: { optin?: string } })._zod;
  if (zod?.optin === 'optional') return true;
  try {
    return (schema as z.ZodType).safeParse(undefined).success;
  } catch {
    return false;
  }
}
