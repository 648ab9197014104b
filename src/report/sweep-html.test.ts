import { describe, expect, it } from 'vitest';
import { sweepHtml } from './sweep-html.ts';
import type { SweepResult } from '../sweep/run.ts';

const band = (c: number, w: number) => ({ p5: c - w, p50: c, p95: c + w });
const step = (date: string, k: number) => ({
  date,
  label: `step ${k}`,
  countries: { USA: { welfare_pct: -0.1 * k }, CHN: { welfare_pct: -0.3 * k } },
  bilateral_exports_pct: { CHN: { USA: -20 * k }, USA: { CHN: -10 * k } },
});
const stepBand = (k: number) => ({
  countries: { USA: { welfare_pct: band(-0.1 * k, 0.05) }, CHN: { welfare_pct: band(-0.3 * k, 0.1) } },
  bilateral_exports_pct: { CHN: { USA: band(-20 * k, 5) }, USA: { CHN: band(-10 * k, 4) } },
});
const periods = ['2025-02', '2025-03', '2025-04', '2025-05'];
const month = (k: number) => ({
  countries: { USA: { real_income_pct: -0.03 * k }, CHN: { real_income_pct: -0.1 * k } },
  trade: { 'CHN->USA': -7 * k, 'USA->CHN': -4 * k },
});
const monthBand = (k: number) => ({
  countries: { USA: { real_income_pct: band(-0.03 * k, 0.01) }, CHN: { real_income_pct: band(-0.1 * k, 0.04) } },
  trade: { 'CHN->USA': band(-7 * k, 2), 'USA->CHN': band(-4 * k, 1) },
});

function sweep(withPath: boolean): SweepResult {
  const steps = [step('2025-02-04', 0), step('2025-04-09', 1)];
  const path = periods.map((period, k) => ({ period, ...month(k) }));
  return {
    name: 'timeline sweep',
    scenario: 'x.yaml',
    seed: 1,
    draws: 8,
    status: 'complete',
    executor: 'inline',
    seconds: 1,
    priors: [],
    samples: [],
    provenance: {} as SweepResult['provenance'],
    points: [
      {
        grid: {},
        // The measures the page reads (a partial timeline result).
        result: { steps, ...(withPath ? { path } : {}) } as unknown as SweepResult['points'][0]['result'],
        bands: {
          steps: [stepBand(0), stepBand(1)],
          ...(withPath ? { path: periods.map((_, k) => monthBand(k)) } : {}),
        },
        draws: { requested: 8, used: 8, not_converged: [], failed: [] },
      },
    ],
  };
}

describe('the HTML page of a timeline sweep', () => {
  it('draws the fans month by month on the monthly path, each month with its band', () => {
    const h = sweepHtml(sweep(true));
    expect(h).toMatch(/Goods exports, % change from the baseline, month by month \(the monthly path\)/);
    expect(h).toMatch(/Welfare \(real income\), % change, month by month/);
    expect(h).toMatch(/China → US, 2025-05 \(monthly mean\): -21\.00 \(5–95%: -23\.00 to -19\.00\)/);
    expect(h).toMatch(/CHN, 2025-03 \(monthly mean\): -0\.10 \(5–95%: -0\.14 to -0\.06\)/);
    // Four months × two series on each of the two charts.
    expect(h.match(/, 2025-0\d \(monthly mean\): /g)).toHaveLength(2 * 4 * 2);
  });

  it('draws them step by step when the draws carry no path', () => {
    const h = sweepHtml(sweep(false));
    expect(h).toMatch(/Goods exports, % change from the baseline, step by step \(the equilibria\)/);
    expect(h).toMatch(/China → US, 2025-04-09: -20\.00 \(5–95%: -25\.00 to -15\.00\)/);
    expect(h.match(/, 2025-0\d-\d\d: /g)).toHaveLength(2 * 2 * 2);
  });
});
