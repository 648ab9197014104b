/**
 * The worker-pool executor: jobs run in worker threads (threads.ts), so a long solve never blocks
 * the server's event loop.
 */
import { MessageChannel } from 'node:worker_threads';
import { ThreadPool } from '../parallel/threads.ts';
import { JobAbortedError, type ExecEvent, type Executor, type Job } from '../contract/run.ts';
import type { PortMessage, WorkerData, WorkerTask } from './worker.ts';

/** How long a failed job's end waits for its last events (a worker that died never posts `end`). */
const DRAIN_MS = 1000;

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
    // The worker posts `end` after the job's last event (worker.ts). The result comes on the pool's
    // own port, which this thread may read first (both wait when it was busy as the job ended): so
    // the job ends here only once `end` has come, and nothing it reported is lost behind its end.
    let ended: () => void = () => {};
    const drained = new Promise<void>((r) => {
      ended = r;
    });
    port1.on('message', (e: PortMessage) => (e.type === 'end' ? ended() : onEvent(e)));
    try {
      const out = await this.#pool.run({ job, port: port2 }, { transferList: [port2], signal });
      await drained;
      return out;
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw new JobAbortedError(job.id);
      // A failed job's last events too (its worker posted `end` in its finally, unless it died).
      await Promise.race([drained, new Promise((r) => setTimeout(r, DRAIN_MS).unref())]);
      throw e;
    } finally {
      port1.close();
    }
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }
}
