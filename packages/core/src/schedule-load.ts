/**
 * Load-aware deadlines: how much work falls due on each day, and whether one day carries far
 * more than the others (the 2021 national outage came from every school choosing 9/30). Pure:
 * the counts come in, the verdict goes out.
 */

/** The work falling due on one Taipei day: the students who must act, and the items they act on. */
export interface DayLoad {
  date: string;
  students: number;
  items: number;
}

/** A day carries "far more" when it holds at least this many times the others' average… */
export const LOAD_PEAK_FACTOR = 2;
/** …and at least this many students (a handful on one day is no risk). */
export const LOAD_PEAK_MIN_STUDENTS = 50;

/**
 * The day that carries far more than the others, or null. Compares students (the people who
 * log in at the last minute): the busiest day is a peak when it holds at least
 * LOAD_PEAK_FACTOR times the average of the other days that carry any load and at least
 * LOAD_PEAK_MIN_STUDENTS students. With fewer than two loaded days there is nothing to compare.
 */
export function loadPeak(days: readonly DayLoad[]): DayLoad | null {
  const loaded = days.filter((d) => d.students > 0);
  if (loaded.length < 2) return null;
  const busiest = loaded.reduce((a, b) => (b.students > a.students || (b.students === a.students && b.items > a.items) ? b : a));
  const others = loaded.filter((d) => d !== busiest);
  const average = others.reduce((sum, d) => sum + d.students, 0) / others.length;
  if (busiest.students < LOAD_PEAK_MIN_STUDENTS || busiest.students < LOAD_PEAK_FACTOR * average) return null;
  return busiest;
}

/**
 * The last day's items spread over its 24 Taipei hours, in the proportions of `profile` (how
 * many actions the school saw in each hour before); an even spread when there is no history.
 * Rounded so the hours add up to `items`.
 */
export function hourlySpread(items: number, profile: readonly number[]): number[] {
  const weights = profile.length === 24 && profile.some((n) => n > 0) ? profile : Array.from({ length: 24 }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (items * w) / total);
  const out = exact.map(Math.floor);
  let rest = items - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    out[i]! += 1;
    rest -= 1;
  }
  return out;
}
