/** What every scenario handler's quick check reports for the run record. */
import type { RunCheck } from '../../contract/run.ts';
import type { Dataset } from '../../data/dataset.ts';

/**
 * The run record's name, model, dataset and version of a scenario checked against its dataset
 * (`name`: the sweep's own name for a sweep, else the scenario's).
 *
 * @example
 * ```ts
 * check: (input, label) => {
 *   const p = parseServedScenario(input, label);
 *   return runCheck(p.scenario, checkScenario(p).dataset);
 * }
 * ```
 */
export function runCheck(scenario: { name: string; model: string }, dataset: Dataset, name = scenario.name): RunCheck {
  return { name, model: scenario.model, dataset: dataset.manifest.id, dataset_version: dataset.manifest.version };
}
