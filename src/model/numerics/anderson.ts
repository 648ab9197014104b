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
  /**
   * Mixing (damping) β ∈ (0, 1]: the next iterate is x̄ + β f̄ (Walker & Ni's form), so β = 1
   * is undamped and a plain step is x + β (g(x) − x).
   */
  beta = 1;
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
    const { n, m, fPrev, gPrev, dF, dG } = this;
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
      this.plain(gx, out);
      return res;
    }
    // Only the new column's inner products change; ΔFᵀf changes for every column (f is new).
    // Two columns per pass, two accumulators each, so no loop is one long dependency chain.
    let a = 0;
    for (; a + 1 < p; a += 2) this.products(a, a + 1, update ? c : -1);
    if (a < p) this.products(a, a, update ? c : -1);
    if (!this.solveGamma(p)) {
      this.plain(gx, out);
      return res;
    }
    // out = gx − ΔG γ, two columns per pass.
    const gamma = this.gamma;
    if (out !== gx) out.set(gx);
    let q = 0;
    for (; q + 1 < p; q += 2) {
      const c0 = q * n, c1 = c0 + n;
      const g0 = gamma[q], g1 = gamma[q + 1];
      for (let k = 0; k < n; k++) out[k] -= g0 * dG[c0 + k] + g1 * dG[c1 + k];
    }
    if (q < p) {
      const c0 = q * n;
      const g0 = gamma[q];
      for (let k = 0; k < n; k++) out[k] -= g0 * dG[c0 + k];
    }
    if (this.beta !== 1) {
      // Damped: subtract (1 − β)(f − ΔF γ).
      const d = 1 - this.beta;
      for (let k = 0; k < n; k++) {
        let v = fPrev[k];
        for (let a = 0; a < p; a++) v -= gamma[a] * dF[a * n + k];
        out[k] -= d * v;
      }
    }
    return res;
  }

  /** out = g − (1 − β) f = x + β f (f = g − x is in fPrev). */
  private plain(gx: Float64Array, out: Float64Array): void {
    const { n, fPrev } = this;
    const d = 1 - this.beta;
    if (d === 0) {
      if (out !== gx) out.set(gx);
      return;
    }
    for (let k = 0; k < n; k++) out[k] = gx[k] - d * fPrev[k];
  }

  /**
   * rhs[a] = ΔF_aᵀ f for columns a and b (b may equal a), and, when c ≥ 0 (offset of the new
   * column h), the Gram entries ΔF_aᵀ ΔF_h and ΔF_bᵀ ΔF_h.
   */
  private products(a: number, b: number, c: number): void {
    const { n, m, dF, fPrev: f, gram, rhs } = this;
    const ca = a * n, cb = b * n;
    let ra = 0, rb = 0, ga = 0, gb = 0;
    if (c >= 0) {
      for (let k = 0; k < n; k++) {
        const da = dF[ca + k], db = dF[cb + k], fk = f[k], dh = dF[c + k];
        ra += da * fk;
        rb += db * fk;
        ga += da * dh;
        gb += db * dh;
      }
      const h = c / n;
      gram[a * m + h] = gram[h * m + a] = ga;
      gram[b * m + h] = gram[h * m + b] = gb;
    } else {
      for (let k = 0; k < n; k++) {
        ra += dF[ca + k] * f[k];
        rb += dF[cb + k] * f[k];
      }
    }
    rhs[a] = ra;
    rhs[b] = rb;
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
