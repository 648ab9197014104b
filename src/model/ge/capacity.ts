/**
 * Capacity: an upper bound on the real output of a region-sector, solved as a complementarity
 * condition with a rent to the capacity owners, optionally with a finite supply elasticity below
 * the bound (docs/controls.md, "Capacity"; issue 12). Generic: any region-sector of any dataset.
 *
 * The producer of sector j in region n sells at a producer price μ_n^j ĉ_n^j to every buyer
 * (domestic and foreign), so eq. (2)–(3) of model-ge.md use μ_i ĉ_i in place of ĉ_i:
 *   (C1) P̂_m^j = [ Σ_i π_mi^j (κ̂_mi^j μ_i^j ĉ_i^j)^{−θ^j} ]^{−1/θ^j}
 * The markup is a rent to the owners of the fixed capacity: with S the sales of (n, j) at prices net
 * of tariffs (and net of export-wedge rents), the rent is R = S (1 − 1/μ), income of region n
 * (like a licence rent), and gross output net of rents Y' = S/μ is what pays labour and inputs
 * (eq. 4–5 unchanged). Real output is q̂ = Y'/(Y ĉ) (Y the baseline output at ĉ = 1).
 *   (C2) supply:  q̂ = min(k, μ^η)             (η = ∞: constant returns up to the bound k)
 * i.e. the complementarity problem, with b = min(ln q̂, ln k)/η (0 when η = ∞):
 *   (C3) ln μ − b ≥ 0,   ln k − ln q̂ ≥ 0,   (ln μ − b)(ln k − ln q̂) = 0.
 * Below the bound the price follows the supply curve ln μ = ln q̂/η (a fixed factor whose return
 * moves with output: rents can be negative when output falls, the fixed factor earning less than in
 * the baseline); at the bound any markup above it clears the market. η = ∞ and a slack bound give
 * μ = 1 exactly: today's model.
 *
 * Solved inside the fixed point (solve.ts stacks ln μ into the Anderson state after the caps' ln ω)
 * with the projected update  ln μ ← max(b, ln μ + (ln q̂ − ln k)/(1+θ^j))  (the cap's partial-
 * equilibrium Newton step, wedges.ts) and the residual  |ln q̂ − ln k| where the bound binds,
 * max(0, ln q̂ − ln k, |ln μ − b|) elsewhere.
 *
 * Layout: capacity cells c = 0..K−1 at region-sector `cell[c]` = n*J + j (no duplicates).
 */

import type { GeCapacity } from '../../policy/capacity.ts';
import * as msg from '../../spec/messages/model.ts';

/** Capacities as the solver takes them: defined with the policy that builds them (src/policy/capacity.ts). */
export type { GeCapacity };

export interface CapacitySystem {
  K: number;
  cell: Int32Array;
  /** ln k (Infinity for no bound). */
  lnK: Float64Array;
  /** 1/η (0 for η = ∞). */
  invEta: Float64Array;
  /** 1/(1 + θ^j): the update's step. */
  step: Float64Array;
  /** Baseline gross output Y of each cell (ĉ = μ = 1). */
  y0: Float64Array;
  limit: Float64Array;
  elasticity: Float64Array;
}

/** The capacity solution of a solve. */
export interface GeCapacitySolution {
  cell: Int32Array;
  limit: Float64Array;
  elasticity: Float64Array;
  /** ln μ of each cell (0: at cost). */
  lnMu: Float64Array;
  /** q̂: real output relative to the baseline. */
  quantity: Float64Array;
  /** Rent R = S(1 − 1/μ) of each cell, dataset units. */
  rent: Float64Array;
  /** Capacity rents by region (owners are residents of the producing region). */
  rentByRegion: Float64Array;
  /** The complementarity residual (C3). */
  residual: number;
  /** Cells whose bound binds (q̂ = k with μ above the supply curve). */
  binding: number;
}

/**
 * Validates `cap` for N regions and J sectors and builds its system: baseline outputs `y0` of every
 * region-sector (`n*J + j`) and effective θ. Throws RangeError for malformed entries. Null when there
 * are no cells.
 */
