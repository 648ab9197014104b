import { describe, expect, it } from 'vitest';
import { band, BandAccumulator, measurePaths, percentile } from './bands.ts';

describe('bands', () => {
  it('interpolates percentiles between order statistics (R type 7)', () => {
    const v = Float64Array.from({ length: 101 }, (_, i) => i);
    expect(percentile(v, 0.05)).toBe(5);
    expect(percentile(v, 0.5)).toBe(50);
    expect(percentile([1, 2], 0.5)).toBe(1.5);
    expect(band([3, 1, 2, NaN])).toEqual({ p5: 1.1, p50: 2, p95: 2.9 });
  });

  it('builds a bands object in the shape of the result, numbers only, no solver diagnostics', () => {
    const central = {
      status: 'converged',
      seconds: 1,
      steps: [{ date: 'd', countries: { USA: { welfare_pct: 1 } } }],
      iterations: 3,
    };
    expect(measurePaths(central)).toEqual([['steps', 0, 'countries', 'USA', 'welfare_pct']]);
    const acc = new BandAccumulator(central, 3);
    [1, 2, 3].forEach((w, k) => acc.add(k, { steps: [{ countries: { USA: { welfare_pct: w } } }] }));
    expect(acc.bands()).toEqual({ steps: [{ countries: { USA: { welfare_pct: { p5: 1.1, p50: 2, p95: 2.9 } } } }] });
  });
});
