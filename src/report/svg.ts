/**
 * Small, dependency-free SVG charts for the self-contained HTML report: step lines over dates with
 * an event strip, and grouped horizontal bars. Colours: the one palette of app and report
 * (src/spec/palette.ts, Okabe–Ito, safe for colour-blind readers).
 */
import { GREY, OKABE_ITO, textColour } from '../spec/palette.ts';
import { esc } from './escape.ts';

export const PALETTE = { ...OKABE_ITO, grey: GREY };

/** Milliseconds of a YYYY-MM-DD date at UTC midnight. */
export const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

export interface LineSeries {
  name: string;
  color: string;
  dash?: boolean;
  points: { date: string; value: number }[];
}
export interface Marker {
  date: string;
  value: number;
  label: string;
}
export interface EventMark {
  date: string;
  label: string;
  kind: 'talks' | 'policy' | 'deadline';
}

/** About `n` round tick values (steps of 1, 2, 2.5, 5 × 10^k) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, n = 5): number[] {
  const span = hi - lo || 1;
  const step0 = span / n;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(+v.toFixed(10));
  return out;
}

/** The options of a step chart. */
interface StepChartOptions {
  title: string;
  yLabel: string;
  from: string;
  to: string;
  series: LineSeries[];
  markers?: Marker[];
  events?: EventMark[];
  width?: number;
  height?: number;
}

/** A chart's size, margins and scales: date → x, value → y over [lo, hi]. */
export interface Frame {
  W: number;
  H: number;
  m: { l: number; r: number; t: number; b: number };
  lo: number;
  hi: number;
  x0: number;
  x1: number;
  X: (d: string) => number;
  Y: (v: number) => number;
}

/** A dated chart's frame over [from, to]: the value range holds 0 and every finite value, with a 6% margin. */
export function dateFrame(values: number[], from: string, to: string, W: number, H: number, m: Frame['m']): Frame {
  const vals = values.filter(Number.isFinite);
  let lo = Math.min(0, ...vals),
    hi = Math.max(0, ...vals);
  const pad = (hi - lo) * 0.06 || 1;
  lo -= lo < 0 ? pad : 0;
  hi += pad;
  const x0 = day(from),
    x1 = day(to);
  const X = (d: string) => m.l + ((day(d) - x0) / (x1 - x0)) * (W - m.l - m.r);
  const Y = (v: number) => m.t + (1 - (v - lo) / (hi - lo)) * (H - m.t - m.b);
  return { W, H, m, lo, hi, x0, x1, X, Y };
}

/** The frame of a step chart: every series value and marker. */
function stepFrame(o: StepChartOptions): Frame {
  const values = o.series.flatMap((s) => s.points.map((p) => p.value)).concat((o.markers ?? []).map((p) => p.value));
  const m = { l: 56, r: 16, t: 36, b: o.events?.length ? 74 : 40 };
  return dateFrame(values, o.from, o.to, o.width ?? 760, o.height ?? 300, m);
}

/** The horizontal grid with its values (the zero line darker), the y label and the month names below. */
function stepAxes({ W, H, m, lo, hi, x0, x1, X, Y }: Frame, o: StepChartOptions): string[] {
  const parts: string[] = [];
  for (const v of niceTicks(lo, hi)) {
    parts.push(
      `<line x1="${m.l}" x2="${W - m.r}" y1="${Y(v)}" y2="${Y(v)}" stroke="${v === 0 ? '#444' : '#e3e3e3'}"/>`,
    );
    parts.push(`<text x="${m.l - 6}" y="${Y(v) + 4}" text-anchor="end" fill="#555">${v}</text>`);
  }
  parts.push(
    `<text transform="translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)" ` +
      `text-anchor="middle" fill="#555">${esc(o.yLabel)}</text>`,
  );
  for (let mth = 0; mth < 12; mth++) {
    const d = `${o.from.slice(0, 4)}-${String(mth + 1).padStart(2, '0')}-01`;
    if (day(d) < x0 || day(d) > x1) continue;
    parts.push(
      `<text x="${X(d)}" y="${H - m.b + 16}" text-anchor="middle" ` +
        `fill="#555">${new Date(day(d)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })}</text>`,
    );
  }
  return parts;
}

