/**
 * The `timeline` run: parse the scenario, check every step against the dataset, solve each step
 * warm-started from the previous one, reporting progress per step. Same code as `lancaster run`.
 */
import { parseServedScenario } from '../../scenario/served.ts';
import { checkScenario } from '../../scenario/solve.ts';
import { runTimeline } from '../../scenario/runTimeline.ts';
import type { RunHandler } from '../../contract/run.ts';
import { runCheck } from './run-check.ts';
import * as msg from '../../spec/messages/exec.ts';
import type { IterationFn } from '../../model/result.ts';
import { iterationProgress } from '../progress.ts';

/** Handler of `timeline` runs; the result is the TimelineRun (contract `steps: [{date, label, countries}]`). */
export const handler: RunHandler = {
  check(input, label) {
    const p = parseServedScenario(input, label);
    if (!p.scenario.timeline) throw new RangeError(msg.noTimelineSection());
    const { dataset } = checkScenario(p);
    return runCheck(p.scenario, dataset);
  },
  async run(input, progress) {
    const p = parseServedScenario(input, 'scenario');
    // Each step's iterations move the fraction within the step's share.
    let onIteration: IterationFn = () => {};
    return runTimeline(p, {
      onStep: (k, total, label) => {
        progress({ fraction: k / total, message: label });
        onIteration = iterationProgress(progress, { from: k / total, to: (k + 1) / total, label });
      },
      onIteration: (it, r, tol) => onIteration(it, r, tol),
    });
  },
};
