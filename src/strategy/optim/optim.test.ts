import { describe, it, expect } from 'vitest';
import { maximize, type BoxProblem } from './index.ts';
import { latticeOf } from './grid.ts';

/** A synchronous objective wrapped as a batch problem, counting evaluations. */
function problem(
  f: (x: Float64Array) => number,
  lo: number[],
  hi: number[],
  parallelism = 2,
): BoxProblem & { calls: number } {
  const p = {
    lo: Float64Array.from(lo),
    hi: Float64Array.from(hi),
    parallelism,
    calls: 0,
    evaluate: async (xs: Float64Array[]) => {
      p.calls += xs.length;
      return xs.map(f);
    },
  };
  return p;
}
const opts = { xtol: 1e-9, maxEvaluations: 5000, gridStep: 0.01 };
// A concave quadratic with an interior maximum at (0.3, 0.7) and cross terms.
const quad = (x: Float64Array) => -((x[0] - 0.3) ** 2) - 2 * (x[1] - 0.7) ** 2 - 0.5 * (x[0] - 0.3) * (x[1] - 0.7);

describe('bounded optimisers', () => {
  it('quasi-Newton finds an interior maximum to 1e-7', async () => {
    const r = await maximize(problem(quad, [0, 0], [2, 2]), Float64Array.of(0, 0), 'quasi-newton', opts);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(0.3, 7);
    expect(r.x[1]).toBeCloseTo(0.7, 7);
  });

  it('quasi-Newton stops on an active bound', async () => {
    const r = await maximize(problem(quad, [0, 0], [0.2, 2]), Float64Array.of(0, 0), 'quasi-newton', opts);
    expect(r.x[0]).toBe(0.2);
    // with x0 fixed at 0.2 the best x1 solves -4(x1-0.7) - 0.5(0.2-0.3) = 0
    expect(r.x[1]).toBeCloseTo(0.7 + 0.05 / 4, 6);
  });

  it('quasi-Newton handles a curved valley (Rosenbrock, maximised as its negative)', async () => {
    const rosen = (x: Float64Array) => -(100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2);
    const r = await maximize(problem(rosen, [-2, -2], [2, 2]), Float64Array.of(-1.2, 1), 'quasi-newton', {
      ...opts,
      fdStep: 1e-6,
    });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it('Brent finds a one-dimensional maximum to 1e-8 and Nelder–Mead to 1e-6', async () => {
    const f = (x: Float64Array) => Math.log(1 + x[0]) - 0.8 * x[0]; // max at 0.25
    const b = await maximize(problem(f, [0], [3]), Float64Array.of(0), 'auto', opts);
    expect(b.method).toBe('brent');
    expect(Math.abs(b.x[0] - 0.25)).toBeLessThan(1e-8);
    const nm = await maximize(problem(quad, [0, 0], [2, 2]), Float64Array.of(1, 1), 'nelder-mead', {
      ...opts,
      xtol: 1e-7,
    });
    expect(nm.converged).toBe(true);
    expect(Math.abs(nm.x[0] - 0.3)).toBeLessThan(1e-6);
    expect(Math.abs(nm.x[1] - 0.7)).toBeLessThan(1e-6);
  });

  it('grid search returns the exact lattice optimum', async () => {
    const r = await maximize(problem(quad, [0, 0], [1, 1]), Float64Array.of(0.5, 0.5), 'grid', {
      ...opts,
      gridStep: 0.05,
    });
    expect(r.x[0]).toBeCloseTo(0.3, 12);
    expect(r.x[1]).toBeCloseTo(0.7, 12);
    expect(latticeOf(0, 0.25, 0.1)).toEqual([0, 0.1, 0.2, 0.25]);
  });

  it('never returns a point worse than the start, even when some points fail', async () => {
    const f = (x: Float64Array) => (x[0] > 0.5 ? NaN : -((x[0] - 0.45) ** 2) - (x[1] - 0.1) ** 2);
    for (const m of ['quasi-newton', 'nelder-mead', 'grid'] as const) {
      const start = Float64Array.of(0.2, 0.3);
      const r = await maximize(problem(f, [0, 0], [1, 1]), start, m, opts);
      expect(r.f).toBeGreaterThanOrEqual(f(start));
      expect(Number.isFinite(r.f)).toBe(true);
    }
  });
});
