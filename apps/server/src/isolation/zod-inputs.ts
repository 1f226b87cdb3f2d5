import type { z } from 'zod';

/**
 * Inputs for a procedure built from its zod schema: each id field holds another school's ids,
 * everything else the smallest value the schema accepts. A leaf's value is chosen by trying
 * candidates against the leaf's own schema, so formats and patterns (dates, class names, course
 * codes) are met without knowing them here.
 */

type Schema = z.ZodType & { _zod: { def: Record<string, any> } };

/** A field that names a row by its id (or a stored object by its hash). */
export const isIdField = (name: string): boolean => /(^id|Id|^ids|Ids|^hash|Hash|^sha256)$/.test(name);

export interface InputSources {
  /** Ids of the other school that may fill the id field `name` (by name, else every table's). */
  idsFor(name: string): string[];
  /** Plain values to try for the non-id field `name`, best first (the calling school's own data). */
  samplesFor(name: string): unknown[];
  /** A small file a file field accepts. */
  file(name: string): File;
  /** The calling school's own ids for the id field `name` (to mix with the other school's: A's batch, B's student). */
  ownIdsFor?(name: string): string[];
}

const MAX_VARIANTS = 40;

/** Fields no candidate was found for since the last `takeUnfilled()` (what the generator could not fill). */
const unfilled = new Set<string>();
export function takeUnfilled(): string[] {
  const out = [...unfilled];
  unfilled.clear();
  return out;
}

const def = (s: Schema) => s._zod.def;
const accepts = (s: Schema, v: unknown) => s.safeParse(v).success;

