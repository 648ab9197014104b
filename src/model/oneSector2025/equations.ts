/**
 * The equilibrium conditions of the 2025 one-sector model, all in one place (Ignatenko,
 * Macedoni, Lashkaripour & Simonovska 2025, section "Quantitative model", solved by the authors'
 * MATLAB `Balanced_Trade_EQ`). Unknowns: ŵ_i (wage), Ê_i (spending), L̂_i (employment).
 *
 * Index formula: `n*N + i` = importer n, exporter i. Every function writes into the caller's
 * {@link Workspace} and allocates nothing.
 *
 *   (cost)       a_i   = (ŵ_i / L̂_i^ψ)^(−ε)
 *   (shares)     λ'_ni = λ_ni a_i (1 + t_ni)^(−ε φ_n) / S_n,   S_n = Σ_i λ_ni a_i (1 + t_ni)^(−ε φ_n)
 *   (CPI)        P̂_n   = (Ê_n / ŵ_n)^(1 − φ_n) S_n^(−1/ε)
 *   (flows)      X'_ni = λ'_ni Ê_n E_n / (1 + t_ni)
 *   (revenue)    R_n   = Σ_i λ'_ni t_ni/(1 + t_ni) Ê_n E_n = s̄_n Ê_n E_n
 *   (tax relief) τ_n   = R_n / (ŵ_n L̂_n Y_n),  τ̂_n = 1/(1 − τ_n)   (lump-sum: τ = 0, τ̂ = 1)
 *   (ERR1 wages) Σ_n (1 − ν_n) X'_ni + ν_i Σ_k X'_ik = ŵ_i L̂_i Y_i     (i < N; the last one is
 *                replaced by the numeraire Σ_n (P̂_n − 1) E_n = 0)
 *   (ERR2 spending) R_n + ŵ_n L̂_n Y_n + T_n Σ_k Y'_k / Σ_k Y_k = Ê_n E_n
 *   (ERR3 labour)   L̂_n = (τ̂_n ŵ_n / P̂_n)^κ
 *   (welfare)    δ_n = E_n / (E_n − κ (1 − τ_n) Y_n / (1 + κ)),
 *                Ŵ_n = δ_n Ê_n / P̂_n + (1 − δ_n) ŵ_n L̂_n / P̂_n
 */
import type { Economy } from './economy.ts';
import { stableShape } from '../numerics/shape.ts';

/** Per-country intermediate values of one evaluation (all length N). */
export interface Workspace {
  w: Float64Array;
  Eh: Float64Array;
  L: Float64Array;
  /** a_i. */ a: Float64Array;
  /** S_n · S0_n (the raw sum Σ_i λ_ni a_i (1 + t_ni)^(−ε φ_n); see Economy.S0). */ S: Float64Array;
  /** s̄_n = Σ_i λ'_ni t_ni/(1 + t_ni). */ sbar: Float64Array;
  /** Y'_i = ŵ_i L̂_i Y_i. */ Yp: Float64Array;
  /** Ê_n E_n. */ En: Float64Array;
  /** R_n. */ R: Float64Array;
  tau: Float64Array;
  tauh: Float64Array;
  /** P̂_n. */ P: Float64Array;
  /** Left side of ERR1: Σ_n (1 − ν_n) X'_ni + ν_i Σ_k X'_ik. */ G: Float64Array;
  sumYp: number;
}

const workspace = stableShape();

export function makeWorkspace(N: number): Workspace {
  const f = () => new Float64Array(N);
  // sumYp starts as NaN (not yet computed), a double like every value it takes: a small-integer
  // start would change the field's representation on the first write and deoptimise the kernels.
  return workspace({
    w: f(),
    Eh: f(),
    L: f(),
    a: f(),
    S: f(),
    sbar: f(),
    Yp: f(),
    En: f(),
    R: f(),
    tau: f(),
    tauh: f(),
    P: f(),
    G: f(),
    sumYp: Number.NaN,
  });
}

/** (cost), (shares): a, S, s̄ and Y' from ws.w and ws.L. */
export function costsAndShares(e: Economy, ws: Workspace): void {
  const { N, eps, psi, lamT, lamTs, Y, taxed } = e;
  const { w, L, a, S, sbar, Yp } = ws;
  let sumYp = 0;
  for (let i = 0; i < N; i++) {
    a[i] = Math.pow(w[i] * Math.pow(L[i], -psi), -eps);
    Yp[i] = w[i] * L[i] * Y[i];
    sumYp += Yp[i];
  }
  ws.sumYp = sumYp;
  for (let n = 0; n < N; n++) {
    let s = 0,
      r = 0;
    const o = n * N;
    if (taxed[n]) {
      for (let i = 0; i < N; i++) {
        s += lamT[o + i] * a[i];
        r += lamTs[o + i] * a[i];
      }
    } else for (let i = 0; i < N; i++) s += lamT[o + i] * a[i];
    S[n] = s;
    sbar[n] = r / s;
  }
}

