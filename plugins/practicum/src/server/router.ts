import { recordKindProcedures, router } from '@licheng/server';
import { certificatesImport } from './procedures/certificates-import.ts';
import { certificatesList } from './procedures/certificates-list.ts';
import { certificatesRegister } from './procedures/certificates-register.ts';
import { internshipsList } from './procedures/internships-list.ts';
import { internshipsRegister } from './procedures/internships-register.ts';

/** The kinds the office keeps through the generic record procedures (practicum.records.*). */
export const PRACTICUM_GENERIC_KINDS = { kinds: ['work-experience'] };

/** Mounted by the server as `practicum.*`. */
export const practicumRouter = router({
  records: recordKindProcedures(PRACTICUM_GENERIC_KINDS),
  certificates: router({ register: certificatesRegister, import: certificatesImport, list: certificatesList }),
  internships: router({ register: internshipsRegister, list: internshipsList }),
});

export type PracticumRouter = typeof practicumRouter;
