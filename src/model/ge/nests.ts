/**
 * CES input nests (shared/specs/model-ge.md, extension 1; docs/controls.md). Replaces eq. (1)'s
 * Cobb–Douglas unit cost, and makes the cost shares used in eq. (4) and (5) move with prices.
 *
 * Plain CES (every using sector j of region n, elasticity ε = ε_n^j):
 *   ĉ^{1−ε} = γ ŵ^{1−ε} + Σ_k γ^{k,j} P̂_k^{1−ε}
 *   γ'^{k,j} = γ^{k,j} (P̂_k/ĉ)^{1−ε},   γ'^j = γ^j (ŵ/ĉ)^{1−ε}            (ε = 1: CP exactly, in logs)
 *
 * Critical-input nest (named users j of region n, critical inputs K_c, top elasticity σ): with
 * s_c = Σ_{k∈K_c} γ^{k,j} the baseline cost share of the critical inputs,
 *   ĉ_C   = Π_{k∈K_c} P̂_k^{γ^{k,j}/s_c}                                   (critical bundle, CD inside)
 *   ĉ_R^{1−ε} = [γ ŵ^{1−ε} + Σ_{k∉K_c} γ^{k,j} P̂_k^{1−ε}] / (1 − s_c)   (everything else: VA + inputs)
 *   ĉ^{1−σ} = (1 − s_c) ĉ_R^{1−σ} + s_c ĉ_C^{1−σ}
 * and the new shares γ'^{k∈K_c} = γ^{k,j}(ĉ_C/ĉ)^{1−σ}, γ'^{k∉K_c} = γ^{k,j}(ĉ_R/ĉ)^{1−σ}(P̂_k/ĉ_R)^{1−ε},
 * γ'^j = γ^j (ĉ_R/ĉ)^{1−σ}(ŵ/ĉ_R)^{1−ε}. The critical bundle is a complement of the whole rest of
 * the plant (magnets against labour + every other part), so a tiny input whose price explodes can
 * raise the cost share it takes — the Baqaee–Farhi non-linearity. (Combining the bundle
 * Cobb–Douglas with the rest, as the spec's first sketch did, fixes its cost share: Hulten again.)
 * ε = σ = 1 is Cobb–Douglas exactly.
 *
 * Cost: users are grouped by distinct ε, so each region needs J exponentials per group, not J².
 * Index formulas as in equations.ts: `n*J + j`; shares `(n*J + k)*J + j` (input k, user j).
 */
import * as msg from '../../spec/messages/model.ts';

/** Input-nest elasticities of a solve. */
export interface GeNests {
  /** ε_n^j: length J (per sector) or N*J (`n*J + j`); default 1 (Cobb–Douglas). */
  epsilon?: Float64Array;
  /** The critical-input nest: input sectors, the users (mask `n*J + j`) and the top elasticity σ. */
  critical?: { inputs: Int32Array; users: Uint8Array; sigma: number };
}

/** Fixed part of the nested unit cost for one solve (see {@link prepareNests}). */
export interface NestSystem {
  N: number;
  J: number;
  B: Float64Array;
  GB: Float64Array;
  /** GB transposed per region: `(n*J + j)*J + k` (user j, input k). */
  GBt: Float64Array;
  /** Distinct ε values. */
  eps: Float64Array;
  /** Index into `eps` of user (n, j), `n*J + j`. */
  group: Int32Array;
  /** Whether group g occurs in region n, `n*G + g`. */
  present: Uint8Array;
  /** s_c of critical users, `n*J + j` (0: not a critical user). */
  sc: Float64Array;
  critical: Int32Array;
  isCritical: Uint8Array;
  sigma: number;
  /** Workspace: P̂^{1−ε_g} − 1 per group (expm1, exact near ε = 1), `g*J + k` (one region at a time). */
  pw: Float64Array;
  /** 1/(γ + Σ_k γ^{k,j}) of each user: shares are normalised so that a zero shock gives ĉ = 1 exactly. */
  invW: Float64Array;
  /** ln ĉ_R and ln ĉ_C of critical users, `n*J + j`. */
  lR: Float64Array;
  lC: Float64Array;
  /** Share factors of each user (see {@link nestedShares}), `n*J + j`. */
  fac: Float64Array;
  facC: Float64Array;
  /**
   * Users whose shares move with prices (ε ≠ 1 or a critical user), `n*J + j`, region by region:
   * those of region n are `moving[movingStart[n] .. movingStart[n+1])`. Every other user keeps γ and
   * γ^{k,j} exactly (Cobb–Douglas), so {@link nestedShares} skips it.
   */
  moving: Int32Array;
  movingStart: Int32Array;
}

