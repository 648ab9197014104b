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

  constructor(
    private readonly n: number,
    private readonly m = 5,
    private readonly reg = 1e-12,
  ) {
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
    const h = this.head;
    const c = h * this.n;
    const update = this.hasPrev;
    const res = this.record(x, gx, c, update);
    this.hasPrev = true;
    if (update) {
      if (this.count < this.m) this.count++;
      this.head = (h + 1) % this.m;
    }
    const p = this.count;
    if (p === 0) {
      this.plain(gx, out);
      return res;
    }
    // Only the new column's inner products change; ΔFᵀf changes for every column (f is new).
    // Four (then two) columns per pass, separate accumulators, so no loop is one long dependency
    // chain and f and the new column are loaded once for four columns.
    let a = 0;
    for (; a + 3 < p; a += 4) this.products4(a, update ? c : -1);
    for (; a + 1 < p; a += 2) this.products(a, a + 1, update ? c : -1);
    if (a < p) this.products(a, a, update ? c : -1);
    if (!this.solveGamma(p)) {
      this.plain(gx, out);
      return res;
    }
    this.combine(gx, out, p);
    if (this.beta !== 1) this.damp(out, p);
    return res;
  }

  /**
   * One pass over the iterate: f = gx − x (kept in fPrev), the new difference columns at offset
   * `c` when `update`, and the stored g. Returns the max-norm of f (NaN propagates).
   */
  private record(x: Float64Array, gx: Float64Array, c: number, update: boolean): number {
    const { n, fPrev, gPrev, dF, dG } = this;
    let res = 0;
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
    return res;
  }

  /**
   * out = gx − ΔG γ over the p stored columns, two columns at a time (four per pass: the same
   * subtractions in the same order, with half the loads and stores of out).
   */
  private combine(gx: Float64Array, out: Float64Array, p: number): void {
    const { n, dG, gamma } = this;
    if (out !== gx) out.set(gx);
    let q = 0;
    for (; q + 3 < p; q += 4) {
      const c0 = q * n,
        c1 = c0 + n,
        c2 = c1 + n,
        c3 = c2 + n;
      const g0 = gamma[q],
        g1 = gamma[q + 1],
        g2 = gamma[q + 2],
        g3 = gamma[q + 3];
      for (let k = 0; k < n; k++) {
        let v = out[k];
        v -= g0 * dG[c0 + k] + g1 * dG[c1 + k];
        out[k] = v - (g2 * dG[c2 + k] + g3 * dG[c3 + k]);
      }
    }
    for (; q + 1 < p; q += 2) {
      const c0 = q * n,
        c1 = c0 + n;
      const g0 = gamma[q],
        g1 = gamma[q + 1];
      for (let k = 0; k < n; k++) out[k] -= g0 * dG[c0 + k] + g1 * dG[c1 + k];
    }
    if (q < p) {
      const c0 = q * n;
      const g0 = gamma[q];
      for (let k = 0; k < n; k++) out[k] -= g0 * dG[c0 + k];
    }
  }

  /** Damped (β < 1): out −= (1 − β)(f − ΔF γ). */
  private damp(out: Float64Array, p: number): void {
    const { n, fPrev, dF, gamma } = this;
    const d = 1 - this.beta;
    for (let k = 0; k < n; k++) {
      let v = fPrev[k];
      for (let a = 0; a < p; a++) v -= gamma[a] * dF[a * n + k];
      out[k] -= d * v;
    }
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
    const ca = a * n,
      cb = b * n;
    let ra = 0,
      rb = 0,
      ga = 0,
      gb = 0;
    if (c >= 0) {
      for (let k = 0; k < n; k++) {
        const da = dF[ca + k],
          db = dF[cb + k],
          fk = f[k],
          dh = dF[c + k];
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

  /** {@link products} for the four columns a..a+3 in one pass (each sum in the same order). */
  private products4(a: number, c: number): void {
    const { n, m, dF, fPrev: f, gram, rhs } = this;
    const c0 = a * n,
      c1 = c0 + n,
      c2 = c1 + n,
      c3 = c2 + n;
    let r0 = 0,
      r1 = 0,
      r2 = 0,
      r3 = 0;
    if (c >= 0) {
      let h0 = 0,
        h1 = 0,
        h2 = 0,
        h3 = 0;
      for (let k = 0; k < n; k++) {
        const fk = f[k],
          dh = dF[c + k];
        const d0 = dF[c0 + k],
          d1 = dF[c1 + k],
          d2 = dF[c2 + k],
          d3 = dF[c3 + k];
        r0 += d0 * fk;
        r1 += d1 * fk;
        r2 += d2 * fk;
        r3 += d3 * fk;
        h0 += d0 * dh;
        h1 += d1 * dh;
        h2 += d2 * dh;
        h3 += d3 * dh;
      }
      const h = c / n;
      gram[a * m + h] = gram[h * m + a] = h0;
      gram[(a + 1) * m + h] = gram[h * m + a + 1] = h1;
      gram[(a + 2) * m + h] = gram[h * m + a + 2] = h2;
      gram[(a + 3) * m + h] = gram[h * m + a + 3] = h3;
    } else {
      for (let k = 0; k < n; k++) {
        const fk = f[k];
        r0 += dF[c0 + k] * fk;
        r1 += dF[c1 + k] * fk;
        r2 += dF[c2 + k] * fk;
        r3 += dF[c3 + k] * fk;
      }
    }
    rhs[a] = r0;
    rhs[a + 1] = r1;
    rhs[a + 2] = r2;
    rhs[a + 3] = r3;
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