/** Candidate values for `schema`, best first; each contains the other school's ids where the schema has id fields. */
export function candidates(schema: Schema, name: string, sources: InputSources, depth = 0): unknown[] {
  if (depth > 8) return [];
  const d = def(schema);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional': {
      const inner = candidates(d.innerType as Schema, name, sources, depth + 1);
      // An optional id field is filled (it is what is tested); an optional plain field is left out.
      if (inner.length && (isIdField(name) || containsIds(d.innerType as Schema, name))) return inner;
      if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') return [undefined, ...inner];
      if (d.type === 'nullable') return [null, ...inner];
      return inner;
    }
    case 'lazy':
      return candidates(d.getter() as Schema, name, sources, depth + 1);
    case 'pipe': {
      // What is sent is what the first schema of the pipe takes.
      const sent = candidates(d.in as Schema, name, sources, depth + 1).filter((v) => accepts(schema, v));
      return sent.length ? sent : candidates(d.out as Schema, name, sources, depth + 1).filter((v) => accepts(schema, v));
    }
    case 'object': {
      const shape = d.shape as Record<string, Schema>;
      const fields = Object.entries(shape).map(([key, field]) => [key, candidates(field, key, sources, depth + 1), isIdField(key) || containsIds(field, key)] as const);
      const empty = fields.filter(([, values]) => values.length === 0);
      if (empty.length) {
        for (const [key] of empty) unfilled.add(`${key} (${def(shape[key]!).type})`);
        return [];
      }
      // Two starting points: optional plain fields left out, and every field filled (for objects whose refinements want them).
      const minimal = Object.fromEntries(fields.map(([key, values]) => [key, values[0]]));
      const full = Object.fromEntries(fields.map(([key, values]) => [key, values.find((v) => v !== undefined && v !== null && v !== false) ?? values.find((v) => v !== undefined)]));
      // A third: every id field on the calling school's own row, one at a time swapped for the other school's
      // (a parent of the caller's school with a child of the other: A's meeting, B's member).
      const own = new Set(fields.filter(([, , hasIds]) => hasIds).flatMap(([key]) => sources.ownIdsFor?.(key) ?? []));
      const ownBase = Object.fromEntries(fields.map(([key, values, hasIds]) => [key, hasIds ? (values.find((v) => holdsAny(v, own)) ?? values[0]) : values[0]]));
      const idKeys = fields.filter(([, , hasIds]) => hasIds).length;
      // Each base with one id field at a time taking each of its values (other fields keep their first).
      const varied = (base: Record<string, unknown>) => {
        const out = [base];
        for (const [key, values, hasIds] of fields) if (hasIds) for (const value of values.slice(1)) if (out.length < 2 * MAX_VARIANTS) out.push({ ...base, [key]: value });
        return unique(out).filter((v) => accepts(schema, v));
      };
      const fromMinimal = varied(minimal);
      // The full base varies only when the minimal one is refused (a refinement wants the optional fields).
      const fromFull = fromMinimal.length ? [full].filter((v) => accepts(schema, dropUndefined(v))).map(dropUndefined) : varied(full);
      const accepted = unique([...fromMinimal, ...fromFull, ...(idKeys > 1 ? varied(ownBase) : [])]);
      return accepted.length ? accepted : unique([minimal, full]);
    }
    case 'array': {
      const elements = candidates(d.element as Schema, name, sources, depth + 1);
      const out = elements.slice(0, MAX_VARIANTS).map((e) => [e]);
      if (accepts(schema, [])) out.push([]);
      // Arrays with a minimum length get that many copies of the element.
      return out.map((a) => (accepts(schema, a) || a.length === 0 ? a : Array.from({ length: minLength(schema) }, () => a[0]))).filter((a) => accepts(schema, a));
    }
    case 'tuple':
      return [(d.items as Schema[]).map((item) => candidates(item, name, sources, depth + 1)[0])];
    case 'record': {
      const keys = candidates(d.keyType as Schema, name, sources, depth + 1);
      const values = candidates(d.valueType as Schema, name, sources, depth + 1);
      return [{}, ...(keys.length && values.length ? [{ [String(keys[0])]: values[0] }] : [])].filter((v) => accepts(schema, v));
    }
    case 'union': {
      const out: unknown[] = [];
      for (const option of d.options as Schema[]) out.push(...candidates(option, name, sources, depth + 1).slice(0, Math.max(2, Math.floor(MAX_VARIANTS / d.options.length))));
      return out.filter((v) => accepts(schema, v));
    }
    case 'intersection': {
      const left = candidates(d.left as Schema, name, sources, depth + 1);
      const right = candidates(d.right as Schema, name, sources, depth + 1);
      return left.flatMap((l) => right.slice(0, 1).map((r) => (isPlain(l) && isPlain(r) ? { ...r, ...l } : l))).filter((v) => accepts(schema, v));
    }
    case 'enum':
      return Object.values(d.entries as Record<string, unknown>);
    case 'literal':
      return [...(d.values as unknown[])];
    case 'boolean':
      return [false, true];
    case 'null':
      return [null];
    case 'undefined':
    case 'void':
      return [undefined];
    case 'any':
    case 'unknown':
      return [null];
    case 'date':
      return [new Date('2026-11-27T04:00:00Z')];
    case 'custom':
      return [sources.file(name), new FormData(), ...sources.samplesFor(name), ...GENERIC.number, ...GENERIC.string].filter((v) => accepts(schema, v)).slice(0, 1);
    case 'file':
      return [sources.file(name)];
    case 'transform':
      return [];
    default:
      return leaf(schema, name, sources);
  }
}

function leaf(schema: Schema, name: string, sources: InputSources): unknown[] {
  const type = def(schema).type as string;
  if (type === 'string' && isIdField(name)) {
    const ids = [...sources.idsFor(name), ...(sources.ownIdsFor?.(name) ?? [])].filter((id) => accepts(schema, id));
    if (ids.length) return ids;
  }
  const tried = [...sources.samplesFor(name), ...GENERIC[type as keyof typeof GENERIC] ?? []];
  const ok = tried.filter((v) => accepts(schema, v));
  if (ok.length) return ok;
  if (type === 'string') {
    const n = minLength(schema);
    const padded = 'x'.repeat(Math.max(1, n));
    return accepts(schema, padded) ? [padded] : [];
  }
  return [];
}

