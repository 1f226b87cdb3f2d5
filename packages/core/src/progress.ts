/**
 * Progress over time for the working group's dashboard: certifications and selections per
 * Taipei day, with running totals. Only days with something happening are listed (a table of
 * every day of a semester would be mostly zeros).
 */

export interface ProgressEvent {
  /** Taipei date, ISO. */
  date: string;
  kind: 'certified' | 'selected';
}

export interface ProgressDay {
  date: string;
  certified: number;
  selected: number;
  certifiedTotal: number;
  selectedTotal: number;
}

export function progressSeries(events: readonly ProgressEvent[]): ProgressDay[] {
  const byDay = new Map<string, { certified: number; selected: number }>();
  for (const e of events) {
    const day = byDay.get(e.date) ?? { certified: 0, selected: 0 };
    day[e.kind] += 1;
    byDay.set(e.date, day);
  }
  let certifiedTotal = 0;
  let selectedTotal = 0;
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, d]) => {
      certifiedTotal += d.certified;
      selectedTotal += d.selected;
      return { date, ...d, certifiedTotal, selectedTotal };
    });
}
