/**
 * A strategic game on top of a model: players, the instruments each controls, and the evaluator
 * that maps a full instrument vector (every player's instruments, in scenario order) to every
 * player's objective. Also the bounded sub-problems the optimisers solve.
 */
import type { Dataset } from '../data/dataset.ts';
import { PolicyError } from '../policy/errors.ts';
import { Evaluator, type WarmScope } from './evaluator.ts';
import { resolveInstruments, type ModelPolicy, type ResolvedInstrument } from './instruments.ts';
import { strategyScenario, type EvalSpec } from './models.ts';
import type { PlayerSpec } from './objective.ts';
import type { BoxProblem, OptimizeOptions } from './optim/index.ts';
import type { Scenario } from '../spec/scenario.ts';
import type { Strategy, StrategyOptions } from '../spec/strategy.ts';
import * as msg from '../spec/messages/scenario.ts';
import * as strategyMsg from '../spec/messages/strategy.ts';

export interface Game {
  evaluator: Evaluator;
  instruments: ResolvedInstrument[];
  players: PlayerSpec[];
  /** Instrument indices owned by each player (same order as `players`). */
  owned: number[][];
  options: StrategyOptions;
}

/** A policy point with every player's objective (percent). */
export interface GamePoint {
  x: Float64Array;
  objectives: Float64Array;
}

/**
 * Resolves players and instruments of `s` against `d` into an evaluation spec. Throws
 * PolicyError (paths relative to `strategy`) for unknown codes or sectors, or levers the model lacks.
 */
export function strategySpec(
  d: Dataset,
  dataset: string | Dataset,
  scenario: Scenario,
  base: ModelPolicy,
  s: Strategy,
): EvalSpec {
  const model = scenario.model;
  const instruments = resolveInstruments(d, s, base);
  const players: PlayerSpec[] = Object.entries(s.players).map(([code, p]) => {
    const i = d.regions.indexOf(code);
    const members = i >= 0 ? [i] : d.manifest.groups[code]?.map((m) => d.regions.indexOf(m));
    if (!members) {
      const groups = Object.keys(d.manifest.groups);
      throw new PolicyError(
        ['players', code],
        msg.playerRegionDataset(groups.length ? ` or group (${groups.join(', ')})` : '', d.manifest.id, code),
      );
    }
    const spec: PlayerSpec = { code, members, objective: p.objective };
    const bySector = (w: Record<string, number> | undefined, key: 'weights' | 'security', fill: number) => {
      if (!w || Object.keys(w).length === 0) return undefined;
      if (model === 'one-sector-2025')
        throw new PolicyError(['players', code, key], msg.noSectorOne(key, model, Object.keys(w).join(', ')));
      const out = new Float64Array(d.J).fill(fill);
      for (const [sec, v] of Object.entries(w)) {
        const j = d.sectors.indexOf(sec);
        if (j < 0) throw new PolicyError(['players', code, key, sec], msg.sectorCodeOfDataset(d.manifest.id, sec));
        out[j] = v;
      }
      return out;
    };
    const weights = bySector(p.weights, 'weights', 1);
    const security = bySector(p.security, 'security', 0);
    if (weights) spec.weights = weights;
    if (security) spec.security = security;
    return spec;
  });
  return { dataset, scenario: strategyScenario(scenario), base, instruments, players };
}

/** Builds the game of `spec` with `s.options` (starts the worker pool when `workers` > 0). */
export function makeGame(spec: EvalSpec, options: StrategyOptions): Game {
  const owned = spec.players.map((p) => spec.instruments.flatMap((r, k) => (r.player === p.code ? [k] : [])));
  return {
    evaluator: new Evaluator(spec, options.workers),
    instruments: spec.instruments,
    players: spec.players,
    owned,
    options,
  };
}

/** The start vector (every instrument's `start`). */
export function startOf(g: Game): Float64Array {
  return Float64Array.from(g.instruments, (r) => r.start);
}

/**
 * Evaluates one full vector (warm starts from `scope` when given); non-converged solves throw (they
 * must never be reported as answers).
 */
export async function pointAt(g: Game, x: Float64Array, scope?: WarmScope): Promise<GamePoint> {
  const [e] = await g.evaluator.evaluate([x], scope);
  if (e.status !== 'converged')
    throw new RangeError(strategyMsg.modelSolve(JSON.stringify(policyRecord(g, x)), e.message ?? 'not converged'));
  return { x: Float64Array.from(x), objectives: Float64Array.from(e.objectives) };
}

/** Instrument id → value. */
export function policyRecord(g: Game, x: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(g.instruments.map((r, k) => [r.id, x[k]]));
}

/** Player code → value. */
export function playerRecord(g: Game, v: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(g.players.map((p, k) => [p.code, v[k]]));
}

/** Optimiser settings from the strategy options. */
export function optimizeOptions(o: StrategyOptions): OptimizeOptions {
  return {
    xtol: o.optimizer_tolerance,
    ftol: o.objective_tolerance,
    maxEvaluations: o.max_evaluations,
    gridStep: o.grid_step,
  };
}

/**
 * Points the optimisers try per batch where they choose (quasi-Newton's step lengths, Brent's
 * bracketing grid): fixed, not the worker count, so an optimisation takes the same path, bit for
 * bit, on any number of workers (gradients still fill every worker: 2n points per batch).
 */
const SEARCH_BATCH = 2;

/**
 * The bounded problem over the instruments `idx` (others fixed at `x`), maximising
 * `value(objectives)`; non-converged solves count as failed points.
 */
export function subProblem(
  g: Game,
  x: Float64Array,
  idx: readonly number[],
  value: (objectives: Float64Array) => number,
  scope?: WarmScope,
): BoxProblem {
  const full = (y: Float64Array) => {
    const z = Float64Array.from(x);
    idx.forEach((k, m) => (z[k] = y[m]));
    return z;
  };
  return {
    lo: Float64Array.from(idx, (k) => g.instruments[k].lo),
    hi: Float64Array.from(idx, (k) => g.instruments[k].hi),
    parallelism: SEARCH_BATCH,
    evaluate: async (ys) =>
      (await g.evaluator.evaluate(ys.map(full), scope)).map((e) =>
        e.status === 'converged' ? value(e.objectives) : NaN,
      ),
  };
}
