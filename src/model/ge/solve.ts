/**
 * Solves the multi-sector equilibrium in changes (equations.ts) for wages ŵ by nested fixed
 * points, each accelerated with Anderson mixing:
 *   outer  ln ŵ ← ln(VA'(ŵ)/VA)          (eq. 5, then the numeraire eq. 6)
 *   inner  ln P̂ ← eq. 2 ∘ eq. 1          (prices given wages)
 *   inner  X'   ← eq. 4                   (spending given prices and wages; linear)
 * Inner tolerances tighten with the outer residual, so early outer steps are cheap.
 * Non-convergence and non-finite values are reported in the result, never hidden.
 */
import type { GeBaseline } from './baseline.ts';
import type { SolverReport } from '../result.ts';
import { Anderson } from '../numerics/anderson.ts';
import { logUnitCost, logPriceIndex, salesShares, spendingSweep, grossOutput, valueAddedOfSales, tradedSectors } from './equations.ts';

/** A counterfactual: new tariffs (τ' = 1 + t'), optional iceberg changes, new deficits. */
export interface GeShock {
  /** τ'_ni^j, index (n*N + i)*J + j. */
  tauNew: Float64Array;
  /** d̂_ni^j (same index); absent means 1. */
  dHat?: Float64Array;
  /** D'_n in the new equilibrium (deficits, baseline units). */
  D: Float64Array;
  /** Multiplies every θ^j (short-run studies); default 1. */
  thetaScale?: number;
}

export interface GeSolveOptions {
  /** Convergence: Σ_n |VA'_n − ŵ_n VA_n| / Σ_n VA_n below this (the reference's measure). Default 1e-10. */
  tol?: number;
  maxIterations?: number;
  /** Anderson memory. Default 5. */
  memory?: number;
}

export interface GeSolution {
  report: SolverReport;
  /** ln ŵ_n. */
  lw: Float64Array;
  /** ln P̂_n^j (index n*J + j). */
  lP: Float64Array;
  /** ln ĉ_n^j. */
  lc: Float64Array;
  /** π'_ni^j. */
  piNew: Float64Array;
  /** X'_n^j. */
  X: Float64Array;
  /** Y'_n^j, gross output net of tariffs. */
  Y: Float64Array;
  /** F'_n^j = Σ_i π'_ni^j/τ'_ni^j. */
  F: Float64Array;
  /** Effective trade elasticities used. */
  theta: Float64Array;
}

/** Optional warm start (a previous solution of the same baseline). */
export type GeWarmStart = Pick<GeSolution, 'lw' | 'lP' | 'X'>;

