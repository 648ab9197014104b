/**
 * Model adapters for strategic evaluation: one equilibrium solve per policy point, warm-started
 * from a packed state, returning every player's objective (objective.ts). The same adapter runs
 * inline and inside pool workers; its input {@link EvalSpec} is structured-cloneable.
 *
 * Warm states: `multisector`/`cp2015` pack [ln ŵ (N), ln P̂ (NJ), X' (NJ)]; `one-sector-2025`
 * packs its unknowns [ŵ, Ê, L̂] (3N).
 */
import type { Dataset } from '../data/dataset.ts';
import { loadDataset } from '../data/load.ts';
import type { ModelResult, CountryResult } from '../model/result.ts';
import type { ExportControl, Scenario } from '../scenario/schema.ts';
import { calibratedBaseline, type GeRunOptions } from '../model/ge/run.ts';
import { solveGe, type GeShock, type GeWarmStart } from '../model/ge/solve.ts';
import { countryResults } from '../model/ge/outputs.ts';
import { solveOneSector2025, type OneSector2025Options } from '../model/oneSector2025/index.ts';
import { baselineOf } from '../model/oneSector2025/cache.ts';
import { applyInstruments, type ModelPolicy, type ResolvedInstrument } from './instruments.ts';
import { baselineOutput, geObjectives, type PlayerSpec } from './objective.ts';

export type ModelId = Scenario['model'];

/** Solver tolerance of strategic solves unless the scenario sets `options.tolerance` (objectives smooth to ≈ 1e-10). */
export const STRATEGY_TOLERANCE = 1e-12;

/** Everything a solver needs, cloneable to workers. */
export interface EvalSpec {
  /** Embedded id or folder, or an in-memory dataset (tests). */
  dataset: string | Dataset;
  model: ModelId;
  options: Scenario['options'];
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
  /** Packed solver state for warm starts. */
  warm: Float64Array;
}

export interface StrategySolver {
  /** Solves at instrument values `x` from the packed state `warm` (if any). */
  evaluate(x: ArrayLike<number>, warm?: Float64Array): PointEval;
  /** The same, plus the full contract result (countries). */
  solveFull(x: ArrayLike<number>, warm?: Float64Array): { point: PointEval; result: ModelResult };
}

/**
 * Extension point for export controls: how scenario-format entries enter a model's shock. Empty
 * until a model supports them; then register e.g. `EXPORT_CONTROLS.multisector = (d, shock, entries) => …`.
 */
export const EXPORT_CONTROLS: Partial<Record<ModelId, (d: Dataset, shock: GeShock, entries: ExportControl[]) => void>> = {};

/** Whether `model` accepts export-control instruments. */
export function supportsExportControls(model: ModelId): boolean {
  return EXPORT_CONTROLS[model] !== undefined;
}

function geOptions(model: ModelId, o: Scenario['options']): GeRunOptions {
  const published = model === 'cp2015';
  return {
    baseline: o.baseline ?? (published ? 'zero-deficit' : 'keep-deficits'),
    elasticityScale: o.elasticity_scale,
    publishedWelfare: published,
    tol: o.tolerance ?? STRATEGY_TOLERANCE,
    maxIterations: o.max_iterations,
  };
}

function oneSectorOptions(o: Scenario['options']): OneSector2025Options {
  return {
    revenue: o.revenue ?? 'income-tax-relief',
    variant: o.variant ?? 'baseline',
    elasticityScale: o.elasticity_scale,
    tolerance: o.tolerance ?? STRATEGY_TOLERANCE,
    maxIterations: o.max_iterations,
  };
}

/**
 * Builds the solver of `spec` (loads the dataset once; the GE baseline is calibrated once).
 *
 * @example
 * const solver = makeSolver(spec);
 * const p = solver.evaluate([0.2]);       // p.objectives[0]: first player's objective in %
 * const q = solver.evaluate([0.21], p.warm);
 */
