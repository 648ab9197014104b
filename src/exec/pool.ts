/**
 * The worker-pool executor: jobs run in piscina worker threads, so a long solve never blocks the
 * server's event loop. Workers load the TypeScript modules through tsx (see worker-boot.mjs).
 */
import { MessageChannel } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { JobAbortedError, type ExecEvent, type Executor, type Job } from './types.ts';
import type { WorkerTask } from './worker.ts';

/** Options of {@link PoolExecutor}. */
export interface PoolOptions {
  /** Worker threads; default: available cores − 1, at least 1. */
  threads?: number;
  /** Dataset ids every worker loads at start (default none: loaded on first use, then cached). */
  preload?: string[];
}

/**
 * Executor backed by a piscina pool of worker threads.
 *
 * @example
 * ```ts
 * const ex = new PoolExecutor({ threads: 2, preload: ['cp2015'] });
 * const result = await ex.submit(job, (e) => console.log(e));
 * await ex.close();
 * ```
 */
export class PoolExecutor implements Executor {
  readonly #pool: Piscina<WorkerTask, unknown>;

  constructor(opts: PoolOptions = {}) {
    const threads = opts.threads ?? Math.max(1, availableParallelism() - 1);
    this.#pool = new Piscina({
      // A JS bootstrap that registers tsx in the worker, then loads worker.ts.
      filename: new URL('./worker-boot.mjs', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Infinity,
      workerData: { preload: opts.preload ?? [] },
    });
  }

  async submit(job: Job, onEvent: (e: ExecEvent) => void, signal?: AbortSignal): Promise<unknown> {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (e: ExecEvent) => onEvent(e));
    try {
      return await this.#pool.run({ job, port: port2 }, { transferList: [port2], signal: signal ?? null });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw new JobAbortedError(job.id);
      throw e;
    } finally {
      // Let queued messages (the last progress events) arrive before closing our end.
      setImmediate(() => port1.close());
    }
  }

  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}
