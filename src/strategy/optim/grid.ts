/**
 * Search on a lattice: every variable takes the values lo + k·step (and hi). In one dimension
 * every lattice point is evaluated (one parallel batch) and the best is exact on the lattice; in
 * more dimensions cyclic coordinate search evaluates each variable's whole lattice line with the
 * others fixed, until a full sweep changes nothing (a lattice point no single-variable move
 * improves). Ties keep the current value, so a fixed point of best responses is exact.
 */
import { Budget, type BoxProblem, type OptimizeOptions, type OptimizeResult } from './types.ts';
import * as msg from '../../spec/messages/reasons.ts';

/** The lattice of one variable. */
export function latticeOf(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  const m = Math.floor((hi - lo) / step + 1e-9);
  for (let k = 0; k <= m; k++) out.push(Math.min(hi, lo + k * step));
  if (out[out.length - 1] < hi - 1e-12) out.push(hi);
  return out;
}

/** Snaps `v` to the nearest lattice value. */
function snap(lattice: number[], v: number): number {
  let best = lattice[0];
  for (const l of lattice) if (Math.abs(l - v) < Math.abs(best - v)) best = l;
  return best;
}

/**
 * Maximises `p` on the lattice of step `o.gridStep`, from `x0` snapped to it.
 *
 * @example
 * const r = await gridSearch(problem, Float64Array.of(0), { xtol: 1e-7, maxEvaluations: 1000, gridStep: 0.01 });
 */
export async function gridSearch(p: BoxProblem, x0: Float64Array, o: OptimizeOptions): Promise<OptimizeResult> {
  const n = x0.length;
  const b = new Budget(p, o.maxEvaluations);
  const lattices = Array.from({ length: n }, (_, i) => latticeOf(p.lo[i], p.hi[i], o.gridStep));
  const x = Float64Array.from(x0, (v, i) => snap(lattices[i], v));
  let [fx] = await b.eval([x]);
  let sweeps = 0;
  for (let changed = true; changed; ) {
    changed = false;
    sweeps++;
    for (let i = 0; i < n; i++) {
      const pts = lattices[i]
        .filter((v) => v !== x[i])
        .map((v) => {
          const y = Float64Array.from(x);
          y[i] = v;
          return y;
        });
      if (b.left < pts.length) {
        return {
          x,
          f: fx,
          evaluations: b.used,
          iterations: sweeps,
          converged: false,
          message: msg.evaluationBudgetExhausted(o.maxEvaluations),
          method: 'grid',
        };
      }
      const f = await b.eval(pts);
      let k = -1;
      for (let m = 0; m < pts.length; m++) if (f[m] > fx && (k < 0 || f[m] > f[k])) k = m;
      if (k >= 0) {
        x[i] = pts[k][i];
        fx = f[k];
        changed = n > 1;
      }
    }
  }
  return {
    x,
    f: fx,
    evaluations: b.used,
    iterations: sweeps,
    converged: fx > -Infinity,
    message: fx > -Infinity ? msg.latticeOptimumStep(o.gridStep) : msg.modelDidNotSolveOnLattice(),
    method: 'grid',
  };
}
