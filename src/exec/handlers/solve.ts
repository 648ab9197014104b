/**
 * The `solve` run: parse the scenario text, check it against its dataset, solve the counterfactual.
 * Same parser, schema and messages as `lancaster solve`.
 */
import { parseServedScenario } from '../../scenario/served.ts';
import { checkScenario, solveScenario } from '../../scenario/solve.ts';
import type { RunHandler } from '../../contract/run.ts';
import { runCheck } from './run-check.ts';
import * as msg from '../../spec/messages/exec.ts';
import { iterationProgress } from '../progress.ts';

/**
 * Handler of `solve` runs; the result is the ModelResult of scenario-format.md. Progress: per step,
 * then the solver's iterations (throttled).
 */
export const handler: RunHandler = {
  check(input, label) {
    const p = parseServedScenario(input, label);
    const { dataset } = checkScenario(p);
    return runCheck(p.scenario, dataset);
  },
  async run(input, progress) {
    progress({ fraction: 0.05, message: msg.progress.parsing });
    const p = parseServedScenario(input, 'scenario');
    progress({ fraction: 0.1, message: msg.progress.solving(p.scenario.model) });
    const r = solveScenario(p, {
      onIteration: iterationProgress(progress, { label: msg.progress.solving(p.scenario.model) }),
    });
    progress({ fraction: 1, message: r.status });
    return r;
  },
};
