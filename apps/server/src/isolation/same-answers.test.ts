import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { Role } from '@licheng/core';
import { signHostToken, type LichengApp } from '@licheng/server';
import { procedurePolicy, type RoutePolicy } from '../authorization-policy.ts';
import { proceduresOf, rolesFor, sampleFile } from './procedure-calls.ts';
import { bodyText } from './response-text.ts';
import { ISOLATION_SECRET, openSchoolAlone, openTwoSchools, SCHOOL_A, userOf, type TwoSchools } from './two-schools.ts';
import { candidates, idFieldNames } from './zod-inputs.ts';

/**
 * What A's users read does not change when B shares the database: every query of A that takes
 * no id (the listings, dashboards, self-check, rosters and checks, where B's rows would show as
 * counts rather than as B's names or ids) answers each role the same on A's own database and on
 * the one A shares with B — once ids, which differ between the two databases, are set aside.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** An answer with ids and hashes replaced and every list sorted, so two databases' answers compare by content. */
function canonical(value: unknown): unknown {
  // A file's hash changes with the ids and times in its bytes (a roster snapshot's workbook).
  if (typeof value === 'string') return value.replace(UUID, '<id>').replace(/^[0-9a-f]{64}$/, '<sha256>');
  if (Array.isArray(value)) return value.map(canonical).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

async function answer(app: LichengApp, path: string, role: Parameters<typeof userOf>[0], input: unknown): Promise<string> {
  const caller = (app.trpcRouter as unknown as { createCaller(ctx: unknown): unknown }).createCaller(await app.actAs(userOf(role, app.config.code)));
  const call = path.split('.').reduce((node: any, key) => node[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    return JSON.stringify(canonical(await call(input)));
  } catch (error) {
    return `refused: ${String((error as Error).message).replace(UUID, '<id>')}`;
  }
}

/** `base` once with each value of each top-level field that is a choice (an enum: the roster, the kind, the fixer), at most 40. */
function choices(schema: { _zod: { def: Record<string, any> } }, base: unknown, sources: Parameters<typeof candidates>[2]): unknown[] {
  const out = [base];
  const shape = schema._zod.def.type === 'object' ? (schema._zod.def.shape as Record<string, { _zod: { def: Record<string, any> } }>) : {};
  for (const [key, field] of Object.entries(shape)) {
    let inner = field;
    while (inner._zod.def.innerType) inner = inner._zod.def.innerType;
    if (inner._zod.def.type !== 'enum') continue;
    for (const value of candidates(inner as never, key, sources)) if (out.length < 40) out.push({ ...(base as object), [key]: value });
  }
  return out.filter((v) => (schema as never as { safeParse(v: unknown): { success: boolean } }).safeParse(v).success);
}

describe.each(testDialects())('A’s answers with and without B on the database (%s)', (dialect) => {
  let both: TwoSchools;
  let alone: Awaited<ReturnType<typeof openSchoolAlone>>;

  beforeAll(async () => {
    both = await openTwoSchools(dialect);
    alone = await openSchoolAlone(dialect);
  }, 120_000);
  afterAll(async () => {
    await both?.close();
    await alone?.close();
  });

  it('are the same for every procedure without an id, with each value of its choices, as every role that may ask', async () => {
    const differ: string[] = [];
    let compared = 0;
    const noSamples = { idsFor: () => [], samplesFor: (name: string) => (name === 'academicYear' ? [115] : name === 'semester' ? [1] : name === 'className' ? ['101'] : []), file: sampleFile };
    // Queries first, then what changes A (the same calls in the same order on both databases).
    const entries = proceduresOf(both.a).sort((x, y) => Number(x.type === 'mutation') - Number(y.type === 'mutation'));
    for (const entry of entries) {
      const schema = entry.inputs[0] as never;
      if (schema && idFieldNames(schema).size) continue;
      for (const input of schema ? choices(schema, candidates(schema, '', noSamples)[0], noSamples) : [undefined]) {
        for (const role of rolesFor((procedurePolicy as Record<string, RoutePolicy>)[entry.path])) {
          const [shared, own] = [await answer(both.a, entry.path, role, input), await answer(alone.a, entry.path, role, input)];
          compared++;
          if (shared !== own) differ.push(`${entry.path} as ${role} with ${JSON.stringify(input)}:\n  shared ${shared.slice(0, 400)}\n  alone  ${own.slice(0, 400)}`);
        }
      }
    }
    console.log(`[isolation ${dialect}] ${compared} answers compared`);
    expect(compared).toBeGreaterThan(300);
    expect(differ).toEqual([]);
  });

  it('are the same for every download without an id (spreadsheets, the portfolio, the transfer package)', async () => {
    const kinds = ['cadre', 'work-experience', 'counseling', 'career-assessment', 'reading', 'competition-in', 'service-hours-in', 'extracurricular', 'internship'];
    const offices = ['practicum', 'counseling', 'library', 'competitions', 'student-affairs'];
    const downloads: Array<[string, Role]> = [
      ['/api/working-group/schedule.xlsx', 'student'],
      ['/api/working-group/public/schedule.xlsx', 'student'],
      ['/api/working-group/self-check.xlsx?academicYear=115&semester=1', 'working-group'],
      ['/api/working-group/evaluation.xlsx?academicYear=115', 'working-group'],
      ['/api/student/portfolio.zip', 'student'],
      ['/api/student/portfolio.pdf', 'student'],
      ['/api/homeroom/progress.xlsx?className=101', 'homeroom-teacher'],
      ['/api/homeroom/progress.xlsx?className=101', 'admin'],
      ['/api/registry/transfer/114001', 'registry-staff'],
      ['/api/registry/audit.xlsx?entity=record', 'registry-staff'],
      ...offices.flatMap((o) => kinds.map((k): [string, Role] => [`/api/${o}/records/export.xlsx?kind=${k}`, 'admin'])),
    ];
    const differ: string[] = [];
    for (const [url, role] of downloads) {
      const get = async (app: LichengApp) => {
        const token = await signHostToken(userOf(role, SCHOOL_A), ISOLATION_SECRET, 3600, Date.now());
        const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } });
        // Ids differ between the two databases; a workbook's own properties carry the time it was made.
        return `${res.status} ${(await bodyText(res)).replace(UUID, '<id>').replace(/<dcterms:(created|modified)[^>]*>[^<]*/g, '<dcterms:$1>')}`;
      };
      const [shared, own] = [await get(both.a), await get(alone.a)];
      if (shared !== own) {
        const at = [...shared].findIndex((c, i) => c !== own[i]);
        differ.push(`${url} as ${role}: from ${at}\n  shared ${shared.slice(Math.max(0, at - 80), at + 300)}\n  alone  ${own.slice(Math.max(0, at - 80), at + 300)}`);
      }
    }
    expect(differ).toEqual([]);
  });
});