/** Solves the equilibrium of `shock` relative to baseline `b`. */
export function solveGe(b: GeBaseline, shock: GeShock, opts: GeSolveOptions = {}, warm?: GeWarmStart): GeSolution {
  const t0 = performance.now();
  const { N, J } = b;
  const NJ = N * J;
  const tol = opts.tol ?? 1e-10;
  const maxIt = opts.maxIterations ?? 500;
  const m = opts.memory ?? 5;
  const scale = shock.thetaScale ?? 1;
  const theta = new Float64Array(J);
  for (let j = 0; j < J; j++) theta[j] = b.theta[j] * scale;

  // Dom = π κ̂^{−θ}: the part of eq. (2) that does not change during the solve.
  const Dom = new Float64Array(N * N * J);
  const invTau = new Float64Array(N * N * J);
  for (let q = 0; q < Dom.length; q++) {
    invTau[q] = 1 / shock.tauNew[q];
    const p = b.pi[q];
    if (p === 0) continue;
    const kappa = (shock.tauNew[q] / b.tau[q]) * (shock.dHat ? shock.dHat[q] : 1);
    Dom[q] = p * Math.exp(-theta[q % J] * Math.log(kappa));
  }

  const traded = tradedSectors(N, J, b.pi);
  const lw = warm ? Float64Array.from(warm.lw) : new Float64Array(N);
  const lP = warm ? Float64Array.from(warm.lP) : new Float64Array(NJ);
  const X = warm ? Float64Array.from(warm.X) : Float64Array.from(b.X);
  const lc = new Float64Array(NJ), lPn = new Float64Array(NJ), e = new Float64Array(NJ), s = new Float64Array(NJ);
  const piNew = new Float64Array(N * N * J), S = new Float64Array(N * N * J), F = new Float64Array(NJ);
  const Xn = new Float64Array(NJ), Y = new Float64Array(NJ);
  const wVA = new Float64Array(N), VAs = new Float64Array(N), g = new Float64Array(N);
  const aaW = new Anderson(N, m), aaP = new Anderson(NJ, m), aaX = new Anderson(NJ, m);
  let worldVA = 0;
  for (let n = 0; n < N; n++) worldVA += b.VA[n];

  let residual = Infinity;
  let iterations = 0;
  let message: string | undefined;
  let innerTol = 1e-6;
  for (let it = 1; it <= maxIt; it++) {
    iterations = it;
    // Prices given wages: eq. (1) and (2).
    aaP.reset();
    for (let k = 0; k < 1000; k++) {
      logUnitCost(N, J, b.B, b.GB, lw, lP, lc);
      logPriceIndex(N, J, traded, theta, Dom, lc, e, s, lPn);
      if (process.env.GE_TRACE) (globalThis as any).np = ((globalThis as any).np ?? 0) + 1;
      if (aaP.next(lP, lPn, lP) < innerTol * 0.1) break;
    }
    logUnitCost(N, J, b.B, b.GB, lw, lP, lc);
    logPriceIndex(N, J, traded, theta, Dom, lc, e, s, lP);
    salesShares(N, J, traded, Dom, e, s, invTau, piNew, S, F);
    // Spending given prices and wages: eq. (4), a linear system solved by accelerated sweeps.
    for (let n = 0; n < N; n++) wVA[n] = Math.exp(lw[n]) * b.VA[n];
    aaX.reset();
    for (let k = 0; k < 1000; k++) {
      spendingSweep(N, J, traded, S, F, b.GB, b.alpha, wVA, shock.D, X, Y, Xn);
      if (process.env.GE_TRACE) (globalThis as any).nx = ((globalThis as any).nx ?? 0) + 1;
      let xmax = 0;
      for (let q = 0; q < NJ; q++) if (Math.abs(Xn[q]) > xmax) xmax = Math.abs(Xn[q]);
      if (aaX.next(X, Xn, X) <= innerTol * 0.1 * xmax) break;
    }
    grossOutput(N, J, traded, S, X, Y);
    valueAddedOfSales(N, J, b.B, Y, VAs);
    // Eq. (5) residual and the wage map.
    residual = 0;
    for (let n = 0; n < N; n++) {
      residual += Math.abs(VAs[n] - wVA[n]);
      g[n] = Math.log(VAs[n] / b.VA[n]);
    }
    residual /= worldVA;
    if (!Number.isFinite(residual)) {
      message = `Non-finite value in iteration ${it} (${firstNonFinite(lw, lP, X, b)})`;
      break;
    }
    if (residual < tol) break;
    innerTol = Math.min(1e-6, Math.max(1e-13, residual * 3e-1));
    if (process.env.GE_TRACE) console.error(it, residual, innerTol, (globalThis as any).np, (globalThis as any).nx);
    aaW.next(lw, g, lw);
    normalise(lw, b.VA, worldVA);
  }
  const converged = residual < tol;
  if (!converged && !message) message = `Wage fixed point did not reach ${tol} in ${maxIt} iterations (residual ${residual.toExponential(2)})`;
  const report: SolverReport = {
    status: converged ? 'converged' : 'not-converged', iterations, residual, seconds: (performance.now() - t0) / 1000,
    ...(message && !converged ? { message } : {}),
  };
  return { report, lw, lP, lc, piNew, X, Y, F, theta };
}

/** Eq. (6): rescales ŵ so that world value added is unchanged. */
function normalise(lw: Float64Array, VA: Float64Array, worldVA: number) {
  let s = 0;
  for (let n = 0; n < lw.length; n++) s += Math.exp(lw[n]) * VA[n];
  const shift = Math.log(worldVA / s);
  for (let n = 0; n < lw.length; n++) lw[n] += shift;
}

function firstNonFinite(lw: Float64Array, lP: Float64Array, X: Float64Array, b: GeBaseline): string {
  const n = lw.findIndex((v) => !Number.isFinite(v));
  if (n >= 0) return `wage of region ${n}`;
  const q = lP.findIndex((v) => !Number.isFinite(v));
  if (q >= 0) return `price index of region ${Math.floor(q / b.J)}, sector ${q % b.J}`;
  const x = X.findIndex((v) => !Number.isFinite(v));
  if (x >= 0) return `spending of region ${Math.floor(x / b.J)}, sector ${x % b.J}`;
  return 'residual';
}
