/**
 * One-dimensional bounded maximisation: a coarse grid over [lo, hi] (one parallel batch, the
 * start included) brackets the best point, then Brent's method (golden section with parabolic
 * interpolation; Brent 1973, ch. 5, as in `fminbound`) refines it inside the bracket. The result
 * is the best point seen, so it is never worse than the start or any grid point.
 */
import { Budget, type BoxProblem, type OptimizeOptions, type OptimizeResult } from './types.ts';
import * as msg from '../../spec/messages/strategy.ts';

const GOLDEN = 0.5 * (3 - Math.sqrt(5));

/**
 * Maximises the one-dimensional `p` from `x0`.
 *
 * @example
 * const r = await brent(problem, Float64Array.of(0), { xtol: 1e-7, maxEvaluations: 200, gridStep: 0.01 });
 */
export async function brent(p: BoxProblem, x0: Float64Array, o: OptimizeOptions): Promise<OptimizeResult> {
  if (x0.length !== 1) throw new RangeError(msg.oneDimensionalProblem(x0.length));
  const lo = p.lo[0],
    hi = p.hi[0];
  const b = new Budget(p, o.maxEvaluations);
  const m = Math.max(9, 2 * p.parallelism + 1);
  const grid = Array.from({ length: m }, (_, k) => lo + ((hi - lo) * k) / (m - 1));
  const start = Math.min(hi, Math.max(lo, x0[0]));
  if (!grid.includes(start)) grid.push(start);
  grid.sort((a, c) => a - c);
  const fg = await b.eval(grid.map((v) => Float64Array.of(v)));
  let k = 0;
  for (let i = 1; i < grid.length; i++) if (fg[i] > fg[k]) k = i;
  let bestX = grid[k],
    bestF = fg[k];
  const result = (converged: boolean, message: string, iterations: number): OptimizeResult => ({
    x: Float64Array.of(bestX),
    f: bestF,
    evaluations: b.used,
    iterations,
    converged,
    message,
    method: 'brent',
  });
  if (bestF === -Infinity) return result(false, 'the model did not solve at any grid point', 0);
  if (hi === lo) return result(true, 'empty interval', 0);
  let a = grid[Math.max(0, k - 1)],
    c = grid[Math.min(grid.length - 1, k + 1)];
  // Brent's minimisation of φ = −f on [a, c], starting from the grid's best point.
  let x = bestX,
    w = x,
    v = x;
  let fx = -bestF,
    fw = fx,
    fv = fx;
  let d = 0,
    e = 0;
  for (let it = 1; b.left > 0; it++) {
    const mid = 0.5 * (a + c);
    const tol1 = 1.4901161193847656e-8 * Math.abs(x) + o.xtol / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(x - mid) <= tol2 - 0.5 * (c - a))
      return result(true, `bracket narrower than ${(2 * tol2).toExponential(1)}`, it);
    let golden = true;
    if (Math.abs(e) > tol1) {
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let pp = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) pp = -pp;
      q = Math.abs(q);
      r = e;
      e = d;
      if (Math.abs(pp) < Math.abs(0.5 * q * r) && pp > q * (a - x) && pp < q * (c - x)) {
        d = pp / q;
        const u = x + d;
        if (u - a < tol2 || c - u < tol2) d = x < mid ? tol1 : -tol1;
        golden = false;
      }
    }
    if (golden) {
      e = x >= mid ? a - x : c - x;
      d = GOLDEN * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const [fu0] = await b.eval([Float64Array.of(u)]);
    const fu = -fu0;
    if (fu0 > bestF) {
      bestF = fu0;
      bestX = u;
    }
    if (fu <= fx) {
      if (u >= x) a = x;
      else c = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else c = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return result(false, `evaluation budget of ${o.maxEvaluations} exhausted`, 0);
}
