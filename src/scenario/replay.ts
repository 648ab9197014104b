/**
 * The replay in time: monthly paths between the dated equilibria of a timeline run, by partial
 * adjustment (src/model/dynamics/adjust.ts). A run's steps give the targets; the clock gives the
 * months; the kernel gives period means of every series at once.
 */
import type { TimelineRun, TimelineStepResult } from './runTimeline.ts';
import { dayNumber, months, type PeriodGrid } from './clock.ts';
import { adjustedMeans, DAYS_PER_MONTH, type AdjustSeries } from '../model/dynamics/adjust.ts';

/** Country measures on the path (percent changes, in logs): real income and GDP adjust, the CPI jumps (complete pass-through). */
export const PATH_MEASURES = ['real_income_pct', 'real_gdp_pct', 'prices_pct'] as const;

export interface PathPoint {
  /** YYYY-MM, or the period's first day for other grids. */
  period: string;
  countries: Record<string, Partial<Record<(typeof PATH_MEASURES)[number], number>>>;
  /** "EXPORTER->IMPORTER" → goods flows, percent change from the no-2025-policy baseline. */
  trade: Record<string, number>;
}

interface Key { country?: string; measure?: (typeof PATH_MEASURES)[number]; pair?: string }

/** The series of a run: every report country's measures that the steps carry, and every trade pair. */
function seriesOf(run: TimelineRun, countries: readonly string[]): Key[] {
  const first = run.steps[0];
  const keys: Key[] = [];
  const pick = (s: TimelineStepResult, c: string) => s.countries[c] ?? s.groups?.[c];
  for (const c of countries) for (const m of PATH_MEASURES) if (first && pick(first, c)?.[m] !== undefined) keys.push({ country: c, measure: m });
  for (const pair of Object.keys(first?.trade ?? {})) keys.push({ pair });
  return keys;
}

/** Packs a run into the kernel's flat arrays (targets in logs). */
export function adjustSeries(run: TimelineRun, countries: readonly string[]): { series: AdjustSeries; keys: Key[] } {
  const keys = seriesOf(run, countries);
  const S = run.steps.length, K = keys.length;
  const targets = new Float64Array(S * K);
  const stepDay = new Int32Array(S);
  run.steps.forEach((s, k) => {
    stepDay[k] = dayNumber(s.date);
    keys.forEach((key, m) => {
      const g = key.pair ? s.trade?.[key.pair] : (s.countries[key.country!] ?? s.groups?.[key.country!])?.[key.measure!];
      targets[k * K + m] = Math.log1p((g ?? NaN) / 100);
    });
  });
  const adjusts = Uint8Array.from(keys, (k) => (k.measure === 'prices_pct' ? 0 : 1));
  return { series: { K, targets, stepDay, log: new Uint8Array(K).fill(1), adjusts }, keys };
}

/** Period means of the adjusted path with time constant `tMonths` (0 = the sequence of equilibria). */
export function pathOver(run: TimelineRun, countries: readonly string[], grid: PeriodGrid, tMonths: number): PathPoint[] {
  const { series, keys } = adjustSeries(run, countries);
  const M = grid.start.length, K = series.K;
  const out = new Float64Array(M * K);
  adjustedMeans(series, grid, tMonths * DAYS_PER_MONTH, out, new Float64Array(K));
  return grid.labels.map((period, p) => {
    const pt: PathPoint = { period, countries: {}, trade: {} };
    keys.forEach((key, k) => {
      const v = out[p * K + k];
      if (key.pair) pt.trade[key.pair] = v;
      else (pt.countries[key.country!] ??= {})[key.measure!] = v;
    });
    return pt;
  });
}

/** Monthly path from the month of `from` to the month of `to`. */
export function monthlyPath(run: TimelineRun, countries: readonly string[], tMonths: number, from = '2025-01-01', to = '2025-12-31'): PathPoint[] {
  return pathOver(run, countries, months(from, to), tMonths);
}

/** One period covering [from, to] (inclusive), e.g. a calendar year. */
export function periodGrid(from: string, to: string): PeriodGrid {
  return { labels: [from], start: Int32Array.of(dayNumber(from)), end: Int32Array.of(dayNumber(to) + 1) };
}
