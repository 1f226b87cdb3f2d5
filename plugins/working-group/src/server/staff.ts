import { DomainError, isIsoDate } from '@licheng/core';
import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '@licheng/server';
import { z } from 'zod';

/** Who may keep the proxy lists, absences and departures: the working group and the administrator. */
export const PROXY_KEEPERS = ['working-group', 'admin'] as const;

/** A staff member by host user id; the name is taken from the teachers roster when they are on it. */
export const staffMemberSchema = z.object({
  userId: z.string().trim().min(1).max(128),
  /** Needed only for someone not on the teachers roster (an officer the host signs in). */
  name: z.string().trim().min(1).max(100).optional(),
});

export type StaffMember = z.infer<typeof staffMemberSchema>;

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

/** The staff member's name: the roster's, else the one given; someone unknown to both is refused ('staff-unknown'). */
export async function staffName(db: Kysely<PlatformDatabase>, school: string, member: StaffMember): Promise<string> {
  const teacher = await db.selectFrom('teachers').select('name').where('school_code', '=', school).where('host_user_id', '=', member.userId).executeTakeFirst();
  const name = teacher?.name ?? member.name;
  if (!name) throw new DomainError('staff-unknown', { user: member.userId });
  return name;
}
