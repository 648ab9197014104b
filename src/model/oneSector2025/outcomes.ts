/**
 * The indicators of the paper's tables (print_tables_baseline.m), per country and for groups.
 * Group rows are means weighted by baseline spending E_n (after the domestic-flow fill-in), as
 * the authors' `sum(E_i(g).*results(g,:))./sum(E_i(g))` — not simple means, not GDP weights.
 *
 * Index formula: `n*N + i` = importer n, exporter i.
 */
import type { CountryResult } from '../result.ts';
import type { Economy } from './economy.ts';
import { welfare, type Workspace } from './equations.ts';

/** Names of the per-country indicators (percent; tariff revenue in percent of baseline spending E). */
export const INDICATORS = [
  'welfare_pct',
  'real_income_pct',
  'real_wage_pct',
  'deficit_pct',
  'exports_gdp_pct',
  'imports_gdp_pct',
  'employment_pct',
  'prices_pct',
  'tariff_revenue_pct_gdp',
  'real_gdp_pct',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** Indicator columns, each of length N. */
export type OutcomeTable = Record<Indicator, Float64Array>;

/**
 * Computes every indicator from the solved levels in `ws`:
 * welfare 100(Ŵ − 1); real income 100(Ê/P̂ − 1); real wage 100(ŵ/P̂ − 1);
 * deficit 100(D' − D)/|D| with D = purchases − sales; exports/GDP and imports/GDP
 * 100((x'/Y')/(x/Y) − 1) without domestic flows; employment 100(L̂ − 1); prices 100(P̂ − 1);
 * tariff revenue 100 R / E (the paper's "% of GDP" of Table 3); real GDP 100(L̂ − 1): one good per
 * country made from labour alone at fixed productivity, so value added at constant prices moves with
 * employment.
 */
export function outcomes(e: Economy, ws: Workspace): OutcomeTable {
  const { N, tc, S0, X, Y, E } = e;
  const z = () => new Float64Array(N);
  const out: OutcomeTable = {
    welfare_pct: z(),
    real_income_pct: z(),
    real_wage_pct: z(),
    deficit_pct: z(),
    exports_gdp_pct: z(),
    imports_gdp_pct: z(),
    employment_pct: z(),
    prices_pct: z(),
    tariff_revenue_pct_gdp: z(),
    real_gdp_pct: z(),
  };
  const W = z(),
    RI = z();
  welfare(e, ws, W, RI);
  const exp0 = z(),
    imp0 = z(),
    sales0 = z(),
    buy0 = z(),
    exp1 = z(),
    imp1 = z(),
    sales1 = z(),
    buy1 = z();
  for (let n = 0; n < N; n++) {
    // X'_ni = X_ni Ê_n a_i (1 + t_ni)^(−εφ_n − 1) / (S_n/S0_n): exact X at the baseline.
    const f = ws.Eh[n] / (ws.S[n] / S0[n]);
    for (let i = 0; i < N; i++) {
      const k = n * N + i;
      const x0 = X[k],
        x1 = X[k] * (f * tc[k] * ws.a[i]);
      buy0[n] += x0;
      sales0[i] += x0;
      buy1[n] += x1;
      sales1[i] += x1;
      if (i !== n) {
        imp0[n] += x0;
        exp0[i] += x0;
        imp1[n] += x1;
        exp1[i] += x1;
      }
    }
  }
  for (let n = 0; n < N; n++) {
    const d0 = buy0[n] - sales0[n],
      d1 = buy1[n] - sales1[n];
    out.welfare_pct[n] = 100 * (W[n] - 1);
    out.real_income_pct[n] = 100 * (RI[n] - 1);
    out.real_wage_pct[n] = 100 * (ws.w[n] / ws.P[n] - 1);
    out.deficit_pct[n] = (100 * (d1 - d0)) / Math.abs(d0);
    out.exports_gdp_pct[n] = 100 * (exp1[n] / ws.Yp[n] / (exp0[n] / Y[n]) - 1);
    out.imports_gdp_pct[n] = 100 * (imp1[n] / ws.Yp[n] / (imp0[n] / Y[n]) - 1);
    out.employment_pct[n] = 100 * (ws.L[n] - 1);
    out.real_gdp_pct[n] = 100 * (ws.L[n] - 1);
    out.prices_pct[n] = 100 * (ws.P[n] - 1);
    out.tariff_revenue_pct_gdp[n] = (100 * ws.R[n]) / E[n];
  }
  return out;
}

/** One country's row. */
export function countryRow(t: OutcomeTable, n: number): CountryResult {
  const r: CountryResult = {};
  for (const k of INDICATORS) r[k] = t[k][n];
  return r;
}

/** Baseline-spending-weighted mean of every indicator over `members` (region indices). */
export function groupRow(t: OutcomeTable, E: Float64Array, members: readonly number[]): CountryResult {
  const r: CountryResult = {};
  let wsum = 0;
  for (const m of members) wsum += E[m];
  for (const k of INDICATORS) {
    let s = 0;
    for (const m of members) s += E[m] * t[k][m];
    r[k] = s / wsum;
  }
  return r;
}
