import type { z } from 'zod';
import { ROLES, type Role } from '@licheng/core';
import { formDataFieldsOf, type LichengApp } from '@licheng/server';
import type { RoutePolicy } from '../authorization-policy.ts';
import { samplePdf } from '../demo/sample-files.ts';
import { userOf } from './two-schools.ts';
import { candidates, holdsAny, idFieldNames, takeUnfilled, type InputSources } from './zod-inputs.ts';

export interface ProcedureEntry {
  path: string;
  type: 'query' | 'mutation';
  inputs: z.ZodType[];
}

/** Every procedure of the app's composed router (platform and every office). */
export function proceduresOf(app: LichengApp): ProcedureEntry[] {
  const record = (app.trpcRouter as unknown as { _def: { procedures: Record<string, { _def: { type: 'query' | 'mutation'; inputs: z.ZodType[] } }> } })._def.procedures;
  return Object.entries(record).map(([path, p]) => ({ path, type: p._def.type, inputs: p._def.inputs }));
}

/** What calling one procedure with the other school's ids came to. */
export interface ProcedureOutcome {
  path: string;
  idFields: string[];
  /** Calls whose input the schema accepted and that held the other school's ids. */
  reachedWithIds: number;
  /** …of those, how many held an id from the table the field names (not only some other table's). */
  reachedWithMatchingIds: number;
  calls: number;
  /** Calls the procedure's input validation refused (the generator's failures). */
  rejectedInputs: string[];
  /** What the input schema said to the inputs built for it (when none was accepted). */
  refusedInputs: string[];
  /** What each call that got past input validation answered, or the refusal's message (for the search for the other school's data). */
  answers: Array<{ role: Role; input: string; text: string }>;
  /** Unexpected failures (500s) with their message. */
  crashes: string[];
}

/** The input's id fields mapped to the tables their ids come from. */
export type IdTables = (field: string) => { tables: string[]; matched: boolean };

/** The pseudo-table of host user ids only the other school has (ids of people, named by `userId` fields). */
export const HOST_USERS = '#host-users';

const ID_TABLES: Record<string, string[]> = {
  record: ['records'],
  student: ['students'],
  file: ['stored_files'],
  documentFile: ['stored_files'],
  mediaFile: ['stored_files'],
  course: ['courses'],
  teacher: ['teachers'],
  batch: ['receipt_batches'],
  item: ['receipt_items'],
  issue: ['receipt_issues'],
  meeting: ['working_group_meetings'],
  member: ['working_group_members'],
  training: ['working_group_trainings'],
  proxy: ['proxies'],
  absence: ['staff_absences'],
  departure: ['staff_departures'],
  document: ['autobiography_documents'],
  version: ['autobiography_versions', 'curriculum_plan_versions'],
  check: ['autobiography_checks'],
  run: ['curriculum_precheck_runs'],
  difference: ['curriculum_precheck_differences'],
  line: ['curriculum_plan_lines'],
  group: ['curriculum_class_groups'],
  appeal: ['grade_appeals'],
  grade: ['course_grades'],
  snapshot: ['roster_snapshots'],
  export: ['roster_exports'],
  roster: ['receipt_rosters', 'roster_snapshots'],
  window: ['schedule_windows'],
  proposal: ['working_group_award_proposals'],
  decision: ['working_group_award_decisions'],
  consent: ['portfolio_consents'],
  correction: ['receipt_corrections'],
  paperReturn: ['receipt_paper_returns'],
  return: ['receipt_paper_returns'],
  change: ['status_changes'],
  statusChange: ['status_changes'],
  reminder: ['reminders', 'homeroom_reminders'],
  selection: ['selections'],
  advisee: ['advisees'],
  enrolment: ['enrolments'],
  placement: ['term_placements'],
  purge: ['retention_purges'],
  selfCheck: ['working_group_self_checks'],
  audit: ['audit_log'],
  // Host user ids (people, not rows): those only B has.
  user: [HOST_USERS],
  subject: [HOST_USERS],
  principal: [HOST_USERS],
  proxyUser: [HOST_USERS],
};

