/**
 * Partialling out high-dimensional fixed effects: the weighted method of alternating projections
 * (Gaure 2013) with the symmetric Kaczmarz sweep accelerated by conjugate gradient, as reghdfe and
 * ppmlhdfe do (Correia 2017; Correia, Guimarães & Zylkin 2020, section 3).
 *
 * Layout: a variable is a Float64Array of n observations; a factor maps observation i to its level
 * `codes[i]` in [0, levels). M_g is the W-orthogonal projection that removes factor g's weighted
 * group means; the sweep T = M_1 M_2 … M_G … M_2 M_1 is W-self-adjoint with eigenvalues in [0, 1],
 * so the FE component d of v solves (I − T) d = (I − T) v by CG, and M v = v − d.
 */
import * as msg from '../../spec/messages/model.ts';

/** One fixed-effect factor: observation i belongs to level `codes[i]` of `levels`. */
export interface Factor {
  name: string;
  codes: Int32Array;
  levels: number;
}

/** Outcome of one partialling-out: CG iterations (sweeps) and whether `tol` was reached. */
export interface PartialOutcome {
  iterations: number;
  converged: boolean;
}

/**
 * Weighted fixed-effect demeaner with preallocated workspace (n observations, the factors' level
 * counts). `setWeights` once per IRLS step, then `partialOut` per variable; nothing allocates.
 *
 * @example
 * ```ts
 * const dm = new Demeaner(n, [exporterYear, importerYear, pair]);
 * dm.setWeights(mu);
 * out.set(z);                        // start in the coset z + span(D)
 * dm.partialOut(out, 1e-10, 10_000); // out ← M z
 * ```
 */
export class Demeaner {
  readonly n: number;
  readonly factors: readonly Factor[];
  readonly #w: Float64Array;
  readonly #sumW: Float64Array[];
  readonly #acc: Float64Array[];
  readonly #r: Float64Array;
  readonly #p: Float64Array;
  readonly #ap: Float64Array;
  /** Factor order of one sweep: 0, 1, …, G−1, G−2, …, 0. */
  readonly #order: Int32Array;

  constructor(n: number, factors: readonly Factor[]) {
    for (const f of factors) {
      if (f.codes.length !== n) throw new TypeError(msg.factorHaveCodes(f.name, n, f.codes.length));
    }
    this.n = n;
    this.factors = factors;
    this.#w = new Float64Array(n);
    this.#sumW = factors.map((f) => new Float64Array(f.levels));
    this.#acc = factors.map((f) => new Float64Array(f.levels));
    this.#r = new Float64Array(n);
    this.#p = new Float64Array(n);
    this.#ap = new Float64Array(n);
    const G = factors.length;
    this.#order = Int32Array.from({ length: Math.max(0, 2 * G - 1) }, (_, s) => (s < G ? s : 2 * G - 2 - s));
  }

  /** Sets the observation weights (positive) and their per-level sums. */
  setWeights(w: Float64Array): void {
    this.#w.set(w);
    for (let g = 0; g < this.factors.length; g++) {
      const { codes } = this.factors[g];
      const s = this.#sumW[g];
      s.fill(0);
      for (let i = 0; i < this.n; i++) s[codes[i]] += w[i];
    }
  }

