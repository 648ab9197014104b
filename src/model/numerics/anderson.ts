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
  private readonly fPrev: Float64Array;
  private readonly gPrev: Float64Array;
  private readonly f: Float64Array;
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
    this.f = new Float64Array(n);
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
   */
  next(x: Float64Array, gx: Float64Array, out: Float64Array): number {
    const { n, m, f, fPrev, gPrev, dF, dG } = this;
    let res = 0;
    for (let k = 0; k < n; k++) {
      f[k] = gx[k] - x[k];
      const a = Math.abs(f[k]);
      if (a > res) res = a;
    }
    if (this.hasPrev) {
      const h = this.head;
      const c = h * n;
      for (let k = 0; k < n; k++) {
        dF[c + k] = f[k] - fPrev[k];
        dG[c + k] = gx[k] - gPrev[k];
      }
      if (this.count < m) this.count++;
      // Only the new column's inner products change.
      for (let a = 0; a < this.count; a++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += dF[a * n + k] * dF[c + k];
        this.gram[a * m + h] = s;
        this.gram[h * m + a] = s;
      }
      this.head = (h + 1) % m;
    }
    fPrev.set(f);
    gPrev.set(gx);
    this.hasPrev = true;
    const p = this.count;
    if (p === 0 || !this.solveGamma(p)) {
      if (out !== gx) out.set(gx);
      return res;
    }
    for (let k = 0; k < n; k++) {
      let v = gx[k];
      for (let q = 0; q < p; q++) v -= this.gamma[q] * dG[q * n + k];
      out[k] = v;
    }
    return res;
  }

  /** Solves the regularised normal equations (ΔFᵀΔF + λI) γ = ΔFᵀ f by Cholesky; false if singular. */
  private solveGamma(p: number): boolean {
    const { n, m, dF, f, gram, chol: L, rhs, gamma } = this;
    let scale = 0;
    for (let a = 0; a < p; a++) {
      scale = Math.max(scale, gram[a * m + a]);
      let r = 0;
      for (let k = 0; k < n; k++) r += dF[a * n + k] * f[k];
      rhs[a] = r;
    }
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
