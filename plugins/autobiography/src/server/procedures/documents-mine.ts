import { ESSAY_KINDS, essaySettings } from '@licheng/core';
import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import { checksOf, standingCheck } from '../documents.ts';
import { autobiographyDb } from '../tables.ts';
import { checkView, documentView } from '../views.ts';
import { writingWindow } from '../writing-window.ts';

/**
 * autobiography.documents.mine — the signed-in student's documents: every kind in every language
 * the school keeps (one not written yet has status 'new'), with the decision that stands, the
 * school's settings (checker, length, languages) and the writing window.
 */
export const documentsMine = authedProcedure(['student'])
  .input(z.object({}).strict().optional())
  .query(async ({ ctx }) => {
    const student = await currentStudent(ctx);
    const settings = essaySettings(ctx.config);
    const rows = await autobiographyDb(ctx.db).selectFrom('autobiography_documents').selectAll().where('school_code', '=', ctx.config.code).where('student_id', '=', student.id).execute();
    const documents = [];
    for (const kind of ESSAY_KINDS) {
      for (const language of settings.languages) {
        const row = rows.find((r) => r.kind === kind && r.language === language);
        if (!row) {
          documents.push({ id: null, kind, language, status: 'new' as const, latestVersion: 0, submittedVersion: null, submittedAt: null, standing: null });
          continue;
        }
        const standing = standingCheck(await checksOf(ctx.db, row.id));
        documents.push({ ...documentView(row), standing: standing ? checkView(standing) : null });
      }
    }
    return { settings, window: await writingWindow(ctx, student), documents };
  });