/**
 * Checks the nests' elasticities (J or N·J of them, each ≥ 0) and the critical nest (σ ≥ 0, a user
 * mask, inputs among the sectors).
 */
function checkNests(N: number, J: number, nests: GeNests | undefined): void {
  const epsIn = nests?.epsilon;
  if (epsIn && epsIn.length !== J && epsIn.length !== N * J)
    throw new TypeError(msg.inputElasticities(J, N * J, epsIn.length));
  for (let q = 0; q < (epsIn?.length ?? 0); q++) {
    if (!(epsIn![q] >= 0) || !Number.isFinite(epsIn![q]))
      throw new RangeError(msg.inputElasticitiesLeast(epsIn![q], q));
  }
  const crit = nests?.critical;
  if (crit) {
    if (!(crit.sigma >= 0) || !Number.isFinite(crit.sigma))
      throw new RangeError(msg.criticalNestElasticity(crit.sigma));
    if (crit.users.length !== N * J) throw new TypeError(msg.criticalUserMask(N * J, crit.users.length));
    for (const k of crit.inputs) if (!(k >= 0 && k < J)) throw new RangeError(msg.criticalInputsAmong(J - 1, k));
  }
}

/** The distinct elasticities (groups), each user's group and which groups each region has. */
function elasticityGroups(N: number, J: number, epsAt: (n: number, j: number) => number) {
  const values: number[] = [];
  const group = new Int32Array(N * J);
  for (let n = 0; n < N; n++)
    for (let j = 0; j < J; j++) {
      const e = epsAt(n, j);
      let g = values.indexOf(e);
      if (g < 0) {
        g = values.length;
        values.push(e);
      }
      group[n * J + j] = g;
    }
  const G = values.length;
  const present = new Uint8Array(N * G);
  for (let n = 0; n < N; n++) for (let j = 0; j < J; j++) present[n * G + group[n * J + j]] = 1;
  return { values, group, present };
}

/** 1 / (γ + Σ_k γ^{k,j}) of each user (1 where it buys nothing). */
function inverseWeights(N: number, J: number, B: Float64Array, GB: Float64Array): Float64Array {
  const invW = new Float64Array(N * J);
  for (let n = 0; n < N; n++)
    for (let j = 0; j < J; j++) {
      let w = B[n * J + j];
      for (let k = 0; k < J; k++) w += GB[(n * J + k) * J + j];
      invW[n * J + j] = w > 0 ? 1 / w : 1;
    }
  return invW;
}

/** Each critical user's share of critical inputs in its costs (0 where it buys none of them, or nothing else). */
function criticalShares(
  N: number,
  J: number,
  GB: Float64Array,
  users: ArrayLike<number>,
  critical: Int32Array,
  invW: Float64Array,
): Float64Array {
  const sc = new Float64Array(N * J);
  for (let n = 0; n < N; n++)
    for (let j = 0; j < J; j++) {
      if (!users[n * J + j]) continue;
      let s = 0;
      for (const k of critical) s += GB[(n * J + k) * J + j];
      // A user that buys no critical input (or nothing else) has no nest to speak of.
      s *= invW[n * J + j];
      sc[n * J + j] = s > 0 && s < 1 ? s : 0;
    }
  return sc;
}

/** The users whose shares move with prices (ε ≠ 1 or a critical share), region by region, with each region's start. */
function movingUsers(N: number, J: number, values: number[], group: Int32Array, sc: Float64Array) {
  const moving: number[] = [];
  const movingStart = new Int32Array(N + 1);
  for (let n = 0; n < N; n++) {
    movingStart[n] = moving.length;
    for (let j = 0; j < J; j++) if (values[group[n * J + j]] !== 1 || sc[n * J + j] !== 0) moving.push(n * J + j);
  }
  movingStart[N] = moving.length;
  return { moving: Int32Array.from(moving), movingStart };
}

