import { recordKindProcedures, router } from '@licheng/server';
import { readingCertify } from './procedures/reading-certify.ts';

/** The kinds the library keeps through the generic record procedures (library.records.*). */
export const LIBRARY_KINDS = { kinds: ['reading'] };

/** Mounted by the server as `library.*`. */
export const libraryRouter = router({
  records: recordKindProcedures(LIBRARY_KINDS),
  reading: router({ certify: readingCertify }),
});

export type LibraryRouter = typeof libraryRouter;
