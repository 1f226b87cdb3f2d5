import { recordKindProcedures, router } from '@licheng/server';

/** The kinds the library keeps through the generic record procedures (library.records.*). */
export const LIBRARY_KINDS = { kinds: ['reading'] };

/** Mounted by the server as `library.*`: `library.records.*`, certification included (`decide`, `reopen`). */
export const libraryRouter = router({
  records: recordKindProcedures(LIBRARY_KINDS),
});

export type LibraryRouter = typeof libraryRouter;
