/**
 * Results of a multi-sector solve: welfare and its decomposition (CP 2015 eq. 28), real income,
 * real wages, prices, trade, tariff revenue, and sector detail.
 */
import { geBaseline, type GeBaseline } from './baseline.ts';
import { baselineOutput, type GeShock, type GeSolution } from './solve.ts';
import type { CountryResult } from '../result.ts';
import { baselineAccounts, solutionAccounts } from './accounts.ts';
import type { SectorResult } from '../../contract/model.ts';

/** Per-region sector detail: changes in percent, levels in dataset units. */
export type { SectorResult } from '../../contract/model.ts';

const pct = (x: number) => 100 * (x - 1);

/**
 * Income I_n = VA_n + tariff revenue + D_n (+ `rents`: export-tax and licence rents n keeps), for
 * shares π, spending X, value added VA and deficits D.
 */
export function income(
  b: GeBaseline,
  pi: Float64Array,
  tau: Float64Array,
  X: Float64Array,
  VA: Float64Array,
  D: Float64Array,
  n: number,
  rents = 0,
): number {
  const { N, J } = b;
  let rev = 0;
  for (let i = 0; i < N; i++)
    for (let j = 0; j < J; j++) {
      const q = (n * N + i) * J + j;
      rev += X[n * J + j] * pi[q] * (1 - 1 / tau[q]);
    }
  return VA[n] + rev + D[n] + rents;
}

/**
 * Real GDP of region n: value added at constant (baseline) prices, by double deflation,
 *   Σ_j [ Y_j q̂_j − Σ_k Z'_kj / P̂_k ],  q̂_j = Y'_j/(Y_j ĉ_j),
 *   Z'_kj = γ'^{k,j} Y'_j (real inputs at baseline prices),
 * relative to baseline value added Σ_j γ_j Y_j. Y' is gross output net of rents (= costs), γ' the
 * solution's input shares (the baseline's under Cobb–Douglas). `y0` = baseline gross output (`n*J + j`).
 */
function realGdpPct(b: GeBaseline, sol: GeSolution, y0: Float64Array, invP: Float64Array, n: number): number {
  const { J } = b;
  const GB = sol.shares?.GB ?? b.GB;
  let real = 0,
    base = 0;
  for (let j = 0; j < J; j++) {
    const q = n * J + j;
    if (!(y0[q] > 0)) continue;
    base += b.B[q] * y0[q];
    let inputs = 0;
    for (let k = 0; k < J; k++) inputs += GB[(n * J + k) * J + j] * invP[n * J + k];
    real += sol.Y[q] * (Math.exp(-sol.lc[q]) - inputs);
  }
  return base > 0 ? pct(real / base) : 0;
}

/** Country indicators; `published` selects CP's ToT + VoT as `welfare_pct` (model cp2015). */
export function countryResults(b: GeBaseline, shock: GeShock, sol: GeSolution, published: boolean): CountryResult[] {
  const { N, J } = b;
  const out: CountryResult[] = [];
  const VA1 = new Float64Array(N);
  for (let n = 0; n < N; n++) VA1[n] = Math.exp(sol.lw[n]) * b.VA[n];
  const t = sol.transfers;
  // National accounts only with cross-border incomes (the rows below read them only then).
  const acc0 = t ? baselineAccounts(b, t.ownershipBase) : [],
    acc1 = t ? solutionAccounts(b, shock, sol) : [];
  const y0 = baselineOutput(b);
  const I0s = baselineIncomes(b),
    trade0 = baselineTrade(b);
  // ĉ and 1/P̂ once per cell (the loops below would take each exponential N or J times).
  const cHat = new Float64Array(N * J),
    invP = new Float64Array(N * J);
  for (let q = 0; q < N * J; q++) {
    cHat[q] = Math.exp(sol.lc[q]);
    invP[q] = Math.exp(-sol.lP[q]);
  }
  for (let n = 0; n < N; n++) {
    const I0 = I0s[n];
    // With cross-border incomes (O3): I' = GNI' + T, T = D − NFI₀.
    const moved = t ? t.governmentReceived[n] + t.ownership[n] - t.ownershipBase[n] : 0;
    const I1 = income(b, sol.piNew, shock.tauNew, sol.X, VA1, shock.D, n, sol.rents[n]) + moved;
    let lPagg = 0;
    for (let j = 0; j < J; j++) lPagg += b.alpha[n * J + j] * sol.lP[n * J + j];
    const P = Math.exp(lPagg);
    let tot = 0,
      vot = 0,
      imp1 = 0,
      exp1 = 0,
      rev1 = 0;
    for (let i = 0; i < N; i++)
      for (let j = 0; j < J; j++) {
        const qm = (n * N + i) * J + j; // n imports from i
        const qe = (i * N + n) * J + j; // n exports to i
        const M0 = (b.pi[qm] / b.tau[qm]) * b.X[n * J + j];
        const M1 = (sol.piNew[qm] / shock.tauNew[qm]) * sol.X[n * J + j];
        const E0 = (b.pi[qe] / b.tau[qe]) * b.X[i * J + j];
        const E1 = (sol.piNew[qe] / shock.tauNew[qe]) * sol.X[i * J + j];
        const ci = cHat[i * J + j];
        tot += E0 * (cHat[n * J + j] - 1) - M0 * (ci - 1);
        if (M0 > 0) vot += (b.tau[qm] - 1) * M0 * (M1 / M0 - ci);
        rev1 += M1 * (shock.tauNew[qm] - 1);
        if (i !== n) {
          imp1 += M1;
          exp1 += E1;
        }
      }
    const realIncome = pct(I1 / I0 / P);
    const r: CountryResult = {
      welfare_pct: published ? (100 * (tot + vot)) / I0 : realIncome,
      real_income_pct: realIncome,
      real_gdp_pct: realGdpPct(b, sol, y0, invP, n),
      real_wage_pct: pct(Math.exp(sol.lw[n]) / P),
      terms_of_trade_pct: (100 * tot) / I0,
      volume_of_trade_pct: (100 * vot) / I0,
      prices_pct: pct(P),
      exports_pct: pct(exp1 / trade0.exports[n]),
      imports_pct: pct(imp1 / trade0.imports[n]),
      tariff_revenue_pct_gdp: (100 * rev1) / VA1[n],
    };
    if (t) {
      // Income from abroad (O1): level after the change and change, both in percent of baseline GDP.
      r.real_national_income_pct = pct(acc1[n].gni / acc0[n].gni / P);
      r.income_from_abroad_pct_gdp = (100 * acc1[n].nfi) / acc0[n].gdp;
      r.income_from_abroad_change_pct_gdp = (100 * (acc1[n].nfi - acc0[n].nfi)) / acc0[n].gdp;
      if (t.governmentReceived[n] !== 0)
        r.government_share_revenue_pct_gdp = (100 * t.governmentReceived[n]) / acc0[n].gdp;
    }
    if (b.D[n] !== 0) r.deficit_pct = t ? pct(acc1[n].tradeDeficit / acc0[n].tradeDeficit) : pct(shock.D[n] / b.D[n]);
    const capRent = sol.capacity ? sol.capacity.rentByRegion[n] : 0;
    if (sol.rents[n] - capRent !== 0) r.export_rents_pct_gdp = (100 * (sol.rents[n] - capRent)) / VA1[n];
    if (capRent !== 0) r.capacity_rents_pct_gdp = (100 * capRent) / VA1[n];
    out.push(r);
  }
  return out;
}

