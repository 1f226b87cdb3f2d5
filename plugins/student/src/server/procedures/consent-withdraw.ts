import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import { withdrawConsent } from '../consent/consent-store.ts';

/** student.consent.withdraw — the student withdraws the consent in force. */
export const consentWithdraw = authedProcedure(['student'])
  .input(z.object({}).strict().optional())
  .mutation(async ({ ctx }) => withdrawConsent(ctx, await currentStudent(ctx)));
