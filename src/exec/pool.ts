/**
 * The worker-pool executor: jobs run in worker threads (threads.ts), so a long solve never blocks
 * the server's event loop.
 */
import { MessageChannel } from 'node:worker_threads';
import { ThreadPool } from '../parallel/threads.ts';
import { JobAbortedError, type ExecEvent, type Executor, type Job } from '../contract/run.ts';
import type { WorkerData, WorkerTask } from './worker.ts';

/** Options of {@link PoolExecutor}. */
export interface PoolOptions {
  /** Worker threads; default: available cores − 1, at least 1. */
  threads?: number;
  /** Dataset ids every worker loads at start (default none: loaded on first use, then cached). */
  preload?: string[];
}

/**
 * Executor backed by a pool of worker threads.
 *
 * @example
 * ```ts
 * const ex = new PoolExecutor({ threads: 2, preload: ['cp2015'] });
 * const result = await ex.submit(job, (e) => console.log(e));
 * await ex.close();
 * ```
 */
export class PoolExecutor implements Executor {
  readonly #pool: ThreadPool<WorkerTask, unknown>;

  constructor(opts: PoolOptions = {}) {
    const data: WorkerData = { preload: opts.preload ?? [] };
    this.#pool = new ThreadPool(new URL('./worker.ts', import.meta.url), { threads: opts.threads, data });
  }

  async submit(job: Job, onEvent: (e: ExecEvent) => void, signal?: AbortSignal): Promise<unknown> {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (e: ExecEvent) => onEvent(e));
    try {
      return await this.#pool.run({ job, port: port2 }, { transferList: [port2], signal });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw new JobAbortedError(job.id);
      throw e;
    } finally {
      // Let queued messages (the last progress events) arrive before closing our end.
      setImmediate(() => port1.close());
    }
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }
}
