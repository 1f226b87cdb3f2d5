import { recordKindProcedures, router } from '@licheng/server';
import { certificateNumberOnce } from './certificate-store.ts';
import { certificatesImport } from './procedures/certificates-import.ts';
import { certificatesList } from './procedures/certificates-list.ts';
import { certificatesRegister } from './procedures/certificates-register.ts';
import { internshipsList } from './procedures/internships-list.ts';
import { internshipsRegister } from './procedures/internships-register.ts';

/**
 * The kinds the office keeps through the generic record procedures (practicum.records.*): 工作經歷
 * entirely; 技能證照 and 校外實習 for lists (students see their own), 更正 and 撤銷 with a reason
 * (the keys the office stores beside the declared fields, such as registeredByName, survive a
 * correction), the certificates students enter, and their 認證 (records.decide). Registration
 * with a scan and the 技術士 list import stay in certificates.* and internships.*.
 */
export const PRACTICUM_GENERIC_KINDS = { kinds: ['skill-certificate', 'internship', 'work-experience'] };

/** The generic procedures with the office's rule that a student's certificate number is recorded once (on entry and on correction). */
const PRACTICUM_RECORDS = { ...PRACTICUM_GENERIC_KINDS, inTransaction: certificateNumberOnce };

/** Mounted by the server as `practicum.*`. */
export const practicumRouter = router({
  records: recordKindProcedures(PRACTICUM_RECORDS),
  certificates: router({ register: certificatesRegister, import: certificatesImport, list: certificatesList }),
  internships: router({ register: internshipsRegister, list: internshipsList }),
});

export type PracticumRouter = typeof practicumRouter;
