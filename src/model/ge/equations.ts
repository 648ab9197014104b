/**
 * The equilibrium conditions of the multi-sector input–output model in changes ("exact hat
 * algebra"), as flat allocation-free kernels. Numbers refer to ../../../docs/model.md and to
 * shared/specs/model-ge.md (eq. 1–6), which follow Caliendo & Parro (2015, section 3):
 *
 *   (1) ĉ_n^j = ŵ_n^{γ_n^j} Π_k (P̂_n^k)^{γ_n^{k,j}}
 *   (2) P̂_n^j = [ Σ_i π_ni^j (κ̂_ni^j ĉ_i^j)^{−θ^j} ]^{−1/θ^j}
 *   (3) π'_ni^j = π_ni^j (κ̂_ni^j ĉ_i^j / P̂_n^j)^{−θ^j}
 *   (4) X'_n^j = Σ_k γ_n^{j,k} Y'_n^k + α_n^j I'_n,  Y'_n^k = Σ_m (π'_mn^k/τ'_mn^k) X'_m^k,
 *       I'_n = ŵ_n w_n L_n + Σ_k X'_n^k (1 − F'_n^k) + D'_n,  F'_n^k = Σ_i π'_ni^k/τ'_ni^k
 *   (5) trade balance ⇔ ŵ_n w_n L_n = Σ_k γ_n^k Y'_n^k
 *   (6) numeraire Σ_n ŵ_n w_n L_n = Σ_n w_n L_n
 *
 * Work is in logs (lw = ln ŵ, lP = ln P̂, lc = ln ĉ) because exp(k·x) is cheaper than pow.
 * Index formulas: bilateral `(n*N + i)*J + j`; region×sector `n*J + j`; input shares
 * `(n*J + k)*J + j` (input k, user j).
 *
 * Bilateral kernels take `traded`, the sectors with any cross-border share; the others have
 * π_ni^j = 0 for i ≠ n, so only their diagonal is visited (half the work on CP's data).
 */

/**
 * Eq. (1), Cobb–Douglas: lc[n,j] = γ_n^j lw[n] + Σ_k γ_n^{k,j} lP[n,k]. Writes and returns `out`.
 */
export function logUnitCost(N: number, J: number, B: Float64Array, GB: Float64Array, lw: Float64Array, lP: Float64Array, out: Float64Array): Float64Array {
  for (let n = 0; n < N; n++) {
    const o = n * J;
    for (let j = 0; j < J; j++) out[o + j] = B[o + j] * lw[n];
    for (let k = 0; k < J; k++) {
      const p = lP[o + k];
      if (p === 0) continue;
      const row = (o + k) * J;
      for (let j = 0; j < J; j++) out[o + j] += GB[row + j] * p;
    }
  }
  return out;
}

/**
 * Eq. (2): given costs lc, writes e[i,j] = exp(−θ^j lc[i,j]), the sums s[n,j] = Σ_i Dom[n,i,j] e[i,j]
 * (Dom = π κ̂^{−θ}) and lP = −ln(s)/θ. Returns `lP`.
 */
export function logPriceIndex(N: number, J: number, traded: Int32Array, theta: Float64Array, Dom: Float64Array, lc: Float64Array, e: Float64Array, s: Float64Array, lP: Float64Array): Float64Array {
  for (let i = 0; i < N; i++) for (let j = 0; j < J; j++) e[i * J + j] = Math.exp(-theta[j] * lc[i * J + j]);
  const T = traded.length;
  for (let n = 0; n < N; n++) {
    const o = n * J;
    const diag = (n * N + n) * J;
    for (let j = 0; j < J; j++) s[o + j] = Dom[diag + j] * e[o + j];
    for (let i = 0; i < N; i++) {
      if (i === n) continue;
      const row = (n * N + i) * J;
      const ei = i * J;
      for (let t = 0; t < T; t++) {
        const j = traded[t];
        s[o + j] += Dom[row + j] * e[ei + j];
      }
    }
    for (let j = 0; j < J; j++) lP[o + j] = s[o + j] > 0 ? -Math.log(s[o + j]) / theta[j] : 0;
  }
  return lP;
}

