import { recordKindPolicy, recordSummaryLabel, type RecordKindDefinition } from '@licheng/core';
import { authedProcedure } from '../../trpc.ts';
import { certifiesSchoolWide } from '../policy.ts';
import type { RecordKindView } from './types.ts';

/** `<office>.records.kinds` — the office's kinds and what the caller may do with each at this school. */
export function recordKindsProcedure(kinds: readonly RecordKindDefinition[]) {
  return authedProcedure().query(({ ctx }): RecordKindView[] =>
    kinds.map((kind) => {
      const { enterers, certifiers } = recordKindPolicy(ctx.config, kind.id);
      return {
        id: kind.id,
        label: kind.label,
        fields: kind.fields,
        mayEnter: ctx.identity.roles.some((r) => enterers.includes(r)),
        mayCertify: ctx.identity.roles.some((r) => certifiers.includes(r) && certifiesSchoolWide(r)),
        files: kind.files,
        subOffice: kind.subOffice ?? null,
        family: kind.family ?? null,
        summaryLabel: recordSummaryLabel(kind),
      };
    }),
  );
}
