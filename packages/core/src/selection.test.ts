import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { assertSelectable, assertSelectionCap, assertUploadCap } from './selection.ts';

const errorOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, params: (error as DomainError).params };
  }
};

describe('assertSelectionCap', () => {
  it('allows filling the cap exactly', () => {
    expect(errorOf(() => assertSelectionCap(5, 1, 6))).toBeNull();
    expect(errorOf(() => assertSelectionCap(0, 6, 6))).toBeNull();
  });
  it('refuses going over it', () => {
    expect(errorOf(() => assertSelectionCap(6, 1, 6))).toEqual({ code: 'selection-cap-reached', params: { cap: 6 } });
    expect(errorOf(() => assertSelectionCap(8, 3, 10))?.code).toBe('selection-cap-reached');
  });
});

describe('assertSelectable', () => {
  it('accepts only passed records', () => {
    expect(errorOf(() => assertSelectable('passed'))).toBeNull();
    expect(errorOf(() => assertSelectable('pending'))?.code).toBe('not-passed');
    expect(errorOf(() => assertSelectable('failed'))?.code).toBe('not-passed');
  });
});

describe('assertUploadCap', () => {
  it('allows uploads below the cap and without one', () => {
    expect(errorOf(() => assertUploadCap(2, 3))).toBeNull();
    expect(errorOf(() => assertUploadCap(1000, null))).toBeNull();
  });
  it('refuses once the cap is filled', () => {
    expect(errorOf(() => assertUploadCap(3, 3))).toEqual({ code: 'upload-cap-reached', params: { cap: 3 } });
  });
});
