/**
 * What every model solve returns: the solver's status and per-country indicators in percent
 * (the `--json` contract of scenario-format.md). Fields a model cannot produce are omitted.
 */

/** Solver status; `not-converged` results must never be presented as answers. */
export type SolveStatus = 'converged' | 'not-converged';

export interface SolverReport {
  status: SolveStatus;
  iterations: number;
  /** Final residual in the solver's documented norm. */
  residual: number;
  seconds: number;
  /** Where trouble happened (NaN, divergence), when it did. */
  message?: string;
}

/** Per-country indicators, percent changes unless the name says otherwise. */
export interface CountryResult {
  welfare_pct?: number;
  real_income_pct?: number;
  real_wage_pct?: number;
  terms_of_trade_pct?: number;
  volume_of_trade_pct?: number;
  employment_pct?: number;
  prices_pct?: number;
  exports_pct?: number;
  imports_pct?: number;
  exports_gdp_pct?: number;
  imports_gdp_pct?: number;
  deficit_pct?: number;
  tariff_revenue_pct_gdp?: number;
  [extra: string]: number | undefined;
}

export interface ModelResult extends SolverReport {
  model: string;
  dataset: string;
  countries: Record<string, CountryResult>;
  /** Group rows (e.g. EU, non-US average) where the model defines their averaging. */
  groups?: Record<string, CountryResult>;
}
