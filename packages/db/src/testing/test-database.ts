import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { openMysql, openSqlite, type DialectName, type LichengDb } from '../connect.ts';

/** The MySQL/MariaDB server tests create their own databases on. */
export const testMysqlUrl = process.env.LICHENG_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/**
 * Dialects every database test runs on. MySQL is required; set LICHENG_TEST_DIALECTS=sqlite
 * to run the embedded dialect alone while working offline from a server.
 */
export function testDialects(): DialectName[] {
  const wanted = (process.env.LICHENG_TEST_DIALECTS ?? 'sqlite,mysql').split(',').map((s) => s.trim());
  return (['sqlite', 'mysql'] as const).filter((d) => wanted.includes(d));
}

export interface TestDatabase extends LichengDb {
  /** Where it is, as LICHENG_DATABASE_URL would say (for a second connection to the same database). */
  readonly url: string;
  /** Drops the database (MySQL) or deletes its folder (SQLite). */
  destroy(): Promise<void>;
}

/** A fresh, empty database of the given dialect, private to the caller. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const tag = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-test-'));
    const file = path.join(dir, 'test.sqlite');
    const db = openSqlite(file);
    return {
      ...db,
      url: `sqlite:${file}`,
      async destroy() {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `licheng_t_${tag}`;
  const admin = await createConnection({ uri: testMysqlUrl });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(testMysqlUrl);
  url.pathname = `/${name}`;
  const db = openMysql(url.toString());
  return {
    ...db,
    url: url.toString(),
    async destroy() {
      await db.destroy();
      const conn = await createConnection({ uri: testMysqlUrl });
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
