/**
 * Small dense symmetric algebra for the K×K normal equations of IRLS: a Cholesky factorisation that
 * skips (drops) columns whose pivot falls below `tol` times their diagonal, as Stata's invsym does
 * for collinear regressors. Row-major k×k buffers; the solver preallocates everything.
 */

/**
 * Inverse of a symmetric positive semidefinite matrix on its well-conditioned columns.
 *
 * @example
 * ```ts
 * const s = new SpdInverse(2);
 * s.invert(new Float64Array([4, 2, 2, 3])); // s.inv holds the inverse, s.kept = [1, 1]
 * ```
 */
export class SpdInverse {
  readonly k: number;
  /** The (generalised) inverse: rows and columns of dropped columns are 0. */
  readonly inv: Float64Array;
  /** 1 for the columns kept, 0 for those dropped as collinear. */
  readonly kept: Uint8Array;
  readonly #l: Float64Array;
  readonly #linv: Float64Array;

  constructor(k: number) {
    this.k = k;
    this.inv = new Float64Array(k * k);
    this.kept = new Uint8Array(k);
    this.#l = new Float64Array(k * k);
    this.#linv = new Float64Array(k * k);
  }

  /** Factorises and inverts `a` (row-major k×k, symmetric); returns the rank. */
  invert(a: Float64Array, tol = 1e-10): number {
    const { k, kept, inv } = this;
    const l = this.#l,
      li = this.#linv;
    l.fill(0);
    li.fill(0);
    inv.fill(0);
    let rank = 0;
    for (let j = 0; j < k; j++) {
      let s = a[j * k + j];
      for (let m = 0; m < j; m++) if (kept[m]) s -= l[j * k + m] * l[j * k + m];
      const diag = a[j * k + j];
      if (!(diag > 0) || !(s > tol * diag)) {
        kept[j] = 0;
        continue;
      }
      kept[j] = 1;
      rank++;
      const d = Math.sqrt(s);
      l[j * k + j] = d;
      for (let i = j + 1; i < k; i++) {
        let t = a[i * k + j];
        for (let m = 0; m < j; m++) if (kept[m]) t -= l[i * k + m] * l[j * k + m];
        l[i * k + j] = t / d;
      }
    }
    // L⁻¹ by forward substitution on the kept columns, then A⁻¹ = L⁻ᵀ L⁻¹.
    for (let j = 0; j < k; j++) {
      if (!kept[j]) continue;
      li[j * k + j] = 1 / l[j * k + j];
      for (let i = j + 1; i < k; i++) {
        if (!kept[i]) continue;
        let t = 0;
        for (let m = j; m < i; m++) if (kept[m]) t += l[i * k + m] * li[m * k + j];
        li[i * k + j] = -t / l[i * k + i];
      }
    }
    for (let i = 0; i < k; i++) {
      if (!kept[i]) continue;
      for (let j = 0; j <= i; j++) {
        if (!kept[j]) continue;
        let t = 0;
        for (let m = i; m < k; m++) if (kept[m]) t += li[m * k + i] * li[m * k + j];
        inv[i * k + j] = t;
        inv[j * k + i] = t;
      }
    }
    return rank;
  }
}
