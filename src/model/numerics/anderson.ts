/**
 * Anderson acceleration (type II, Walker & Ni 2011) of a fixed-point iteration x ← g(x).
 * All buffers are allocated once; `next` allocates nothing.
 *
 * @example
 * const aa = new Anderson(n, 5);
 * for (...) { g(x, gx); aa.next(x, gx, x); }
 */
export class Anderson {
  private readonly dF: Float64Array; // m columns of Δf, column-major
  private readonly dG: Float64Array; // m columns of Δg
  private readonly fPrev: Float64Array; // f = g(x) − x of the last call
  private readonly gPrev: Float64Array;
  private readonly gram: Float64Array; // ΔFᵀΔF of the stored columns, m×m, kept up to date
  private readonly chol: Float64Array;
  private readonly rhs: Float64Array;
  private readonly gamma: Float64Array;
  private count = 0; // columns stored
  private head = 0; // next column to overwrite
  private hasPrev = false;

  constructor(private readonly n: number, private readonly m = 5, private readonly reg = 1e-12) {
    this.dF = new Float64Array(n * m);
    this.dG = new Float64Array(n * m);
    this.fPrev = new Float64Array(n);
    this.gPrev = new Float64Array(n);
    this.gram = new Float64Array(m * m);
    this.chol = new Float64Array(m * m);
    this.rhs = new Float64Array(m);
    this.gamma = new Float64Array(m);
  }

  /** Forgets the history (after a rejected step or a change of problem). */
  reset(): void {
    this.count = 0;
    this.head = 0;
    this.hasPrev = false;
  }

  /**
   * Given the iterate `x` and `gx = g(x)`, writes the accelerated next iterate to `out`
   * (which may alias `x`) and returns the max-norm of the residual g(x) − x.
   * Cost: about 2p + 1 passes over n (p = stored columns), each loop with independent accumulators.
   */
  next(x: Float64Array, gx: Float64Array, out: Float64Array): number {
    const { n, m, fPrev, gPrev, dF, dG, gram, rhs } = this;
    const h = this.head;
    const c = h * n;
    const update = this.hasPrev;
    let res = 0;
    // One pass: f = gx − x (kept in fPrev), the new difference columns, and the stored g.
    for (let k = 0; k < n; k++) {
      const g = gx[k];
      const f = g - x[k];
      const a = Math.abs(f);
      if (!(a <= res)) res = a; // NaN propagates
      if (update) {
        dF[c + k] = f - fPrev[k];
        dG[c + k] = g - gPrev[k];
      }
      fPrev[k] = f;
      gPrev[k] = g;
    }
    this.hasPrev = true;
    if (update) {
      if (this.count < m) this.count++;
      this.head = (h + 1) % m;
    }
    const p = this.count;
    if (p === 0) {
      if (out !== gx) out.set(gx);
      return res;
    }
    // Only the new column's inner products change; ΔFᵀf changes for every column (f is new).
    const n2 = n - (n % 2);
    for (let a = 0; a < p; a++) {
      const ca = a * n;
      let g0 = 0, g1 = 0, r0 = 0, r1 = 0;
      let k = 0;
      for (; k < n2; k += 2) {
        const d0 = dF[ca + k], d1 = dF[ca + k + 1];
        r0 += d0 * fPrev[k];
        r1 += d1 * fPrev[k + 1];
        if (update) {
          g0 += d0 * dF[c + k];
          g1 += d1 * dF[c + k + 1];
        }
      }
      if (k < n) {
        r0 += dF[ca + k] * fPrev[k];
        if (update) g0 += dF[ca + k] * dF[c + k];
      }
      rhs[a] = r0 + r1;
      if (update) {
        gram[a * m + h] = g0 + g1;
        gram[h * m + a] = g0 + g1;
      }
    }
    if (!this.solveGamma(p)) {
      if (out !== gx) out.set(gx);
      return res;
    }
    // out = gx − ΔG γ, one column at a time (independent updates, no dependency chain).
    if (out !== gx) out.set(gx);
    for (let q = 0; q < p; q++) {
      const cq = q * n;
      const gq = this.gamma[q];
      for (let k = 0; k < n; k++) out[k] -= gq * dG[cq + k];
    }
    return res;
  }

  /** Solves the regularised normal equations (ΔFᵀΔF + λI) γ = ΔFᵀ f by Cholesky; false if singular. */
  private solveGamma(p: number): boolean {
    const { m, gram, chol: L, rhs, gamma } = this;
    let scale = 0;
    for (let a = 0; a < p; a++) scale = Math.max(scale, gram[a * m + a]);
    if (!(scale > 0)) return false;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b <= a; b++) {
        let s = gram[a * m + b] + (a === b ? this.reg * scale : 0);
        for (let q = 0; q < b; q++) s -= L[a * m + q] * L[b * m + q];
        if (a === b) {
          if (!(s > 0)) return false;
          L[a * m + a] = Math.sqrt(s);
        } else L[a * m + b] = s / L[b * m + b];
      }
    }
    for (let a = 0; a < p; a++) {
      let s = rhs[a];
      for (let q = 0; q < a; q++) s -= L[a * m + q] * gamma[q];
      gamma[a] = s / L[a * m + a];
    }
    for (let a = p - 1; a >= 0; a--) {
      let s = gamma[a];
      for (let q = a + 1; q < p; q++) s -= L[q * m + a] * gamma[q];
      gamma[a] = s / L[a * m + a];
    }
    for (let a = 0; a < p; a++) if (!Number.isFinite(gamma[a])) return false;
    return true;
  }
}
