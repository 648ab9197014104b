/**
 * The bootstrap of a gravity scenario on any executor: the replications are split into
 * `bootstrap.chunks` jobs of the `gravity-bootstrap` handler (same seed, disjoint replication
 * ranges, so the result does not depend on the split or the executor), then summarised.
 */
import { summarizeBootstrap, type BootstrapChunk, type GravityBands } from '../scenario/gravity/bootstrap.ts';
import type { GravityPrepared } from '../scenario/gravity/prepare.ts';
import { builtinHandler } from './registry.ts';
import type { Executor, ProgressFn } from '../contract/run.ts';
import * as msg from '../spec/messages/exec.ts';

/** Input of one `gravity-bootstrap` job. */
export interface BootstrapJobInput {
  text: string;
  file: string;
  /** CLI runs only: the folder `data.file` may be relative to. */
  scenarioDir?: string;
  seed: number;
  from: number;
  to: number;
}

/**
 * Runs the scenario's bootstrap section on `executor` and returns the `bands` of the result.
 *
 * @example
 * ```ts
 * const bands = await bootstrapGravity(new InlineExecutor(), prepared, text, 'eu.yaml');
 * ```
 */
export async function bootstrapGravity(
  executor: Executor,
  p: GravityPrepared,
  text: string,
  file: string,
  opts: { scenarioDir?: string; progress?: ProgressFn; signal?: AbortSignal } = {},
): Promise<GravityBands> {
  const b = p.scenario.bootstrap;
  if (!b) throw new TypeError(msg.noBootstrapSection());
  const chunks = Math.min(b.chunks, b.replications);
  const size = Math.ceil(b.replications / chunks);
  let done = 0;
  const jobs: Promise<BootstrapChunk>[] = [];
  for (let from = 0, k = 0; from < b.replications; from += size, k++) {
    const input: BootstrapJobInput = {
      text,
      file,
      seed: b.seed,
      from,
      to: Math.min(b.replications, from + size),
      ...(opts.scenarioDir ? { scenarioDir: opts.scenarioDir } : {}),
    };
    const job = {
      id: `gravity-bootstrap-${b.seed}-${k}`,
      kind: 'gravity' as const,
      module: builtinHandler('gravity-bootstrap'),
      input: JSON.stringify(input),
    };
    jobs.push(
      executor
        .submit(job, () => {}, opts.signal)
        .then((r) => {
          const chunk = r as BootstrapChunk;
          done += chunk.to - chunk.from;
          opts.progress?.({ fraction: done / b.replications, message: msg.progress.bootstrap(done, b.replications) });
          return chunk;
        }),
    );
  }
  return summarizeBootstrap(p, await Promise.all(jobs), b.seed, b.level);
}