  /** x ← M_g x: subtracts the weighted mean of x within each level of factor g (one factor only). */
  #project(g: number, x: Float64Array): void {
    this.#accumulate(g, x);
    this.#means(g);
    const { codes } = this.factors[g];
    const acc = this.#acc[g];
    for (let i = 0; i < this.n; i++) x[i] -= acc[codes[i]];
  }

  /** acc_g ← Σ wᵢ xᵢ per level of factor g. */
  #accumulate(g: number, x: Float64Array): void {
    const { codes } = this.factors[g];
    const acc = this.#acc[g];
    const w = this.#w;
    acc.fill(0);
    for (let i = 0; i < this.n; i++) acc[codes[i]] += w[i] * x[i];
  }

  /** acc_g ← acc_g / Σw per level: the weighted means. */
  #means(g: number): void {
    const acc = this.#acc[g];
    const s = this.#sumW[g];
    for (let l = 0; l < acc.length; l++) acc[l] = s[l] > 0 ? acc[l] / s[l] : 0;
  }

  /**
   * x ← T x, the symmetric Kaczmarz sweep M_1 … M_G … M_1. Each pass over the observations
   * subtracts one factor's means and accumulates the next factor's sums (2G passes, not 4G − 2).
   */
  #sweep(x: Float64Array): void {
    const order = this.#order;
    const n = this.n,
      w = this.#w;
    this.#accumulate(order[0], x);
    for (let s = 0; s < order.length; s++) {
      const g = order[s];
      this.#means(g);
      const codes = this.factors[g].codes,
        mean = this.#acc[g];
      if (s + 1 === order.length) {
        for (let i = 0; i < n; i++) x[i] -= mean[codes[i]];
        break;
      }
      const h = order[s + 1];
      const next = this.factors[h].codes,
        acc = this.#acc[h];
      acc.fill(0);
      for (let i = 0; i < n; i++) {
        const v = x[i] - mean[codes[i]];
        x[i] = v;
        acc[next[i]] += w[i] * v;
      }
    }
  }

  #dot(a: Float64Array, b: Float64Array): number {
    const w = this.#w;
    let s = 0;
    for (let i = 0; i < this.n; i++) s += w[i] * a[i] * b[i];
    return s;
  }

  /**
   * v ← M v, in place. `v` may hold any point of the coset v₀ + span(D) (a warm start such as the
   * previous IRLS step's result plus the change of the variable). Stops when the W-norm of the CG
   * residual falls below `tol` times the W-norm of v (at least one sweep is always made).
   */
  partialOut(v: Float64Array, tol: number, maxIter: number): PartialOutcome {
    const n = this.n;
    if (this.factors.length === 0) return { iterations: 0, converged: true };
    const r = this.#r,
      p = this.#p,
      ap = this.#ap;
    if (this.factors.length === 1) {
      // One factor: the projection is exact.
      this.#project(0, v);
      return { iterations: 1, converged: true };
    }
    const scale = Math.sqrt(this.#dot(v, v));
    if (scale === 0) return { iterations: 0, converged: true };
    // r = (I − T) v; solve (I − T) d = r for d ∈ span(D), updating v ← v − d on the way.
    r.set(v);
    this.#sweep(r);
    for (let i = 0; i < n; i++) r[i] = v[i] - r[i];
    p.set(r);
    let rs = this.#dot(r, r);
    let k = 0;
    while (k < maxIter) {
      if (Math.sqrt(rs) <= tol * scale) return { iterations: k, converged: true };
      ap.set(p);
      this.#sweep(ap);
      for (let i = 0; i < n; i++) ap[i] = p[i] - ap[i];
      const pap = this.#dot(p, ap);
      k++;
      if (!(pap > 0)) return { iterations: k, converged: Math.sqrt(rs) <= tol * scale * 1e3 };
      const alpha = rs / pap;
      for (let i = 0; i < n; i++) {
        v[i] -= alpha * p[i];
        r[i] -= alpha * ap[i];
      }
      const rsNew = this.#dot(r, r);
      const beta = rsNew / rs;
      rs = rsNew;
      for (let i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
    }
    return { iterations: k, converged: Math.sqrt(rs) <= tol * scale };
  }
}

/**
 * Encodes the combination of key columns as one factor (levels in order of first appearance).
 *
 * @example
 * ```ts
 * factorOf('exporter#year', [exporterCodes, yearCodes]) // → { codes, levels }
 * ```
 */
export function factorOf(name: string, keys: readonly (readonly (string | number)[])[]): Factor {
  const n = keys[0]?.length ?? 0;
  const codes = new Int32Array(n);
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    let key = '';
    for (const k of keys) key += `${k[i]}\u0000`;
    let c = seen.get(key);
    if (c === undefined) {
      c = seen.size;
      seen.set(key, c);
    }
    codes[i] = c;
  }
  return { name, codes, levels: seen.size };
}

/** The factor restricted to the observations `keep` (indices into the original), levels renumbered densely. */
export function subsetFactor(f: Factor, keep: Int32Array): Factor {
  const map = new Int32Array(f.levels).fill(-1);
  const codes = new Int32Array(keep.length);
  let levels = 0;
  for (let k = 0; k < keep.length; k++) {
    const c = f.codes[keep[k]];
    if (map[c] < 0) map[c] = levels++;
    codes[k] = map[c];
  }
  return { name: f.name, codes, levels };
}
