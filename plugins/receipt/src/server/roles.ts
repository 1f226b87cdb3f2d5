import type { Role } from '@licheng/core';

/** Who imports the receipt (收訖明細) and follows up on issues: the registry office (註冊組). */
export const OFFICE_ROLES: Role[] = ['registry-staff'];
/** Who confirms their own items. */
export const STUDENT_ROLES: Role[] = ['student'];
