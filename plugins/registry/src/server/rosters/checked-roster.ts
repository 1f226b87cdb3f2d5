import { DomainError, rosterNumber, type RosterLayout } from '@licheng/core';
import type { AuthedContext } from '@licheng/server';
import { layoutOf } from '../roster-export.ts';
import { NO_ATTACHMENTS, type RosterAttachments } from './attachments.ts';
import type { RosterBuilder, RosterRequest } from './builder.ts';
import { rosterBuilder } from './builders.ts';
import { checkRoster, CURRENT_PLAN, type CheckedRoster, type CoursePlanCodes } from './checks.ts';

export interface CheckedRosterBuild extends CheckedRoster {
  builder: RosterBuilder;
  layout: RosterLayout;
  /** The 名冊別: the layout's, or the school's setting (roster-number-unset when unset). */
  kind: number;
}

/**
 * The four steps 檢查, 產生名冊 and 與上次提交的差異 share: the roster's builder (refusing a batch
 * it has not), the school's layout, the 名冊別, and the rows built and put through the generic
 * checks (rosters/checks.ts) — so what is validated, exported and compared is always the same.
 */
export async function buildCheckedRoster(
  ctx: AuthedContext,
  input: RosterRequest,
  options: { attachments?: RosterAttachments; planCodes?: CoursePlanCodes } = {},
): Promise<CheckedRosterBuild> {
  const builder = rosterBuilder(input.roster);
  if (!builder.batches.includes(input.batch)) throw new DomainError('roster-kind-unknown', { kind: `${input.roster} ${input.batch}` });
  const layout = layoutOf(ctx, input.roster);
  const kind = rosterNumber(layout, input.batch, ctx.config.rosters.numbers);
  const checked = await checkRoster(ctx, await builder.build(ctx, layout, input, options.attachments ?? NO_ATTACHMENTS), options.planCodes ?? CURRENT_PLAN);
  return { ...checked, builder, layout, kind };
}
