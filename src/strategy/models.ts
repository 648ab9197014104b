/**
 * Strategic evaluation of one policy point: the scenario layer's own model solve
 * (`MODEL_SPECS[model].solve`, so options, export controls and results are exactly what
 * `lancaster solve` does), warm-started, returning every player's objective. The same adapter runs
 * inline and inside pool workers; its input {@link EvalSpec} is structured-cloneable.
 *
 * Objectives: without political or security weights, the model's own `welfare_pct` or
 * `real_income_pct` (a group averages its members with baseline income weights: income I_n of the
 * multi-sector models, spending E_n of one-sector-2025, as its group rows). With weights, the
 * formula of objective.ts on the multi-sector solution.
 */
import type { Dataset } from '../data/dataset.ts';
import { loadDataset } from '../data/load.ts';
import type { ModelResult } from '../model/result.ts';
import type { GeRun } from '../model/ge/run.ts';
import { income } from '../model/ge/outputs.ts';
import type { GeBaseline } from '../model/ge/baseline.ts';
import { baselineOf } from '../model/oneSector2025/cache.ts';
import { MODEL_SPECS } from '../model/registry.ts';
import type { Scenario } from '../spec/scenario.ts';
import { applyInstruments, type ModelPolicy, type ResolvedInstrument } from './instruments.ts';
import { baselineOutput, geObjectives, type PlayerSpec } from './objective.ts';

export type ModelId = Scenario['model'];

/** Solver tolerance of strategic solves unless the scenario sets `options.tolerance` (objectives smooth to ≈ 1e-10). */
const STRATEGY_TOLERANCE = 1e-12;

/** Everything a solver needs, cloneable to workers. */
export interface EvalSpec {
  /** Embedded id or folder, or an in-memory dataset (tests). */
  dataset: string | Dataset;
  /** The scenario (model and options; its `strategy` section is not used here). */
  scenario: Scenario;
  /** Policy before the instruments are written (the scenario's `policy:` on the baseline). */
  base: ModelPolicy;
  instruments: ResolvedInstrument[];
  players: PlayerSpec[];
}

/** One evaluated policy point. */
export interface PointEval {
  status: 'converged' | 'not-converged';
  /** Objective of each player (percent), in the order of `EvalSpec.players`. */
  objectives: Float64Array;
  iterations: number;
  residual: number;
  message?: string;
  /** The model's warm start for the next solve (opaque, structured-cloneable). */
  warm?: unknown;
}

export interface StrategySolver {
  /** Solves at instrument values `x` from `warm` (a previous point's). */
  evaluate(x: ArrayLike<number>, warm?: unknown): PointEval;
  /** The same, plus the full contract result (countries). */
  solveFull(x: ArrayLike<number>, warm?: unknown): { point: PointEval; result: ModelResult };
}

/** Whether `model` can apply export-control instruments. */
export function supportsExportControls(model: ModelId): boolean {
  return MODEL_SPECS[model].controls;
}

/** The scenario as solved for strategies: tolerance defaults to {@link STRATEGY_TOLERANCE}. */
export function strategyScenario(s: Scenario): Scenario {
  const { strategy: _s, timeline: _t, negotiation: _n, ...rest } = s;
  return { ...rest, options: { ...s.options, tolerance: s.options.tolerance ?? STRATEGY_TOLERANCE } } as Scenario;
}

/**
 * Builds the solver of `spec` (the dataset is loaded once; the model caches its baseline).
 *
 * @example
 * const solver = makeSolver(spec);
 * const p = solver.evaluate([0.2]);       // p.objectives[0]: first player's objective in %
 * const q = solver.evaluate([0.21], p.warm);
 */
export function makeSolver(spec: EvalSpec): StrategySolver {
  const d = typeof spec.dataset === 'string' ? loadDataset(spec.dataset) : spec.dataset;
  const model = MODEL_SPECS[spec.scenario.model];
  const s = spec.scenario;
  let weightsOf: ((r: ModelResult, ge?: GeRun) => Float64Array) | undefined;
  let Y0: Float64Array | undefined;
  const run = (x: ArrayLike<number>, warm?: unknown) => {
    const policy = applyInstruments(spec.base, spec.instruments, x);
    const solved = model.solve(d, s, policy, warm);
    const r = solved.result;
    weightsOf ??= incomeWeights(d, s.model, solved.ge?.baseline);
    const w = weightsOf(r, solved.ge);
    const objectives = new Float64Array(spec.players.length);
    const ge = solved.ge;
    spec.players.forEach((p, k) => {
      if ((p.weights || p.security) && ge) {
        Y0 ??= baselineOutput(ge.baseline);
        objectives[k] = geObjectives(
          ge.baseline,
          Y0,
          ge.shock,
          ge.solution,
          [p],
          ge.result.model === 'cp2015',
          new Float64Array(1),
        )[0];
        return;
      }
      const field = p.objective === 'welfare' ? 'welfare_pct' : 'real_income_pct';
      let a = 0,
        sw = 0;
      for (const n of p.members) {
        a += w[n] * (r.countries[d.regions[n]][field] ?? NaN);
        sw += w[n];
      }
      objectives[k] = a / sw;
    });
    const point: PointEval = {
      status: r.status,
      objectives,
      iterations: r.iterations,
      residual: r.residual,
      warm: solved.warm,
    };
    if (r.message !== undefined) point.message = r.message;
    return { point, result: r };
  };
  return { evaluate: (x, warm) => run(x, warm).point, solveFull: run };
}

/** Baseline income weights of regions (for group players). */
function incomeWeights(d: Dataset, model: ModelId, b?: GeBaseline): (r: ModelResult) => Float64Array {
  let w: Float64Array;
  if (model === 'one-sector-2025') w = baselineOf(d).E;
  else if (b) w = Float64Array.from({ length: b.N }, (_, n) => income(b, b.pi, b.tau, b.X, b.VA, b.D, n));
  else w = new Float64Array(d.N).fill(1);
  return () => w;
}