/** The event strip: a dashed line per event, the talks labelled below the axis. */
function eventStrip({ H, m, X }: Frame, events: EventMark[]): string[] {
  const parts: string[] = [];
  let talksSeen = 0;
  for (const e of events) {
    const x = X(e.date);
    const color = e.kind === 'talks' ? PALETTE.green : e.kind === 'deadline' ? PALETTE.orange : '#bbb';
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${m.t}" y2="${H - m.b}" stroke="${color}" ` +
        `stroke-dasharray="${e.kind === 'policy' ? '1 3' : '4 3'}"><title>${esc(`${e.date}: ${e.label}`)}</title>` +
        `</line>`,
    );
    // Alternate label rows so that talks a few days apart (Kuala Lumpur, Busan) stay legible.
    if (e.kind === 'talks')
      parts.push(
        `<text x="${x}" y="${H - m.b + 28 + 11 * (talksSeen++ % 2)}" text-anchor="middle" ` +
          `fill="${textColour(PALETTE.green)}" font-size="10">${esc(e.label)}</text>`,
      );
  }
  return parts;
}

/** Each series as a step path held to the chart's end, then the observed markers. */
function stepLines({ X, Y }: Frame, o: StepChartOptions): string[] {
  const parts: string[] = [];
  for (const s of o.series) {
    const pts = s.points.filter((p) => Number.isFinite(p.value));
    if (!pts.length) continue;
    let dpath = `M${X(pts[0].date)},${Y(pts[0].value)}`;
    for (let k = 1; k < pts.length; k++) dpath += `H${X(pts[k].date)}V${Y(pts[k].value)}`;
    dpath += `H${X(o.to)}`;
    parts.push(
      `<path d="${dpath}" fill="none" stroke="${s.color}" ` +
        `stroke-width="2" ${s.dash ? 'stroke-dasharray="6 3"' : ''}><title>${esc(s.name)}</title></path>`,
    );
  }
  for (const mk of o.markers ?? []) {
    parts.push(
      `<circle cx="${X(mk.date)}" cy="${Y(mk.value)}" r="4.5" fill="white" stroke="#111" stroke-width="1.5">` +
        `<title>${esc(`${mk.label}: ${mk.value}`)}</title></circle>`,
    );
  }
  return parts;
}

/** The legend along the bottom: a line per series, a dot for the observed markers. */
function stepLegend({ H, m }: Frame, o: StepChartOptions): string[] {
  const parts: string[] = [];
  let lx = m.l;
  const legend = [
    ...o.series.map((s) => ({ name: s.name, color: s.color, dash: s.dash })),
    ...(o.markers?.length ? [{ name: 'observed (PIIE)', color: '#111', dash: false, dot: true }] : []),
  ];
  for (const l of legend) {
    const y = H - 10;
    if ('dot' in l) parts.push(`<circle cx="${lx + 8}" cy="${y - 4}" r="4" fill="white" stroke="#111"/>`);
    else
      parts.push(
        `<line x1="${lx}" x2="${lx + 18}" y1="${y - 4}" y2="${y - 4}" stroke="${l.color}" ` +
          `stroke-width="2" ${l.dash ? 'stroke-dasharray="6 3"' : ''}/>`,
      );
    parts.push(`<text x="${lx + 22}" y="${y}">${esc(l.name)}</text>`);
    lx += 30 + l.name.length * 6.2;
  }
  return parts;
}

/** A step chart over [from, to]: each series holds its value until its next point. */
export function stepChart(o: StepChartOptions): string {
  const fr = stepFrame(o);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fr.W} ${fr.H}" role="img" ` +
      `aria-label="${esc(o.title)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${esc(o.title)}</title><text x="${fr.m.l}" y="18" font-size="13" font-weight="600">${esc(o.title)}</text>`,
    ...stepAxes(fr, o),
    ...eventStrip(fr, o.events ?? []),
    ...stepLines(fr, o),
    ...stepLegend(fr, o),
    '</svg>',
  ].join('');
}

