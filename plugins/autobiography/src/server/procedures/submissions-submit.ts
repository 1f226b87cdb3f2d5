import { blankStudyPlanSections, DomainError, studyPlanSectionLabels, type StudyPlanSections } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, currentStudent, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { lockedDocument, versionOf } from '../documents.ts';
import { kindInput, languageInput, versionNumber } from '../inputs.ts';
import { mirrorOf, syncMirror } from '../record-mirror.ts';
import { autobiographyDb } from '../tables.ts';
import { documentView } from '../views.ts';
import { assertLanguageKept, assertWritingWindow } from '../writing-window.ts';

/**
 * autobiography.submissions.submit — 送出檢核: the student sends their newest version (`version`
 * must be it, else 'version-conflict') to the school's checker. A study plan needs every section
 * written; a version that already passed, or was returned and not changed since, is not sent again. Its `records` row turns pending.
 */
export const submissionsSubmit = authedProcedure(['student'])
  .input(z.object({ kind: kindInput, language: languageInput, version: versionNumber }))
  .mutation(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    assertLanguageKept(ctx, input.language);
    await assertWritingWindow(ctx, student);
    return ctx.db.transaction().execute(async (trx) => {
      const before = await lockedDocument(trx, ctx, student, input.kind, input.language);
      if (!before) throw new DomainError('essay-no-draft', {});
      const latest = Number(before.latest_version);
      if (input.version !== latest) throw new DomainError('version-conflict', { latest });
      if (before.status === 'submitted') throw new DomainError('essay-submitted', {});
      if (before.status === 'passed') throw new DomainError('essay-already-passed', {});
      if (before.status === 'returned' && Number(before.submitted_version) === latest) throw new DomainError('essay-unchanged', {});
      const version = await versionOf(trx, before.id, latest);
      if (version?.sections) {
        const blank = blankStudyPlanSections(JSON.parse(version.sections) as StudyPlanSections);
        if (blank.length) throw new DomainError('essay-sections-blank', { sections: blank.map((s) => studyPlanSectionLabels[s][ctx.locale]).join(ctx.locale === 'en' ? ', ' : '、') });
      }
      const at = nowIso(ctx.now());
      const document = { ...before, status: 'submitted' as const, submitted_version: latest, submitted_at: at, updated_at: at };
      await autobiographyDb(trx).updateTable('autobiography_documents').set({ status: 'submitted', submitted_version: latest, submitted_at: at, updated_at: at }).where('id', '=', before.id).execute();
      document.record_id = await syncMirror(trx, ctx, document, mirrorOf(document, null));
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'autobiography.submit', entity: 'autobiography-document', entityId: before.id, studentId: student.id, before, after: document, at: ctx.now() });
      return documentView(document);
    });
  });
