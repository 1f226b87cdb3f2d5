import { sql, type Kysely } from 'kysely';
import type { DialectName } from '@licheng/db';

/** One table as the database itself describes it. */
export interface TableShape {
  name: string;
  /** Column names in their declared order. */
  columns: string[];
  primaryKey: string[];
  /** Tables this one's foreign keys point at. */
  references: string[];
}

/** Every base table of the database (not SQLite's own), sorted by name. */
export async function listTables(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and substr(name, 1, 7) <> 'sqlite_'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = database() and table_type = 'BASE TABLE'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

export async function describeTable(db: Kysely<any>, dialect: DialectName, table: string): Promise<TableShape> {
  if (dialect === 'sqlite') {
    const columns = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table}) order by cid`.execute(db);
    const fks = await sql<{ target: string }>`select distinct "table" as target from pragma_foreign_key_list(${table})`.execute(db);
    return {
      name: table,
      columns: columns.rows.map((c) => c.name),
      primaryKey: columns.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      references: fks.rows.map((f) => f.target),
    };
  }
  const columns = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = database() and table_name = ${table} order by ordinal_position`.execute(db);
  const pk = await sql<{ name: string }>`select column_name as name from information_schema.key_column_usage where table_schema = database() and table_name = ${table} and constraint_name = 'PRIMARY' order by ordinal_position`.execute(db);
  const fks = await sql<{ target: string }>`select distinct referenced_table_name as target from information_schema.key_column_usage where table_schema = database() and table_name = ${table} and referenced_table_name is not null`.execute(db);
  return { name: table, columns: columns.rows.map((c) => c.name), primaryKey: pk.rows.map((c) => c.name), references: fks.rows.map((f) => f.target) };
}

/**
 * Tables in an order where every table comes after the tables its foreign keys point at, so
 * rows can be inserted with the keys checked. Throws on a cycle (none of Licheng's tables has one).
 */
export function foreignKeyOrder(tables: TableShape[]): TableShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: TableShape[] = [];
  const visit = (table: TableShape, chain: string[]) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name)) throw new Error(`foreign keys form a cycle: ${[...chain, table.name].join(' → ')}`);
    visiting.add(table.name);
    for (const target of table.references) {
      const next = byName.get(target);
      if (next && next.name !== table.name) visit(next, [...chain, table.name]);
    }
    visiting.delete(table.name);
    done.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, []);
  return ordered;
}
