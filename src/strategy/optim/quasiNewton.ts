/**
 * Projected quasi-Newton (BFGS on the free variables) for a bounded maximisation with
 * finite-difference gradients whose points are evaluated in one parallel batch.
 *
 * Minimises φ = −f. Each iteration: gradient g of φ by central differences (one-sided at a bound);
 * variables at a bound whose gradient pushes outwards are fixed; d = −H_FF g_F with the BFGS
 * inverse-Hessian H, started (and reset when d is not a descent direction) from the inverse of the
 * diagonal curvatures that the central differences yield at no extra cost; a projected
 * backtracking line search x(α) = clamp(x + α d) with Armijo's condition, trying `parallelism`
 * step lengths per batch. Stops when the projected gradient vanishes (< 1e-9), when an accepted
 * step moves no variable by more than `xtol`, when the objective improved by less than `ftol` over
 * the last 5 iterations (flat, ill-conditioned ridges), or when the line search finds no improvement.
 * Every accepted point improves f, so the result is never worse than the start.
 */
import { Budget, clampInto, type BoxProblem, type OptimizeOptions, type OptimizeResult } from './types.ts';
import * as msg from '../../spec/messages/reasons.ts';

const ARMIJO = 1e-4;
const PG_TOL = 1e-9;
const MAX_HALVINGS = 40;
/** Iterations over which the objective must improve by at least `ftol`. */
const FTOL_WINDOW = 5;

/**
 * Maximises `p` from `x0`.
 *
 * @example
 * const r = await quasiNewton(problem, Float64Array.of(0, 0), { xtol: 1e-7, maxEvaluations: 2000, gridStep: 0.01 });
 */
export async function quasiNewton(p: BoxProblem, x0: Float64Array, o: OptimizeOptions): Promise<OptimizeResult> {
  const n = x0.length;
  const { lo, hi } = p;
  const h = o.fdStep ?? 1e-4;
  const budget = new Budget(p, o.maxEvaluations);
  let x = clampInto(Float64Array.from(x0), lo, hi);
  let [fx] = await budget.eval([x]);
  const done = (converged: boolean, message: string, iterations: number): OptimizeResult => ({
    x,
    f: fx,
    evaluations: budget.used,
    iterations,
    converged,
    message,
    method: 'quasi-newton',
  });
  if (fx === -Infinity) return done(false, msg.modelDidNotSolve(), 0);
  let range = 0;
  for (let i = 0; i < n; i++) range = Math.max(range, hi[i] - lo[i]);
  const H = new Float64Array(n * n);
  let scaled = false;
  const resetH = (s: number) => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = s;
  };
  let gPrev: Float64Array | undefined, sPrev: Float64Array | undefined;
  const ftol = o.ftol ?? 0;
  const history: number[] = [fx];
  for (let it = 1; ; it++) {
    if (budget.left < 2 * n + 1) return done(false, msg.evaluationBudgetExhausted(o.maxEvaluations), it - 1);
    const { g, curv } = await gradient(budget, x, fx, lo, hi, h);
    if (g.some((v) => !Number.isFinite(v))) return done(false, msg.modelDidNotSolveFinite(), it - 1);
    if (gPrev && sPrev)
      scaled = update(
        H,
        n,
        sPrev,
        g.map((v, i) => v - gPrev![i]),
        scaled,
      );
    const free = new Uint8Array(n);
    let pg = 0;
    for (let i = 0; i < n; i++) {
      const atLo = x[i] <= lo[i] && g[i] > 0,
        atHi = x[i] >= hi[i] && g[i] < 0;
      free[i] = atLo || atHi ? 0 : 1;
      pg = Math.max(pg, Math.abs(x[i] - Math.min(hi[i], Math.max(lo[i], x[i] - g[i]))));
    }
    if (pg < PG_TOL) return done(true, msg.projectedGradient(pg.toExponential(1), PG_TOL), it);
    if (it === 1) scaled = diagonalStart(H, n, curv, g, free, Math.min(0.1, 0.25 * range), resetH);
    let d = direction(H, g, free, n);
    let slope = 0;
    for (let i = 0; i < n; i++) slope += g[i] * d[i];
    if (!(slope < 0)) {
      scaled = diagonalStart(H, n, curv, g, free, Math.min(0.1, 0.25 * range), resetH);
      d = direction(H, g, free, n);
    }
    const step = await lineSearch(budget, p.parallelism, x, fx, g, d, lo, hi);
    if (!step) return done(true, msg.noImprovingStep(), it);
    const s = step.x.map((v, i) => v - x[i]);
    x = step.x;
    fx = step.f;
    history.push(fx);
    if (history.length > FTOL_WINDOW && fx - history[history.length - 1 - FTOL_WINDOW] < ftol) {
      return done(true, msg.objectiveImprovedLess(ftol, FTOL_WINDOW), it);
    }
    let smax = 0;
    for (let i = 0; i < n; i++) smax = Math.max(smax, Math.abs(s[i]));
    if (smax < o.xtol) return done(true, msg.stepBelowXtol(smax.toExponential(1), o.xtol), it);
    gPrev = g;
    sPrev = s;
  }
}

