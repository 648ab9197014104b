/**
 * Solver of the 3N equilibrium: an Anderson-accelerated fixed-point iteration on
 * y = (log ŵ, log L̂) (2N), with Ê eliminated exactly (ERR2 solved for spending).
 *
 *   log ŵ_i ← log ŵ_i + η_i (log G_i − log Y'_i) + log c,   c = Σ E_n / Σ P̂_n E_n (numeraire)
 *   log L̂_i ← κ (log τ̂_i + log ŵ_i − log P̂_i)                      (ERR3)
 *
 * η_i = 1 / (1 + ε ρ_i + (1 − ν_i)(1 − λ_ii)), ρ_i = Σ_n (1 − ν_n) X_ni (1 − λ_ni) / Y_i, from the baseline
 * shares (a diagonal Newton step for ERR1). Convergence is judged on the scaled 3N residual of
 * {@link scaledResidual}. Index formula: `k` = country k in both halves of y (`N + k` for log L̂).
 */
import type { Economy } from './economy.ts';
import { Anderson } from '../numerics/anderson.ts';
import {
  costsAndShares,
  makeWorkspace,
  pricesAndDemand,
  scaledResidual,
  spendingFromIncome,
  type Workspace,
} from './equations.ts';
import type { IterationFn, SolverReport } from '../result.ts';
import * as msg from '../../spec/messages/model.ts';

/** Largest number of consecutive safeguard steps before a non-finite residual is reported. */
const MAX_RECOVERIES = 30;

export interface FixedPointOptions {
  maxIterations: number;
  tolerance: number;
  /** Anderson memory (default 10). */
  memory?: number;
  /** Called after every evaluation with the scaled residual and the tolerance. */
  onIteration?: IterationFn;
}

export interface FixedPointResult extends SolverReport {
  /** [ŵ, Ê, L̂] (3N) at the last iterate. */
  x: Float64Array;
  ws: Workspace;
}

/** Diagonal step sizes η_i from the baseline shares (see the module comment). */
function stepSizes(e: Economy, eta: Float64Array): void {
  const { N, eps, lam, nu, X, Y } = e;
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let n = 0; n < N; n++) s += (1 - nu[n]) * X[n * N + i] * (1 - lam[n * N + i]);
    const rho = s / Y[i];
    eta[i] = 1 / (1 + eps * rho + (1 - nu[i]) * (1 - lam[i * N + i]));
  }
}

/**
 * The scaled residual of the equilibrium at y = (ln ŵ, ln L̂): costs, spending, prices and demand
 * at those wages and labour.
 */
function residualAt(e: Economy, ws: Workspace, y: Float64Array, res: Float64Array): number {
  const { N } = e;
  for (let i = 0; i < N; i++) {
    ws.w[i] = Math.exp(y[i]);
    ws.L[i] = Math.exp(y[N + i]);
  }
  costsAndShares(e, ws);
  spendingFromIncome(e, ws);
  pricesAndDemand(e, ws);
  return scaledResidual(e, ws, res);
}

/**
 * The fixed-point map G(y) into gy: wages step by η_i (ln G − ln Ŷ') with the numeraire Σ P̂E = ΣE,
 * labour by κ (ln τ̂ + ln ŵ − ln P̂), at the workspace of the last residual.
 */
function fixedPointImage(
  e: Economy,
  ws: Workspace,
  y: Float64Array,
  gy: Float64Array,
  eta: Float64Array,
  sumE: number,
) {
  const { N, kappa, E } = e;
  let pe = 0;
  for (let n = 0; n < N; n++) pe += ws.P[n] * E[n];
  const logc = Math.log(sumE / pe);
  for (let i = 0; i < N; i++) {
    gy[i] = y[i] + eta[i] * (Math.log(ws.G[i]) - Math.log(ws.Yp[i])) + logc;
    gy[N + i] = kappa * (Math.log(ws.tauh[i]) + y[i] - Math.log(ws.P[i]));
  }
}

/** The solution [ŵ, Ê, L̂] (3N) of the workspace. */
function solutionOf(ws: Workspace, N: number): Float64Array {
  const x = new Float64Array(3 * N);
  for (let i = 0; i < N; i++) {
    x[i] = ws.w[i];
    x[N + i] = ws.Eh[i];
    x[2 * N + i] = ws.L[i];
  }
  return x;
}

