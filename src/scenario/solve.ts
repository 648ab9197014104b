/**
 * Solves a parsed scenario: picks the model and dataset, turns the policy into tariff factors,
 * and returns the contract result. Problems in the scenario become ScenarioErrors with their
 * line and column; numerical trouble is a `not-converged` result.
 */
import type { SolveResult } from '../contract/result.ts';
import { provenanceOf } from './provenance.ts';
import type { Dataset } from '../data/dataset.ts';
import { loadDataset } from '../data/load.ts';
import { DataError } from '../data/errors.ts';
import { PolicyError } from '../policy/errors.ts';
import { ScenarioError } from '../spec/errors.ts';
import { MODEL_SPECS, type PolicyState, type SolveHooks, type Solved } from '../model/registry.ts';
import { capacityOf, policyStart } from '../policy/fold.ts';
import { timelineStates } from './timeline.ts';
import { reportCodeIssues } from './reportCodes.ts';
import type { ParsedScenario } from './parse.ts';
import * as msg from '../spec/messages/scenario.ts';

function fail(p: ParsedScenario, path: (string | number)[], message: string): never {
  throw new ScenarioError(p.file, [{ path, message, ...p.locate(path) }]);
}

/** The dataset a scenario names (or its model's default), checked against the model's layout. */
export function scenarioDataset(p: ParsedScenario): Dataset {
  const s = p.scenario;
  const spec = MODEL_SPECS[s.model];
  let d: Dataset;
  try {
    d = loadDataset(s.dataset ?? spec.defaultDataset);
  } catch (e) {
    if (e instanceof DataError) fail(p, ['dataset'], e.message);
    throw e;
  }
  if (d.manifest.layout !== spec.layout)
    fail(p, ['dataset'], msg.datasetLayoutModel(spec.layout, s.model, d.manifest.id, d.manifest.layout));
  return d;
}

/** Runs `f`, turning a PolicyError into a ScenarioError at the entry's line and column. */
function atPolicy<T>(p: ParsedScenario, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PolicyError) fail(p, e.path, e.message);
    throw e;
  }
}

/** The scenario's policy as model input (the one policy fold, src/policy/fold.ts): τ' = 1 + t' and export controls. */
export function policyState(p: ParsedScenario, d: Dataset): PolicyState {
  return atPolicy(p, () => policyStart(d, MODEL_SPECS[p.scenario.model], p.scenario));
}

/** The scenario's capacity bounds as the fold resolves them (every state of the scenario carries them). */
export function scenarioCapacity(p: ParsedScenario, d: Dataset): PolicyState['capacity'] {
  return atPolicy(p, () => capacityOf(d, MODEL_SPECS[p.scenario.model], p.scenario));
}

/**
 * Validates a parsed scenario against its dataset without solving (what `lancaster validate` does):
 * codes, sectors, schedules, timeline steps and the report's codes. Throws ScenarioError with places.
 *
 * @example
 * ```ts
 * const { dataset } = checkScenario(readScenarioFile('scenarios/nafta-cp2015.yaml'));
 * dataset.manifest.id; // 'cp2015'
 * ```
 */
export function checkScenario(p: ParsedScenario): { dataset: Dataset; state: PolicyState } {
  const dataset = scenarioDataset(p);
  const report = reportCodeIssues(dataset, p.scenario.report, MODEL_SPECS[p.scenario.model].resultGroups);
  if (report.length)
    throw new ScenarioError(
      p.file,
      report.map((i) => ({ ...i, ...p.locate(i.path) })),
    );
  const state = policyState(p, dataset);
  if (p.scenario.timeline) atPolicy(p, () => timelineStates(p, dataset));
  return { dataset, state };
}

/**
 * Solves the scenario's counterfactual with its model and dataset. Check `status` before reading
 * numbers: a result that did not converge is returned as such, never as an answer.
 *
 * @example
 * ```ts
 * const r = solveScenario(readScenarioFile('scenarios/nafta-cp2015.yaml'));
 * r.status;                    // 'converged'
 * r.countries.MEX.welfare_pct; // ≈ 1.31 (Caliendo & Parro 2015, Table 2)
 * r.provenance.dataset.hash;   // what it was computed from
 * ```
 */
export function solveScenario(p: ParsedScenario, hooks?: SolveHooks): SolveResult {
  const solved = solveScenarioDetailed(p, hooks);
  return { ...solved.result, provenance: provenanceOf(solved.dataset, p.scenario) };
}

/** Solves the scenario's counterfactual, keeping the model's detail (sector results, warm start). */
export function solveScenarioDetailed(p: ParsedScenario, hooks?: SolveHooks): Solved & { dataset: Dataset } {
  const { dataset, state } = checkScenario(p);
  try {
    return { ...MODEL_SPECS[p.scenario.model].solve(dataset, p.scenario, state, undefined, hooks), dataset };
  } catch (e) {
    if (e instanceof PolicyError) fail(p, e.path, e.message);
    throw e;
  }
}
