import { CONSENT_PARTS } from '@licheng/core';
import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import { choosableYears, consentsOf } from '../consent/consent-store.ts';

/** student.consent.get — 同意: the consent in force (or null), the earlier ones, and what may be chosen. */
export const consentGet = authedProcedure(['student'])
  .input(z.object({}).strict().optional())
  .query(async ({ ctx }) => {
    const student = await currentStudent(ctx);
    const history = await consentsOf(ctx, student.id);
    return { current: history.find((c) => c.withdrawnAt === null) ?? null, history, parts: [...CONSENT_PARTS], years: choosableYears(ctx, student) };
  });
