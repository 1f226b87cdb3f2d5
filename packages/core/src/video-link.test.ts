import { describe, expect, it } from 'vitest';
import { readVideoUrl, VIDEO_URL_MAX } from './video-link.ts';

describe('readVideoUrl', () => {
  it('keeps an https address and reads blank as none', () => {
    expect(readVideoUrl(' https://www.youtube.com/watch?v=abc ')).toBe('https://www.youtube.com/watch?v=abc');
    expect(readVideoUrl('')).toBeNull();
    expect(readVideoUrl(undefined)).toBeNull();
    expect(readVideoUrl(null)).toBeNull();
  });

  it.each(['http://example.com/v', 'javascript:alert(1)', 'youtube.com/watch', 'https://user:pw@example.com/', `https://example.com/${'a'.repeat(VIDEO_URL_MAX)}`, 'https://exa mple.com', 12])('refuses %s', (value) => {
    expect(() => readVideoUrl(value)).toThrowError(expect.objectContaining({ code: 'video-url-invalid' }));
  });
});