/**
 * The nest structure of `nests` for shares B (γ_n^j) and GB (γ_n^{k,j}), or null when every
 * elasticity is 1 and there is no critical nest with σ ≠ 1 (then eq. 1 stays Cobb–Douglas and the
 * solver keeps its fast path). `force` builds the nested system even then (tests).
 */
export function prepareNests(
  N: number,
  J: number,
  B: Float64Array,
  GB: Float64Array,
  nests: GeNests | undefined,
  force = false,
): NestSystem | null {
  checkNests(N, J, nests);
  const epsIn = nests?.epsilon;
  const crit = nests?.critical;
  const epsAt = (n: number, j: number) => (epsIn ? (epsIn.length === J ? epsIn[j] : epsIn[n * J + j]) : 1);
  let allOne = true;
  for (let n = 0; n < N && allOne; n++)
    for (let j = 0; j < J; j++)
      if (epsAt(n, j) !== 1) {
        allOne = false;
        break;
      }
  const hasCritical = !!crit && crit.inputs.length > 0 && crit.users.some((u) => u !== 0);
  if (allOne && (!hasCritical || crit!.sigma === 1) && !force) return null;

  const { values, group, present } = elasticityGroups(N, J, epsAt);
  const G = values.length;
  const GBt = new Float64Array(N * J * J);
  for (let n = 0; n < N; n++)
    for (let k = 0; k < J; k++) for (let j = 0; j < J; j++) GBt[(n * J + j) * J + k] = GB[(n * J + k) * J + j];
  const critical = crit ? Int32Array.from(new Set(crit.inputs)) : new Int32Array(0);
  const isCritical = new Uint8Array(J);
  for (const k of critical) isCritical[k] = 1;
  const invW = inverseWeights(N, J, B, GB);
  const sc = hasCritical ? criticalShares(N, J, GB, crit!.users, critical, invW) : new Float64Array(N * J);
  const { moving, movingStart } = movingUsers(N, J, values, group, sc);
  return {
    N,
    J,
    B,
    GB,
    GBt,
    eps: Float64Array.from(values),
    group,
    present,
    sc,
    critical,
    isCritical,
    sigma: crit?.sigma ?? 1,
    pw: new Float64Array(G * J),
    invW,
    lR: new Float64Array(N * J),
    lC: new Float64Array(N * J),
    fac: new Float64Array(N * J),
    facC: new Float64Array(N * J),
    moving,
    movingStart,
  };
}

/** P̂_k^{1−ε_g} − 1 of region n for every group present there (0 for ε = 1), into `ns.pw`. */
function powers(ns: NestSystem, n: number, lP: Float64Array): void {
  const { J, eps, present, pw } = ns;
  const G = eps.length;
  const o = n * J;
  for (let g = 0; g < G; g++) {
    if (!present[n * G + g]) continue;
    const a = 1 - eps[g];
    const row = g * J;
    if (a === 0) for (let k = 0; k < J; k++) pw[row + k] = 0;
    else for (let k = 0; k < J; k++) pw[row + k] = Math.expm1(a * lP[o + k]);
  }
}

/**
 * Eq. (1) with CES nests, in logs: writes lc[n*J + j] = ln ĉ_n^j given ln ŵ and ln P̂ (and, for
 * critical users, ln ĉ_R and ln ĉ_C into the system's workspace). Returns `lc`.
 */