/**
 * ERR2 solved for spending: Ê_n E_n = (Y'_n + T_n ΣY'/ΣY) / (1 − s̄_n), written as
 * (E_n + (Y'_n − Y_n) + T_n (ΣY'/ΣY − 1)) / (1 − s̄_n) so that the baseline gives Ê = 1 exactly.
 * Writes ws.En and ws.Eh.
 */
export function spendingFromIncome(e: Economy, ws: Workspace): void {
  const { N, T, E, Y, sumY } = e;
  const k1 = (ws.sumYp - sumY) / sumY;
  for (let n = 0; n < N; n++) {
    ws.En[n] = (E[n] + (ws.Yp[n] - Y[n]) + T[n] * k1) / (1 - ws.sbar[n]);
    ws.Eh[n] = ws.En[n] / E[n];
  }
}

/** (CPI), (revenue), (tax relief) and the demand side of ERR1, from ws.Eh (after costsAndShares). */
export function pricesAndDemand(e: Economy, ws: Workspace): void {
  const { N, eps, phi, nu, E, lamT, lamTc, lumpSum, S0, taxed } = e;
  const { w, Eh, a, S, sbar, Yp, En, R, tau, tauh, P, G } = ws;
  for (let n = 0; n < N; n++) {
    En[n] = Eh[n] * E[n];
    R[n] = sbar[n] * En[n];
    tau[n] = lumpSum ? 0 : R[n] / Yp[n];
    tauh[n] = 1 / (1 - tau[n]);
    P[n] = Math.pow(Eh[n] / w[n], 1 - phi[n]) * Math.pow(S[n] / S0[n], -1 / eps);
    G[n] = nu[n] * En[n] * (1 - sbar[n]);
  }
  for (let n = 0; n < N; n++) {
    const f = ((1 - nu[n]) * En[n]) / S[n];
    const o = n * N;
    const c = taxed[n] ? lamTc : lamT; // equal where row n has no tariffs
    for (let i = 0; i < N; i++) G[i] += f * c[o + i] * a[i];
  }
}

/** Evaluates every level at x = [ŵ, Ê, L̂] (3N). */
export function evaluate(e: Economy, x: Float64Array, ws: Workspace): void {
  const { N } = e;
  for (let i = 0; i < N; i++) {
    ws.w[i] = x[i];
    ws.Eh[i] = x[N + i];
    ws.L[i] = x[2 * N + i];
  }
  costsAndShares(e, ws);
  pricesAndDemand(e, ws);
}

/**
 * The scaled 3N residual at the levels in `ws` (after {@link evaluate}): rows ERR1_i / Y_i
 * (i < N − 1), numeraire mean((P̂ − 1) E) / mean(E), ERR2_n / E_n, ERR3_n. Returns its max-norm
 * (NaN if any entry is not finite).
 */
export function scaledResidual(e: Economy, ws: Workspace, out: Float64Array): number {
  const { N, Y, E, T, kappa, sumY } = e;
  const { G, Yp, P, R, En, L, tauh, w } = ws;
  let num = 0,
    den = 0;
  for (let n = 0; n < N; n++) {
    num += (P[n] - 1) * E[n];
    den += E[n];
  }
  const k = ws.sumYp / sumY;
  let m = 0;
  for (let i = 0; i < N; i++) {
    out[i] = i < N - 1 ? (G[i] - Yp[i]) / Y[i] : num / den;
    out[N + i] = (R[i] + Yp[i] + T[i] * k - En[i]) / E[i];
    out[2 * N + i] = L[i] - Math.pow((tauh[i] * w[i]) / P[i], kappa);
  }
  for (let r = 0; r < 3 * N; r++) {
    const v = Math.abs(out[r]);
    if (!(v <= m)) m = Number.isNaN(v) ? NaN : v;
    if (Number.isNaN(m)) return NaN;
  }
  return m;
}

/** (welfare) Ŵ_n and the exact real-income change Ê_n / P̂_n, into `W` and `realIncome`. */
export function welfare(e: Economy, ws: Workspace, W: Float64Array, realIncome: Float64Array): void {
  const { N, E, Y, kappa } = e;
  for (let n = 0; n < N; n++) {
    const delta = E[n] / (E[n] - (kappa * (1 - ws.tau[n]) * Y[n]) / (1 + kappa));
    W[n] = (delta * ws.Eh[n]) / ws.P[n] + ((1 - delta) * ws.w[n] * ws.L[n]) / ws.P[n];
    realIncome[n] = ws.Eh[n] / ws.P[n];
  }
}