export function prepareCapacity(
  N: number,
  J: number,
  theta: Float64Array,
  y0: Float64Array,
  cap: GeCapacity | undefined,
  labels?: { regions: readonly string[]; sectors: readonly string[] },
): CapacitySystem | null {
  if (!cap || cap.cell.length === 0) return null;
  const K = cap.cell.length;
  if (cap.limit.length !== K || cap.elasticity.length !== K)
    throw new TypeError(msg.capacityArraysOne(K, cap.limit.length, cap.elasticity.length));
  const name = (q: number) => (labels ? `${labels.regions[Math.floor(q / J)]}:${labels.sectors[q % J]}` : `cell ${q}`);
  const seen = new Set<number>();
  const s: CapacitySystem = {
    K,
    cell: Int32Array.from(cap.cell),
    lnK: new Float64Array(K),
    invEta: new Float64Array(K),
    step: new Float64Array(K),
    y0: new Float64Array(K),
    limit: Float64Array.from(cap.limit),
    elasticity: Float64Array.from(cap.elasticity),
  };
  for (let c = 0; c < K; c++) {
    const q = cap.cell[c],
      k = cap.limit[c],
      e = cap.elasticity[c];
    if (!Number.isInteger(q) || q < 0 || q >= N * J) throw new RangeError(msg.capacityCells(N * J - 1, q));
    if (seen.has(q)) throw new RangeError(msg.oneCapacityRegion(name(q)));
    seen.add(q);
    if (!(k >= 0)) throw new RangeError(msg.capacityLimitLeast(k, name(q)));
    if (!(e > 0)) throw new RangeError(msg.supplyElasticityAbove(e, name(q)));
    if (!(y0[q] > 0) && k < 1) throw new RangeError(msg.capacityThereBaseline(name(q)));
    s.lnK[c] = Math.log(k);
    s.invEta[c] = Number.isFinite(e) ? 1 / e : 0;
    s.step[c] = 1 / (1 + theta[q % J]);
    s.y0[c] = y0[q];
  }
  return s;
}

/** Writes the producer log-prices lcp = lc + ln μ (cells only; lcp must already hold lc elsewhere). */
export function addMarkups(s: CapacitySystem, lc: Float64Array, lnMu: Float64Array, lcp: Float64Array): void {
  lcp.set(lc);
  for (let c = 0; c < s.K; c++) lcp[s.cell[c]] += lnMu[c];
}

/**
 * Capacity rents at sales `Y` (`n*J + j`, net of tariffs and export-wedge rents, as written by
 * grossOutput and wedgeRents): subtracts R = Y(1 − 1/μ) from Y and adds it to `rent` (per region,
 * accumulated, not cleared). Returns the world total.
 */
export function capacityRents(
  s: CapacitySystem,
  J: number,
  lnMu: Float64Array,
  Y: Float64Array,
  rent: Float64Array,
  perCell: Float64Array | null,
): number {
  let total = 0;
  for (let c = 0; c < s.K; c++) {
    const lm = lnMu[c];
    const q = s.cell[c];
    if (lm === 0) {
      if (perCell) perCell[c] = 0;
      continue;
    }
    const r = Y[q] * -Math.expm1(-lm);
    Y[q] -= r;
    rent[Math.floor(q / J)] += r;
    total += r;
    if (perCell) perCell[c] = r;
  }
  return total;
}

/**
 * The projected update (C3) at gross output `Y` net of all rents and unit costs `lc`: writes the new
 * ln μ to `out` and q̂ to `qHat` (unless null); returns the complementarity residual.
 */
export function capacityUpdate(
  s: CapacitySystem,
  lnMu: Float64Array,
  Y: Float64Array,
  lc: Float64Array,
  out: Float64Array,
  qHat: Float64Array | null,
): number {
  let res = 0;
  for (let c = 0; c < s.K; c++) {
    const q = s.cell[c];
    const y0 = s.y0[c];
    if (!(y0 > 0)) {
      out[c] = 0;
      if (qHat) qHat[c] = 0;
      continue;
    }
    const lq = Math.log(Math.max(Y[q], Number.MIN_VALUE) / y0) - lc[q]; // an extrapolated iterate can make Y ≤ 0
    if (qHat) qHat[c] = Math.exp(lq);
    const lnK = s.lnK[c],
      ie = s.invEta[c],
      lm = lnMu[c];
    const b = ie === 0 ? 0 : Math.min(lq, lnK) * ie;
    const gap = lq - lnK; // −∞ without a bound
    // Above the supply curve the bound must hold with equality; on it, output must not exceed the bound.
    const r = lm - b > 1e-12 ? Math.abs(gap) : Math.max(0, gap, Math.abs(lm - b));
    if (r > res || Number.isNaN(r)) res = r; // a NaN sticks
    out[c] = lnK === Infinity ? b : Math.max(b, lm + gap * s.step[c]);
  }
  return res;
}
