/**
 * The ReLU separation check of Correia, Guimarães & Zylkin (2021, "Verifying the existence of
 * maximum likelihood estimates for generalized linear models", section 4; ppmlhdfe's default).
 * Observation i with yᵢ = 0 is separated when some combination u = Xγ + Dα has uᵢ > 0, u ≥ 0 on
 * all zeros and u = 0 on all positive flows. Iterate least squares of u on X and the fixed effects
 * with a heavy weight on the positive flows, setting u to max(û, 0) on the zeros, until the fit
 * is non-negative everywhere; the zeros with û > 0 are separated.
 */
import { Demeaner, type Factor } from './hdfe.ts';
import { SpdInverse } from './dense.ts';

/** Separated observations (mask over the input) and their count; `converged` false if the check hit its cap. */
export interface ReluOutcome {
  mask: Uint8Array;
  count: number;
  converged: boolean;
  iterations: number;
}

/** The weighted Gram matrix X̃ᵀΩX̃ of the k partialled-out regressors (column-major, n rows), inverted. */
function invertedGram(xt: Float64Array, omega: Float64Array, n: number, k: number): SpdInverse {
  const h = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let c = 0; c <= a; c++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += omega[i] * xt[a * n + i] * xt[c * n + i];
      h[a * k + c] = s;
      h[c * k + a] = s;
    }
  }
  const solver = new SpdInverse(k);
  solver.invert(h);
  return solver;
}

/**
 * One weighted least-squares fit of u: the partialled-out ũ (into ut), b = (X̃ᵀΩX̃)⁻¹X̃ᵀΩũ, and
 * û = u − (ũ − X̃b) into fit.
 */
function fitU(
  dm: Demeaner,
  solver: SpdInverse,
  xt: Float64Array,
  omega: Float64Array,
  k: number,
  u: Float64Array,
  ws: { ut: Float64Array; fit: Float64Array; g: Float64Array; b: Float64Array },
): void {
  const { ut, fit, g, b } = ws;
  const n = u.length;
  ut.set(u);
  dm.partialOut(ut, 1e-12, 100_000);
  for (let a = 0; a < k; a++) {
    let t = 0;
    for (let i = 0; i < n; i++) t += omega[i] * xt[a * n + i] * ut[i];
    g[a] = t;
  }
  for (let a = 0; a < k; a++) {
    let t = 0;
    for (let c = 0; c < k; c++) t += solver.inv[a * k + c] * g[c];
    b[a] = t;
  }
  for (let i = 0; i < n; i++) {
    let r = ut[i];
    for (let c = 0; c < k; c++) r -= xt[c * n + i] * b[c];
    fit[i] = u[i] - r;
  }
}

/**
 * Finds the zero-flow observations separated by the regressors and fixed effects.
 *
 * @example
 * ```ts
 * const { mask, count } = reluSeparation(y, x, k, factors, w);
 * ```
 */
export function reluSeparation(
  y: Float64Array,
  x: Float64Array,
  k: number,
  factors: readonly Factor[],
  _w: Float64Array,
  opts: { tol?: number; maxIter?: number } = {},
): ReluOutcome {
  const n = y.length;
  const tol = opts.tol ?? 1e-5;
  const maxIter = opts.maxIter ?? 200;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (y[i] === 0) zeros++;
  const mask = new Uint8Array(n);
  if (zeros === 0) return { mask, count: 0, converged: true, iterations: 0 };
  // Heavy weight on positive flows makes the fit there ≈ 0 (the constraint u = 0 on y > 0).
  const heavy = Math.max(1, zeros) / (tol * tol);
  const omega = new Float64Array(n);
  for (let i = 0; i < n; i++) omega[i] = y[i] > 0 ? heavy : 1;
  const dm = new Demeaner(n, factors);
  dm.setWeights(omega);
  const xt = x.slice();
  for (let c = 0; c < k; c++) dm.partialOut(xt.subarray(c * n, (c + 1) * n), 1e-12, 100_000);
  const solver = invertedGram(xt, omega, n, k);
  const ws = { ut: new Float64Array(n), fit: new Float64Array(n), g: new Float64Array(k), b: new Float64Array(k) };
  const { fit } = ws;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = y[i] === 0 ? 1 : 0;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    iterations++;
    fitU(dm, solver, xt, omega, k, u, ws);
    let negative = false;
    for (let i = 0; i < n; i++) if (y[i] === 0 && fit[i] < -tol) negative = true;
    if (!negative) {
      converged = true;
      break;
    }
    for (let i = 0; i < n; i++) if (y[i] === 0) u[i] = Math.max(fit[i], 0);
  }
  let count = 0;
  if (converged) {
    for (let i = 0; i < n; i++) {
      if (y[i] === 0 && fit[i] > tol) {
        mask[i] = 1;
        count++;
      }
    }
  }
  return { mask, count, converged, iterations };
}
