/**
 * Public entry point of the 2025 one-sector model: one counterfactual equilibrium for given
 * tariffs, with the paper's indicators per country and for groups.
 */
import type { Dataset } from '../../data/dataset.ts';
import type { ModelResult } from '../result.ts';
import { baselineOf } from './cache.ts';
import { makeEconomy, modelParams, type OneSector2025Options } from './economy.ts';
import { solveFixedPoint } from './fixedPoint.ts';
import { countryRow, groupRow, outcomes, type OutcomeTable } from './outcomes.ts';
import * as msg from '../../spec/messages/model.ts';

const MODEL_ID = 'one-sector-2025';

/** A solved counterfactual. */
export interface OneSector2025Solution {
  /** Status, iterations, residual (max-norm of the scaled 3N residual), seconds, indicators. */
  result: ModelResult;
  /** The unknowns [ŵ (N), Ê (N), L̂ (N)], usable as `warm` in the next solve. */
  unknowns: Float64Array;
  /** Indicator columns by country index (same numbers as `result.countries`). */
  table: OutcomeTable;
}

/**
 * Solves the equilibrium for new tariffs (`n*N + i` = importer n, exporter i, ad valorem
 * fraction; diagonal ignored) from `warm` or from ones. Non-convergence is reported in
 * `result.status` / `result.message`, never thrown; invalid inputs throw TypeError/RangeError.
 * Groups: every dataset group (EU = the paper's 25, EU27, RoW) and `non-US` (all but the USA),
 * weighted by baseline spending.
 *
 * @example
 * const d = loadDataset('world-2023');
 * const opts = { revenue: 'income-tax-relief', variant: 'baseline' } as const;
 * const s = solveOneSector2025(d, d.schedules['ustr-2025-04-02'], opts);
 * s.result.countries.USA.welfare_pct; // ≈ 1.13
 */
export function solveOneSector2025(
  d: Dataset,
  tariffs: Float64Array,
  opts: OneSector2025Options,
  warm?: Float64Array,
): OneSector2025Solution {
  const b = baselineOf(d);
  const { N } = b;
  const e = makeEconomy(modelParams(d, b, opts), tariffs);
  let x0: Float64Array;
  if (warm !== undefined) {
    if (!(warm instanceof Float64Array) || warm.length !== 3 * N)
      throw new TypeError(
        msg.warmFloat64arrayN(3 * N, warm instanceof Float64Array ? `length ${warm.length}` : typeof warm),
      );
    if (!warm.every((v) => v > 0 && Number.isFinite(v))) throw new RangeError(msg.warmStartPositive());
    x0 = warm;
  } else x0 = new Float64Array(3 * N).fill(1);
  const maxIterations = opts.maxIterations ?? 500;
  const tolerance = opts.tolerance ?? 1e-11;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 0))
    throw new RangeError(msg.maxIterationsInteger(maxIterations));
  if (!(tolerance > 0)) throw new RangeError(msg.toleranceAbove0(tolerance));
  const fp = solveFixedPoint(e, x0, { maxIterations, tolerance, onIteration: opts.onIteration });
  const table = outcomes(e, fp.ws);
  const countries: ModelResult['countries'] = {};
  d.regions.forEach((c, n) => {
    countries[c] = countryRow(table, n);
  });
  const groups: NonNullable<ModelResult['groups']> = {};
  for (const g of Object.keys(d.manifest.groups))
    groups[g] = groupRow(
      table,
      b.E,
      d.manifest.groups[g].map((c) => d.regions.indexOf(c)),
    );
  groups['non-US'] = groupRow(
    table,
    b.E,
    d.regions.map((_, k) => k).filter((k) => k !== b.us),
  );
  const result: ModelResult = {
    status: fp.status,
    iterations: fp.iterations,
    residual: fp.residual,
    seconds: fp.seconds,
    model: MODEL_ID,
    dataset: d.manifest.id,
    countries,
    groups,
  };
  if (fp.message !== undefined) result.message = fp.message;
  return { result, unknowns: fp.x, table };
}