/**
 * Solves the equilibrium of `e` from `x0` = [ŵ, Ê, L̂] (3N; Ê is ignored, it is implied).
 * Never throws on non-convergence: the report says `not-converged` and where it stopped.
 */
export function solveFixedPoint(e: Economy, x0: Float64Array, opts: FixedPointOptions): FixedPointResult {
  const t0 = performance.now();
  const { N, E } = e;
  const y = new Float64Array(2 * N),
    gy = new Float64Array(2 * N),
    eta = new Float64Array(N),
    res = new Float64Array(3 * N);
  for (let i = 0; i < N; i++) {
    y[i] = Math.log(x0[i]);
    y[N + i] = Math.log(x0[2 * N + i]);
  }
  stepSizes(e, eta);
  const ws = makeWorkspace(N);
  const aa = new Anderson(2 * N, opts.memory ?? 10, 1e-13);
  let sumE = 0;
  for (let n = 0; n < N; n++) sumE += E[n];
  // Safeguard: an iterate whose residual is not finite (or 1e3 × worse than the best) is replaced
  // by a damped plain step from the last good iterate, and the Anderson history is dropped.
  const yGood = new Float64Array(2 * N),
    gyGood = new Float64Array(2 * N);
  let best = Infinity,
    beta = 1,
    fails = 0,
    hasGood = false;
  let it = 0,
    r = Infinity,
    message: string | undefined;
  const onIteration = opts.onIteration;
  for (;;) {
    r = residualAt(e, ws, y, res);
    if (onIteration) onIteration(it, r, opts.tolerance);
    const bad = Number.isNaN(r) || r > 1e3 * best;
    if (bad && hasGood && fails < MAX_RECOVERIES && it < opts.maxIterations) {
      fails++;
      beta *= 0.5;
      aa.reset();
      for (let k = 0; k < 2 * N; k++) y[k] = yGood[k] + beta * (gyGood[k] - yGood[k]);
      it++;
      continue;
    }
    if (Number.isNaN(r)) {
      message = nanMessage(e, ws, res, it);
      break;
    }
    if (r <= opts.tolerance) break;
    if (it >= opts.maxIterations) {
      message = msg.noConvergenceIterations(opts.maxIterations, r.toExponential(2), opts.tolerance);
      break;
    }
    fixedPointImage(e, ws, y, gy, eta, sumE);
    if (r < best) best = r;
    if (!bad) {
      yGood.set(y);
      gyGood.set(gy);
      hasGood = true;
      beta = 1;
    }
    aa.next(y, gy, y);
    it++;
  }
  const x = solutionOf(ws, N);
  const report: FixedPointResult = {
    status: message === undefined ? 'converged' : 'not-converged',
    iterations: it,
    residual: r,
    seconds: (performance.now() - t0) / 1000,
    x,
    ws,
  };
  if (message !== undefined) report.message = message;
  return report;
}

function nanMessage(e: Economy, ws: Workspace, res: Float64Array, it: number): string {
  const { N } = e;
  for (let n = 0; n < N; n++) {
    if (!(ws.tau[n] < 1)) {
      return (
        `Non-finite residual at iteration ${it}: tariff revenue of country index ${n} is ` +
        `${(100 * ws.tau[n]).toFixed(1)}% of its labour income, so income-tax relief would need a ` +
        `tax rate below −100% (expected τ < 1; use revenue "lump-sum")`
      );
    }
    if (!(ws.En[n] > 0))
      return `Non-finite residual at iteration ${it}: spending of country index ${n} is ${ws.En[n]} (expected > 0)`;
  }
  for (let k = 0; k < 3 * N; k++) {
    if (!Number.isFinite(res[k])) {
      const block = ['wage (ERR1)', 'spending (ERR2)', 'labour (ERR3)'][Math.floor(k / N)];
      return (
        `Non-finite residual at iteration ${it}: ${block} equation of country index ` +
        `${k % N} (ŵ=${ws.w[k % N]}, Ê=${ws.Eh[k % N]}, L̂=${ws.L[k % N]})`
      );
    }
  }
  return `Non-finite residual at iteration ${it}`;
}
