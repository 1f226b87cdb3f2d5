import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes as t, dialectOf } from '@licheng/db';

/** What the database answers to an UPDATE or DELETE of an audit row. */
export const AUDIT_APPEND_ONLY_MESSAGE = 'audit_log is append-only: audit rows are never updated or deleted';

/**
 * The audit trail becomes append-only in the database itself: triggers refuse every UPDATE and
 * DELETE of audit_log, whoever connects (INSERT stays allowed — a restore fills a fresh
 * database with INSERTs). Adds the student an entry concerns and the operation (an import) it
 * is part of, and the indexes the registry office's audit screen filters by — each ending in
 * (at, id), so a filtered page is read newest first straight from the index.
 */
export const auditAppendOnly: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('audit_log').addColumn('student_id', t.id).execute();
    await db.schema.alterTable('audit_log').addColumn('parent_id', t.id).execute();
    await db.schema.createIndex('audit_school_at').on('audit_log').columns(['school_code', 'at', 'id']).execute();
    await db.schema.createIndex('audit_school_entity').on('audit_log').columns(['school_code', 'entity', 'entity_id', 'at', 'id']).execute();
    await db.schema.createIndex('audit_school_actor').on('audit_log').columns(['school_code', 'actor_id', 'at', 'id']).execute();
    await db.schema.createIndex('audit_school_student').on('audit_log').columns(['school_code', 'student_id', 'at', 'id']).execute();
    await db.schema.createIndex('audit_parent').on('audit_log').columns(['parent_id']).execute();
    // (entity, entity_id) is covered by audit_school_entity now.
    const dropEntity = db.schema.dropIndex('audit_entity');
    await (dialectOf(db) === 'mysql' ? dropEntity.on('audit_log') : dropEntity).execute();
    const message = sql.lit(AUDIT_APPEND_ONLY_MESSAGE);
    for (const event of ['UPDATE', 'DELETE'] as const) {
      const name = sql.raw(`audit_log_no_${event.toLowerCase()}`);
      const on = sql.raw(event);
      if (dialectOf(db) === 'mysql') {
        await sql`CREATE TRIGGER ${name} BEFORE ${on} ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = ${message}`.execute(db);
      } else {
        await sql`CREATE TRIGGER ${name} BEFORE ${on} ON audit_log BEGIN SELECT RAISE(ABORT, ${message}); END`.execute(db);
      }
    }
  },
};
