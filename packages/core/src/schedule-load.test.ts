import { describe, expect, it } from 'vitest';
import { hourlySpread, loadPeak } from './schedule-load.ts';

describe('loadPeak', () => {
  it('names the day carrying at least twice the others’ average (everyone on 9/30)', () => {
    const days = [
      { date: '2026-09-15', students: 120, items: 300 },
      { date: '2026-09-30', students: 900, items: 2500 },
      { date: '2026-10-15', students: 150, items: 320 },
    ];
    expect(loadPeak(days)?.date).toBe('2026-09-30');
  });
  it('stays quiet when the load is spread, small, or on one day only', () => {
    expect(loadPeak([{ date: 'a', students: 300, items: 1 }, { date: 'b', students: 200, items: 1 }])).toBeNull();
    expect(loadPeak([{ date: 'a', students: 40, items: 1 }, { date: 'b', students: 2, items: 1 }])).toBeNull();
    expect(loadPeak([{ date: 'a', students: 900, items: 1 }, { date: 'b', students: 0, items: 0 }])).toBeNull();
  });
});

describe('hourlySpread', () => {
  it('spreads items in the proportions of past hours and keeps the total', () => {
    const profile = Array.from({ length: 24 }, (_, h) => (h === 21 ? 3 : h === 22 ? 1 : 0));
    const out = hourlySpread(10, profile);
    expect(out[21]).toBe(8);
    expect(out[22]).toBe(2);
    expect(out.reduce((a, b) => a + b, 0)).toBe(10);
  });
  it('spreads evenly without history', () => {
    const out = hourlySpread(25, []);
    expect(out.reduce((a, b) => a + b, 0)).toBe(25);
    expect(Math.max(...out) - Math.min(...out)).toBeLessThanOrEqual(1);
  });
});
