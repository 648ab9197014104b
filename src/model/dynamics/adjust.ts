/**
 * Partial adjustment of trade toward each dated step's equilibrium (issue 14). Between dated steps
 * the model has no equilibrium of its own: the log of every reported quantity x (a bilateral flow,
 * real income, the price index) moves toward the log of the equilibrium x*_s of the step s in force,
 *
 *     d ln x / dt = (ln x*_s − ln x) / T,        ln x = 0 (the baseline) before the first step,
 *
 * so trade shares adjust geometrically, π_t = π_{t−1}^a · π*^(1−a) with a = e^(−1/T) per day. For
 * one-sector gravity models ln Ŵ = −(1/θ) ln π̂_nn (Arkolakis, Costinot & Rodríguez-Clare 2012), so
 * the same law moves real income; in the multi-sector model that is an approximation, stated in the
 * report. Price indices are the exception: tariffs pass through to prices on the day (Fajgelbaum et
 * al. 2020; Amiti, Redding & Weinstein 2019), so the CPI takes each step's equilibrium value at once.
 * T = 0 switches adjustment off: every day carries the equilibrium in force (today's
 * sequence of equilibria).
 *
 * The speed comes from Boehm, Levchenko & Pandalai-Nayar (2023, AER): the trade elasticity is about
 * 0.76 in the year after a tariff change and about 2 in the long run (critical-supply-2025 §8), so
 * a year after a change a share 0.76 / 2 = 0.38 of the long-run response has happened:
 * 1 − e^(−12/T) = 0.38, T ≈ 25 months; after 7–10 years 96–99% (their "7–10 years to converge").
 */
import type { PeriodGrid } from '../../policy/clock.ts';
import * as msg from '../../spec/messages/model.ts';

/** Boehm, Levchenko & Pandalai-Nayar (2023): trade elasticity within a year and in the long run. */
export const BLP_SHORT_RUN = 0.76;
export const BLP_LONG_RUN = 2;
/** Days per month on average (Gregorian). */
export const DAYS_PER_MONTH = 365.2425 / 12;

/** Time constant T (months) at which a share `ratio` of the long-run response is reached in 12 months. */
export function adjustmentMonths(ratio: number): number {
  if (!(ratio > 0 && ratio < 1)) throw new RangeError(msg.withinYearShare(ratio));
  return -12 / Math.log(1 - ratio);
}

/** Share of the long-run response reached `months` after a change, for time constant T (months). */
export function adjustedShare(months: number, T: number): number {
  return T > 0 ? 1 - Math.exp(-months / T) : 1;
}

export interface AdjustSeries {
  /** Number of series. */
  K: number;
  /** Step equilibria, row-major S × K: ln(1 + g/100) for percent changes g, the level for `log[k] = 0`. */
  targets: Float64Array;
  /** Day number each step takes force (non-decreasing). */
  stepDay: Int32Array;
  /** 1: the series is a log change, reported as a percent change; 0: a level, reported as is. */
  log: Uint8Array;
  /**
   * 0: the series jumps to each equilibrium on its date (prices under complete pass-through); 1 or
   * absent: it adjusts.
   */
  adjusts?: Uint8Array;
}

/**
 * Period means (out, M × K) of the adjusted path over a grid of periods, with time constant
 * `tDays` (0 = no adjustment). Daily steps: day d carries x_d = x* + (x_{d−1} − x*)·e^(−1/T), exact
 * for targets that change at day boundaries. Flows are averaged in levels (a month's trade is the
 * sum of its days), so a percent series reports 100·(mean e^x − 1). `state` is K scratch.
 */
export function adjustedMeans(
  s: AdjustSeries,
  grid: PeriodGrid,
  tDays: number,
  out: Float64Array,
  state: Float64Array,
): void {
  const { K, targets, stepDay, log, adjusts } = s;
  const S = stepDay.length,
    M = grid.start.length;
  if (out.length < M * K || state.length < K || targets.length < S * K)
    throw new RangeError(msg.adjustedMeansArraysToo());
  const a = tDays > 0 ? Math.exp(-1 / tDays) : 0;
  const first = Math.min(S ? stepDay[0] : grid.start[0], grid.start[0]);
  state.fill(0, 0, K);
  out.fill(0, 0, M * K);
  let step = -1;
  let m = 0;
  for (let d = first; d < grid.end[M - 1]; d++) {
    while (step + 1 < S && stepDay[step + 1] <= d) step++;
    const row = step * K;
    for (let k = 0; k < K; k++) {
      const target = step < 0 ? 0 : targets[row + k];
      state[k] = target + (state[k] - target) * (adjusts && !adjusts[k] ? 0 : a);
    }
    while (m < M && d >= grid.end[m]) m++;
    if (m < M && d >= grid.start[m]) {
      const o = m * K;
      for (let k = 0; k < K; k++) out[o + k] += log[k] ? Math.exp(state[k]) : state[k];
    }
  }
  for (let p = 0; p < M; p++) {
    const days = grid.end[p] - grid.start[p];
    const o = p * K;
    for (let k = 0; k < K; k++) out[o + k] = log[k] ? 100 * (out[o + k] / days - 1) : out[o + k] / days;
  }
}
