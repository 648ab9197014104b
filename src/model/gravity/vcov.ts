/**
 * Sandwich variance of PPML slopes and the recovered constant, with ppmlhdfe's conventions
 * (reghdfe_solve_ols with "vce_asymptotic"): robust V = N/(N−1) · Σ ψᵢψᵢᵀ, one-way clustered
 * V = G/(G−1) · Σ_g (Σ_{i∈g} ψᵢ)(Σ_{i∈g} ψᵢ)ᵀ, where ψᵢ is observation i's influence:
 *   slopes    ψᵢ = eᵢ H⁻¹ x̃ᵢ,                  H = Σ ωᵢ x̃ᵢ x̃ᵢᵀ (x̃: x with the FEs partialled out),
 *   constant  ψᵢ₀ = eᵢ (1/Σω − x̄ᵀ H⁻¹ x̃ᵢ),    x̄ = ω-weighted mean of x,
 * eᵢ = ωᵢ rᵢ the score (ω = w·μ the IRLS weight, r the working residual). The constant row is the
 * partitioned-inverse formula of reghdfe_extend_b_and_inv_xx applied to the meat.
 */

/** What {@link sandwich} needs from the final IRLS step (n observations, k slopes). */
export interface SandwichInput {
  n: number;
  k: number;
  /** Partialled-out regressors, column-major: xt[c*n + i]. */
  xt: Float64Array;
  /** H⁻¹ (k×k, row-major; zero rows and columns for omitted regressors). */
  hInv: Float64Array;
  /** Scores eᵢ = ωᵢ rᵢ. */
  score: Float64Array;
  /** Frequency weights (1 without weights). */
  w: Float64Array;
  /** x̄ (k) and Σω, for the constant. */
  means: Float64Array;
  sumOmega: number;
  /** Cluster codes per observation (and their count), or undefined for robust. */
  cluster?: { codes: Int32Array; levels: number };
}

/**
 * Returns the (k+1)×(k+1) row-major variance matrix, the constant last.
 *
 * @example
 * ```ts
 * const v = sandwich({ n, k, xt, hInv, score, w, means, sumOmega });
 * const seFirst = Math.sqrt(v[0]);
 * ```
 */
export function sandwich(s: SandwichInput): Float64Array {
  const { n, k, xt, hInv, score, w, means, sumOmega } = s;
  const m = k + 1;
  const v = new Float64Array(m * m);
  const psi = new Float64Array(m);
  const q = new Float64Array(k); // H⁻¹ x̃ᵢ
  // ψᵢ accumulated per cluster (or used directly per observation).
  const sums = s.cluster ? new Float64Array(s.cluster.levels * m) : undefined;
  const present = s.cluster ? new Uint8Array(s.cluster.levels) : undefined;
  let sumW = 0;
  for (let i = 0; i < n; i++) {
    sumW += w[i];
    for (let a = 0; a < k; a++) {
      let t = 0;
      for (let b = 0; b < k; b++) t += hInv[a * k + b] * xt[b * n + i];
      q[a] = t;
    }
    let xbarq = 0;
    for (let a = 0; a < k; a++) xbarq += means[a] * q[a];
    const e = score[i];
    for (let a = 0; a < k; a++) psi[a] = e * q[a];
    psi[k] = e * (1 / sumOmega - xbarq);
    if (sums) {
      const c = s.cluster!.codes[i];
      present![c] = 1;
      const off = c * m;
      for (let a = 0; a < m; a++) sums[off + a] += psi[a];
    } else {
      // A frequency weight wᵢ stands for wᵢ copies, each with score eᵢ / wᵢ.
      const inv = 1 / w[i];
      for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) v[a * m + b] += psi[a] * psi[b] * inv;
    }
  }
  let adj: number;
  if (sums) {
    const G = s.cluster!.levels;
    let used = 0;
    for (let g = 0; g < G; g++) {
      if (!present![g]) continue;
      used++;
      const off = g * m;
      for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) v[a * m + b] += sums[off + a] * sums[off + b];
    }
    adj = used > 1 ? used / (used - 1) : NaN;
  } else {
    adj = sumW > 1 ? sumW / (sumW - 1) : NaN;
  }
  for (let a = 0; a < m * m; a++) v[a] *= adj;
  return v;
}
