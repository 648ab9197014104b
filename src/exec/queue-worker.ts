/**
 * `lancaster worker`: takes jobs from this code version's BullMQ queue and runs them on a pool of
 * worker threads (so the main thread stays free to renew job locks while solves run). Before
 * computing, a worker checks the result cache (a duplicate is computed once) and that its dataset
 * has the content hash the job was keyed with (a stale dataset never answers). The result is
 * cached before the job completes, so a completed job always has its result in Redis.
 *
 * A killed worker's jobs lose their lock after `lockMs`; BullMQ's stalled-job check then hands
 * them to another worker. Failures are retried with backoff by the queue (the submitter's
 * attempts); input errors fail at once (UnrecoverableError): retrying cannot fix them.
 */
import { hostname } from 'node:os';
import { serialize } from 'node:v8';
import { UnrecoverableError, Worker, type Job as BullJob } from 'bullmq';
import { ScenarioError } from '../spec/errors.ts';
import { DataError } from '../data/errors.ts';
import { codeHash, datasetHash } from './content-hash.ts';
import { PoolExecutor } from './pool.ts';
import type { QueuedJob } from './queue.ts';
import { BULL_PREFIX, queueName, redactUrl, redisClient, bullConnection, resultKey } from './redis.ts';
import { builtinHandler } from './registry.ts';
import type { Executor } from '../contract/run.ts';
import * as msg from '../spec/messages/exec.ts';

/** Options of {@link startQueueWorker}. */
export interface WorkerOptions {
  url: string;
  /** Jobs at once = worker threads (default 1). */
  concurrency?: number;
  /** Queue base name (default "lancaster"). */
  queue?: string;
  /** Datasets each thread loads at start. */
  preload?: string[];
  /** Job lock in ms: how soon a killed worker's jobs move to another worker (default 30 000). */
  lockMs?: number;
  /** Seconds a cached result lives (default 30 days). */
  cacheTtlSeconds?: number;
  /** Run jobs with this executor instead of a thread pool (tests). */
  executor?: Executor;
  log?: (message: string) => void;
}

/** A running worker: `close()` lets running jobs finish, then stops. */
export interface RunningWorker {
  queue: string;
  id: string;
  close(): Promise<void>;
}

const INPUT_ERRORS = [ScenarioError, DataError, TypeError, RangeError];

/**
 * Starts a queue worker.
 *
 * @example
 * ```ts
 * const w = await startQueueWorker({ url: 'redis://127.0.0.1:6379', concurrency: 2 });
 * process.once('SIGTERM', () => w.close());
 * ```
 */
export async function startQueueWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const concurrency = opts.concurrency ?? 1;
  const name = queueName(opts.queue);
  const id = `${hostname()}:${process.pid}`;
  const exec = opts.executor ?? new PoolExecutor({ threads: concurrency, preload: opts.preload });
  const redis = redisClient(opts.url);
  redis.on('error', () => {});
  const ttl = opts.cacheTtlSeconds ?? 30 * 24 * 3600;
  const lockMs = opts.lockMs ?? 30_000;

  const processor = async (job: BullJob<QueuedJob>) => {
    const q = job.data;
    if (q.parts.code !== codeHash())
      throw new UnrecoverableError(msg.wrongCode(codeHash().slice(0, 12), q.parts.code.slice(0, 12)));
    if (await redis.exists(resultKey(q.key))) return { cached: true, worker: id };
    if (q.datasetId && q.parts.dataset) {
      let mine: string;
      try {
        mine = datasetHash(q.datasetId);
      } catch (e) {
        throw new UnrecoverableError(msg.workerLacksDataset(q.datasetId, id, (e as Error).message));
      }
      if (mine !== q.parts.dataset)
        throw new UnrecoverableError(
          msg.workerDatasetDiffers(q.datasetId, q.parts.dataset.slice(0, 12), mine.slice(0, 12), id),
        );
    }
    let last = 0;
    let result: unknown;
    try {
      result = await exec.submit(
        { id: q.id, kind: q.parts.kind as never, module: builtinHandler(q.parts.handler), input: q.parts.input },
        (e) => {
          if (e.type !== 'progress') return;
          const now = Date.now();
          // Solver progress is throttled; a negotiation's offers are each one move, all of them kept.
          if (!e.offer && now - last < 250 && e.fraction < 1) return;
          last = now;
          const { type: _type, ...progress } = e;
          void job.updateProgress(progress).catch(() => {});
        },
      );
    } catch (e) {
      const err = e as Error;
      if (INPUT_ERRORS.some((c) => err instanceof c) || INPUT_ERRORS.some((c) => err.name === c.name))
        throw new UnrecoverableError(`${err.name}: ${err.message}`);
      throw err;
    }
    await redis.set(resultKey(q.key), serialize(result), 'EX', ttl);
    return { cached: false, worker: id };
  };

  const worker = new Worker<QueuedJob>(name, processor, {
    connection: bullConnection(opts.url),
    prefix: BULL_PREFIX,
    name: id, // shown as a job's processedBy
    concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
    maxStalledCount: 3,
  });
  worker.on('error', (e) => log(msg.workerError(e.message)));
  worker.on('failed', (job, e) =>
    log(msg.workerAttemptFailed(job?.data.id ?? '?', String(job?.attemptsMade ?? '?'), e.message)),
  );
  await worker.waitUntilReady();
  log(msg.workerStarted(id, concurrency, name, redactUrl(opts.url)));
  return {
    queue: name,
    id,
    close: async () => {
      await worker.close();
      await exec.close();
      redis.disconnect();
    },
  };
}
