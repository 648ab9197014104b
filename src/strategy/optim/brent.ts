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
 * The coarse grid over [lo, hi] (at least 9 points, one parallel batch, the clamped start
 * included) and its values; `k` is the best point's index.
 */
async function gridBracket(p: BoxProblem, b: Budget, x0: number) {
  const lo = p.lo[0],
    hi = p.hi[0];
  const m = Math.max(9, 2 * p.parallelism + 1);
  const grid = Array.from({ length: m }, (_, k) => lo + ((hi - lo) * k) / (m - 1));
  const start = Math.min(hi, Math.max(lo, x0));
  if (!grid.includes(start)) grid.push(start);
  grid.sort((a, c) => a - c);
  const fg = await b.eval(grid.map((v) => Float64Array.of(v)));
  let k = 0;
  for (let i = 1; i < grid.length; i++) if (fg[i] > fg[k]) k = i;
  return { grid, fg, k };
}

/**
 * Brent's minimisation of φ = −f on the bracket [a, c]: x the best point, w the second best, v the
 * previous w; d the last step and e the one before.
 */
class BrentState {
  w: number;
  v: number;
  fw: number;
  fv: number;
  d = 0;
  e = 0;
  constructor(
    public a: number,
    public c: number,
    public x: number,
    public fx: number,
  ) {
    this.w = x;
    this.v = x;
    this.fw = fx;
    this.fv = fx;
  }
}

/** The next trial point: a parabolic step through x, w and v where it is acceptable, else a golden-section step. */
function nextTrial(st: BrentState, mid: number, tol1: number, tol2: number): number {
  const { a, c, x, w, v, fx, fw, fv } = st;
  let golden = true;
  if (Math.abs(st.e) > tol1) {
    let r = (x - w) * (fx - fv);
    let q = (x - v) * (fx - fw);
    let pp = (x - v) * q - (x - w) * r;
    q = 2 * (q - r);
    if (q > 0) pp = -pp;
    q = Math.abs(q);
    r = st.e;
    st.e = st.d;
    if (Math.abs(pp) < Math.abs(0.5 * q * r) && pp > q * (a - x) && pp < q * (c - x)) {
      st.d = pp / q;
      const u = x + st.d;
      if (u - a < tol2 || c - u < tol2) st.d = x < mid ? tol1 : -tol1;
      golden = false;
    }
  }
  if (golden) {
    st.e = x >= mid ? a - x : c - x;
    st.d = GOLDEN * st.e;
  }
  return Math.abs(st.d) >= tol1 ? x + st.d : x + (st.d > 0 ? tol1 : -tol1);
}

/** Narrows the bracket around the trial u (φ(u) = fu) and updates the best points x, w, v. */
function acceptTrial(st: BrentState, u: number, fu: number): void {
  if (fu <= st.fx) {
    if (u >= st.x) st.a = st.x;
    else st.c = st.x;
    st.v = st.w;
    st.fv = st.fw;
    st.w = st.x;
    st.fw = st.fx;
    st.x = u;
    st.fx = fu;
  } else {
    if (u < st.x) st.a = u;
    else st.c = u;
    if (fu <= st.fw || st.w === st.x) {
      st.v = st.w;
      st.fv = st.fw;
      st.w = u;
      st.fw = fu;
    } else if (fu <= st.fv || st.v === st.x || st.v === st.w) {
      st.v = u;
      st.fv = fu;
    }
  }
}

/**
 * Maximises the one-dimensional `p` from `x0`.
 *
 * @example
 * const r = await brent(problem, Float64Array.of(0), { xtol: 1e-7, maxEvaluations: 200, gridStep: 0.01 });
 */
export async function brent(p: BoxProblem, x0: Float64Array, o: OptimizeOptions): Promise<OptimizeResult> {
  if (x0.length !== 1) throw new RangeError(msg.oneDimensionalProblem(x0.length));
  const b = new Budget(p, o.maxEvaluations);
  const { grid, fg, k } = await gridBracket(p, b, x0[0]);
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
  if (p.hi[0] === p.lo[0]) return result(true, 'empty interval', 0);
  // Brent's minimisation of φ = −f on the grid's bracket, starting from its best point.
  const st = new BrentState(grid[Math.max(0, k - 1)], grid[Math.min(grid.length - 1, k + 1)], bestX, -bestF);
  for (let it = 1; b.left > 0; it++) {
    const mid = 0.5 * (st.a + st.c);
    const tol1 = 1.4901161193847656e-8 * Math.abs(st.x) + o.xtol / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(st.x - mid) <= tol2 - 0.5 * (st.c - st.a))
      return result(true, `bracket narrower than ${(2 * tol2).toExponential(1)}`, it);
    const u = nextTrial(st, mid, tol1, tol2);
    const [fu0] = await b.eval([Float64Array.of(u)]);
    if (fu0 > bestF) {
      bestF = fu0;
      bestX = u;
    }
    acceptTrial(st, u, -fu0);
  }
  return result(false, `evaluation budget of ${o.maxEvaluations} exhausted`, 0);
}
