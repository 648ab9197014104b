/**
 * The GE gravity counterfactual of Zylkin's ge_gravity (Baier, Yotov & Zylkin 2019, JIE 116,
 * appendix): one sector, Armington–CES, labour the only factor, trade elasticity θ, changes
 * ("hats") solved from baseline flows X (exporter i, importer j) and partial effects βᵢⱼ:
 *   πᵢⱼ = Xᵢⱼ / Eⱼ,  Yᵢ = Σⱼ Xᵢⱼ,  Eⱼ = Σᵢ Xᵢⱼ,  Dⱼ = Eⱼ − Yⱼ,  Bᵢⱼ = exp βᵢⱼ
 *   ŵᵢ = ( Âᵢ Σⱼ πᵢⱼ Bᵢⱼ E′ⱼ / P̂ⱼ / Yᵢ )^(1/(1+θ))                  (eq. 3, P̂ⱼ here = P̂ⱼ^−θ)
 *   ŵ ← ŵ · ΣY / Σ Yŵ                                                (numeraire: world output)
 *   P̂ⱼ = Σᵢ πᵢⱼ Bᵢⱼ Âᵢ ŵᵢ^−θ                                         (eq. 4)
 *   E′ⱼ = Yⱼŵⱼ + Dⱼ (additive imbalances) or (Yⱼ + Dⱼ) ŵⱼ (multiplicative)   (eq. 5)
 *   X′ᵢⱼ = πᵢⱼ Bᵢⱼ Âᵢ ŵᵢ^−θ / P̂ⱼ · E′ⱼ
 * iterated until max |ln X′ − ln X′_last| < tol (ge_gravity: 1e-8; here 1e-12 by default).
 * Welfare change factor: (Yᵢŵᵢ + Dᵢ)/(Yᵢ + Dᵢ) divided by the price-index change P̂ᵢ (additive),
 * or the real wage ŵᵢ/P̂ᵢ (multiplicative). Index formula: flows[i*N + j], exporter i, importer j.
 */
import * as msg from '../../spec/messages/model.ts';

/** Inputs of {@link geGravity}. */
export interface GeInput {
  /** N countries. */
  n: number;
  /** Baseline flows including domestic sales, exporter-major: flows[i*n + j] (i exports to j). */
  flows: Float64Array;
  /** Partial effects βᵢⱼ (same layout); the diagonal must be 0. */
  beta: Float64Array;
  /** Trade elasticity θ > 0. */
  theta: number;
  /** Trade imbalances: held fixed in levels (additive, ge_gravity's default) or as shares of output. */
  imbalances: 'additive' | 'multiplicative';
  /** Changes in technology Âᵢ (default 1). */
  aHat?: Float64Array;
  tolerance?: number;
  maxIterations?: number;
}

/** Results per country (index i) and the new flows. */
export interface GeResult {
  status: 'converged' | 'not-converged';
  iterations: number;
  /** Last max |Δ ln X′|. */
  residual: number;
  welfare: Float64Array;
  realWage: Float64Array;
  nominalWage: Float64Array;
  /** P̂ᵢ, the change of the price index. */
  priceIndex: Float64Array;
  /** New flows, exporter-major. */
  flows: Float64Array;
}

function validate(g: GeInput): void {
  const { n, flows, beta, theta } = g;
  if (flows.length !== n * n) throw new TypeError(`Expected ${n * n} flows (${n}×${n}), found ${flows.length}`);
  if (beta.length !== n * n) throw new TypeError(msg.partialEffects(n * n, n, beta.length));
  if (!(theta > 0) || !Number.isFinite(theta)) throw new RangeError(msg.tradeElasticity(theta));
  for (let k = 0; k < n * n; k++) {
    if (!(flows[k] >= 0) || !Number.isFinite(flows[k]))
      throw new RangeError(msg.finiteFlows(flows[k], Math.floor(k / n) + 1, (k % n) + 1));
    if (!Number.isFinite(beta[k]))
      throw new RangeError(msg.finitePartialEffects(beta[k], Math.floor(k / n) + 1, (k % n) + 1));
  }
  for (let i = 0; i < n; i++) {
    if (!(flows[i * n + i] > 0)) throw new RangeError(msg.positiveDomesticSales(flows[i * n + i], i + 1));
    if (beta[i * n + i] !== 0) throw new RangeError(msg.noPartialEffect(beta[i * n + i], i + 1));
  }
}

/** The baseline: output Y, spending E0 and deficits D of each country, world output, and πᵢⱼBᵢⱼ (piB[i*n + j]). */
function gravityBaseline(n: number, flows: Float64Array, beta: Float64Array) {
  const Y = new Float64Array(n),
    E0 = new Float64Array(n),
    D = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      Y[i] += flows[i * n + j];
      E0[j] += flows[i * n + j];
    }
  }
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    D[i] = E0[i] - Y[i];
    sumY += Y[i];
  }
  const piB = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) piB[i * n + j] = (flows[i * n + j] / E0[j]) * Math.exp(beta[i * n + j]);
  return { Y, E0, D, sumY, piB };
}

type GravityBaseline = ReturnType<typeof gravityBaseline>;

/** The iterate: wages ŵ, price terms P, spending E, Âᵢŵᵢ^−θ (a), and scratch for E/P. */
interface GravityState {
  w: Float64Array;
  P: Float64Array;
  E: Float64Array;
  a: Float64Array;
  ratio: Float64Array;
}

