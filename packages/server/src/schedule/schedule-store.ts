import type { Kysely, Selectable } from 'kysely';
import { resolveSchedule, type Activity, type RelativeDate, type SchoolConfig, type ScheduleWindow } from '@licheng/core';
import { isWriteConflict, newId, nowIso } from '@licheng/db';
import type { LichengContext } from '../context.ts';
import type { PlatformDatabase, ScheduleWindowTable } from '../platform/tables.ts';

/**
 * 作業期程 in the database. The working group sets the school's windows on screen; the school
 * config's `schedule` only seeds the table the first time the school has none. Every office
 * reads the current windows with `scheduleOf(ctx)`, from the database, so a change takes effect
 * at once in every server process.
 */

/** A stored window: the core window with its row's id, version and who changed it last. */
export interface StoredScheduleWindow extends ScheduleWindow {
  id: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
  removedAt: string | null;
}

export type ScheduleWindowRow = Selectable<ScheduleWindowTable>;

const list = <T>(json: string | null): T[] | undefined => (json === null ? undefined : (JSON.parse(json) as T[]));
const relative = (json: string | null): RelativeDate | undefined => (json === null ? undefined : (JSON.parse(json) as RelativeDate));
const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** A row as a window (lists parsed; absent fields left out). */
export function windowOfRow(row: ScheduleWindowRow): StoredScheduleWindow {
  const w: StoredScheduleWindow = {
    id: row.id,
    activity: row.activity as Activity,
    academicYear: Number(row.academic_year),
    semester: Number(row.semester) as 0 | 1 | 2,
    start: row.start_date,
    end: row.end_date,
    version: Number(row.version),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name,
    removedAt: row.removed_at,
  };
  const optional = {
    grades: list<number>(row.grades),
    classes: list<string>(row.classes),
    recordKinds: list<string>(row.record_kinds),
    selfCheck: row.self_check ?? undefined,
    qualifier: row.qualifier ?? undefined,
    startFrom: relative(row.start_from),
    endFrom: relative(row.end_from),
    reminderLeadDays: list<number>(row.reminder_leads),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (w as unknown as Record<string, unknown>)[key] = value;
  return w;
}

/** The columns a window's own fields fill (everything but id, school, version and who/when). */
export function windowColumns(w: ScheduleWindow) {
  return {
    activity: w.activity,
    academic_year: w.academicYear,
    semester: w.semester,
    start_date: w.start,
    end_date: w.end,
    grades: json(w.grades ? [...w.grades].sort((a, b) => a - b) : undefined),
    classes: json(w.classes),
    record_kinds: json(w.recordKinds),
    self_check: w.selfCheck ?? null,
    qualifier: w.qualifier ?? null,
    start_from: json(w.startFrom),
    end_from: json(w.endFrom),
    reminder_leads: json(w.reminderLeadDays ? [...w.reminderLeadDays].sort((a, b) => b - a) : undefined),
  };
}

/** Who the seeded rows name as their author (created_by, updated_by): the school's configuration file. */
export const SCHEDULE_SEED_ACTOR = { userId: 'school-config', name: '學校設定檔 (school config)' };

/**
 * Seeds `config.schedule` into the table the first time the school has no schedule there, in one
 * transaction; the rows name the config as their author (version 1) and `schedule_schools` keeps
 * when the seed happened. It is not in the audit trail, which holds the changes people make. Safe with several processes: the school's row in
 * `schedule_schools` is inserted first, so only one seed ever commits. Returns whether this call
 * seeded. Config windows may name each other by `id`; the anchors are mapped to the new row ids.
 */
export async function seedSchedule(db: Kysely<PlatformDatabase>, config: Pick<SchoolConfig, 'code' | 'schedule'>, at: Date = new Date()): Promise<boolean> {
  const school = config.code;
  const exists = await db.selectFrom('schedule_schools').select('school_code').where('school_code', '=', school).executeTakeFirst();
  if (exists) return false;
  try {
    return await db.transaction().execute(async (trx) => {
      await trx.insertInto('schedule_schools').values({ school_code: school, seeded_at: nowIso(at), changes: 0 }).execute();
      const ids = new Map(config.schedule.map((w, i) => [w.id ?? `#${i}`, newId()]));
      const remap = (r: RelativeDate | undefined) => (r ? { ...r, anchor: ids.get(r.anchor) ?? r.anchor } : undefined);
      const rows = config.schedule.map((w, i) => ({
        id: ids.get(w.id ?? `#${i}`)!,
        school_code: school,
        ...windowColumns({ ...w, startFrom: remap(w.startFrom), endFrom: remap(w.endFrom) }),
        version: 1,
        created_at: nowIso(at),
        created_by: SCHEDULE_SEED_ACTOR.userId,
        updated_at: nowIso(at),
        updated_by: SCHEDULE_SEED_ACTOR.userId,
        updated_by_name: SCHEDULE_SEED_ACTOR.name,
        removed_at: null,
        removed_by: null,
      }));
      if (rows.length) await trx.insertInto('schedule_windows').values(rows).execute();
      return true;
    });
  } catch (error) {
    // Another process seeded the school meanwhile.
    if (isWriteConflict(error)) return false;
    throw error;
  }
}

/** Every stored window of the school, removed ones included (for the working group's editor), as saved. */
export async function storedWindows(db: Kysely<PlatformDatabase>, school: string, academicYear?: number): Promise<StoredScheduleWindow[]> {
  let query = db.selectFrom('schedule_windows').selectAll().where('school_code', '=', school);
  if (academicYear !== undefined) query = query.where('academic_year', '=', academicYear);
  const rows = await query.orderBy('start_date').orderBy('id').execute();
  return rows.map(windowOfRow);
}

/**
 * The school's current windows (removed ones left out), relative dates resolved to concrete
 * ones: what every office enforces and shows. Read from the database on every call (the config
 * seeds it the first time). Inside a transaction, pass the transaction as `db`.
 */
export async function scheduleOf(ctx: Pick<LichengContext, 'db' | 'config' | 'now'>, db: Kysely<PlatformDatabase> = ctx.db): Promise<StoredScheduleWindow[]> {
  const read = () => db.selectFrom('schedule_windows').selectAll().where('school_code', '=', ctx.config.code).where('removed_at', 'is', null).orderBy('start_date').orderBy('id').execute();
  let rows = await read();
  // One query when the school has windows; with none, seed first (the server seeds at start-up,
  // so this is for a database the server has not opened yet). A transaction cannot open another.
  if (rows.length === 0 && !db.isTransaction && (await seedSchedule(db, ctx.config, ctx.now()))) rows = await read();
  return resolveSchedule(rows.map(windowOfRow));
}