/** A 5–95% interval of a bar (lancaster run --draws). */
interface Interval {
  p5: number;
  p95: number;
}

/** Grouped horizontal bars: each row has a short-run and a long-run value, each with an optional 5–95% whisker. */
export function barChart(o: {
  title: string;
  unit: string;
  rows: { label: string; a: number; b: number; aBand?: Interval; bBand?: Interval }[];
  aName: string;
  bName: string;
  width?: number;
}): string {
  const W = o.width ?? 760,
    rowH = 26,
    m = { l: 250, r: 60, t: 34, b: 30 };
  const H = m.t + m.b + rowH * o.rows.length;
  const vals = o.rows
    .flatMap((r) => [r.a, r.b, r.aBand?.p5 ?? NaN, r.aBand?.p95 ?? NaN, r.bBand?.p5 ?? NaN, r.bBand?.p95 ?? NaN])
    .filter(Number.isFinite);
  const lo = Math.min(0, ...vals),
    hi = Math.max(0, ...vals);
  const X = (v: number) => m.l + ((v - lo) / (hi - lo || 1)) * (W - m.l - m.r);
  const banded = o.rows.some((r) => r.aBand || r.bBand);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" ` +
      `aria-label="${esc(o.title)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${esc(o.title)}</title><text x="8" y="18" font-size="13" font-weight="600">${esc(o.title)}</text>`,
    `<line x1="${X(0)}" x2="${X(0)}" y1="${m.t - 4}" y2="${H - m.b}" stroke="#444"/>`,
  ];
  o.rows.forEach((r, k) => {
    const y = m.t + k * rowH;
    parts.push(`<text x="${m.l - 8}" y="${y + 15}" text-anchor="end">${esc(r.label)}</text>`);
    for (const [v, band, off, color, name] of [
      [r.a, r.aBand, 3, PALETTE.sky, o.aName],
      [r.b, r.bBand, 12, PALETTE.blue, o.bName],
    ] as const) {
      if (!Number.isFinite(v)) continue;
      const x = Math.min(X(0), X(v)),
        w = Math.abs(X(v) - X(0));
      const range = band && Number.isFinite(band.p5) && Number.isFinite(band.p95) ? band : undefined;
      const interval = range ? ` (5–95%: ${range.p5.toFixed(2)} to ${range.p95.toFixed(2)})` : '';
      const tip = `${r.label}, ${name}: ${v.toFixed(2)} ${o.unit}${interval}`;
      parts.push(
        `<rect x="${x}" y="${y + off}" width="${Math.max(w, 0.5)}" height="9" fill="${color}">` +
          `<title>${esc(tip)}</title></rect>`,
      );
      if (range) {
        const a = X(range.p5),
          b = X(range.p95),
          c = y + off + 4.5;
        parts.push(
          `<path d="M${a},${c}H${b}M${a},${c - 3.5}V${c + 3.5}M${b},${c - 3.5}V${c + 3.5}" stroke="#111" ` +
            `stroke-width="1.2" fill="none"/>`,
        );
      }
    }
    parts.push(
      `<text x="${X(Math.max(0, r.b, r.bBand?.p95 ?? 0, r.aBand?.p95 ?? 0)) + 4}" y="${y + 20}" ` +
        `fill="#333">${Number.isFinite(r.b) ? r.b.toFixed(2) : ''}</text>`,
    );
  });
  parts.push(
    `<rect x="${m.l}" y="${H - 18}" width="12" height="9" fill="${PALETTE.sky}"/>` +
      `<text x="${m.l + 16}" y="${H - 10}">${esc(o.aName)}</text>`,
  );
  parts.push(
    `<rect x="${m.l + 110}" y="${H - 18}" width="12" height="9" fill="${PALETTE.blue}"/>` +
      `<text x="${m.l + 126}" y="${H - 10}">${esc(o.bName)}</text>`,
  );
  if (banded)
    parts.push(`<text x="${W - 8}" y="${H - 10}" text-anchor="end" fill="#555">whisker: 5–95% of the draws</text>`);
  parts.push('</svg>');
  return parts.join('');
}
