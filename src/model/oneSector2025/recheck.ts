/**
 * An independent re-check of a one-sector-2025 solve in the data's own units (thousand USD): from
 * the solved unknowns [ŵ, Ê, L̂] and the tariffs, rebuild every flow in levels and test each
 * equilibrium condition, then recompute the reported indicators and compare. Written from the
 * model's equations (equations.ts lists them), not with the solver's kernels or its scaled residual,
 * so a wrong kernel, a mangled warm start or a corrupted result cannot pass by agreeing with itself.
 *
 *   flows      X^c'_ni = Ê_n E_n λ_ni a_i (1 + t_ni)^(−ε φ_n) / S_n   (buyer's prices; a_i = (ŵ_i L̂_i^(−ψ))^(−ε))
 *              X'_ni = X^c'_ni / (1 + t_ni),  R_n = Σ_i (X^c'_ni − X'_ni)
 *   goods      Σ_n (1 − ν_n) X'_ni + ν_i Σ_k X'_ik = ŵ_i L̂_i Y_i   for every i (the last one holds by Walras' law)
 *   budget     R_n + ŵ_n L̂_n Y_n + T_n Σ_k ŵ_k L̂_k Y_k / Σ_k Y_k = Ê_n E_n
 *   labour     L̂_n = (τ̂_n ŵ_n / P̂_n)^κ,  P̂_n = (Ê_n / ŵ_n)^(1 − φ_n) (S_n / Σ_i λ_ni)^(−1/ε)
 *   numeraire  Σ_n (P̂_n − 1) E_n = 0
 */
import type { Dataset } from '../../data/dataset.ts';
import type { ModelResult } from '../result.ts';
import { baselineOf } from './cache.ts';
import { modelParams, type ModelParams, type OneSector2025Options } from './economy.ts';
import * as msg from '../../spec/messages/model.ts';

/** What the re-check reads: the solve's inputs, its unknowns and its reported result. */
export interface OneSectorRecheckInput {
  d: Dataset;
  /** New ad valorem rates, `n*N + i` = importer n, exporter i (diagonal ignored). */
  tariffs: Float64Array;
  opts: OneSector2025Options;
  /** [ŵ (N), Ê (N), L̂ (N)] as the solver returned them. */
  unknowns: Float64Array;
  result: ModelResult;
}

/** Indicators compared with their recomputation (the others follow from the same flows). */
const COMPARED = [
  'welfare_pct',
  'real_income_pct',
  'real_wage_pct',
  'employment_pct',
  'prices_pct',
  'tariff_revenue_pct_gdp',
] as const;

/** Largest gap between a reported indicator and its recomputation, in percentage points (relative above 1). */
const INDICATOR_SLACK = 1e-7;

/** The solved economy in levels (thousand USD), rebuilt from the unknowns and the tariffs. */
interface Levels {
  /** Labour income ŵ L̂ Y of each region. */
  income: Float64Array;
  /** Sales at producer prices to final buyers, (1 − ν_n) X'_ni summed over importers n. */
  sold: Float64Array;
  /** Purchases at producer prices, Σ_i X'_ni. */
  bought: Float64Array;
  /** Tariff revenue R_n. */
  revenue: Float64Array;
  /** Price index change P̂_n. */
  price: Float64Array;
  worldY: number;
  worldY1: number;
  worldE: number;
}

function levels(p: ModelParams, tariffs: Float64Array, w: Float64Array, Eh: Float64Array, L: Float64Array): Levels {
  const { N, eps, psi, phi, nu, E, Y, lam } = p;
  const a = new Float64Array(N),
    income = new Float64Array(N),
    sold = new Float64Array(N),
    bought = new Float64Array(N);
  const revenue = new Float64Array(N),
    price = new Float64Array(N);
  let worldY = 0,
    worldY1 = 0,
    worldE = 0;
  for (let i = 0; i < N; i++) {
    a[i] = (w[i] * L[i] ** -psi) ** -eps;
    income[i] = w[i] * L[i] * Y[i];
    worldY += Y[i];
    worldY1 += income[i];
    worldE += E[i];
  }
  // Each importer's flows in thousand USD: shares from costs and tariffs, then sales at producer prices.
  const share = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    let S = 0,
      S0 = 0;
    for (let i = 0; i < N; i++) {
      const t = n === i ? 0 : tariffs[n * N + i];
      share[i] = lam[n * N + i] * a[i] * (t === 0 ? 1 : (1 + t) ** (-eps * phi[n]));
      S += share[i];
      S0 += lam[n * N + i];
    }
    const spend = Eh[n] * E[n];
    for (let i = 0; i < N; i++) {
      const t = n === i ? 0 : tariffs[n * N + i];
      const atBuyer = (spend * share[i]) / S;
      const atProducer = atBuyer / (1 + t);
      revenue[n] += atBuyer - atProducer;
      sold[i] += (1 - nu[n]) * atProducer;
      bought[n] += atProducer;
    }
    price[n] = (Eh[n] / w[n]) ** (1 - phi[n]) * (S / S0) ** (-1 / eps);
  }
  return { income, sold, bought, revenue, price, worldY, worldY1, worldE };
}

