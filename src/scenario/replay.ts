/**
 * The replay in time: monthly paths between the dated equilibria of a timeline run, by partial
 * adjustment (src/model/dynamics/adjust.ts). A run's steps give the targets; the clock gives the
 * months; the kernel gives period means of every series at once.
 */
import type { TimelineRun, TimelineStepResult } from './runTimeline.ts';
import type { Scenario } from '../spec/scenario.ts';
import type { PathPoint } from '../contract/result.ts';
import { dayNumber, months, type PeriodGrid } from '../policy/clock.ts';
import {
  adjustedMeans,
  adjustmentMonths,
  BLP_LONG_RUN,
  BLP_SHORT_RUN,
  DAYS_PER_MONTH,
  type AdjustSeries,
} from '../model/dynamics/adjust.ts';

/**
 * Country measures on the path (percent changes, in logs): real income and GDP adjust, the CPI
 * jumps (complete pass-through).
 */
const PATH_MEASURES = ['real_income_pct', 'real_gdp_pct', 'prices_pct'] as const;

/**
 * One point of a path (the contract's PathPoint): `period` (YYYY-MM), `countries.<code>` and
 * `groups.<code>` with PATH_MEASURES (where the steps carry the code), `trade`
 * ("EXPORTER->IMPORTER").
 */
export type { PathPoint };

interface Key {
  country?: string;
  /** The steps carry `country` under `groups` (EU), so the path does too. */
  group?: boolean;
  measure?: (typeof PATH_MEASURES)[number];
  pair?: string;
}

/**
 * The series of a run: every report country's and group's measures that the steps carry, and every
 * trade pair.
 */
function seriesOf(run: TimelineRun, countries: readonly string[]): Key[] {
  const first = run.steps[0];
  const keys: Key[] = [];
  for (const c of countries) {
    const group = !first?.countries[c];
    const row = group ? first?.groups?.[c] : first?.countries[c];
    for (const m of PATH_MEASURES) if (row?.[m] !== undefined) keys.push({ country: c, group, measure: m });
  }
  for (const pair of Object.keys(first?.trade ?? {})) keys.push({ pair });
  return keys;
}

/**
 * Packs a run into the kernel's flat arrays (targets in logs). With `anticipation` > 0, a step with
 * an `announced` date before its date gets a pseudo-step on that date: flows move against the
 * coming change by that share of it (x_prev − share·(x* − x_prev), in logs), everything else keeps
 * the equilibrium in force.
 */
function adjustSeries(
  run: TimelineRun,
  countries: readonly string[],
  anticipation = 0,
): { series: AdjustSeries; keys: Key[] } {
  const keys = seriesOf(run, countries);
  const K = keys.length;
  const value = (s: TimelineStepResult, key: Key) =>
    Math.log1p(
      ((key.pair ? s.trade?.[key.pair] : (s.countries[key.country!] ?? s.groups?.[key.country!])?.[key.measure!]) ??
        NaN) / 100,
    );
  const events: { day: number; order: number; row: Float64Array }[] = [];
  let prev = new Float64Array(K);
  run.steps.forEach((s, k) => {
    const row = Float64Array.from(keys, (key) => value(s, key));
    if (anticipation > 0 && s.announced && s.announced < s.date) {
      const lead = Float64Array.from(keys, (key, m) =>
        key.pair ? prev[m] - anticipation * (row[m] - prev[m]) : prev[m],
      );
      events.push({ day: dayNumber(s.announced), order: 2 * k, row: lead });
    }
    events.push({ day: dayNumber(s.date), order: 2 * k + 1, row });
    prev = row;
  });
  events.sort((a, b) => a.day - b.day || a.order - b.order);
  const S = events.length;
  const targets = new Float64Array(S * K);
  const stepDay = new Int32Array(S);
  events.forEach((e, k) => {
    stepDay[k] = e.day;
    targets.set(e.row, k * K);
  });
  const adjusts = Uint8Array.from(keys, (k) => (k.measure === 'prices_pct' ? 0 : 1));
  return { series: { K, targets, stepDay, log: new Uint8Array(K).fill(1), adjusts }, keys };
}

/** Period means of the adjusted path with time constant `tMonths` (0 = the sequence of equilibria). */
export function pathOver(
  run: TimelineRun,
  countries: readonly string[],
  grid: PeriodGrid,
  tMonths: number,
  anticipation = 0,
): PathPoint[] {
  const { series, keys } = adjustSeries(run, countries, anticipation);
  const M = grid.start.length,
    K = series.K;
  const out = new Float64Array(M * K);
  adjustedMeans(series, grid, tMonths * DAYS_PER_MONTH, out, new Float64Array(K));
  return grid.labels.map((period, p) => {
    const pt: PathPoint = { period, countries: {}, trade: {} };
    keys.forEach((key, k) => {
      const v = out[p * K + k];
      if (key.pair) pt.trade[key.pair] = v;
      else {
        if (key.group) pt.groups ??= {};
        const rows = key.group ? pt.groups! : pt.countries;
        rows[key.country!] ??= {};
        rows[key.country!][key.measure!] = v;
      }
    });
    return pt;
  });
}

/** Monthly path from the month of `from` to the month of `to`. */
export function monthlyPath(
  run: TimelineRun,
  countries: readonly string[],
  tMonths: number,
  from = '2025-01-01',
  to = '2025-12-31',
  anticipation = 0,
): PathPoint[] {
  return pathOver(run, countries, months(from, to), tMonths, anticipation);
}

/**
 * The monthly path a timeline result carries (`path`): partial adjustment at Boehm, Levchenko &
 * Pandalai-Nayar's speed (a share 0.76/2 of the long-run response within a year), the scenario's
 * report countries (default USA and CHN) and anticipation share, from the month of the first step
 * to December of the last step's year.
 */
export function monthlyPathOf(run: TimelineRun, s: Scenario): PathPoint[] {
  const first = run.steps[0],
    last = run.steps[run.steps.length - 1];
  if (!first || !last) return [];
  const have = (c: string) => Boolean(first.countries[c] ?? first.groups?.[c]);
  const countries = (s.report?.countries ?? ['USA', 'CHN']).filter(have);
  const T = adjustmentMonths(BLP_SHORT_RUN / BLP_LONG_RUN);
  return monthlyPath(
    run,
    countries,
    T,
    first.date,
    `${last.date.slice(0, 4)}-12-31`,
    s.options.anticipation?.share ?? 0,
  );
}

/** One period covering [from, to] (inclusive), e.g. a calendar year. */
export function periodGrid(from: string, to: string): PeriodGrid {
  return { labels: [from], start: Int32Array.of(dayNumber(from)), end: Int32Array.of(dayNumber(to) + 1) };
}