/**
 * A group's row (report.countries naming a dataset group such as EU): each field its members all
 * have, as their mean weighted by that field's own base (`rowBases`), which is the members pooled:
 * a change of Σ_n base'_n over Σ_n base_n, or a share of the pooled denominator. Real income pools
 * as Σ I'_n/P̂_n ÷ Σ I_n − 1 (as strategy players and negotiation parties pool a group), exports as
 * the members' total exports (flows between members included). A field some member lacks, a field
 * with no base, or bases summing to about zero (deficits of both signs) is left out, never guessed.
 *
 * @example
 * ```ts
 * const run = runGe(d, 'multisector', tau, opts);
 * groupRow(d.regions.map((c) => run.result.countries[c]), rowBases(run.baseline, run.solution), [5, 6, 7, 9]);
 * ```
 */
export function groupRow(
  rows: readonly CountryResult[],
  bases: Readonly<Record<string, ArrayLike<number>>>,
  members: readonly number[],
): CountryResult {
  const out: CountryResult = {};
  const fields = Object.keys(rows[members[0]] ?? {}).filter(
    (k) => bases[k] && members.every((n) => rows[n][k] !== undefined),
  );
  for (const k of fields) {
    const w = bases[k];
    let s = 0,
      sw = 0,
      abs = 0;
    for (const n of members) {
      s += w[n] * rows[n][k]!;
      sw += w[n];
      abs += Math.abs(w[n]);
    }
    if (Math.abs(sw) > 1e-9 * abs) out[k] = s / sw;
  }
  return out;
}

/**
 * Per region, the base each field of its country row (countryResults) is a change or a share of:
 * baseline income I for real income, welfare and its ToT/VoT terms, and the CPI (final spending);
 * baseline value added for real GDP and the real wage; baseline exports and imports; the solution's
 * value added for the fields in % of GDP after the change (tariff revenue, rents); baseline GDP and
 * GNI of the national accounts with cross-border incomes; baseline deficits.
 */
