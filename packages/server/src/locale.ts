import type { Locale } from '@licheng/core';

/** zh-TW unless the caller asks for English (`x-licheng-locale: en` or Accept-Language en first). */
export function localeOf(request: Request): Locale {
  const explicit = request.headers.get('x-licheng-locale');
  if (explicit === 'en' || explicit === 'zh-TW') return explicit;
  const accept = request.headers.get('accept-language') ?? '';
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-TW';
}
