/**
 * One deal, one equilibrium solve: the scenario layer's own model (`MODEL_SPECS[model].solve`, so
 * options and export controls mean exactly what `lancaster solve` does) on the deal's policy, and
 * every government objective of the negotiation read off the solution:
 *
 *   objective % = real_income_pct (or welfare_pct) of the region
 *               + Σ σ_j · 100 (Σ_n X'_nj / P̂_nj ÷ Σ_n X_nj − 1)
 *
 * (n over the weighed region, or a group's members). A group's own term pools its members' real
 * incomes: 100 (Σ I'_n / P̂_n ÷ Σ I_n − 1), the members' changes weighted by baseline income I_n.
 *
 * X_nj is region n's total spending on sector j (final and intermediate, the model's X_n^j) and
 * P̂_nj its price index, so the security term is the % change of real absorption of sector j
 * (e.g. the US's supply of rare earths, or China's of chips). Levels are relative to the dataset's
 * baseline; utilities of a negotiation are these minus the disagreement deal's.
 */
import { loadDataset } from '../../data/load.ts';
import type { ModelResult } from '../../model/result.ts';
import { baselineIncomes } from '../../model/ge/outputs.ts';
import type { GeRun } from '../../model/ge/run.ts';
import { MODEL_SPECS } from '../../model/registry.ts';
import type { ResolvedObjective, TradeSpec } from './state.ts';
import { dealPolicy } from './state.ts';
import * as msg from '../../spec/messages/negotiate.ts';

/** One evaluated deal. */
export interface DealEval {
  status: 'converged' | 'not-converged';
  /** Objective values (percent) in the order of `TradeSpec.objectives`. */
  objectives: Float64Array;
  iterations: number;
  residual: number;
  warm?: unknown;
}

/** A deal's full solve: the contract result and real absorption changes. */
export interface DealSolve extends DealEval {
  result: ModelResult;
  /** region → sector → % change of real absorption, for the regions and sectors asked for. */
  absorption: Record<string, Record<string, number>>;
}

/**
 * % change of real absorption of sectors `js` (one sector, or a group valued at baseline prices),
 * pooled over regions `ns`.
 */
function absorptionPct(ge: GeRun, ns: readonly number[], js: readonly number[]): number {
  const J = ge.baseline.J;
  let x0 = 0,
    x1 = 0;
  for (const n of ns)
    for (const j of js) {
      x0 += ge.baseline.X[n * J + j];
      x1 += ge.solution.X[n * J + j] / Math.exp(ge.solution.lP[n * J + j]);
    }
  return x0 > 0 ? 100 * (x1 / x0 - 1) : 0;
}

/**
 * The objective of one government on a solved deal. A group (EU) pools its members' real incomes,
 * Σ I'_n/P̂_n ÷ Σ I_n − 1 = the members' changes weighted by baseline income (as strategy players do).
 */
function objectiveValue(o: ResolvedObjective, r: ModelResult, ge: GeRun | undefined, codes: readonly string[]): number {
  const field = o.measure === 'welfare' ? 'welfare_pct' : 'real_income_pct';
  let v: number;
  if (o.members.length === 1 && codes[o.members[0]] === o.region) v = r.countries[o.region]?.[field] ?? NaN;
  else {
    if (!ge) throw new TypeError(msg.multiSectorModel(o.name));
    const I = baselineIncomes(ge.baseline);
    let s = 0,
      w = 0;
    for (const n of o.members) {
      s += I[n] * (r.countries[codes[n]]?.[field] ?? NaN);
      w += I[n];
    }
    v = s / w;
  }
  for (const s of o.security) {
    if (!ge) throw new TypeError(msg.multiSectorModel(o.name));
    v += s.weight * absorptionPct(ge, s.regions, s.sectors);
  }
  return v;
}

/** Solver of a trade spec (the dataset is loaded once; the model caches its calibrated baseline). */
export interface TradeSolver {
  evaluate(values: ArrayLike<number>, warm?: unknown): DealEval;
  solveFull(
    values: ArrayLike<number>,
    absorption?: { regions: string[]; sectors: string[] },
    warm?: unknown,
  ): DealSolve;
}

/**
 * Builds the solver of a trade spec.
 *
 * @example
 * const s = makeTradeSolver(spec);
 * s.evaluate([0, 0.25]).objectives; // [US objective %, China objective %, …]
 */
export function makeTradeSolver(spec: TradeSpec): TradeSolver {
  const d = loadDataset(spec.dataset);
  const model = MODEL_SPECS[spec.scenario.model];
  const run = (values: ArrayLike<number>, warm?: unknown) => {
    const solved = model.solve(d, spec.scenario, dealPolicy(spec.base, spec.issues, values), warm);
    const r = solved.result;
    const objectives = Float64Array.from(spec.objectives, (o) => objectiveValue(o, r, solved.ge, d.regions));
    const e: DealEval = {
      status: r.status,
      objectives,
      iterations: r.iterations,
      residual: r.residual,
      warm: solved.warm,
    };
    return { e, solved };
  };
  return {
    evaluate: (values, warm) => run(values, warm).e,
    solveFull(values, absorption, warm) {
      const { e, solved } = run(values, warm);
      const out: Record<string, Record<string, number>> = {};
      if (absorption && solved.ge) {
        for (const reg of absorption.regions) {
          const n = d.regions.indexOf(reg);
          if (n < 0) continue;
          out[reg] = {};
          for (const sec of absorption.sectors) {
            const j = d.sectors.indexOf(sec);
            const js = j >= 0 ? [j] : (d.manifest.sector_groups?.[sec] ?? []).map((c) => d.sectors.indexOf(c));
            if (js.length) out[reg][sec] = absorptionPct(solved.ge, [n], js);
          }
        }
      }
      return { ...e, result: solved.result, absorption: out };
    },
  };
}