export function rowBases(b: GeBaseline, sol: GeSolution): Record<string, Float64Array> {
  const I0 = baselineIncomes(b),
    { exports: exp0, imports: imp0 } = baselineTrade(b);
  const VA1 = Float64Array.from(b.VA, (va, n) => Math.exp(sol.lw[n]) * va);
  const t = sol.transfers;
  const acc0 = t ? baselineAccounts(b, t.ownershipBase) : undefined;
  const accounts = (f: 'gdp' | 'gni' | 'tradeDeficit') => Float64Array.from(acc0 ?? [], (a) => a[f]);
  const gdp0 = acc0 ? accounts('gdp') : b.VA;
  return {
    welfare_pct: I0,
    real_income_pct: I0,
    terms_of_trade_pct: I0,
    volume_of_trade_pct: I0,
    prices_pct: I0,
    real_gdp_pct: b.VA,
    real_wage_pct: b.VA,
    exports_pct: exp0,
    imports_pct: imp0,
    tariff_revenue_pct_gdp: VA1,
    export_rents_pct_gdp: VA1,
    capacity_rents_pct_gdp: VA1,
    income_from_abroad_pct_gdp: gdp0,
    income_from_abroad_change_pct_gdp: gdp0,
    government_share_revenue_pct_gdp: gdp0,
    ...(acc0 ? { real_national_income_pct: accounts('gni') } : {}),
    deficit_pct: acc0 ? accounts('tradeDeficit') : b.D,
  };
}

/** Baseline incomes I_n of a calibrated baseline (as the model counts them), once per baseline. */
const incomes = new WeakMap<GeBaseline, Float64Array>();
export function baselineIncomes(b: GeBaseline): Float64Array {
  let I = incomes.get(b);
  if (!I) {
    I = Float64Array.from({ length: b.N }, (_, n) => income(b, b.pi, b.tau, b.X, b.VA, b.D, n));
    incomes.set(b, I);
  }
  return I;
}

/** Baseline goods exports and imports of each region (net of tariffs, all sectors, none to itself), once per baseline. */
const trades = new WeakMap<GeBaseline, { exports: Float64Array; imports: Float64Array }>();
function baselineTrade(b: GeBaseline): { exports: Float64Array; imports: Float64Array } {
  let t = trades.get(b);
  if (!t) {
    const { N, J } = b;
    t = { exports: new Float64Array(N), imports: new Float64Array(N) };
    for (let n = 0; n < N; n++)
      for (let i = 0; i < N; i++)
        for (let j = 0; j < J; j++) {
          if (i === n) continue;
          const qm = (n * N + i) * J + j, // n imports from i
            qe = (i * N + n) * J + j; // n exports to i
          t.imports[n] += (b.pi[qm] / b.tau[qm]) * b.X[n * J + j];
          t.exports[n] += (b.pi[qe] / b.tau[qe]) * b.X[i * J + j];
        }
    trades.set(b, t);
  }
  return t;
}

/** Change in n's imports (net of tariffs, all sectors) from the regions `from`, in percent. */
export function importsFromPct(b: GeBaseline, shock: GeShock, sol: GeSolution, n: number, from: number[]): number {
  const { N, J } = b;
  let a = 0,
    c = 0;
  for (const i of from) {
    if (i === n) continue;
    for (let j = 0; j < J; j++) {
      const q = (n * N + i) * J + j;
      a += (b.pi[q] / b.tau[q]) * b.X[n * J + j];
      c += (sol.piNew[q] / shock.tauNew[q]) * sol.X[n * J + j];
    }
  }
  return pct(c / a);
}

/** Sector detail for region n (index j). */
export function sectorResults(b: GeBaseline, shock: GeShock, sol: GeSolution, n: number): SectorResult[] {
  const { N, J } = b;
  const out: SectorResult[] = [];
  for (let j = 0; j < J; j++) {
    let y0 = 0,
      ex0 = 0,
      ex1 = 0,
      im0 = 0,
      im1 = 0;
    for (let m = 0; m < N; m++) {
      const q = (m * N + n) * J + j;
      y0 += (b.pi[q] / b.tau[q]) * b.X[m * J + j];
      if (m !== n) {
        ex0 += (b.pi[q] / b.tau[q]) * b.X[m * J + j];
        ex1 += (sol.piNew[q] / shock.tauNew[q]) * sol.X[m * J + j];
        const qm = (n * N + m) * J + j;
        im0 += (b.pi[qm] / b.tau[qm]) * b.X[n * J + j];
        im1 += (sol.piNew[qm] / shock.tauNew[qm]) * sol.X[n * J + j];
      }
    }
    const y1 = sol.Y[n * J + j];
    const real = y0 > 0 ? y1 / y0 / Math.exp(sol.lc[n * J + j]) : 1;
    out.push({
      output_pct: y0 > 0 ? pct(y1 / y0) : 0,
      real_output_pct: pct(real),
      price_pct: pct(Math.exp(sol.lP[n * J + j])),
      unit_cost_pct: pct(Math.exp(sol.lc[n * J + j])),
      exports_pct: ex0 > 0 ? pct(ex1 / ex0) : 0,
      imports_pct: im0 > 0 ? pct(im1 / im0) : 0,
      output_before: y0,
      output_after: y1,
      value_lost: y0 * (1 - real),
    });
  }
  return out;
}

/** The solved equilibrium as a new, internally consistent baseline (CP's zero-deficit step). */
export function asBaseline(b: GeBaseline, shock: GeShock, sol: GeSolution): GeBaseline {
  const VA = new Float64Array(b.N);
  for (let n = 0; n < b.N; n++) VA[n] = Math.exp(sol.lw[n]) * b.VA[n];
  return geBaseline({ ...b, pi: sol.piNew, tau: shock.tauNew, X: sol.X, VA, D: shock.D });
}
