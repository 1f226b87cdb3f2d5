import { DomainError } from './errors.ts';

/** 影音檔案外部連結: at most this many characters. */
export const VIDEO_URL_MAX = 500;

/**
 * The external video link of a record with files (kept in its data as `videoUrl`): blank is
 * none (null); otherwise an https address of at most VIDEO_URL_MAX characters with a host and
 * no credentials. Throws DomainError('video-url-invalid') ({max}) for anything else.
 */
export function readVideoUrl(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new DomainError('video-url-invalid', { max: VIDEO_URL_MAX });
  const text = value.trim();
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DomainError('video-url-invalid', { max: VIDEO_URL_MAX });
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password || Array.from(text).length > VIDEO_URL_MAX || /[\s\u0000-\u001f\u007f]/.test(text)) {
    throw new DomainError('video-url-invalid', { max: VIDEO_URL_MAX });
  }
  return text;
}
