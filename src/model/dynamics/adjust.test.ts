import { describe, it, expect } from 'vitest';
import {
  adjustedMeans,
  adjustmentMonths,
  adjustedShare,
  BLP_SHORT_RUN,
  BLP_LONG_RUN,
  DAYS_PER_MONTH,
  type AdjustSeries,
} from './adjust.ts';
import { dayNumber, months, ticks, stepInForce } from '../../policy/clock.ts';

const series = (dates: string[], values: number[][]): AdjustSeries => {
  const K = values[0].length;
  return {
    K,
    targets: Float64Array.from(values.flat(), (g) => Math.log1p(g / 100)),
    stepDay: Int32Array.from(dates, dayNumber),
    log: new Uint8Array(K).fill(1),
  };
};

describe("partial adjustment toward each step's equilibrium", () => {
  it('converges to the long-run equilibrium of the last step', () => {
    const s = series(
      ['2025-01-01', '2025-04-10'],
      [
        [-20, 5],
        [-60, -3],
      ],
    );
    const grid = months('2025-01-01', '2085-12-31'); // 60 years: e^(−720/25) ≈ 3e−13 of the gap left
    const out = new Float64Array(grid.start.length * 2);
    adjustedMeans(s, grid, adjustmentMonths(0.38) * DAYS_PER_MONTH, out, new Float64Array(2));
    const last = grid.start.length - 1;
    expect(out[last * 2]).toBeCloseTo(-60, 6);
    expect(out[last * 2 + 1]).toBeCloseTo(-3, 6);
    // monotone approach from the baseline, never past the target
    for (let m = 1; m <= last; m++) expect(out[m * 2]).toBeLessThanOrEqual(out[(m - 1) * 2] + 1e-12);
    expect(out[last * 2]).toBeGreaterThanOrEqual(-60 - 1e-9);
  });

  it('with adjustment off equals the day-weighted sequence of equilibria', () => {
    const dates = ['2025-02-04', '2025-04-10', '2025-05-14'];
    const vals = [[-10], [-80], [-40]];
    const s = series(dates, vals);
    const grid = months('2025-01-01', '2025-06-30');
    const out = new Float64Array(grid.start.length);
    adjustedMeans(s, grid, 0, out, new Float64Array(1));
    for (let m = 0; m < grid.start.length; m++) {
      let sum = 0;
      for (let d = grid.start[m]; d < grid.end[m]; d++) {
        const k = stepInForce(s.stepDay, d);
        sum += k < 0 ? 0 : vals[k][0];
      }
      expect(out[m]).toBeCloseTo(sum / (grid.end[m] - grid.start[m]), 10);
    }
  });

  it("reaches Boehm, Levchenko & Pandalai-Nayar's within-a-year share of the long run after twelve months", () => {
    const T = adjustmentMonths(BLP_SHORT_RUN / BLP_LONG_RUN);
    expect(T).toBeGreaterThan(24);
    expect(T).toBeLessThan(26);
    expect(adjustedShare(12, T)).toBeCloseTo(0.38, 12);
    expect(adjustedShare(84, T)).toBeGreaterThan(0.95); // "7–10 years to converge"
    // the kernel's daily steps give the same share for a log series one year after a change
    const s = series(['2025-01-01'], [[100 * (Math.E - 1)]]); // ln(1 + g) = 1
    const grid = ticks('2025-12-31', '2025-12-31', 1);
    const out = new Float64Array(1);
    adjustedMeans(
      { ...s, log: Uint8Array.of(0), targets: Float64Array.of(1) },
      grid,
      T * DAYS_PER_MONTH,
      out,
      new Float64Array(1),
    );
    expect(out[0]).toBeCloseTo(adjustedShare(365 / DAYS_PER_MONTH, T), 3);
  });

  it('rejects shares outside (0, 1)', () => {
    expect(() => adjustmentMonths(1.2)).toThrow(/Expected a within-a-year share/);
  });
});

describe('series that do not adjust', () => {
  it('jump to each equilibrium on its date (the CPI under complete pass-through)', () => {
    const s = { ...series(['2025-03-01'], [[10, 10]]), adjusts: Uint8Array.of(1, 0) };
    const grid = months('2025-03-01', '2025-03-31');
    const out = new Float64Array(2);
    adjustedMeans(s, grid, 25 * DAYS_PER_MONTH, out, new Float64Array(2));
    expect(out[1]).toBeCloseTo(10, 10);
    expect(out[0]).toBeLessThan(1);
  });
});
