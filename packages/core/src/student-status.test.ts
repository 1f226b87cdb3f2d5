import { describe, expect, it } from 'vitest';
import { hasLeftOn, statusChangeKindOf, statusOn, type StatusChange } from './student-status.ts';

describe('status over time', () => {
  const changes: StatusChange[] = [
    { date: '2026-03-01', kind: 'resume' },
    { date: '2025-11-10', kind: 'suspend' },
  ];

  it('is enrolled with no change, and follows the last change on or before the date', () => {
    expect(statusOn([], '2026-01-01')).toBe('enrolled');
    expect(statusOn(changes, '2025-11-09')).toBe('enrolled');
    expect(statusOn(changes, '2025-11-10')).toBe('suspended');
    expect(statusOn(changes, '2026-02-28T23:00:00Z')).toBe('suspended');
    expect(statusOn(changes, '2026-03-01')).toBe('enrolled');
  });

  it('knows who has left: suspended, transferred out, graduated; not borrowing or repeating', () => {
    expect(hasLeftOn(changes, '2025-12-01')).toBe(true);
    expect(hasLeftOn(changes, '2026-04-01')).toBe(false);
    expect(hasLeftOn([{ date: '2026-06-30', kind: 'graduate' }], '2026-07-01')).toBe(true);
    expect(hasLeftOn([{ date: '2026-02-01', kind: 'transfer-out' }], '2026-02-01')).toBe(true);
    expect(hasLeftOn([{ date: '2026-02-01', kind: 'borrow' }], '2026-03-01')).toBe(false);
    expect(hasLeftOn([{ date: '2026-02-01', kind: 'repeat-year' }], '2026-03-01')).toBe(false);
  });

  it('orders changes of one day by seq', () => {
    const sameDay: StatusChange[] = [{ date: '2026-02-01', kind: 'resume', seq: 2 }, { date: '2026-02-01', kind: 'suspend', seq: 1 }];
    expect(statusOn(sameDay, '2026-02-01')).toBe('enrolled');
  });

  it('reads the kind in Chinese or English, null when unknown', () => {
    expect(['轉入', '轉出', '休學', '復學', '重讀', '畢業', '借讀'].map(statusChangeKindOf)).toEqual(['transfer-in', 'transfer-out', 'suspend', 'resume', 'repeat-year', 'graduate', 'borrow']);
    expect(statusChangeKindOf('suspend')).toBe('suspend');
    expect(statusChangeKindOf('開除')).toBeNull();
  });
});
