/**
 * Runs a counterfactual of the multi-sector model on a dataset: builds the baseline, makes it
 * internally consistent by one calibration solve (with zero deficits for the `zero-deficit`
 * option, as CP 2015 do, or with the data's deficits), then solves the policy change.
 */
import type { Dataset } from '../../data/dataset.ts';
import type { ModelResult, CountryResult } from '../result.ts';
import { baselineFromDataset, geBaseline, type GeBaseline } from './baseline.ts';
import { baselineKey, readStoredBaseline, writeStoredBaseline } from './baselineStore.ts';
import {
  solveGe,
  type GeSolution,
  type GeShock,
  type GeSolveOptions,
  type GeCaps,
  type GeNests,
  type GeOwnership,
  type GeCapacity,
} from './solve.ts';
import { asBaseline, countryResults } from './outputs.ts';
import * as msg from '../../spec/messages/model.ts';

export type BaselineOption = 'zero-deficit' | 'keep-deficits';

/**
 * Short-run multiplier of the trade elasticities (`options.horizon: short-run`). Boehm, Levchenko &
 * Pandalai-Nayar (2023, AER, "The Long and Short (Run) of Trade Elasticities") estimate the trade
 * elasticity at ≈ 0.76 within one year and ≈ 1.75–2.25 after 7–10 years; the model's θ are long-run
 * values, so short-run θ = θ × 0.8/2.0 = 0.4 (0.36–0.44 over the long-run range). docs/controls.md.
 */
export const SHORT_RUN_ELASTICITY_SCALE = 0.4;

/** The trade-elasticity multiplier of a horizon. */
export function horizonScale(h: 'short-run' | 'long-run' | undefined): number | undefined {
  return h === 'short-run' ? SHORT_RUN_ELASTICITY_SCALE : h === 'long-run' ? 1 : undefined;
}

export interface GeRunOptions extends GeSolveOptions {
  baseline: BaselineOption;
  /** Multiplies every trade elasticity (short-run studies). */
  elasticityScale?: number;
  /** `welfare_pct` as published (CP's ToT + VoT) instead of the exact real-income change. */
  publishedWelfare: boolean;
  /** Export controls (quantity caps); none when absent or empty. */
  controls?: GeCaps;
  /** Export-tax factors (public bilateral layout), default 1. */
  exportTax?: Float64Array;
  /** CES input nests; Cobb–Douglas when absent. */
  nests?: GeNests;
  /** Cross-border ownership of value added (ownership.ts); none when absent. */
  ownership?: GeOwnership;
  /** Capacity bounds on real output (capacity.ts); constant returns when absent. */
  capacity?: GeCapacity;
}

export interface GeRun {
  /** The calibrated baseline the counterfactual is relative to. */
  baseline: GeBaseline;
  shock: GeShock;
  solution: GeSolution;
  result: ModelResult;
}

const calibrated = new WeakMap<Dataset, Map<string, GeBaseline>>();

/** The consistent baseline of `d` under a deficit option (cached per dataset). */
export function calibratedBaseline(d: Dataset, option: BaselineOption, opts: GeSolveOptions = {}): GeBaseline {
  let byOption = calibrated.get(d);
  if (!byOption) {
    byOption = new Map();
    calibrated.set(d, byOption);
  }
  const hit = byOption.get(option);
  if (hit) return hit;
  const raw = baselineFromDataset(d);
  const shock: GeShock = { tauNew: raw.tau, D: option === 'zero-deficit' ? new Float64Array(raw.N) : raw.D };
  const b = storedOrSolved(d.manifest.id, raw, shock, option, opts);
  byOption.set(option, b);
  return b;
}

/** The calibration of `raw` from the baseline store (./baselineStore.ts), else solved and stored. */
function storedOrSolved(
  datasetId: string,
  raw: GeBaseline,
  shock: GeShock,
  option: BaselineOption,
  opts: GeSolveOptions,
): GeBaseline {
  const key = baselineKey(raw, shock.D, option, opts);
  const stored = readStoredBaseline(key, raw.N, raw.J);
  if (stored) return geBaseline({ ...raw, ...stored, tau: shock.tauNew, D: shock.D });
  const sol = solveGe(raw, shock, opts);
  if (sol.report.status !== 'converged') {
    throw new RangeError(msg.baselineConverge(option, datasetId, sol.report.message));
  }
  const b = asBaseline(raw, shock, sol);
  writeStoredBaseline(key, b);
  return b;
}

/**
 * Solves the counterfactual with new tariff factors `tauNew` (1 + t', index (n*N + i)*J + j) and
 * the export controls, export taxes and input nests of `opts`. Deficits stay at their baseline
 * level (zero under `zero-deficit`). Malformed or infeasible controls throw RangeError.
 */
export function runGe(d: Dataset, modelId: string, tauNew: Float64Array, opts: GeRunOptions, warm?: GeSolution): GeRun {
  // The (cached) baseline calibration is not this solve: it reports no iterations.
  const baseline = calibratedBaseline(d, opts.baseline, opts.onIteration ? { ...opts, onIteration: undefined } : opts);
  const shock: GeShock = {
    tauNew,
    D: baseline.D,
    elasticityScale: opts.elasticityScale ?? 1,
    ...(opts.controls?.flow.length ? { caps: opts.controls } : {}),
    ...(opts.exportTax ? { exportTax: opts.exportTax } : {}),
    ...(opts.nests ? { nests: opts.nests } : {}),
    ...(opts.ownership?.owner.length ? { ownership: opts.ownership } : {}),
    ...(opts.capacity?.cell.length ? { capacity: opts.capacity } : {}),
  };
  const solution = solveGe(baseline, shock, opts, warm);
  const rows = countryResults(baseline, shock, solution, opts.publishedWelfare);
  const countries: Record<string, CountryResult> = {};
  d.regions.forEach((r, n) => (countries[r] = rows[n]));
  const result: ModelResult = { ...solution.report, model: modelId, dataset: d.manifest.id, countries };
  return { baseline, shock, solution, result };
}
