/**
 * Runs a gravity scenario: the PPML estimate, then the GE counterfactual of the estimated effect
 * for each imbalance treatment. The result shape (docs/gravity.md):
 *   estimates.<regressor>.{coef, se}, estimates._cons, converged, iterations, estimation{…},
 *   ge.{year, theta, shock, imbalances, status, iterations, countries.<code>.welfare_factor…, flows},
 *   ge.<other treatment>.{status, iterations, countries, flows}, bands (bootstrap, when run).
 */
import { ppml, type PpmlFit } from '../../model/gravity/ppml.ts';
import { geGravity, type GeResult } from '../../model/gravity/ge.ts';
import type { GravityPrepared } from './prepare.ts';
import type { Provenance } from '../../contract/result.ts';
import { gravityProvenance } from '../provenance.ts';

/** One country's GE outcome (factors: new / old). */
export interface GeCountry {
  welfare_factor: number;
  real_wage_factor: number;
  nominal_wage_factor: number;
  price_index_factor: number;
}

/** One imbalance treatment's GE outcome. */
export interface GeTreatment {
  status: 'converged' | 'not-converged';
  iterations: number;
  residual: number;
  countries: Record<string, GeCountry>;
  /** New flows keyed "EXPORTER->IMPORTER". */
  flows: Record<string, number>;
}

export type GeSection = GeTreatment & {
  year: string | null;
  theta: number;
  imbalances: 'additive' | 'multiplicative';
  shock: { regressor: string; coefficient: number; pairs_shocked: number };
} & Partial<Record<'additive' | 'multiplicative', GeTreatment>>;

export interface GravityResult {
  kind: 'gravity';
  name: string;
  status: 'converged' | 'not-converged';
  converged: boolean;
  message: string;
  iterations: number;
  estimates: Record<string, { coef: number | null; se: number | null; omitted?: true }>;
  estimation: {
    observations: number;
    dropped: PpmlFit['dropped'];
    /** False when the ReLU separation check stopped at its cap: separated zeros may remain. */
    separation_checked: boolean;
    fixed_effects: string[];
    vce: string;
    clusters: number | null;
    deviance: number;
    inner_iterations: number;
    tolerance: number;
    seconds: number;
  };
  ge?: GeSection;
  bands?: unknown;
  seconds: number;
  provenance: Provenance;
}

const num = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Fits the scenario's PPML (optionally with bootstrap frequency weights and a start, no standard errors). */
export function estimate(p: GravityPrepared, weights?: Float64Array, start?: Float64Array): PpmlFit {
  const e = p.scenario.estimate;
  return ppml(weights ? { ...p.problem, weights } : p.problem, {
    ...(start ? { start } : {}),
    tolerance: e.tolerance,
    maxIterations: e.max_iterations,
    separation: e.separation,
    vce: weights ? 'none' : p.problem.cluster ? 'cluster' : 'robust',
  });
}

/** Solves the GE of coefficient `b` on the scenario's shock for one treatment of imbalances. */
export function counterfactual(p: GravityPrepared, b: number, imbalances: 'additive' | 'multiplicative'): GeResult {
  const ge = p.ge!;
  const N = ge.countries.length;
  const beta = new Float64Array(N * N);
  for (let c = 0; c < N * N; c++) beta[c] = b * ge.delta[c];
  return geGravity({
    n: N,
    flows: ge.flows,
    beta,
    theta: p.scenario.counterfactual!.theta,
    imbalances,
    tolerance: p.scenario.counterfactual!.tolerance,
  });
}

/** The coefficient the GE uses: the scenario's override or the estimate. */
function shockCoefficient(p: GravityPrepared, fit: PpmlFit): number {
  const cf = p.scenario.counterfactual!;
  return cf.shock.coefficient ?? fit.coef[p.ge!.regressorIndex];
}

function treatment(p: GravityPrepared, r: GeResult): GeTreatment {
  const { countries } = p.ge!;
  const N = countries.length;
  const out: GeTreatment = {
    status: r.status,
    iterations: r.iterations,
    residual: r.residual,
    countries: {},
    flows: {},
  };
  countries.forEach((c, i) => {
    out.countries[c] = {
      welfare_factor: r.welfare[i],
      real_wage_factor: r.realWage[i],
      nominal_wage_factor: r.nominalWage[i],
      price_index_factor: r.priceIndex[i],
    };
  });
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) out.flows[`${countries[i]}->${countries[j]}`] = r.flows[i * N + j];
  return out;
}

/**
 * Estimates and solves the counterfactual of a prepared scenario (no bootstrap).
 *
 * @example
 * ```ts
 * const r = runGravity(prepareGravity(scenario, readPanel(scenario), file));
 * r.estimates.eu_enlargement.coef; r.ge?.countries.HUN.welfare_factor;
 * ```
 */
export function runGravity(p: GravityPrepared): GravityResult {
  const t0 = performance.now();
  const s = p.scenario;
  const fit = estimate(p);
  const t1 = performance.now();
  const estimates: GravityResult['estimates'] = {};
  s.estimate.regressors.forEach((r, c) => {
    estimates[r] = fit.omitted[c]
      ? { coef: null, se: null, omitted: true }
      : { coef: num(fit.coef[c]), se: num(fit.se[c]) };
  });
  estimates._cons = { coef: num(fit.constant), se: num(fit.constantSe) };
  const result: GravityResult = {
    kind: 'gravity',
    name: s.name,
    status: fit.status,
    converged: fit.status === 'converged',
    message: fit.message,
    iterations: fit.iterations,
    estimates,
    estimation: {
      observations: fit.nobs,
      dropped: fit.dropped,
      separation_checked: fit.separationChecked,
      fixed_effects: p.problem.factors.map((f) => f.name),
      vce: p.vceLabel,
      clusters: fit.clusters ?? null,
      deviance: fit.deviance,
      inner_iterations: fit.innerIterations,
      tolerance: s.estimate.tolerance,
      seconds: (t1 - t0) / 1000,
    },
    seconds: 0,
    provenance: gravityProvenance(
      p.data,
      { ...s.estimate, ...(s.counterfactual ? { counterfactual: s.counterfactual } : {}) },
      s.counterfactual ? [{ name: 'theta', value: s.counterfactual.theta, source: 'counterfactual.theta' }] : [],
    ),
  };
  if (p.ge && fit.status === 'converged') {
    const cf = s.counterfactual!;
    const b = shockCoefficient(p, fit);
    const [first, ...rest] = cf.imbalances;
    const main = treatment(p, counterfactual(p, b, first));
    const ge: GeSection = {
      year: p.ge.year ?? null,
      theta: cf.theta,
      imbalances: first,
      shock: { regressor: cf.shock.regressor, coefficient: b, pairs_shocked: p.ge.shocked },
      ...main,
    };
    for (const t of rest) ge[t] = treatment(p, counterfactual(p, b, t));
    result.ge = ge;
    const geOk = [main, ...rest.map((t) => ge[t]!)].every((t) => t.status === 'converged');
    if (!geOk) {
      result.status = 'not-converged';
      result.converged = false;
      result.message += '; the GE counterfactual did not converge';
    }
  }
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
