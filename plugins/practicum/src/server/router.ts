import { router } from '@licheng/server';
import { certificatesImport } from './procedures/certificates-import.ts';
import { certificatesList } from './procedures/certificates-list.ts';
import { certificatesRegister } from './procedures/certificates-register.ts';
import { internshipsList } from './procedures/internships-list.ts';
import { internshipsRegister } from './procedures/internships-register.ts';

/** Mounted by the server as `practicum.*`. */
export const practicumRouter = router({
  certificates: router({ register: certificatesRegister, import: certificatesImport, list: certificatesList }),
  internships: router({ register: internshipsRegister, list: internshipsList }),
});

export type PracticumRouter = typeof practicumRouter;
