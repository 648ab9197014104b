/**
 * Nelder–Mead with bounds: the standard simplex moves (reflection 1, expansion 2, contraction
 * ½, shrink ½; Lagarias et al. 1998) with every trial point clamped into the box. Derivative-free,
 * so it tolerates kinks (e.g. in the equal-gains objective). Stops when every vertex lies within
 * `xtol` of the best and their values within 1e-10, or at the evaluation budget. The result is
 * the best vertex, never worse than the start.
 */
import { Budget, clampInto, type BoxProblem, type OptimizeOptions, type OptimizeResult } from './types.ts';

/**
 * Maximises `p` from `x0`.
 *
 * @example
 * const r = await nelderMead(problem, Float64Array.of(0.1, 0.1), { xtol: 1e-6, maxEvaluations: 3000, gridStep: 0.01 });
 */
export async function nelderMead(p: BoxProblem, x0: Float64Array, o: OptimizeOptions): Promise<OptimizeResult> {
  const n = x0.length;
  const { lo, hi } = p;
  const b = new Budget(p, o.maxEvaluations);
  const start = clampInto(Float64Array.from(x0), lo, hi);
  const simplex: Float64Array[] = [start];
  for (let i = 0; i < n; i++) {
    const v = Float64Array.from(start);
    const step = Math.min(0.1, 0.1 * (hi[i] - lo[i])) || 0.05;
    v[i] = v[i] + step <= hi[i] ? v[i] + step : v[i] - step;
    simplex.push(clampInto(v, lo, hi));
  }
  // Values of φ = −f (minimised).
  let phi = (await b.eval(simplex)).map((f) => -f);
  const order = () => {
    const idx = simplex.map((_, k) => k).sort((a, c) => phi[a] - phi[c]);
    const s2 = idx.map((k) => simplex[k]),
      f2 = idx.map((k) => phi[k]);
    simplex.splice(0, simplex.length, ...s2);
    phi = f2;
  };
  const at = (c: Float64Array, t: number) =>
    clampInto(
      c.map((v, i) => v + t * (simplex[n][i] - v)),
      lo,
      hi,
    );
  let it = 0;
  const result = (converged: boolean, message: string): OptimizeResult => ({
    x: simplex[0],
    f: -phi[0],
    evaluations: b.used,
    iterations: it,
    converged,
    message,
    method: 'nelder-mead',
  });
  for (; ; it++) {
    order();
    let size = 0;
    for (let k = 1; k <= n; k++)
      for (let i = 0; i < n; i++) size = Math.max(size, Math.abs(simplex[k][i] - simplex[0][i]));
    if (phi[0] === Infinity) return result(false, 'the model did not solve at any vertex');
    if (size <= o.xtol && phi[n] - phi[0] <= 1e-10)
      return result(true, `simplex within ${o.xtol} and values within 1e-10`);
    if (b.left < n + 2) return result(false, `evaluation budget of ${o.maxEvaluations} exhausted`);
    const c = new Float64Array(n);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) c[i] += simplex[k][i] / n;
    const xr = at(c, -1);
    const [fr] = (await b.eval([xr])).map((f) => -f);
    if (fr < phi[0]) {
      const xe = at(c, -2);
      const [fe] = (await b.eval([xe])).map((f) => -f);
      if (fe < fr) {
        simplex[n] = xe;
        phi[n] = fe;
      } else {
        simplex[n] = xr;
        phi[n] = fr;
      }
      continue;
    }
    if (fr < phi[n - 1]) {
      simplex[n] = xr;
      phi[n] = fr;
      continue;
    }
    const outside = fr < phi[n];
    const xc = at(c, outside ? -0.5 : 0.5);
    const [fc] = (await b.eval([xc])).map((f) => -f);
    if (fc < (outside ? fr : phi[n])) {
      simplex[n] = xc;
      phi[n] = fc;
      continue;
    }
    // Shrink towards the best vertex (one parallel batch).
    const shrunk = simplex.slice(1).map((v) =>
      clampInto(
        v.map((x, i) => simplex[0][i] + 0.5 * (x - simplex[0][i])),
        lo,
        hi,
      ),
    );
    const fs = (await b.eval(shrunk)).map((f) => -f);
    for (let k = 1; k <= n; k++) {
      simplex[k] = shrunk[k - 1];
      phi[k] = fs[k - 1];
    }
  }
}
