/**
 * The executor of a CLI command: the BullMQ queue when given --redis URL (or LANCASTER_REDIS_URL),
 * worker threads otherwise.
 */
import { InvalidArgumentError } from '@commander-js/extra-typings';
import type { Executor } from '../contract/run.ts';
import * as msg from '../spec/messages/reasons.ts';

/** Options shared by commands that can run on the queue. */
export interface ExecutorFlags {
  redis?: string;
  queue?: string;
  threads?: number;
}

/** The executor and its name ("queue redis://…" or "threads ×N"). */
export async function cliExecutor(
  flags: ExecutorFlags,
  log: (s: string) => void,
): Promise<{ executor: Executor; name: string }> {
  const url = flags.redis ?? process.env.LANCASTER_REDIS_URL;
  if (url) {
    const { QueueExecutor } = await import('../exec/queue.ts');
    const { redactUrl } = await import('../exec/redis.ts');
    const ex = new QueueExecutor({ url, queue: flags.queue, log });
    await ex.ready();
    return { executor: ex, name: `queue ${ex.name} at ${redactUrl(url)}` };
  }
  const { availableParallelism } = await import('node:os');
  const { PoolExecutor } = await import('../exec/pool.ts');
  const threads = flags.threads ?? Math.max(1, availableParallelism());
  return { executor: new PoolExecutor({ threads }), name: `threads ×${threads}` };
}

/** Parses a positive integer option (commander exits 2 otherwise). */
export function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(msg.positiveWholeNumber(v));
  return n;
}
