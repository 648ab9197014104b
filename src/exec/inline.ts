/**
 * The inline executor: runs jobs in this thread, one after another in submission order. For tests
 * and tiny deployments; a long solve blocks the event loop while it runs.
 */
import { JobAbortedError, type ExecEvent, type Executor, type Job } from '../contract/run.ts';
import { importHandler } from './registry.ts';
import * as msg from '../spec/messages/exec.ts';

/**
 * Executor running handlers in the calling thread.
 *
 * @example
 * ```ts
 * const ex = new InlineExecutor();
 * const result = await ex.submit(job, (e) => console.log(e));
 * ```
 */
export class InlineExecutor implements Executor {
  #tail: Promise<unknown> = Promise.resolve();
  #closed = false;

  submit(job: Job, onEvent: (e: ExecEvent) => void, signal?: AbortSignal): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error(msg.executorClosed()));
    const run = async () => {
      // Yield first so submit() returns before any work happens, as with a real queue.
      await new Promise((r) => setImmediate(r));
      if (signal?.aborted || this.#closed) throw new JobAbortedError(job.id);
      const handler = await importHandler(job.module);
      onEvent({ type: 'started' });
      return handler.run(job.input, (p) => onEvent({ type: 'progress', ...p }));
    };
    const p = this.#tail.then(run, run);
    this.#tail = p.catch(() => undefined);
    return p;
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}