export function nestedUnitCost(ns: NestSystem, lw: Float64Array, lP: Float64Array, lc: Float64Array): Float64Array {
  // Written as ln(1 + Σ w (x^a − 1))/a with expm1/log1p and normalised weights, so that the CES
  // branch is exact at a zero shock and keeps full precision as ε → 1 (no 1 + tiny − 1 cancellation).
  const { N, J, B, GBt, eps, group, sc, critical, sigma, pw, lR, lC, invW } = ns;
  const a1 = 1 - sigma;
  for (let n = 0; n < N; n++) {
    powers(ns, n, lP);
    const o = n * J;
    for (let j = 0; j < J; j++) {
      const q = o + j;
      const g = group[q];
      const a = 1 - eps[g];
      const row = q * J;
      const s = sc[q];
      const iw = invW[q];
      // Σ over all inputs of this user (logs for ε = 1, powers − 1 otherwise); critical ones removed below.
      let tot = 0;
      if (a === 0) for (let k = 0; k < J; k++) tot += GBt[row + k] * lP[o + k];
      else {
        const pr = g * J;
        for (let k = 0; k < J; k++) tot += GBt[row + k] * pw[pr + k];
      }
      if (s === 0) {
        lc[q] = a === 0 ? B[q] * lw[n] + tot : Math.log1p((B[q] * Math.expm1(a * lw[n]) + tot) * iw) / a;
        continue;
      }
      let cl = 0,
        cr = 0;
      for (let u = 0; u < critical.length; u++) {
        const k = critical[u];
        cl += GBt[row + k] * lP[o + k];
        cr += GBt[row + k] * (a === 0 ? lP[o + k] : pw[g * J + k]);
      }
      const lCq = (cl * iw) / s;
      const rest = tot - cr;
      const lRq =
        a === 0
          ? ((B[q] * lw[n] + rest) * iw) / (1 - s)
          : Math.log1p(((B[q] * Math.expm1(a * lw[n]) + rest) * iw) / (1 - s)) / a;
      lR[q] = lRq;
      lC[q] = lCq;
      lc[q] =
        a1 === 0 ? (1 - s) * lRq + s * lCq : Math.log1p((1 - s) * Math.expm1(a1 * lRq) + s * Math.expm1(a1 * lCq)) / a1;
    }
  }
  return lc;
}

/**
 * The new cost shares γ' implied by the last {@link nestedUnitCost} call (same lw, lP, lc):
 * `Bout` (`n*J + j`) and `GBout` (`(n*J + k)*J + j`), the arrays eq. (4) and (5) then use.
 * Per user, γ'^{k,j} = γ^{k,j} P̂_k^{1−ε} · fac (non-critical inputs) or γ^{k,j} · facC (critical
 * inputs of a critical user), so the J² entries need multiplications only. Only the users whose
 * shares move (`ns.moving`) are written: `Bout` and `GBout` must hold B and GB for the others
 * (the solver starts them as copies), which is what the formulas give them exactly (ε = 1: fac = 1).
 */
export function nestedShares(
  ns: NestSystem,
  lw: Float64Array,
  lP: Float64Array,
  lc: Float64Array,
  Bout: Float64Array,
  GBout: Float64Array,
): void {
  const { N, J, B, GB, eps, group, sc, isCritical, sigma, pw, lR, lC, fac, facC, moving, movingStart } = ns;
  const a1 = 1 - sigma;
  for (let n = 0; n < N; n++) {
    const m0 = movingStart[n],
      m1 = movingStart[n + 1];
    if (m0 === m1) continue;
    powers(ns, n, lP);
    const o = n * J;
    for (let u = m0; u < m1; u++) {
      const q = moving[u];
      const a = 1 - eps[group[q]];
      if (sc[q] === 0) {
        fac[q] = a === 0 ? 1 : Math.exp(-a * lc[q]);
        Bout[q] = a === 0 ? B[q] : B[q] * Math.exp(a * (lw[n] - lc[q]));
      } else {
        const top = a1 === 0 ? 1 : Math.exp(a1 * (lR[q] - lc[q]));
        fac[q] = a === 0 ? top : top * Math.exp(-a * lR[q]);
        facC[q] = a1 === 0 ? 1 : Math.exp(a1 * (lC[q] - lc[q]));
        Bout[q] = a === 0 ? B[q] * top : B[q] * top * Math.exp(a * (lw[n] - lR[q]));
      }
    }
    for (let k = 0; k < J; k++) {
      const r = (o + k) * J - o;
      if (isCritical[k]) {
        for (let u = m0; u < m1; u++) {
          const q = moving[u];
          GBout[r + q] = sc[q] !== 0 ? GB[r + q] * facC[q] : GB[r + q] * (1 + pw[group[q] * J + k]) * fac[q];
        }
      } else {
        for (let u = m0; u < m1; u++) {
          const q = moving[u];
          GBout[r + q] = GB[r + q] * (1 + pw[group[q] * J + k]) * fac[q];
        }
      }
    }
  }
}
