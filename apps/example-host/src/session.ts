import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';

/** The campus system's own session: the signed-in user's id in a signed, HTTP-only cookie. */
export const SESSION_COOKIE = 'campus_session';

export async function startSession(c: Context, userId: string, secret: string): Promise<void> {
  await setSignedCookie(c, SESSION_COOKIE, userId, secret, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 8 * 3600 });
}

/** The signed-in user's id, or null without a valid session cookie. */
export async function sessionUserId(c: Context, secret: string): Promise<string | null> {
  const value = await getSignedCookie(c, secret, SESSION_COOKIE);
  return typeof value === 'string' && value ? value : null;
}

export function endSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
