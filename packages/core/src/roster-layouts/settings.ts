import { z } from 'zod';
import { knownRosterNumbers, ROSTER_LAYOUTS, rosterLayoutVersions } from './lookup.ts';
import { ROSTER_BATCHES, ROSTER_IDS, type RosterBatch, type RosterId } from './types.ts';

/**
 * The school's roster settings (config `rosters`): the 名冊別 of the rosters no source numbers
 * (學生資料, 學生成績, 重修重讀, 進修部成績 — and 37 / 77, whose roster nobody names, can be
 * given to one of their grade-12 batches), and which layout version each roster uses. No
 * number has a default: a roster whose number is unset is refused at export, saying which
 * setting to fill.
 */
/** What grade 12's second batch carries (rosters.secondBatch). */
export const SECOND_BATCH_SCOPES = ['whole', 'changed-since-first'] as const;
export type SecondBatchScope = (typeof SECOND_BATCH_SCOPES)[number];

const rosterNumber = z
  .number({ error: 'must be the roster number (名冊別) of the central database’s template, a whole number from 1 to 99' })
  .int('must be a whole number from 1 to 99')
  .min(1, 'must be a whole number from 1 to 99')
  .max(99, 'must be a whole number from 1 to 99');

const batchNumbers = z.strictObject(Object.fromEntries(ROSTER_BATCHES.map((b) => [b, rosterNumber.optional()])) as Record<RosterBatch, z.ZodOptional<typeof rosterNumber>>);

const settingRosters = ROSTER_LAYOUTS.filter((r) => r.versions.every((v) => v.numbers.regular?.kind === 'setting')).map((r) => r.roster);

export const rosterSettingsSchema = z
  .strictObject({
    /** 名冊別 per roster and batch, only for the rosters whose number no source gives. */
    numbers: z
      .strictObject(Object.fromEntries(settingRosters.map((id) => [id, batchNumbers.optional()])) as Record<RosterId, z.ZodOptional<typeof batchNumbers>>)
      .prefault({}),
    /** The layout version a roster uses instead of its default (e.g. `{ "outcomes": "d-108" }`). */
    layouts: z.partialRecord(z.enum(ROSTER_IDS), z.string().min(1)).default({}),
    /**
     * What grade 12's second batch (第二梯次, 74–78) carries, which no source says: 'whole' the
     * same scope as the first batch (each file complete; the default, since it leaves nothing
     * out), or 'changed-since-first' only what was added or changed after the first batch of the
     * same roster and term (year) was exported (docs/rosters.md).
     */
    secondBatch: z.enum(SECOND_BATCH_SCOPES).default('whole'),
  })
  .superRefine((settings, ctx) => {
    const known = knownRosterNumbers();
    const seen = new Map<number, string>();
    for (const [roster, batches] of Object.entries(settings.numbers)) {
      for (const [batch, value] of Object.entries(batches ?? {})) {
        if (value === undefined) continue;
        const taken = known.find((k) => k.value === value);
        const other = seen.get(value);
        if (taken || other) {
          ctx.addIssue({ code: 'custom', path: ['numbers', roster, batch], message: `${value} is already the roster number of ${taken ? taken.label : other}` });
        }
        seen.set(value, `${roster} ${batch}`);
      }
    }
    for (const [roster, version] of Object.entries(settings.layouts)) {
      const versions = rosterLayoutVersions(roster as RosterId).versions.map((v) => v.version);
      if (version && !versions.includes(version)) {
        ctx.addIssue({ code: 'custom', path: ['layouts', roster], message: `must be one of ${versions.join(', ')}` });
      }
    }
  })
  .prefault({});

export type RosterSettings = z.infer<typeof rosterSettingsSchema>;