/** For a field named only `id` or `ids`, the table the procedure's path names (`<office>.records.correct` → records). */
const PATH_TABLES: Array<[RegExp, string[]]> = [
  [/\.records\.|^student\.performances\./, ['records']],
  [/^working-group\.schedule\./, ['schedule_windows']],
  [/^working-group\.members\./, ['working_group_members']],
  [/^working-group\.meetings\./, ['working_group_meetings']],
  [/^working-group\.trainings\./, ['working_group_trainings']],
  [/^working-group\.evaluation\./, ['working_group_award_proposals']],
  [/^working-group\.absences\./, ['staff_absences']],
  [/^working-group\.departures\./, ['staff_departures']],
  [/^working-group\.proxies\./, ['proxies']],
  [/^platform\.reminders\./, ['reminders']],
  [/^homeroom\.reminders\./, ['homeroom_reminders']],
  [/^counseling\.advisees\./, ['advisees']],
  [/^registry\.audit\./, ['audit_log']],
];

/** The tables an id field's ids come from: by its name (or the procedure's path for a bare `id`) where they say, else every table with ids. */
export function idTablesBy(idsByTable: Record<string, string[]>, path: string): IdTables {
  const withRows = Object.keys(idsByTable).filter((t) => idsByTable[t]!.length > 0);
  return (field) => {
    const stem = field.replace(/(Ids|Id|ids|id|Hash|hash)$/, '');
    const byName = stem === '' ? (PATH_TABLES.find(([re]) => re.test(path))?.[1] ?? []) : (ID_TABLES[stem] ?? ID_TABLES[stem.replace(/^(source|target|from|to|previous|other|new|old)([A-Z])/, (_, __, c: string) => c.toLowerCase())] ?? []);
    const named = byName.filter((t) => withRows.includes(t));
    return named.length ? { tables: named, matched: true } : { tables: withRows, matched: false };
  };
}

/** The roles a procedure is called as: those its policy names; for 'any', every role. */
export function rolesFor(policy: RoutePolicy | undefined): Role[] {
  if (!policy || 'public' in policy) return ['student'];
  return policy.roles === 'any' ? [...ROLES] : [...policy.roles];
}

function callerAt(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  return path.split('.').reduce((node: any, key) => node[key], caller) as (input: unknown) => Promise<unknown>;
}

function toFormData(value: unknown): FormData | null {
  if (typeof value !== 'object' || value === null) return null;
  const form = new FormData();
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (v instanceof File) form.append(key, v);
    else if (Array.isArray(v)) for (const e of v) form.append(key, typeof e === 'string' ? e : JSON.stringify(e));
    else form.append(key, typeof v === 'string' ? v : JSON.stringify(v));
  }
  return form;
}

/** Inputs for one procedure holding the other school's ids (or the plain inputs of one that takes none). */
export function inputsFor(entry: ProcedureEntry, sources: InputSources, otherIds: ReadonlySet<string>): { inputs: unknown[]; idFields: string[]; refused: string[] } {
  const schema = entry.inputs[0] as (z.ZodType & { _zod: { def: Record<string, any> } }) | undefined;
  if (!schema) return { inputs: [undefined], idFields: [], refused: [] };
  const fields = formDataFieldsOf(schema) as (z.ZodType & { _zod: { def: Record<string, any> } }) | undefined;
  const idFields = [...idFieldNames(fields ?? schema)];
  takeUnfilled();
  let values = candidates(fields ?? schema, '', sources);
  const unfilled = takeUnfilled();
  if (fields) values = values.map(toFormData).filter((v): v is FormData => v !== null);
  const refused = values.flatMap((v) => entry.inputs.flatMap((s) => s.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [])).slice(0, 3);
  values = values.filter((v) => entry.inputs.every((s) => s.safeParse(v).success));
  if (idFields.length) {
    const withIds = values.filter((v) => holdsAny(v, otherIds));
    return { inputs: withIds, idFields, refused: values.length ? refused : [`no value for ${unfilled.join(', ')}`, ...refused] };
  }
  return { inputs: values.slice(0, 1), idFields, refused };
}

