import type { LichengDb } from '@licheng/db';

/** The shared database, as the tests reach it. */
type Db = LichengDb['kysely'];

/** Tables that carry no school code, each with why that is safe to leave out of a school's dump. */
export const TABLES_WITHOUT_SCHOOL: Record<string, string> = {
  job_leases: 'one lease per background job of the deployment (ADR 0026); it names a job, never a row of a school',
};

export interface SchoolTable {
  name: string;
  columns: string[];
  /** The column naming the school a row belongs to. */
  schoolColumn: string;
}

/** Tables whose rows name their school in another column than `school_code`. */
const SCHOOL_COLUMNS: Record<string, string> = {
  deployment_schools: 'code', // a school of the deployment: its configuration (docs/adr/0040)
};

/** Every table of the database with its columns, the migration bookkeeping tables left out. */
export async function listSchoolTables(db: Db): Promise<{ withSchool: SchoolTable[]; without: string[] }> {
  const tables = (await db.introspection.getTables()).filter((t) => !t.name.startsWith('licheng_migrations_'));
  const shaped = tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name), schoolColumn: SCHOOL_COLUMNS[t.name] ?? 'school_code' }));
  return { withSchool: shaped.filter((t) => t.columns.includes(t.schoolColumn)), without: shaped.filter((t) => !t.columns.includes(t.schoolColumn)).map((t) => t.name) };
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString('hex')}`;
  if (typeof value === 'bigint') return String(value);
  return value;
}

/** Every row of every table that belongs to `school`, as sorted JSON lines per table. */
export async function dumpSchool(db: Db, tables: SchoolTable[], school: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await db.selectFrom(table.name).selectAll().where(table.schoolColumn, '=', school).execute();
    out[table.name] = rows.map((row) => JSON.stringify(table.columns.map((c) => canonical(row[c])))).sort();
  }
  return out;
}

/**
 * Some ids of `school`'s rows per table that has an `id` column, chosen to differ: the first,
 * middle and last, and one of each kind and status (rows of one table differ in what a
 * procedure does with them), at most `max` per table.
 */
export async function idsBySchoolTable(db: Db, tables: SchoolTable[], school: string, max = 24): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tables.filter((t) => t.columns.includes('id'))) {
    const sorts = ['kind', 'status', 'activity', 'roster'].filter((c) => table.columns.includes(c));
    const rows = await db.selectFrom(table.name).select(['id', ...sorts]).where('school_code', '=', school).orderBy('id').execute();
    const picked = new Set<string>([0, Math.floor(rows.length / 2), rows.length - 1].map((i) => rows[i]?.id).filter((id): id is string => !!id).map(String));
    const seen = new Set<string>();
    for (const row of rows) {
      const key = sorts.map((c) => String(row[c])).join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      picked.add(String(row.id));
    }
    out[table.name] = [...picked].slice(0, max);
  }
  return out;
}

/** Every id of `school`, over all its tables. */
export async function allIdsOf(db: Db, tables: SchoolTable[], school: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const table of tables.filter((t) => t.columns.includes('id'))) {
    for (const row of await db.selectFrom(table.name).select('id').where('school_code', '=', school).execute()) out.add(String(row.id));
  }
  return out;
}

/** Strings of a dump's values (and of JSON held in them), each at least `min` characters. */
function stringsOf(dump: Record<string, string[]>, min: number): Set<string> {
  const out = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length >= min) out.add(value);
      if (/^[[{]/.test(value)) {
        try {
          add(JSON.parse(value));
        } catch {
          // not JSON: the string itself was added
        }
      }
    } else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  for (const lines of Object.values(dump)) for (const line of lines) add(JSON.parse(line));
  return out;
}

/**
 * The strings only `school`'s dump holds — its ids, its people's names, its own texts — and
 * not `other`'s: any of them in an answer to the other school's user is the school's data.
 */
export function stringsOnlyIn(dump: Record<string, string[]>, other: Record<string, string[]>): string[] {
  const theirs = stringsOf(other, 1);
  // Timestamps of the shared clock and storage paths are not a school's data.
  // Codes of the product's vocabulary (`not-selected`, `deemed-confirmed`) are nobody's data either.
  return [...stringsOf(dump, 4)].filter((s) => !theirs.has(s) && !/^\d{4}-\d\d-\d\d([T ][\d:.]+Z?)?$/.test(s) && !/^[\d.]+$/.test(s) && !/^[[{]/.test(s) && !/^[a-z]+([-_.:][a-z]+)*$/.test(s));
}

/** Finds which of `needles` occur in a text: token-like ones by token, the others by search. */
export function makeLeakFinder(needles: string[]): (text: string) => string[] {
  const tokenLike = new Set(needles.filter((n) => /^[A-Za-z0-9_-]+$/.test(n)));
  const others = needles.filter((n) => !tokenLike.has(n));
  return (text: string) => {
    const found = new Set<string>();
    for (const token of text.match(/[A-Za-z0-9_-]+/g) ?? []) if (tokenLike.has(token)) found.add(token);
    for (const n of others) if (text.includes(n)) found.add(n);
    return [...found];
  };
}
