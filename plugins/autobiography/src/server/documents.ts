import { DomainError, essayCharCount, studyPlanCharCount, studyPlanText, type EssayKind, type EssayLanguage, type StudyPlanSections } from '@licheng/core';
import { forUpdate, newId, nowIso } from '@licheng/db';
import { lockStudent, writeAudit, type AuthedContext, type PlatformDatabase, type Student } from '@licheng/server';
import type { Kysely } from 'kysely';
import { autobiographyDb, type CheckRow, type DocumentRow, type VersionRow } from './tables.ts';

/** What a student writes: an autobiography's text, or a study plan's sections. */
export type EssayContent = { kind: 'autobiography'; text: string } | { kind: 'study-plan'; sections: StudyPlanSections };

/** The text and length of what was written (a study plan counts only its sections). */
export function contentText(content: EssayContent): { text: string; sections: string | null; charCount: number } {
  if (content.kind === 'autobiography') return { text: content.text, sections: null, charCount: essayCharCount(content.text) };
  return { text: studyPlanText(content.sections), sections: JSON.stringify(content.sections), charCount: studyPlanCharCount(content.sections) };
}

/** The student's document of this kind and language, locked for the rest of the transaction; null if none yet. */
export async function lockedDocument(trx: Kysely<PlatformDatabase>, ctx: AuthedContext, student: Student, kind: EssayKind, language: EssayLanguage): Promise<DocumentRow | null> {
  await lockStudent(trx, ctx, student.id);
  const query = autobiographyDb(trx)
    .selectFrom('autobiography_documents')
    .selectAll()
    .where('school_code', '=', ctx.config.code)
    .where('student_id', '=', student.id)
    .where('kind', '=', kind)
    .where('language', '=', language);
  return (await forUpdate(query, ctx.dialect).executeTakeFirst()) ?? null;
}

/** The student's document of this kind and language, unlocked; null if none yet. */
export async function findDocument(ctx: AuthedContext, studentId: string, kind: EssayKind, language: EssayLanguage): Promise<DocumentRow | null> {
  const row = await autobiographyDb(ctx.db)
    .selectFrom('autobiography_documents')
    .selectAll()
    .where('school_code', '=', ctx.config.code)
    .where('student_id', '=', studentId)
    .where('kind', '=', kind)
    .where('language', '=', language)
    .executeTakeFirst();
  return row ?? null;
}

export async function versionOf(db: Kysely<PlatformDatabase>, documentId: string, number: number): Promise<VersionRow | null> {
  return (await autobiographyDb(db).selectFrom('autobiography_versions').selectAll().where('document_id', '=', documentId).where('number', '=', number).executeTakeFirst()) ?? null;
}

export async function versionsOf(db: Kysely<PlatformDatabase>, documentId: string): Promise<VersionRow[]> {
  return autobiographyDb(db).selectFrom('autobiography_versions').selectAll().where('document_id', '=', documentId).orderBy('number', 'desc').execute();
}

/** The document's decisions, newest first (reopened ones included, marked). */
export async function checksOf(db: Kysely<PlatformDatabase>, documentId: string): Promise<CheckRow[]> {
  return autobiographyDb(db).selectFrom('autobiography_checks').selectAll().where('document_id', '=', documentId).orderBy('decided_at', 'desc').orderBy('id', 'desc').execute();
}

/** The decision that still stands last (not taken back), if any. */
export const standingCheck = (checks: readonly CheckRow[]) => checks.find((c) => c.reopened_at === null) ?? null;

/**
 * Writes a new version on top of `baseVersion` — never over an existing one. A base that is not
 * the newest (someone saved in between, another tab) is refused with 'version-conflict' inside
 * the transaction, after the student's row is locked; a submitted document cannot change.
 */
export async function writeVersion(
  ctx: AuthedContext,
  student: Student,
  input: { kind: EssayKind; language: EssayLanguage; baseVersion: number; content: { text: string; sections: string | null; charCount: number }; restoredFrom: number | null; action: string },
): Promise<{ document: DocumentRow; version: VersionRow }> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await lockedDocument(trx, ctx, student, input.kind, input.language);
    const latest = before?.latest_version ?? 0;
    if (input.baseVersion !== latest) throw new DomainError('version-conflict', { latest });
    if (before?.status === 'submitted') throw new DomainError('essay-submitted', {});
    const at = nowIso(ctx.now());
    const db = autobiographyDb(trx);
    let document: DocumentRow;
    if (before) {
      document = { ...before, status: 'draft', latest_version: latest + 1, updated_at: at };
      await db.updateTable('autobiography_documents').set({ status: 'draft', latest_version: latest + 1, updated_at: at }).where('id', '=', before.id).where('latest_version', '=', latest).execute();
    } else {
      document = { id: newId(), school_code: ctx.config.code, student_id: student.id, kind: input.kind, language: input.language, status: 'draft', latest_version: 1, submitted_version: null, submitted_at: null, record_id: null, created_at: at, updated_at: at };
      await db.insertInto('autobiography_documents').values(document).execute();
    }
    const version: VersionRow = {
      id: newId(),
      school_code: ctx.config.code,
      document_id: document.id,
      number: latest + 1,
      text: input.content.text,
      sections: input.content.sections,
      char_count: input.content.charCount,
      restored_from: input.restoredFrom,
      saved_by: ctx.identity.userId,
      saved_by_name: ctx.identity.name,
      saved_at: at,
    };
    await db.insertInto('autobiography_versions').values(version).execute();
    await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: input.action, entity: 'autobiography-document', entityId: document.id, studentId: student.id, before: before ?? undefined, after: { ...document, version: version.number, charCount: version.char_count }, at: ctx.now() });
    return { document, version };
  });
}
