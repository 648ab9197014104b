/**
 * What every model solve returns: the solver's status and per-country indicators in percent
 * (the `--json` contract of scenario-format.md). Fields a model cannot produce are omitted.
 */

/**
 * Solver status; `not-converged` results must never be presented as answers.
 *
 * @example
 * ```ts
 * if (r.status !== 'converged') throw new Error(`no answer: ${r.message}`);
 * ```
 */
export type SolveStatus = 'converged' | 'not-converged';

/**
 * How a solve went: status, iterations, final residual and seconds, and where trouble happened.
 *
 * @example
 * ```ts
 * const { status, iterations, residual }: SolverReport = solveScenario(p);
 * ```
 */
export interface SolverReport {
  status: SolveStatus;
  iterations: number;
  /** Final residual in the solver's documented norm. */
  residual: number;
  seconds: number;
  /** Where trouble happened (NaN, divergence), when it did. */
  message?: string;
}

/**
 * Per-country indicators, percent changes unless the name says otherwise; a field a model cannot
 * produce is absent (never zero).
 *
 * @example
 * ```ts
 * const usa: CountryResult = solveScenario(p).countries.USA;
 * usa.welfare_pct; usa.employment_pct ?? 'not produced by this model';
 * ```
 */
export interface CountryResult {
  welfare_pct?: number;
  real_income_pct?: number;
  /** Value added at constant (baseline) prices: double deflation in multi-sector models, employment in one-sector-2025. */
  real_gdp_pct?: number;
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
  /** Net income from abroad after the change (ownership, government shares), % of baseline GDP (docs/controls.md, O1). */
  income_from_abroad_pct_gdp?: number;
  /** Its change, % of baseline GDP. */
  income_from_abroad_change_pct_gdp?: number;
  /** National income (GDP + net income from abroad) over the price index, percent change (O2). */
  real_national_income_pct?: number;
  /** Government shares of licensed sales received (the August 2025 15%), % of baseline GDP. */
  government_share_revenue_pct_gdp?: number;
  [extra: string]: number | undefined;
}

/**
 * The result of one solve (the `--json` contract of scenario-format.md): solver report, model,
 * dataset, and the indicators of every country and group.
 *
 * @example
 * ```ts
 * const r: ModelResult = solveScenario(readScenarioFile('scenarios/nafta-cp2015.yaml'));
 * Object.entries(r.countries).map(([c, v]) => [c, v.welfare_pct]);
 * ```
 */
export interface ModelResult extends SolverReport {
  model: string;
  dataset: string;
  countries: Record<string, CountryResult>;
  /** Group rows (e.g. EU, non-US average) where the model defines their averaging. */
  groups?: Record<string, CountryResult>;
}
