import { consentScopeSchema } from '@licheng/core';
import { authedProcedure, currentStudent } from '@licheng/server';
import { giveConsent } from '../consent/consent-store.ts';

/** student.consent.give — the student consents to release the chosen parts and academic years to admission committees. */
export const consentGive = authedProcedure(['student'])
  .input(consentScopeSchema)
  .mutation(async ({ ctx, input }) => giveConsent(ctx, await currentStudent(ctx), input));
