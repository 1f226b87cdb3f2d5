import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { columnTypes as t, tableOptions } from '@licheng/db';
import { definePlugin } from '../plugin.ts';
import { insertStoredFile, stageUpload } from '../records/files.ts';
import { authedProcedure, router } from '../trpc.ts';

/**
 * An office for the backup tests: it has its own migration scope and a table whose rows point
 * at stored files (a foreign key across scopes), and a procedure that stores an uploaded PDF.
 */
export const filer = definePlugin({
  id: 'filer-office',
  office: { 'zh-TW': '檔案測試', en: 'Filer' },
  roles: ['registry-staff'],
  migrations: {
    '0001_notes': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('filer_notes')
          .addColumn('id', t.id, (c) => c.primaryKey())
          .addColumn('stored_file_id', t.id, (c) => c.notNull().references('stored_files.id'))
          .addColumn('note', t.longText, (c) => c.notNull())
          .modifyEnd(tableOptions(db))
          .execute();
      },
    },
  },
  router: router({
    store: authedProcedure()
      .input(z.object({ text: z.string() }))
      .mutation(async ({ ctx, input }) => {
        const file = new File([`%PDF-1.7\n${input.text}`], `${input.text.slice(0, 20)}.pdf`);
        const staged = [await stageUpload(ctx, 'document', file)];
        return ctx.db.transaction().execute(async (trx) => {
          const id = await insertStoredFile(trx, ctx, staged[0]!);
          await (trx as Kysely<any>).insertInto('filer_notes').values({ id, stored_file_id: id, note: `附註：${input.text}\n第二行 "quoted" \\ 反斜線` }).execute();
          return { id, sha256: staged[0]!.sha256 };
        });
      }),
  }),
});

/** Every file and folder below `dir` with its permission bits. */
export function modesBelow(dir: string): Array<{ path: string; dir: boolean; mode: number }> {
  const out = [{ path: '.', dir: true, mode: fs.statSync(dir).mode & 0o777 }];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out.push({ path: path.relative(dir, full), dir: entry.isDirectory(), mode: fs.statSync(full).mode & 0o777 });
  }
  return out;
}