const describeInput = (input: unknown): string => (input instanceof FormData ? `form ${JSON.stringify(Object.fromEntries([...input.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : `file ${v.name}`])))}` : (JSON.stringify(input) ?? 'no input'));

/** Stringifies an answer for the search; bytes become text. */
function answerText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : typeof v === 'bigint' ? String(v) : v)) ?? '';
}

/** Calls one procedure of `app` with each input as each role (a user of the app's school). */
export async function exercise(app: LichengApp, entry: ProcedureEntry, roles: Role[], inputs: unknown[], otherIds: ReadonlySet<string>, idTables: IdTables, idsByTable: Record<string, string[]>): Promise<ProcedureOutcome> {
  const outcome: ProcedureOutcome = { path: entry.path, idFields: [], reachedWithIds: 0, reachedWithMatchingIds: 0, calls: 0, rejectedInputs: [], refusedInputs: [], answers: [], crashes: [] };
  const matchingIds = new Set<string>();
  for (const field of idFieldNames(((formDataFieldsOf(entry.inputs[0]) ?? entry.inputs[0]) as never) ?? ({ _zod: { def: { type: 'never' } } } as never))) {
    const { tables, matched } = idTables(field);
    if (matched) for (const t of tables) for (const id of idsByTable[t] ?? []) matchingIds.add(id);
  }
  for (const role of roles) {
    const ctx = await app.actAs(userOf(role, app.config.code));
    const caller = (app.trpcRouter as unknown as { createCaller(ctx: unknown): unknown }).createCaller(ctx);
    for (const input of inputs) {
      outcome.calls++;
      try {
        const value = await callerAt(caller, entry.path)(input instanceof FormData ? cloneForm(input) : structuredClone(input));
        if (holdsAny(input, otherIds)) {
          outcome.reachedWithIds++;
          if (holdsAny(input, matchingIds)) outcome.reachedWithMatchingIds++;
        }
        outcome.answers.push({ role, input: describeInput(input), text: answerText(value) });
      } catch (error) {
        const trpc = (error as { name?: string }).name === 'TRPCError' ? (error as Error & { code: string; cause?: unknown }) : null;
        const cause = trpc ? trpc.cause : error;
        if (trpc?.code === 'BAD_REQUEST' && isZodError(cause)) {
          outcome.rejectedInputs.push(`${role} ${describeInput(input)}: ${cause.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
          continue;
        }
        if (trpc?.code === 'FORBIDDEN' && /needs one of the roles|token is for school|account/.test(trpc.message)) {
          outcome.rejectedInputs.push(`${role}: refused by authorization (${trpc.message})`);
          continue;
        }
        if (holdsAny(input, otherIds)) {
          outcome.reachedWithIds++;
          if (holdsAny(input, matchingIds)) outcome.reachedWithMatchingIds++;
        }
        // A refusal's message and parameters are searched too: "not yours" must not name B's student.
        outcome.answers.push({ role, input: describeInput(input), text: `refused: ${(error as Error).message} ${answerText((cause as { params?: unknown })?.params ?? null)}` });
        if (!trpc || trpc.code === 'INTERNAL_SERVER_ERROR') outcome.crashes.push(`${role} ${describeInput(input)}: ${String((cause as Error)?.stack ?? cause).split('\n').slice(0, 4).join(' | ')}`);
      }
    }
  }
  return outcome;
}

const isZodError = (e: unknown): e is { issues: Array<{ path: PropertyKey[]; message: string }> } => (e as { name?: string })?.name === 'ZodError' && Array.isArray((e as { issues?: unknown }).issues);

function cloneForm(form: FormData): FormData {
  const copy = new FormData();
  for (const [k, v] of form.entries()) copy.append(k, v);
  return copy;
}

/** Plain values for non-id fields: the calling school's own data, by column name. */
export function samplesFromRows(rowsByColumn: Map<string, unknown[]>): InputSources['samplesFor'] {
  return (name) => {
    const column = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return [...(rowsByColumn.get(column) ?? []), ...(rowsByColumn.get(name) ?? [])];
  };
}

export const sampleFile = (name: string) => new File([samplePdf(`isolation ${name}`)], `${name || 'file'}.pdf`, { type: 'application/pdf' });
