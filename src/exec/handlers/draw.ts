/**
 * A sweep draw: the scenario (with its drawn parameters written in) solved — its timeline when it
 * has one — and reduced to its reported measures (src/scenario/reported.ts), so that a thousand
 * draws fit in memory and in Redis.
 */
import { parseServedScenario } from '../../scenario/served.ts';
import { checkScenario, scenarioDataset, solveScenario } from '../../scenario/solve.ts';
import { runTimeline } from '../../scenario/runTimeline.ts';
import { solveMeasures, timelineMeasures } from '../../scenario/reported.ts';
import type { RunHandler } from '../../contract/run.ts';
import { runCheck } from './run-check.ts';
import * as msg from '../../spec/messages/exec.ts';

/** Handler of sweep draws; the result is the Measures of the run. */
export const handler: RunHandler = {
  check(input, label) {
    const p = parseServedScenario(input, label);
    const { dataset } = checkScenario(p);
    return runCheck(p.scenario, dataset);
  },
  async run(input, progress) {
    const p = parseServedScenario(input, 'scenario');
    if (!p.scenario.timeline) {
      progress({ fraction: 0.1, message: msg.progress.solving(p.scenario.model) });
      const r = solveScenario(p);
      progress({ fraction: 1, message: r.status });
      return solveMeasures(r, p.scenario, scenarioDataset(p).manifest.groups);
    }
    // runTimeline checks every step against the dataset itself (as the timeline handler's run does);
    // a checkScenario first would fold the whole timeline twice (~15% of a 2025-replay draw).
    const t = runTimeline(p, { onStep: (k, total, label) => progress({ fraction: k / total, message: label }) });
    progress({ fraction: 1, message: t.status });
    return timelineMeasures(t, p.scenario, scenarioDataset(p).manifest.groups);
  },
};