export function makeSolver(spec: EvalSpec): StrategySolver {
  const d = typeof spec.dataset === 'string' ? loadDataset(spec.dataset) : spec.dataset;
  const policyOf = (x: ArrayLike<number>) => applyInstruments(spec.base, spec.instruments, x);
  return spec.model === 'one-sector-2025' ? oneSectorSolver(d, spec, policyOf) : geSolver(d, spec, policyOf);
}

function noControls(model: ModelId, p: ModelPolicy): void {
  if (p.exportControls?.length) throw new RangeError(`Expected a model that supports export controls, found ${model} without them`);
}

function geSolver(d: Dataset, spec: EvalSpec, policyOf: (x: ArrayLike<number>) => ModelPolicy): StrategySolver {
  const opts = geOptions(spec.model, spec.options);
  const b = calibratedBaseline(d, opts.baseline, opts);
  const Y0 = baselineOutput(b);
  const { N, J } = b;
  const NJ = N * J;
  const run = (x: ArrayLike<number>, warm?: Float64Array) => {
    const policy = policyOf(x);
    const shock: GeShock = { tauNew: policy.tau, D: b.D, thetaScale: opts.elasticityScale ?? 1 };
    if (policy.exportControls?.length) {
      const hook = EXPORT_CONTROLS[spec.model];
      if (!hook) noControls(spec.model, policy);
      else hook(d, shock, policy.exportControls);
    }
    const w: GeWarmStart | undefined = warm && warm.length === N + 2 * NJ ? { lw: warm.subarray(0, N), lP: warm.subarray(N, N + NJ), X: warm.subarray(N + NJ) } : undefined;
    const sol = solveGe(b, shock, opts, w);
    const packed = new Float64Array(N + 2 * NJ);
    packed.set(sol.lw, 0);
    packed.set(sol.lP, N);
    packed.set(sol.X, N + NJ);
    const point: PointEval = {
      status: sol.report.status, objectives: geObjectives(b, Y0, shock, sol, spec.players, opts.publishedWelfare, new Float64Array(spec.players.length)),
      iterations: sol.report.iterations, residual: sol.report.residual, warm: packed,
    };
    if (sol.report.message !== undefined) point.message = sol.report.message;
    return { point, shock, sol };
  };
  return {
    evaluate: (x, warm) => run(x, warm).point,
    solveFull(x, warm) {
      const { point, shock, sol } = run(x, warm);
      const rows = countryResults(b, shock, sol, opts.publishedWelfare);
      const countries: Record<string, CountryResult> = {};
      d.regions.forEach((r, n) => (countries[r] = rows[n]));
      return { point, result: { ...sol.report, model: spec.model, dataset: d.manifest.id, countries } };
    },
  };
}

function oneSectorSolver(d: Dataset, spec: EvalSpec, policyOf: (x: ArrayLike<number>) => ModelPolicy): StrategySolver {
  const opts = oneSectorOptions(spec.options);
  const E = baselineOf(d).E;
  const run = (x: ArrayLike<number>, warm?: Float64Array) => {
    const policy = policyOf(x);
    noControls(spec.model, policy);
    const rates = Float64Array.from(policy.tau, (t) => t - 1);
    const s = solveOneSector2025(d, rates, opts, warm && warm.length === 3 * d.N ? warm : undefined);
    const objectives = new Float64Array(spec.players.length);
    spec.players.forEach((p, k) => {
      const col = p.objective === 'welfare' ? s.table.welfare_pct : s.table.real_income_pct;
      let a = 0, w = 0;
      for (const n of p.members) { a += E[n] * col[n]; w += E[n]; }
      objectives[k] = a / w;
    });
    const point: PointEval = { status: s.result.status, objectives, iterations: s.result.iterations, residual: s.result.residual, warm: s.unknowns };
    if (s.result.message !== undefined) point.message = s.result.message;
    return { point, result: s.result };
  };
  return { evaluate: (x, warm) => run(x, warm).point, solveFull: run };
}
