import { DomainError } from '@licheng/core';
import { describe, expect, it } from 'vitest';
import { storageFault } from './faults.ts';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('storageFault', () => {
  it.each([
    ['ENOSPC', 'storage-full'],
    ['EDQUOT', 'storage-full'],
    ['SQLITE_FULL', 'storage-full'],
    ['ER_RECORD_FILE_FULL', 'storage-full'],
    ['EIO', 'storage-unavailable'],
    ['EACCES', 'storage-unavailable'],
    ['EROFS', 'storage-unavailable'],
    ['SQLITE_IOERR_WRITE', 'storage-unavailable'],
    ['SQLITE_READONLY_DBMOVED', 'storage-unavailable'],
  ])('answers %s with %s', (code, answer) => {
    expect(storageFault(withCode(code))?.code).toBe(answer);
  });

  it('leaves every other error alone', () => {
    for (const error of [withCode('ENOENT'), withCode('SQLITE_BUSY'), withCode('ER_DUP_ENTRY'), new Error('x'), new DomainError('file-too-large', {}), null]) {
      expect(storageFault(error)).toBeNull();
    }
  });
});
