import { hostToken, LichengApiError, LichengClient, type Locale } from '@licheng/client';
import type { PlatformMe } from '@licheng/server';

/**
 * Where the portal gets its token: a host page's `window.LICHENG_TOKEN`, else the demo
 * sign-in's token kept in sessionStorage (gone when the tab closes). Never the URL.
 */
const TOKEN_KEY = 'licheng-token';
const LOCALE_KEY = 'licheng-locale';

export interface DemoUser {
  userId: string;
  name: string;
  roles: string[];
  label: string;
}

/** What `platform.me` returns. */
export type Me = PlatformMe;

export function storedToken(): { token: string; source: 'host' | 'demo' } | null {
  const host = hostToken();
  if (host) return { token: host, source: 'host' };
  const demo = sessionStorage.getItem(TOKEN_KEY);
  return demo ? { token: demo, source: 'demo' } : null;
}

export function keepDemoToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

export function storedLocale(): Locale {
  const saved = localStorage.getItem(LOCALE_KEY);
  if (saved === 'en' || saved === 'zh-TW') return saved;
  return 'zh-TW';
}

export function keepLocale(locale: Locale): void {
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale === 'en' ? 'en' : 'zh-Hant-TW';
}

/** The demo's users, or null when the server runs without the demo (404). */
export async function demoUsers(apiBase: string): Promise<DemoUser[] | null> {
  const response = await fetch(`${apiBase}/demo/users`, { headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new LichengApiError(`HTTP ${response.status}`, { code: `http-${response.status}`, status: response.status });
  return (await response.json()) as DemoUser[];
}

export async function demoSignIn(apiBase: string, userId: string): Promise<string> {
  const response = await fetch(`${apiBase}/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  const body = (await response.json().catch(() => null)) as { token?: string; error?: { message?: string } } | null;
  if (!response.ok || !body?.token) throw new LichengApiError(body?.error?.message ?? `HTTP ${response.status}`, { code: 'sign-in-failed', status: response.status });
  return body.token;
}

export function fetchMe(client: LichengClient): Promise<Me> {
  return client.read<Me>('platform.me');
}
