import { svg, type SVGTemplateResult } from 'lit';

/**
 * Small SVG charts for the dashboard, no chart library: horizontal bars, stacked bars and a
 * running-total line. Each is decoration (aria-hidden) beside a table holding the same figures.
 * Series differ by pattern and shape as well as colour (solid, hatched, outline; solid line with
 * dots, dashed line with squares), so they read in black-and-white print too.
 */

const ROW = 22;
const LABEL = 72;
const WIDTH = 320;
const BAR = WIDTH - LABEL - 40;

/** The hatch of 未通過, under an id of the chart's own (ids must not repeat in one shadow root). */
const hatch = (id: string) => svg`<defs><pattern id=${id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="white"></rect><line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="3"></line></pattern></defs>`;

const label = (y: number, text: string) => svg`<text x=${LABEL - 6} y=${y + ROW / 2 + 4} text-anchor="end" class="label">${text.length > 8 ? `${text.slice(0, 7)}…` : text}</text>`;

/** One bar per row: `value` of `max`, with the value written at its end. */
export function barChart(rows: readonly { label: string; value: number; text: string }[], max: number): SVGTemplateResult {
  const height = rows.length * ROW + 4;
  return svg`<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" aria-hidden="true" focusable="false" class="chart">
    ${rows.map((r, i) => {
      const y = i * ROW + 2;
      const w = max ? Math.max(0, (r.value / max) * BAR) : 0;
      return svg`${label(y, r.label)}<rect x=${LABEL} y=${y + 3} width=${w} height=${ROW - 6} class="solid"></rect><rect x=${LABEL} y=${y + 3} width=${BAR} height=${ROW - 6} class="track"></rect><text x=${LABEL + w + 4} y=${y + ROW / 2 + 4} class="value">${r.text}</text>`;
    })}
  </svg>`;
}

/** One stacked bar per row: passed (solid), failed (hatched), pending (outline), scaled to the largest total. */
export function stackedChart(id: string, rows: readonly { label: string; passed: number; failed: number; pending: number }[]): SVGTemplateResult {
  const max = Math.max(1, ...rows.map((r) => r.passed + r.failed + r.pending));
  const height = rows.length * ROW + 4;
  return svg`<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" aria-hidden="true" focusable="false" class="chart">
    ${hatch(id)}
    ${rows.map((r, i) => {
      const y = i * ROW + 2;
      const scale = (n: number) => (n / max) * BAR;
      const parts: [number, string][] = [[r.passed, 'solid'], [r.failed, 'hatched'], [r.pending, 'outline']];
      let x = LABEL;
      return svg`${label(y, r.label)}${parts.map(([n, cls]) => {
        const w = scale(n);
        const rect = svg`<rect x=${x} y=${y + 3} width=${w} height=${ROW - 6} class=${cls} fill=${cls === 'hatched' ? `url(#${id})` : ''}></rect>`;
        x += w;
        return rect;
      })}<text x=${x + 4} y=${y + ROW / 2 + 4} class="value">${r.pending ? `${r.pending}` : '✓'}</text>`;
    })}
  </svg>`;
}

/** Two running totals over the days listed (evenly spaced), with the first and last date and the top value. */
export function lineChart(days: readonly { date: string; a: number; b: number }[]): SVGTemplateResult {
  const W = WIDTH, H = 160, left = 36, bottom = 24, top = 8;
  const max = Math.max(1, ...days.map((d) => Math.max(d.a, d.b)));
  const x = (i: number) => left + (days.length > 1 ? (i / (days.length - 1)) * (W - left - 12) : (W - left - 12) / 2);
  const y = (v: number) => top + (1 - v / max) * (H - top - bottom);
  const points = (key: 'a' | 'b') => days.map((d, i) => `${x(i)},${y(d[key])}`).join(' ');
  return svg`<svg viewBox="0 0 ${W} ${H}" width="100%" aria-hidden="true" focusable="false" class="chart">
    <line x1=${left} y1=${top} x2=${left} y2=${H - bottom} class="axis"></line>
    <line x1=${left} y1=${H - bottom} x2=${W - 8} y2=${H - bottom} class="axis"></line>
    <text x=${left - 4} y=${top + 8} text-anchor="end" class="label">${max}</text>
    <text x=${left - 4} y=${H - bottom} text-anchor="end" class="label">0</text>
    ${days.length ? svg`<text x=${left} y=${H - 6} class="label">${days[0]!.date}</text><text x=${W - 8} y=${H - 6} text-anchor="end" class="label">${days[days.length - 1]!.date}</text>` : ''}
    <polyline points=${points('a')} class="line-a"></polyline>
    <polyline points=${points('b')} class="line-b"></polyline>
    ${days.map((d, i) => svg`<circle cx=${x(i)} cy=${y(d.a)} r="3" class="dot-a"></circle><rect x=${x(i) - 3} y=${y(d.b) - 3} width="6" height="6" class="dot-b"></rect>`)}
  </svg>`;
}