/**
 * Eq. (3): sales shares S[n,i,j] = π'_ni^j / τ'_ni^j and F[n,j] = Σ_i S[n,i,j], from the sums `s`
 * of eq. (2) (overwritten with 1/s) and `invTauNew` = 1/τ'. `piNew` receives π'. Returns `S`.
 */
export function salesShares(N: number, J: number, traded: Int32Array, Dom: Float64Array, e: Float64Array, s: Float64Array, invTauNew: Float64Array, piNew: Float64Array, S: Float64Array, F: Float64Array): Float64Array {
  F.fill(0);
  for (let q = 0; q < s.length; q++) s[q] = s[q] > 0 ? 1 / s[q] : 0; // s now holds 1/s
  const T = traded.length;
  for (let n = 0; n < N; n++) {
    const o = n * J;
    for (let i = 0; i < N; i++) {
      const row = (n * N + i) * J;
      const ei = i * J;
      const own = i === n;
      for (let t = 0, end = own ? J : T; t < end; t++) {
        const j = own ? t : traded[t];
        const q = row + j;
        const p = Dom[q] * e[ei + j] * s[o + j];
        piNew[q] = p;
        const sq = p * invTauNew[q];
        S[q] = sq;
        F[o + j] += sq;
      }
    }
  }
  return S;
}

/** Y[n,k] = Σ_m S[m,n,k] X[m,k]: gross output (sales net of tariffs) of n in sector k. */
export function grossOutput(N: number, J: number, traded: Int32Array, S: Float64Array, X: Float64Array, Y: Float64Array): Float64Array {
  const T = traded.length;
  for (let n = 0; n < N; n++) {
    const diag = (n * N + n) * J;
    for (let k = 0; k < J; k++) Y[n * J + k] = S[diag + k] * X[n * J + k];
  }
  for (let m = 0; m < N; m++) {
    const xm = m * J;
    for (let n = 0; n < N; n++) {
      if (n === m) continue;
      const row = (m * N + n) * J;
      const yn = n * J;
      for (let t = 0; t < T; t++) {
        const k = traded[t];
        Y[yn + k] += S[row + k] * X[xm + k];
      }
    }
  }
  return Y;
}

/** The sectors with a positive cross-border share anywhere in `pi`. */
export function tradedSectors(N: number, J: number, pi: Float64Array): Int32Array {
  const out: number[] = [];
  for (let j = 0; j < J; j++) {
    let any = false;
    for (let n = 0; n < N && !any; n++) for (let i = 0; i < N; i++) if (i !== n && pi[(n * N + i) * J + j] > 0) { any = true; break; }
    if (any) out.push(j);
  }
  return Int32Array.from(out);
}

/**
 * One sweep of eq. (4): out[n,j] = Σ_k γ_n^{j,k} Y[n,k] + α_n^j I_n with Y from `X`
 * and I_n = wVA[n] + Σ_k X[n,k](1 − F[n,k]) + D[n]. `Y` is workspace (left holding Y(X)).
 */
export function spendingSweep(N: number, J: number, traded: Int32Array, S: Float64Array, F: Float64Array, GB: Float64Array, alpha: Float64Array, wVA: Float64Array, D: Float64Array, X: Float64Array, Y: Float64Array, out: Float64Array): Float64Array {
  grossOutput(N, J, traded, S, X, Y);
  for (let n = 0; n < N; n++) {
    const o = n * J;
    let income = wVA[n] + D[n];
    for (let k = 0; k < J; k++) income += X[o + k] * (1 - F[o + k]);
    for (let j = 0; j < J; j++) {
      let v = alpha[o + j] * income;
      const row = (o + j) * J;
      for (let k = 0; k < J; k++) v += GB[row + k] * Y[o + k];
      out[o + j] = v;
    }
  }
  return out;
}

/** Eq. (5): value added implied by sales, VA'[n] = Σ_k γ_n^k Y[n,k]. */
export function valueAddedOfSales(N: number, J: number, B: Float64Array, Y: Float64Array, out: Float64Array): Float64Array {
  for (let n = 0; n < N; n++) {
    let v = 0;
    for (let k = 0; k < J; k++) v += B[n * J + k] * Y[n * J + k];
    out[n] = v;
  }
  return out;
}
