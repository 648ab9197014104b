/**
 * SVG charts of uncertainty for the sweep report: a fan chart over dates (the 5–95% band shaded,
 * the median dashed, the central run as a line, each held until the next step) and horizontal bars
 * with 5–95% interval whiskers. Okabe–Ito colours, as the other report charts.
 */
import type { Band } from '../sweep/bands.ts';
import { dateFrame, day, niceTicks, PALETTE, type Frame } from './svg.ts';
import { esc } from './escape.ts';

const fmt = (v: number) => (Number.isFinite(v) ? (v > 0 ? '+' : '') + v.toFixed(2) : '–');

/** One fan: the central value and the band at each dated step. */
export interface Fan {
  name: string;
  color: string;
  /** `when` names the point in its tooltip (default its date; a month of a path says so). */
  points: { date: string; value: number; band?: Band; when?: string }[];
}

/** The options of a fan chart. */
interface FanChartOptions {
  title: string;
  yLabel: string;
  from: string;
  to: string;
  fans: Fan[];
  width?: number;
  height?: number;
}

/** The frame: every central value and band edge. */
function fanFrame(o: FanChartOptions): Frame {
  const values = o.fans.flatMap((f) => f.points.flatMap((p) => [p.value, p.band?.p5 ?? NaN, p.band?.p95 ?? NaN]));
  return dateFrame(values, o.from, o.to, o.width ?? 760, o.height ?? 300, { l: 56, r: 16, t: 36, b: 44 });
}

/** The horizontal grid with its values (the zero line darker), the y label and the month names below. */
function fanAxes({ W, H, m, lo, hi, x0, x1, X, Y }: Frame, o: FanChartOptions): string[] {
  const parts: string[] = [];
  for (const v of niceTicks(lo, hi)) {
    parts.push(
      `<line x1="${m.l}" x2="${W - m.r}" y1="${Y(v)}" y2="${Y(v)}" stroke="${v === 0 ? '#444' : '#e3e3e3'}"/>` +
        `<text x="${m.l - 6}" y="${Y(v) + 4}" text-anchor="end" fill="#555">${v}</text>`,
    );
  }
  parts.push(
    `<text transform="translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)" ` +
      `text-anchor="middle" fill="#555">${esc(o.yLabel)}</text>`,
  );
  for (let mth = 0; mth < 12; mth++) {
    const d = `${o.from.slice(0, 4)}-${String(mth + 1).padStart(2, '0')}-01`;
    if (day(d) >= x0 && day(d) <= x1)
      parts.push(
        `<text x="${X(d)}" y="${H - m.b + 14}" text-anchor="middle" ` +
          `fill="#555">${new Date(day(d)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })}</text>`,
      );
  }
  return parts;
}

/** One fan: the shaded 5–95% band and the dashed median, the central run, and a hover target per banded step. */
function fanPaths({ X, Y }: Frame, f: Fan, to: string): string[] {
  const parts: string[] = [];
  // A stepped path through (date, value) pairs, held to the end of the window.
  const stepped = (pts: { date: string; v: number }[]) =>
    `${pts.map((p, k) => (k ? `H${X(p.date)}V${Y(p.v)}` : `M${X(p.date)},${Y(p.v)}`)).join('')}H${X(to)}`;
  const banded = f.points.filter((p) => p.band && Number.isFinite(p.band.p5) && Number.isFinite(p.band.p95));
  if (banded.length) {
    const upper = banded.map((p) => ({ date: p.date, v: p.band!.p95 }));
    const lower = banded.map((p) => ({ date: p.date, v: p.band!.p5 }));
    // Upper edge left to right, then the lower edge right to left (each step's corners reversed).
    let back = `V${Y(lower[lower.length - 1].v)}`;
    for (let k = lower.length - 1; k > 0; k--) back += `H${X(lower[k].date)}V${Y(lower[k - 1].v)}`;
    back += `H${X(lower[0].date)}Z`;
    parts.push(
      `<path d="${stepped(upper)}${back}" fill="${f.color}" fill-opacity="0.18" stroke="none">` +
        `<title>${esc(`${f.name}: 5–95% of the draws`)}</title></path>`,
    );
    parts.push(
      `<path d="${stepped(banded.map((p) => ({ date: p.date, v: p.band!.p50 })))}" fill="none" ` +
        `stroke="${f.color}" stroke-width="1" stroke-dasharray="3 3">` +
        `<title>${esc(`${f.name}: median of the draws`)}</title></path>`,
    );
  }
  const pts = f.points.filter((p) => Number.isFinite(p.value)).map((p) => ({ date: p.date, v: p.value }));
  if (pts.length)
    parts.push(
      `<path d="${stepped(pts)}" fill="none" stroke="${f.color}" stroke-width="2">` +
        `<title>${esc(`${f.name}: central run`)}</title></path>`,
    );
  for (const p of f.points) {
    if (p.band) {
      const tip = `${f.name}, ${p.when ?? p.date}: ${fmt(p.value)} (5–95%: ${fmt(p.band.p5)} to ${fmt(p.band.p95)})`;
      parts.push(
        `<circle cx="${X(p.date)}" cy="${Y(p.value)}" r="6" fill="transparent"><title>${esc(tip)}</title></circle>`,
      );
    }
  }
  return parts;
}

