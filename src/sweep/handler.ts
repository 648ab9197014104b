/**
 * The `sweep` run kind of the API (POST /api/runs with kind sweep): the input is a sweep file
 * (docs/scale.md) whose scenario is an embedded scenario id or written inline, read as a server
 * reads input (datasets by id only, at most SERVED_LIMITS runs). The run service calls `fanOut` with
 * its own executor, so the draws spread over the thread pool or the queue's workers; progress comes
 * once per finished run, with the runs done, failed and an estimated time left.
 */
import type { FanOutContext, ProgressFn, RunHandler } from '../contract/run.ts';
import { InlineExecutor } from '../exec/inline.ts';
import { runCheck } from '../exec/handlers/run-check.ts';
import { moduleUrl } from '../parallel/module-url.ts';
import { parseServedScenario } from '../scenario/served.ts';
import { scenarioDataset } from '../scenario/solve.ts';
import * as msg from '../spec/messages/exec.ts';
import { parseSweepText } from './plan.ts';
import { runSweep, type SweepResult } from './run.ts';

/** URL of this module, to register the `sweep` kind (HandlerRegistry holds module URLs). */
export const SWEEP_HANDLER = moduleUrl('./handler.ts', import.meta.url).href;

/** A duration as people say it: 45 s, 3 min, 1 h 20 min. */
function duration(s: number): string {
  if (s < 90) return `${Math.max(1, Math.round(s))} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

/**
 * The sweep's progress callback: one event per finished run, with an estimated time left from the
 * mean time per run so far.
 */
function sweepProgress(
  progress: ProgressFn,
  now: () => number = () => performance.now(),
): (done: number, total: number, failed: number) => void {
  const t0 = now();
  return (done, total, failed) => {
    const elapsed = (now() - t0) / 1000;
    const eta = done > 0 && done < total ? (elapsed / done) * (total - done) : done === total ? 0 : undefined;
    progress({
      fraction: total ? done / total : 1,
      message: msg.progress.sweep(done, total, failed, eta !== undefined && done < total ? duration(eta) : undefined),
      done,
      total,
      failed,
      ...(eta !== undefined ? { eta_seconds: Math.round(eta) } : {}),
    });
  };
}

function sweep(input: string, ctx: FanOutContext): Promise<SweepResult> {
  const plan = parseSweepText(input, 'sweep', { served: true });
  return runSweep(plan, ctx.executor, {
    inFlight: ctx.inFlight,
    signal: ctx.signal,
    onProgress: sweepProgress(ctx.progress),
  });
}

/**
 * Handler of `sweep` runs; the result is the SweepResult of `lancaster sweep --json` (points[] with
 * result and bands).
 */
export const handler: RunHandler = {
  check(input, label) {
    const plan = parseSweepText(input, label, { served: true });
    const p = parseServedScenario(plan.scenarioText(0, null), plan.scenarioFile);
    return runCheck(p.scenario, scenarioDataset(p), plan.spec.name);
  },
  async run(input, progress) {
    const executor = new InlineExecutor();
    try {
      return await sweep(input, { executor, progress, signal: new AbortController().signal, inFlight: 1 });
    } finally {
      await executor.close();
    }
  },
  fanOut: sweep,
};
