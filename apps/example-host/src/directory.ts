import type { Role } from '@licheng/core';

/** A user of the campus system, as the campus system knows them. */
export interface CampusUser {
  /** The id in the campus system: the 系統帳號 the roster sent to Licheng carries too. */
  id: string;
  name: string;
  /** What the campus system says this person does, in Licheng's role names. */
  roles: Role[];
}

/**
 * The pretend campus system's own user directory. A real host has its accounts, passwords or
 * single sign-on; Licheng never sees any of it, only the tokens the host signs.
 */
export const campusUsers: CampusUser[] = [
  { id: 's-chen', name: '陳小明', roles: ['student'] },
  { id: 's-lin', name: '林小華', roles: ['student'] },
  { id: 't-wang', name: '王老師', roles: ['subject-teacher', 'homeroom-teacher'] },
  { id: 'r-staff', name: '註冊組長', roles: ['registry-staff'] },
];