/** One step of ge_gravity's iteration: wages from market clearing (normalised to world output), then P and E. */
function gravityStep(g: GeInput, bl: GravityBaseline, aHat: Float64Array, mult: boolean, st: GravityState): void {
  const { n, theta } = g;
  const { Y, D, sumY, piB } = bl;
  const { w, P, E, a, ratio } = st;
  const expo = 1 / (1 + theta);
  for (let j = 0; j < n; j++) ratio[j] = E[j] / P[j];
  let sYw = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const o = i * n;
    for (let j = 0; j < n; j++) s += piB[o + j] * ratio[j];
    w[i] = Math.pow((aHat[i] * s) / Y[i], expo);
    sYw += Y[i] * w[i];
  }
  const norm = sumY / sYw;
  for (let i = 0; i < n; i++) {
    w[i] *= norm;
    a[i] = aHat[i] * Math.pow(w[i], -theta);
  }
  P.fill(0);
  for (let i = 0; i < n; i++) {
    const o = i * n,
      ai = a[i];
    for (let j = 0; j < n; j++) P[j] += piB[o + j] * ai;
  }
  for (let j = 0; j < n; j++) E[j] = mult ? (Y[j] + D[j]) * w[j] : Y[j] * w[j] + D[j];
}

/** The counterfactual flows, price indices, real wages and welfare of the last iterate. */
function gravityOutcome(g: GeInput, bl: GravityBaseline, mult: boolean, st: GravityState) {
  const { n, theta } = g;
  const { Y, D, piB } = bl;
  const { w, P, E, a } = st;
  const X = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) X[i * n + j] = ((piB[i * n + j] * a[i]) / P[j]) * E[j];
  const priceIndex = new Float64Array(n),
    realWage = new Float64Array(n),
    welfare = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    priceIndex[i] = Math.pow(P[i], -1 / theta);
    realWage[i] = w[i] / priceIndex[i];
    welfare[i] = mult ? realWage[i] : (Y[i] * w[i] + D[i]) / (Y[i] + D[i]) / priceIndex[i];
  }
  return { welfare, realWage, nominalWage: w, priceIndex, flows: X };
}

/**
 * Solves the GE counterfactual.
 *
 * @example
 * ```ts
 * const r = geGravity({ n, flows, beta, theta: 4, imbalances: 'additive' });
 * r.welfare[i]; // exporter i's welfare change factor (ge_gravity's gen_w)
 * ```
 */
export function geGravity(g: GeInput): GeResult {
  validate(g);
  const { n, flows, beta } = g;
  const mult = g.imbalances === 'multiplicative';
  const tol = g.tolerance ?? 1e-12;
  const maxIter = g.maxIterations ?? 100_000;
  const aHat = g.aHat ?? new Float64Array(n).fill(1);
  const bl = gravityBaseline(n, flows, beta);
  const st: GravityState = {
    w: new Float64Array(n).fill(1),
    P: new Float64Array(n).fill(1),
    E: bl.E0.slice(),
    a: new Float64Array(n),
    ratio: new Float64Array(n),
  };
  const aOld = new Float64Array(n).fill(1),
    pOld = new Float64Array(n).fill(1),
    eOld = bl.E0.slice();
  let iter = 0,
    crit = Infinity;
  while (iter < maxIter) {
    iter++;
    gravityStep(g, bl, aHat, mult, st);
    const { a, E, P } = st;
    // ge_gravity's test, max |ln X′ᵢⱼ − ln X′ᵢⱼ(last)|, in O(N): X′ᵢⱼ = πᵢⱼBᵢⱼ · aᵢ · Eⱼ/P̂ⱼ, so the
    // change is uᵢ + vⱼ and its largest magnitude is max(|max u + max v|, |min u + min v|). The
    // first step compares with the baseline flows, which are not of that form: all pairs then.
    crit = iter === 1 ? firstChange(n, flows, bl.piB, a, E, P) : separableChange(n, a, aOld, E, eOld, P, pOld);
    aOld.set(a);
    pOld.set(P);
    eOld.set(E);
    if (!(crit > tol)) break;
  }
  const converged = crit <= tol && Number.isFinite(crit);
  return {
    status: converged ? 'converged' : 'not-converged',
    iterations: iter,
    residual: crit,
    ...gravityOutcome(g, bl, mult, st),
  };
}

/** max over pairs with trade of |ln X′ᵢⱼ − ln Xᵢⱼ| against the baseline flows. */
function firstChange(
  n: number,
  flows: Float64Array,
  piB: Float64Array,
  a: Float64Array,
  E: Float64Array,
  P: Float64Array,
): number {
  let crit = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      if (!(flows[k] > 0)) continue;
      const d = Math.abs(Math.log((((piB[k] * a[i]) / P[j]) * E[j]) / flows[k]));
      if (!(d <= crit)) crit = d; // NaN propagates as "not converged"
    }
  }
  return crit;
}

/** max over i, j of |uᵢ + vⱼ|, uᵢ = Δ ln aᵢ, vⱼ = Δ ln Eⱼ − Δ ln P̂ⱼ. */
function separableChange(
  n: number,
  a: Float64Array,
  aOld: Float64Array,
  E: Float64Array,
  eOld: Float64Array,
  P: Float64Array,
  pOld: Float64Array,
): number {
  let uMax = -Infinity,
    uMin = Infinity,
    vMax = -Infinity,
    vMin = Infinity;
  for (let i = 0; i < n; i++) {
    const u = Math.log(a[i] / aOld[i]);
    const v = Math.log((E[i] / eOld[i]) * (pOld[i] / P[i]));
    if (Number.isNaN(u) || Number.isNaN(v)) return NaN;
    if (u > uMax) uMax = u;
    if (u < uMin) uMin = u;
    if (v > vMax) vMax = v;
    if (v < vMin) vMin = v;
  }
  return Math.max(Math.abs(uMax + vMax), Math.abs(uMin + vMin));
}