/** Each equilibrium condition's relative gap, with where it is worst: [what, gap, where]. */
function conditionGaps(d: Dataset, p: ModelParams, lv: Levels, w: Float64Array, Eh: Float64Array, L: Float64Array) {
  const { N, kappa, nu, E, T } = p;
  const { income, sold, bought, revenue, price, worldY, worldY1, worldE } = lv;
  let goods = 0,
    budget = 0,
    numeraire = 0;
  const at = { goods: 0, budget: 0, labour: 0 },
    worst = { goods: 0, budget: 0, labour: 0 };
  for (let i = 0; i < N; i++) {
    const g = Math.abs(sold[i] + nu[i] * bought[i] - income[i]);
    const bud = Math.abs(revenue[i] + income[i] + (T[i] * worldY1) / worldY - Eh[i] * E[i]);
    const tau = p.lumpSum ? 0 : revenue[i] / income[i];
    const lab = Math.abs(L[i] - (w[i] / (1 - tau) / price[i]) ** kappa);
    goods += g;
    budget += bud;
    // `!(x <= worst)` also records a NaN gap as the worst.
    if (!(g <= worst.goods)) (worst.goods = g), (at.goods = i);
    if (!(bud <= worst.budget)) (worst.budget = bud), (at.budget = i);
    if (!(lab <= worst.labour)) (worst.labour = lab), (at.labour = i);
    numeraire += (price[i] - 1) * E[i];
  }
  return [
    [
      'goods-market clearing (sales = labour income)',
      goods / worldY,
      `Σ|gap| = ${goods.toExponential(3)} thousand USD, worst in ${d.regions[at.goods]}`,
    ],
    [
      'budget (spending = income + tariff revenue + transfers)',
      budget / worldE,
      `Σ|gap| = ${budget.toExponential(3)} thousand USD, worst in ${d.regions[at.budget]}`,
    ],
    ['labour supply (L̂ = (τ̂ ŵ / P̂)^κ)', worst.labour, `worst in ${d.regions[at.labour]}`],
    [
      'numeraire (Σ (P̂ − 1) E = 0)',
      Math.abs(numeraire) / worldE,
      `Σ (P̂ − 1) E = ${numeraire.toExponential(3)} thousand USD`,
    ],
  ] as const;
}

/** The first reported indicator that differs from the one these levels imply, as a sentence. */
function indicatorMismatch(
  d: Dataset,
  p: ModelParams,
  lv: Levels,
  result: ModelResult,
  w: Float64Array,
  Eh: Float64Array,
  L: Float64Array,
): string | undefined {
  const { N, kappa, E, Y } = p;
  const { income, revenue, price } = lv;
  for (let n = 0; n < N; n++) {
    const row = result.countries[d.regions[n]];
    if (!row) return msg.resultRowMissing(d.regions[n]);
    const tau = p.lumpSum ? 0 : revenue[n] / income[n];
    const delta = E[n] / (E[n] - (kappa * (1 - tau) * Y[n]) / (1 + kappa));
    const expected: Record<(typeof COMPARED)[number], number> = {
      welfare_pct: 100 * ((delta * Eh[n]) / price[n] + ((1 - delta) * w[n] * L[n]) / price[n] - 1),
      real_income_pct: 100 * (Eh[n] / price[n] - 1),
      real_wage_pct: 100 * (w[n] / price[n] - 1),
      employment_pct: 100 * (L[n] - 1),
      prices_pct: 100 * (price[n] - 1),
      tariff_revenue_pct_gdp: (100 * revenue[n]) / E[n],
    };
    for (const field of COMPARED) {
      const got = row[field];
      const want = expected[field];
      if (typeof got !== 'number' || !(Math.abs(got - want) <= INDICATOR_SLACK * Math.max(1, Math.abs(want)))) {
        return msg.recheckIndicatorFailed(d.regions[n], field, got, want);
      }
    }
  }
  return undefined;
}

/**
 * The first failure of the re-check, as a sentence, or undefined when every condition holds to
 * `limit` (a relative gap: Σ|gap| over world income for goods and budgets, the largest gap for
 * labour supply, |Σ(P̂ − 1)E| over world spending for the numeraire).
 *
 * @example
 * ```ts
 * const s = solveOneSector2025(d, rates, opts);
 * recheckOneSector({ d, tariffs: rates, opts, unknowns: s.unknowns, result: s.result }, 1e-10); // undefined
 * ```
 */
export function recheckOneSector(input: OneSectorRecheckInput, limit: number): string | undefined {
  const { d, tariffs, opts, unknowns, result } = input;
  const p = modelParams(d, baselineOf(d), opts);
  const { N } = p;
  if (unknowns.length !== 3 * N) return msg.solveUnknownCount(unknowns.length, 3 * N);
  const w = unknowns.subarray(0, N),
    Eh = unknowns.subarray(N, 2 * N),
    L = unknowns.subarray(2 * N, 3 * N);
  for (let k = 0; k < 3 * N; k++)
    if (!(unknowns[k] > 0 && Number.isFinite(unknowns[k])))
      return msg.unknownNotPositive(k, ['ŵ', 'Ê', 'L̂'][Math.floor(k / N)], d.regions[k % N], unknowns[k]);
  const lv = levels(p, tariffs, w, Eh, L);
  for (const [what, rel, where] of conditionGaps(d, p, lv, w, Eh, L)) {
    if (!(rel <= limit)) return msg.recheckFailed(what, rel.toExponential(2), limit.toExponential(0), where);
  }
  // The reported indicators must be the ones these levels imply.
  return indicatorMismatch(d, p, lv, result, w, Eh, L);
}
