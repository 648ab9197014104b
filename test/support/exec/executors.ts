/**
 * TEST ONLY: the executors every executor spec runs against — inline, worker threads, and the
 * BullMQ queue with an in-process queue worker on a test Redis (LANCASTER_TEST_REDIS_URL from
 * .ci/run, else a redis-server started here). The queue entry is skipped, with its reason, only
 * when no redis-server binary exists.
 */
import { randomUUID } from 'node:crypto';
import { InlineExecutor } from '../../../src/exec/inline.ts';
import { PoolExecutor } from '../../../src/exec/pool.ts';
import { QueueExecutor } from '../../../src/exec/queue.ts';
import { startQueueWorker, type RunningWorker } from '../../../src/exec/queue-worker.ts';
import { redisSkipReason, startTestRedis, type TestRedis } from './redis-server.ts';
import type { Executor } from '../../../src/contract/run.ts';

/** One executor under test: `make()` once per suite, `cleanup()` after it. */
export interface ExecutorCase {
  name: string;
  skip?: string;
  make(): Promise<Executor>;
  cleanup(): Promise<void>;
}

/** Inline, threads (1 thread, cp2015 preloaded) and queue. */
export function executorCases(): ExecutorCase[] {
  let pool: Executor | undefined;
  let inline: Executor | undefined;
  let redis: TestRedis | undefined;
  let worker: RunningWorker | undefined;
  let queue: QueueExecutor | undefined;
  return [
    { name: 'inline', make: async () => (inline = new InlineExecutor()), cleanup: async () => inline?.close() },
    {
      name: 'threads',
      make: async () => (pool = new PoolExecutor({ threads: 1, preload: ['cp2015'] })),
      cleanup: async () => pool?.close(),
    },
    {
      name: 'queue',
      skip: redisSkipReason(),
      make: async () => {
        let url = process.env.LANCASTER_TEST_REDIS_URL;
        if (!url) {
          redis = await startTestRedis();
          url = redis.url;
        }
        const name = `test-${randomUUID().slice(0, 8)}`;
        worker = await startQueueWorker({ url, queue: name, executor: new InlineExecutor(), log: () => {} });
        queue = new QueueExecutor({ url, queue: name, backoffMs: 100 });
        await queue.ready();
        return queue;
      },
      cleanup: async () => {
        await queue?.close();
        await worker?.close();
        await redis?.stop();
      },
    },
  ];
}
