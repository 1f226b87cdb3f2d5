import { DomainError } from '@licheng/core';
import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '@licheng/server';
import { z } from 'zod';

/** A staff member by host user id; the name is taken from the teachers roster when they are on it. */
export const staffMemberSchema = z.object({
  userId: z.string().trim().min(1).max(128),
  /** Needed only for someone not on the teachers roster (an officer the host signs in). */
  name: z.string().trim().min(1).max(100).optional(),
});

export type StaffMember = z.infer<typeof staffMemberSchema>;

/** The staff members' names in order: the roster's, else the one given; someone unknown to both is refused ('staff-unknown'). One query for all. */
export async function staffNames(db: Kysely<PlatformDatabase>, school: string, members: readonly StaffMember[]): Promise<string[]> {
  const ids = [...new Set(members.map((m) => m.userId))];
  const rows = ids.length ? await db.selectFrom('teachers').select(['host_user_id', 'name']).where('school_code', '=', school).where('host_user_id', 'in', ids).execute() : [];
  const onRoster = new Map(rows.map((r) => [r.host_user_id, r.name]));
  return members.map((member) => {
    const name = onRoster.get(member.userId) ?? member.name;
    if (!name) throw new DomainError('staff-unknown', { user: member.userId });
    return name;
  });
}

/** One staff member's name (see staffNames). */
export async function staffName(db: Kysely<PlatformDatabase>, school: string, member: StaffMember): Promise<string> {
  return (await staffNames(db, school, [member]))[0]!;
}
