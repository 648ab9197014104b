/**
 * Anderson acceleration (type II, Walker & Ni 2011) of a fixed-point iteration y ← g(y), with
 * a ring buffer of the last m differences. Buffers are allocated once; {@link AndersonMixer.next}
 * allocates nothing. Column q of the histories is stored at `q*n + k`.
 */
export class AndersonMixer {
  private readonly dF: Float64Array;
  private readonly dG: Float64Array;
  private readonly fPrev: Float64Array;
  private readonly gPrev: Float64Array;
  private readonly f: Float64Array;
  private readonly gram: Float64Array;
  /** ΔFᵀΔF over ring slots (m×m), updated one row and column per step. */
  private readonly inner: Float64Array;
  private readonly rhs: Float64Array;
  private readonly gamma: Float64Array;
  private count = 0;
  private head = 0;
  private hasPrev = false;

  constructor(private readonly n: number, private readonly m = 8, private readonly reg = 1e-13) {
    this.dF = new Float64Array(n * m);
    this.dG = new Float64Array(n * m);
    this.fPrev = new Float64Array(n);
    this.gPrev = new Float64Array(n);
    this.f = new Float64Array(n);
    this.gram = new Float64Array(m * m);
    this.inner = new Float64Array(m * m);
    this.rhs = new Float64Array(m);
    this.gamma = new Float64Array(m);
  }

  /** Forgets the history. */
  reset(): void {
    this.count = 0;
    this.head = 0;
    this.hasPrev = false;
  }

  /** Given y and gy = g(y), writes the mixed next iterate to `out` (may alias y). */
  next(y: Float64Array, gy: Float64Array, out: Float64Array): void {
    const { n, m, f, fPrev, gPrev, dF, dG } = this;
    for (let k = 0; k < n; k++) f[k] = gy[k] - y[k];
    if (this.hasPrev) {
      const h = this.head, c = h * n;
      for (let k = 0; k < n; k++) {
        dF[c + k] = f[k] - fPrev[k];
        dG[c + k] = gy[k] - gPrev[k];
      }
      if (this.count < m) this.count++;
      for (let q = 0; q < this.count; q++) {
        let s = 0;
        const o = q * n;
        for (let k = 0; k < n; k++) s += dF[o + k] * dF[c + k];
        this.inner[q * m + h] = s;
        this.inner[h * m + q] = s;
      }
      this.head = (h + 1) % m;
    }
    fPrev.set(f);
    gPrev.set(gy);
    this.hasPrev = true;
    const p = this.count;
    if (p === 0 || !this.solveGamma(p)) {
      if (out !== gy) out.set(gy);
      return;
    }
    for (let k = 0; k < n; k++) {
      let v = gy[k];
      for (let q = 0; q < p; q++) v -= this.gamma[q] * dG[q * n + k];
      out[k] = v;
    }
  }

  /** Regularised normal equations (ΔFᵀΔF + r I) γ = ΔFᵀ f by Cholesky; false if singular. */
  private solveGamma(p: number): boolean {
    const { n, m, dF, f, gram, rhs, gamma, inner } = this;
    let scale = 0;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) gram[a * p + b] = inner[a * m + b];
      if (gram[a * p + a] > scale) scale = gram[a * p + a];
      let r = 0;
      for (let k = 0; k < n; k++) r += dF[a * n + k] * f[k];
      rhs[a] = r;
    }
    if (!(scale > 0)) return false;
    for (let a = 0; a < p; a++) gram[a * p + a] += this.reg * scale;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b <= a; b++) {
        let s = gram[a * p + b];
        for (let q = 0; q < b; q++) s -= gram[a * p + q] * gram[b * p + q];
        if (a === b) {
          if (!(s > 0)) return false;
          gram[a * p + a] = Math.sqrt(s);
        } else gram[a * p + b] = s / gram[b * p + b];
      }
    }
    for (let a = 0; a < p; a++) {
      let s = rhs[a];
      for (let q = 0; q < a; q++) s -= gram[a * p + q] * gamma[q];
      gamma[a] = s / gram[a * p + a];
    }
    for (let a = p - 1; a >= 0; a--) {
      let s = gamma[a];
      for (let q = a + 1; q < p; q++) s -= gram[q * p + a] * gamma[q];
      gamma[a] = s / gram[a * p + a];
    }
    for (let a = 0; a < p; a++) if (!Number.isFinite(gamma[a])) return false;
    return true;
  }
}
