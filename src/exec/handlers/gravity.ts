/**
 * The `gravity` run: PPML with fixed effects, the GE counterfactual and (when the scenario asks)
 * the pairs bootstrap, as `lancaster gravity --json` prints it. The data file is read from the
 * data folder only. The bootstrap runs its chunks inline in this worker (no nested pool).
 */
import { loadGravity, parseGravityText } from '../../scenario/gravity/parse.ts';
import { runGravity } from '../../scenario/gravity/run.ts';
import { bootstrapGravity } from '../gravityBootstrap.ts';
import { InlineExecutor } from '../inline.ts';
import type { RunHandler } from '../../contract/run.ts';
import * as msg from '../../spec/messages/exec.ts';

/** Handler of `gravity` runs; the result is a GravityResult (docs/gravity.md). */
export const handler: RunHandler = {
  check(input, label) {
    const p = loadGravity(input, label);
    return { name: p.scenario.name, model: 'gravity', dataset: p.scenario.data.file };
  },
  async run(input, progress) {
    progress({ fraction: 0.02, message: msg.progress.reading });
    const name = parseGravityText(input, 'scenario').scenario.name;
    const p = loadGravity(input, 'scenario');
    progress({ fraction: 0.05, message: msg.progress.estimating(name) });
    const r = runGravity(p);
    if (p.scenario.bootstrap && r.converged) {
      const ex = new InlineExecutor();
      try {
        r.bands = await bootstrapGravity(ex, p, input, 'scenario', {
          progress: (q) => progress({ fraction: 0.1 + 0.9 * q.fraction, message: q.message }),
        });
      } finally {
        await ex.close();
      }
    }
    progress({ fraction: 1, message: r.status });
    return r;
  },
};
