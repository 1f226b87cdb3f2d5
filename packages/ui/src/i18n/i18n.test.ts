import { expect } from '@open-wc/testing';
import { charCount, createTranslator, defineMessages, formatBytes, formatDate, formatDateTime } from './i18n.ts';

describe('i18n', () => {
  const t = createTranslator(defineMessages({ 'zh-TW': { hello: '你好，{name}' }, en: { hello: 'Hello, {name}' } }));

  it('translates with parameters, zh-TW by default', () => {
    expect(t('hello', { name: '小明' })).to.equal('你好，小明');
    expect(t('hello', { name: 'Ming' }, 'en')).to.equal('Hello, Ming');
  });

  it('formats dates in the 民國 calendar for zh-TW and ISO for English, in Taipei time', () => {
    expect(formatDate('2025-08-01')).to.equal('114/08/01');
    expect(formatDate('2025-08-01', 'en')).to.equal('2025-08-01');
    // 2025-09-30T17:30Z is already 1 October in Taipei.
    expect(formatDate('2025-09-30T17:30:00.000Z')).to.equal('114/10/01');
    expect(formatDateTime('2025-09-30T17:30:00.000Z')).to.equal('114/10/01 01:30');
    expect(formatDate(null)).to.equal('');
  });

  it('counts characters as people do and sizes in KB/MB', () => {
    expect(charCount('校園植物調查📷')).to.equal(7);
    expect(formatBytes(512)).to.equal('512 B');
    expect(formatBytes(4 * 1024 * 1024)).to.equal('4.0 MB');
    expect(formatBytes(10 * 1024 * 1024)).to.equal('10 MB');
  });
});