/**
 * Initial inverse Hessian: the inverse of the diagonal curvatures the central differences give
 * for free (well scaled when instruments differ by orders of magnitude in effect), else a scaled
 * identity whose first step moves at most `maxStep`. Returns whether H is scaled.
 */
function diagonalStart(
  H: Float64Array,
  n: number,
  curv: Float64Array,
  g: Float64Array,
  free: Uint8Array,
  maxStep: number,
  resetH: (s: number) => void,
): boolean {
  let gmax = 0,
    cmax = 0;
  for (let i = 0; i < n; i++)
    if (free[i]) {
      gmax = Math.max(gmax, Math.abs(g[i]));
      cmax = Math.max(cmax, curv[i]);
    }
  resetH(maxStep / Math.max(gmax, 1e-12));
  if (!(cmax > 0)) return false;
  for (let i = 0; i < n; i++) {
    const c = curv[i] > 1e-6 * cmax ? curv[i] : cmax;
    // Never a first move larger than maxStep in any variable.
    H[i * n + i] = Math.min(1 / c, maxStep / Math.max(Math.abs(g[i]), 1e-300));
  }
  return true;
}

/**
 * Gradient of φ = −f (central differences, one-sided next to a bound) and φ's diagonal curvature
 * where both sides exist (else NaN).
 */
async function gradient(
  b: Budget,
  x: Float64Array,
  fx: number,
  lo: Float64Array,
  hi: Float64Array,
  h: number,
): Promise<{ g: Float64Array; curv: Float64Array }> {
  const n = x.length;
  const pts: Float64Array[] = [];
  const plan: { up: number; down: number; hu: number; hd: number }[] = [];
  for (let i = 0; i < n; i++) {
    const canUp = x[i] + h <= hi[i],
      canDown = x[i] - h >= lo[i];
    const e = { up: -1, down: -1, hu: 0, hd: 0 };
    if (canUp) {
      const y = Float64Array.from(x);
      y[i] += h;
      e.up = pts.push(y) - 1;
      e.hu = h;
    }
    if (canDown) {
      const y = Float64Array.from(x);
      y[i] -= h;
      e.down = pts.push(y) - 1;
      e.hd = h;
    }
    plan.push(e);
  }
  const f = await b.eval(pts);
  const g = Float64Array.from(plan, (e) => {
    const fu = e.up >= 0 ? f[e.up] : fx,
      fd = e.down >= 0 ? f[e.down] : fx;
    const span = e.hu + e.hd;
    return span > 0 ? -(fu - fd) / span : 0;
  });
  const curv = Float64Array.from(plan, (e) =>
    e.up >= 0 && e.down >= 0 ? -(f[e.up] - 2 * fx + f[e.down]) / (h * h) : NaN,
  );
  return { g, curv };
}

function direction(H: Float64Array, g: Float64Array, free: Uint8Array, n: number): Float64Array {
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!free[i]) continue;
    let s = 0;
    for (let k = 0; k < n; k++) if (free[k]) s += H[i * n + k] * g[k];
    d[i] = -s;
  }
  return d;
}

/**
 * BFGS update of the inverse Hessian (skipped when yᵀs ≤ 0); the first update after a reset
 * rescales H to (yᵀs/yᵀy) I (Nocedal–Wright 6.20). Returns whether H is scaled.
 */
function update(H: Float64Array, n: number, s: Float64Array, y: Float64Array, scaled: boolean): boolean {
  let ys = 0,
    yy = 0,
    ss = 0;
  for (let i = 0; i < n; i++) {
    ys += y[i] * s[i];
    yy += y[i] * y[i];
    ss += s[i] * s[i];
  }
  if (!(ys > 1e-12 * Math.sqrt(yy * ss))) return scaled;
  if (!scaled) {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = ys / yy;
  }
  const rho = 1 / ys;
  const Hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let k = 0; k < n; k++) t += H[i * n + k] * y[k];
    Hy[i] = t;
  }
  let yHy = 0;
  for (let i = 0; i < n; i++) yHy += y[i] * Hy[i];
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++)
      H[i * n + k] += -rho * (Hy[i] * s[k] + s[i] * Hy[k]) + (rho * rho * yHy + rho) * s[i] * s[k];
  return true;
}

async function lineSearch(
  b: Budget,
  par: number,
  x: Float64Array,
  fx: number,
  g: Float64Array,
  d: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
) {
  const batch = Math.max(1, par);
  let alpha = 1;
  for (let tried = 0; tried < MAX_HALVINGS && b.left >= batch; tried += batch) {
    const alphas = Array.from({ length: batch }, (_, k) => alpha * 0.5 ** k);
    const pts = alphas.map((a) =>
      clampInto(
        x.map((v, i) => v + a * d[i]),
        lo,
        hi,
      ),
    );
    const f = await b.eval(pts);
    let best = -1;
    pts.forEach((pt, k) => {
      let dec = 0;
      for (let i = 0; i < x.length; i++) dec += g[i] * (pt[i] - x[i]);
      const ok = -f[k] <= -fx + ARMIJO * dec && f[k] > fx;
      if (ok && (best < 0 || f[k] > f[best])) best = k;
    });
    if (best >= 0) return { x: pts[best], f: f[best] };
    alpha *= 0.5 ** batch;
  }
  return undefined;
}
