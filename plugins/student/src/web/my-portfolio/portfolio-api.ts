import type { inferRouterOutputs } from '@trpc/server';
import type { StudentRouter } from '../../server/router.ts';

/** What student.portfolio.get returns, as the screen sees it (types only). */
export type Portfolio = inferRouterOutputs<StudentRouter>['portfolio']['get'];
export type PortfolioSemester = Portfolio['semesters'][number];
export type PortfolioRecord = PortfolioSemester['records'][number];
export type PortfolioYear = Portfolio['years'][number];

export const portfolioPaths = {
  get: 'student.portfolio.get',
  /** The whole portfolio as a ZIP (a route below the Licheng API, behind the token). */
  zip: '/api/student/portfolio.zip',
  /** The same as one PDF (every record, certification, selections and caps; the files by name). */
  pdf: '/api/student/portfolio.pdf',
} as const;
