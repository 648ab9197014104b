/**
 * The `strategy` run: best responses, trade wars or trade talks of a scenario's `strategy:`
 * section, as `lancaster strategy --json` prints them. Runs inline in the executor's worker
 * (no nested worker pool), so one strategy run occupies one executor thread.
 */
import { parseServedScenario } from '../../scenario/served.ts';
import { prepareStrategy } from '../../strategy/check.ts';
import { runStrategy, strategyResult } from '../../strategy/run.ts';
import { provenanceOf } from '../../scenario/provenance.ts';
import type { RunHandler } from '../../contract/run.ts';
import { runCheck } from './run-check.ts';
import * as msg from '../../spec/messages/exec.ts';

/** Handler of `strategy` runs; the result is the solve contract plus policy, objectives, converged and solve counts. */
export const handler: RunHandler = {
  check(input, label) {
    const p = parseServedScenario(input, label);
    if (!p.scenario.strategy) throw new RangeError(msg.noStrategySection());
    const { dataset } = prepareStrategy(p);
    return runCheck(p.scenario, dataset);
  },
  async run(input, progress) {
    const p = parseServedScenario(input, 'scenario');
    const prepared = prepareStrategy(p);
    prepared.strategy.options.workers = 0;
    progress({
      fraction: 0.05,
      message: msg.progress.strategy(prepared.strategy.kind, prepared.spec.instruments.length),
    });
    const o = await runStrategy(prepared.spec, prepared.strategy);
    const json = strategyResult(o, provenanceOf(prepared.dataset, p.scenario));
    progress({ fraction: 1, message: json.status });
    return json;
  },
};
