import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import { readPortfolio } from '../portfolio/portfolio-read.ts';

/**
 * student.portfolio.get — 我的學習歷程: every record of every office the signed-in student may
 * see, by semester, with what counts toward which cap, what is selected and what is left to do
 * and why. Only the student's own; counseling data and consultation notes are not part of it.
 */
export const portfolioGet = authedProcedure(['student'])
  .input(z.object({}).strict().optional())
  .query(async ({ ctx }) => readPortfolio(ctx, await currentStudent(ctx)));
