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
import { applyTariffs } from '../policy/tariffs.ts';
import { PolicyError } from '../policy/errors.ts';
import { ScenarioError } from '../spec/errors.ts';
import { MODEL_SPECS, type PolicyState, type SolveHooks, type Solved } from '../model/registry.ts';
import { resolveControls, NO_CONTROLS } from '../policy/controls.ts';
import { timelineStates } from './timeline.ts';
import { reportCodeIssues } from './reportCodes.ts';
import type { ParsedScenario } from './parse.ts';
import type { TariffEntry } from '../spec/scenario.ts';

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
  if (d.manifest.layout !== spec.layout) fail(p, ['dataset'], `expected a dataset with the ${spec.layout} layout for model ${s.model}, found ${d.manifest.id} (${d.manifest.layout})`);
  return d;
}

/** The scenario's policy as model input: τ' = 1 + t' from the dataset's baseline, and export controls. */
export function policyState(p: ParsedScenario, d: Dataset): PolicyState {
  const s = p.scenario;
  const spec = MODEL_SPECS[s.model];
  const base = Float64Array.from(d.tariff, (t) => 1 + t);
  const tau = Float64Array.from(base);
  let controls = NO_CONTROLS;
  try {
    if (s.policy.export_controls?.length) {
      if (!spec.controls) throw new PolicyError(['policy', 'export_controls'], `expected no export controls: model ${s.model} cannot apply them (use model multisector)`);
      controls = resolveControls(d, s.policy.export_controls, ['policy', 'export_controls']);
    }
    let entries: TariffEntry[] = [];
    if (s.policy.preset !== undefined) {
      const cases = spec.policyPresets ?? {};
      const c = cases[s.policy.preset];
      if (!c) throw new PolicyError(['policy', 'preset'], `expected a policy preset of model ${s.model} (${Object.keys(cases).join(', ') || 'none'}), found "${s.policy.preset}"`);
      entries = c.map((e) => ({ ...e }));
      applyTariffs(d, tau, entries, { addTo: base, preset: spec.preset?.(d, s), path: ['policy', 'preset'] });
    }
    applyTariffs(d, tau, s.policy.tariffs ?? [], { addTo: base, preset: spec.preset?.(d, s), path: ['policy', 'tariffs'] });
  } catch (e) {
    if (e instanceof PolicyError) fail(p, e.path, e.message);
    throw e;
  }
  return { tau, controls };
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
  if (report.length) throw new ScenarioError(p.file, report.map((i) => ({ ...i, ...p.locate(i.path) })));
  const state = policyState(p, dataset);
  if (p.scenario.timeline) {
    try {
      timelineStates(p, dataset);
    } catch (e) {
      if (e instanceof PolicyError) fail(p, e.path, e.message);
      throw e;
    }
  }
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
