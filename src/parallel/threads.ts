/**
 * One way to start worker threads: a fixed-size piscina pool whose workers boot through
 * worker-boot.mjs (from the sources it registers tsx — on Node 20 neither tsx's --import nor loader
 * hooks of the main thread reach worker threads — then imports the given module, the .js twin of the
 * .ts file when running compiled, and uses its default export as the task handler). Used by the
 * run executor, strategy solves and trade-deal maps.
 *
 * Worker modules read their data from `workerData` of node:worker_threads, and must not import
 * this file or piscina: piscina loaded in a worker slows its solves by ~20% (strategy bench).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runnableUrl } from './module-url.ts';

/** Options of {@link ThreadPool}. */
export interface ThreadOptions {
  /** Worker threads (fixed: they start at once and live until close); default cores − 1, at least 1. */
  threads?: number;
  /** The workers' `workerData` (structured-cloned once into each worker). */
  data?: unknown;
}

/** Per-task options of {@link ThreadPool.run} (piscina's transferList and signal). */
export type RunOptions = Pick<NonNullable<Parameters<Piscina['run']>[1]>, 'transferList' | 'signal'>;

/**
 * A pool of worker threads running the default export of one TypeScript module.
 *
 * @example
 * ```ts
 * const pool = new ThreadPool<Task, Out>(new URL('../exec/worker.ts', import.meta.url), { threads: 2, data: spec });
 * const out = await pool.run(task);
 * await pool.close();
 * ```
 */
export class ThreadPool<Task, Out> {
  readonly #pool: Piscina<Task, Out>;

  constructor(module: URL, opts: ThreadOptions = {}) {
    const threads = opts.threads ?? Math.max(1, availableParallelism() - 1);
    this.#pool = new Piscina({
      filename: new URL('./worker-boot.mjs', import.meta.url).href,
      // The last argument of the worker's process.argv is what worker-boot.mjs loads (the .js twin of a
      // .ts module when running compiled).
      argv: [runnableUrl(module).href],
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Infinity,
      workerData: opts.data,
    });
  }

  /** Runs one task on the next free worker. */
  run(task: Task, opts: RunOptions = {}): Promise<Out> {
    return this.#pool.run(task, opts);
  }

  /** Stops the workers (tasks still queued or running are rejected). */
  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}