/** The legend along the bottom: a swatch per fan and the key to line, dashes and band. */
function fanLegend({ W, H, m }: Frame, fans: Fan[]): string[] {
  const parts: string[] = [];
  let lx = m.l;
  for (const f of fans) {
    parts.push(
      `<rect x="${lx}" y="${H - 18}" width="18" height="10" fill="${f.color}" fill-opacity="0.18"/>` +
        `<line x1="${lx}" x2="${lx + 18}" y1="${H - 13}" y2="${H - 13}" stroke="${f.color}" stroke-width="2"/>` +
        `<text x="${lx + 22}" y="${H - 9}">${esc(f.name)}</text>`,
    );
    lx += 34 + f.name.length * 6.2;
  }
  parts.push(
    `<text x="${W - m.r}" y="${H - 9}" text-anchor="end" ` +
      `fill="#555">line: central run · dashed: median · band: 5–95% of the draws</text>`,
  );
  return parts;
}

/** A fan chart over [from, to]. */
export function fanChart(o: FanChartOptions): string {
  const fr = fanFrame(o);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fr.W} ${fr.H}" role="img" ` +
      `aria-label="${esc(o.title)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${esc(o.title)}</title><text x="${fr.m.l}" y="18" font-size="13" font-weight="600">${esc(o.title)}</text>`,
    ...fanAxes(fr, o),
    ...o.fans.flatMap((f) => fanPaths(fr, f, o.to)),
    ...fanLegend(fr, o.fans),
    '</svg>',
  ].join('');
}

/** Horizontal bars (central run) with 5–95% whiskers. */
export function intervalBars(o: {
  title: string;
  unit: string;
  rows: { label: string; value: number; band?: Band }[];
  width?: number;
}): string {
  const W = o.width ?? 760,
    rowH = 22,
    m = { l: 250, r: 70, t: 34, b: 26 };
  const H = m.t + m.b + rowH * o.rows.length;
  const vals = o.rows.flatMap((r) => [r.value, r.band?.p5 ?? NaN, r.band?.p95 ?? NaN]).filter(Number.isFinite);
  const lo = Math.min(0, ...vals),
    hi = Math.max(0, ...vals);
  const X = (v: number) => m.l + ((v - lo) / (hi - lo || 1)) * (W - m.l - m.r);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" ` +
      `aria-label="${esc(o.title)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${esc(o.title)}</title><text x="8" y="18" font-size="13" font-weight="600">${esc(o.title)}</text>`,
    `<line x1="${X(0)}" x2="${X(0)}" y1="${m.t - 4}" y2="${H - m.b}" stroke="#444"/>`,
  ];
  o.rows.forEach((r, k) => {
    const y = m.t + k * rowH;
    parts.push(`<text x="${m.l - 8}" y="${y + 14}" text-anchor="end">${esc(r.label)}</text>`);
    if (Number.isFinite(r.value)) {
      const x = Math.min(X(0), X(r.value)),
        w = Math.abs(X(r.value) - X(0));
      const interval = r.band ? ` (5–95%: ${fmt(r.band.p5)} to ${fmt(r.band.p95)})` : '';
      const tip = `${r.label}: ${fmt(r.value)} ${o.unit}${interval}`;
      parts.push(
        `<rect x="${x}" y="${y + 4}" width="${Math.max(w, 0.5)}" height="12" fill="${PALETTE.blue}" ` +
          `fill-opacity="0.75"><title>${esc(tip)}</title></rect>`,
      );
    }
    if (r.band && Number.isFinite(r.band.p5) && Number.isFinite(r.band.p95)) {
      const a = X(r.band.p5),
        b = X(r.band.p95),
        c = y + 10;
      parts.push(
        `<path d="M${a},${c}H${b}M${a},${c - 5}V${c + 5}M${b},${c - 5}V${c + 5}" stroke="#111" ` +
          `stroke-width="1.3" fill="none"/>`,
      );
    }
    parts.push(
      `<text x="${X(Math.max(0, r.value, r.band?.p95 ?? 0)) + 6}" y="${y + 14}" fill="#333">${fmt(r.value)}</text>`,
    );
  });
  parts.push(`<text x="${m.l}" y="${H - 8}" fill="#555">bar: central run · whisker: 5–95% of the draws</text></svg>`);
  return parts.join('');
}
