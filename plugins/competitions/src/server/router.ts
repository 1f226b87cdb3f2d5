import { recordKindProcedures, router } from '@licheng/server';

/** The kind the competitions office keeps through the generic record procedures (competitions.records.*). */
export const COMPETITION_KINDS = { kinds: ['competition-in'] };

/** Mounted by the server as `competitions.*`. */
export const competitionsRouter = router({
  records: recordKindProcedures(COMPETITION_KINDS),
});

export type CompetitionsRouter = typeof competitionsRouter;