const GENERIC = {
  string: ['x', '測試', '101', '2026-11-27', '2026-11-27T04:00:00.000Z', '09:00', '114', '1', 'T01', 'a@b.example', '999901', 'https://example.org/', 'A', '12:00'],
  number: [1, 0, 115, 114, 2, 100, 2026],
  int: [1, 0, 115, 114, 2, 100],
  bigint: [1n],
};

function minLength(schema: Schema): number {
  const checks = (def(schema).checks ?? []) as Array<{ _zod: { def: { check: string; minimum?: number; length?: number } } }>;
  let n = 0;
  for (const c of checks) {
    if (c._zod.def.check === 'min_length' && c._zod.def.minimum) n = Math.max(n, c._zod.def.minimum);
    if (c._zod.def.check === 'length_equals' && c._zod.def.length) n = Math.max(n, c._zod.def.length);
  }
  return n;
}

/** Whether any field below `schema` is an id field. */
export function containsIds(schema: Schema, name = '', depth = 0): boolean {
  if (depth > 8) return false;
  if (isIdField(name) && def(schema).type !== 'object') return true;
  const d = def(schema);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return containsIds(d.innerType, name, depth + 1);
    case 'lazy':
      return containsIds(d.getter(), name, depth + 1);
    case 'pipe':
      return containsIds(d.in, name, depth + 1) || containsIds(d.out, name, depth + 1);
    case 'object':
      return Object.entries(d.shape as Record<string, Schema>).some(([k, v]) => containsIds(v, k, depth + 1));
    case 'array':
      return containsIds(d.element, name, depth + 1);
    case 'union':
      return (d.options as Schema[]).some((o) => containsIds(o, name, depth + 1));
    case 'intersection':
      return containsIds(d.left, name, depth + 1) || containsIds(d.right, name, depth + 1);
    default:
      return false;
  }
}

/** Every id field name below `schema`. */
export function idFieldNames(schema: Schema, name = '', depth = 0, out = new Set<string>()): Set<string> {
  if (depth > 8) return out;
  const d = def(schema);
  if (isIdField(name) && d.type === 'string') out.add(name);
  for (const child of children(d)) idFieldNames(child.schema, child.name ?? name, depth + 1, out);
  return out;
}

function children(d: Record<string, any>): Array<{ schema: Schema; name?: string }> {
  switch (d.type) {
    case 'object':
      return Object.entries(d.shape as Record<string, Schema>).map(([name, schema]) => ({ schema, name }));
    case 'lazy':
      return [{ schema: d.getter() }];
    case 'pipe':
      return [{ schema: d.in }, { schema: d.out }];
    case 'union':
      return (d.options as Schema[]).map((schema) => ({ schema }));
    case 'intersection':
      return [{ schema: d.left }, { schema: d.right }];
    case 'array':
      return [{ schema: d.element }];
    case 'record':
      return [{ schema: d.valueType }];
    default:
      return d.innerType ? [{ schema: d.innerType }] : [];
  }
}

/** Values without their undefined fields, each once. */
function unique(values: Record<string, unknown>[]): Record<string, unknown>[] {
  return [...new Map(values.map(dropUndefined).map((v) => [JSON.stringify(v, (_k, x: unknown) => (x instanceof File ? `file:${x.name}` : x)), v])).values()];
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Whether `value` holds one of `ids` anywhere. */
export function holdsAny(value: unknown, ids: ReadonlySet<string>): boolean {
  if (typeof value === 'string') return ids.has(value);
  if (Array.isArray(value)) return value.some((v) => holdsAny(v, ids));
  if (value instanceof FormData) return [...value.values()].some((v) => holdsAny(v, ids));
  if (isPlain(value)) return Object.values(value).some((v) => holdsAny(v, ids));
  return false;
}
