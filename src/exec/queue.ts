/**
 * The queue executor: jobs go to a BullMQ queue on Redis and run on `lancaster worker` processes
 * on any machine (queue-worker.ts). Each job is keyed by the content hash of what it computes
 * (content-hash.ts); a finished result is cached in Redis under that key, so a duplicate or
 * retried job is computed once and a cached result only ever answers its own question.
 *
 * What the submitter watches: BullMQ's queue events for progress and completion, and a poll of the
 * cache and the job every second, which also re-adds a job that vanished (Redis restarted without
 * its data). A job whose attempts are used up rejects with its error; Redis unreachable for longer
 * than `downTimeoutMs` rejects every pending job with a message saying so. Never a silent gap.
 */
import { deserialize } from 'node:v8';
import { Queue, QueueEvents, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { parseScenarioText } from '../scenario/parse.ts';
import { MODEL_SPECS } from '../model/registry.ts';
import { codeHash, datasetHash, jobKey, type KeyParts } from './content-hash.ts';
import { BULL_PREFIX, queueName, redactUrl, redisClient, bullConnection, resultKey } from './redis.ts';
import { builtinHandlerName } from './registry.ts';
import { JobAbortedError, type ExecEvent, type Executor, type Job, type OfferEvent } from '../contract/run.ts';
import * as msg from '../spec/messages/exec.ts';

/** Options of {@link QueueExecutor}. */
export interface QueueOptions {
  /** Redis URL, e.g. redis://127.0.0.1:6379. */
  url: string;
  /** Queue base name (default "lancaster"); the code hash is appended (see queueName). */
  queue?: string;
  /** Attempts per job before it is reported failed (default 3). */
  attempts?: number;
  /** First retry delay in ms, doubled on each further attempt (default 1000). */
  backoffMs?: number;
  /** How long Redis may stay unreachable before pending jobs fail (default 60 000 ms). */
  downTimeoutMs?: number;
  /** Messages for the user (stderr), e.g. "waiting for a worker". */
  log?: (message: string) => void;
}

/** What a queued job carries (BullMQ job data). */
export interface QueuedJob {
  key: string;
  id: string;
  parts: KeyParts;
  /** Dataset id or folder the worker must load, when the run has one. */
  datasetId: string | null;
}

/** A job's failure as reported by the queue (after its last attempt). */
class QueuedJobError extends Error {
  override name = 'QueuedJobError';
}

/** Redis stayed unreachable too long: every pending job of the executor fails with this. */
class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
}

interface Pending {
  job: QueuedJob;
  opts: JobsOptions;
  listeners: ((e: ExecEvent) => void)[];
  started: boolean;
  /** Added to the queue (until then the poll does not look for it). */
  added: boolean;
  promise: Promise<unknown>;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

/**
 * The dataset a scenario-like input names (or its model's default), or null when it names none.
 * Only two top-level fields are read: a JSON input (every sweep draw) is read with JSON.parse, not
 * parsed and validated as a scenario — the worker validates it, and a full parse per job cost the
 * submitter ~40 ms of CPU, taken from the workers when they share its cores.
 */
export function datasetOf(input: string, kind = 'solve'): string | null {
  if (kind === 'analyze' || kind === 'gravity') return null; // GENIUS XML, gravity panels: no scenario dataset
  let s: { model?: unknown; dataset?: unknown } | undefined;
  if (/^\s*\{/.test(input)) {
    try {
      s = JSON.parse(input) as typeof s;
    } catch {
      s = undefined; // not JSON after all (a YAML flow map): the full parse below
    }
  }
  if (!s) {
    try {
      s = parseScenarioText(input, 'input').scenario;
    } catch {
      return null; // not a scenario (an analyze run): no dataset
    }
  }
  if (typeof s?.dataset === 'string') return s.dataset;
  const model = typeof s?.model === 'string' ? s.model : 'multisector';
  return model in MODEL_SPECS ? MODEL_SPECS[model as keyof typeof MODEL_SPECS].defaultDataset : null;
}

/** The key parts of a job in this process (code hash, dataset hash, input, draw). */
export function queuedJob(job: Job): QueuedJob {
  const handler = builtinHandlerName(job.module);
  if (!handler) throw new TypeError(msg.notBuiltinHandler(job.module));
  const datasetId = datasetOf(job.input, job.kind);
  const parts: KeyParts = {
    code: codeHash(),
    kind: job.kind,
    handler,
    dataset: datasetId ? datasetHash(datasetId) : null,
    input: job.input,
    draw: job.draw ?? null,
  };
  return { key: jobKey(parts), id: job.id, parts, datasetId };
}

/**
 * Executor submitting to a BullMQ queue on Redis.
 *
 * @example
 * ```ts
 * const ex = new QueueExecutor({ url: 'redis://127.0.0.1:6379' });
 * const result = await ex.submit(job, (e) => console.log(e)); // computed by a `lancaster worker`
 * await ex.close();
 * ```
 */
export class QueueExecutor implements Executor {
  readonly name: string;
  readonly #url: string;
  readonly #redis: Redis;
  readonly #queue: Queue;
  readonly #events: QueueEvents;
  readonly #pending = new Map<string, Pending>();
  readonly #opts: Required<Omit<QueueOptions, 'queue' | 'log'>> & { log: (m: string) => void };
  #timer: NodeJS.Timeout | undefined;
  #downSince: number | undefined;
  #polling = false;
  #polls = 0;
  #closed = false;
  #warnedNoWorker = 0;

  constructor(opts: QueueOptions) {
    this.name = queueName(opts.queue);
    this.#url = opts.url;
    const connection = bullConnection(opts.url);
    this.#opts = {
      url: opts.url,
      attempts: opts.attempts ?? 3,
      backoffMs: opts.backoffMs ?? 1000,
      downTimeoutMs: opts.downTimeoutMs ?? 60_000,
      log: opts.log ?? (() => {}),
    };
    this.#redis = redisClient(opts.url);
    this.#redis.on('error', () => {}); // reconnection is handled; the poll reports a long outage
    this.#queue = new Queue(this.name, { connection, prefix: BULL_PREFIX });
    this.#queue.on('error', () => {});
    this.#events = new QueueEvents(this.name, { connection, prefix: BULL_PREFIX });
    this.#events.on('error', () => {});
    this.#events.on('active', ({ jobId }) => this.#started(jobId));
    this.#events.on('progress', ({ jobId, data }) => {
      const p = this.#pending.get(jobId);
      const d = data as {
        fraction?: number;
        message?: string;
        iteration?: unknown;
        residual?: unknown;
        offer?: unknown;
      };
      if (p && typeof d?.fraction === 'number') {
        this.#started(jobId);
        for (const l of p.listeners)
          l({
            type: 'progress',
            fraction: d.fraction,
            message: d.message ?? '',
            ...(typeof d.iteration === 'number' ? { iteration: d.iteration } : {}),
            ...(typeof d.residual === 'number' ? { residual: d.residual } : {}),
            // Written by our own worker (offerProgress), as the thread pool passes it on.
            ...(d.offer && typeof d.offer === 'object' ? { offer: d.offer as OfferEvent } : {}),
          });
      }
    });
    this.#events.on('completed', ({ jobId }) => void this.#collect([jobId]));
    this.#events.on('failed', ({ jobId }) => void this.#checkFailed(jobId));
  }

  /** Resolves once the queue's connections are up (rejects when Redis cannot be reached in `ms`). */
  async ready(ms = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error(msg.redisSilent(redactUrl(this.#url), ms / 1000))), ms);
    });
    try {
      await Promise.race([
        Promise.all([this.#queue.waitUntilReady(), this.#events.waitUntilReady(), this.#redis.ping()]),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async submit(job: Job, onEvent: (e: ExecEvent) => void, signal?: AbortSignal): Promise<unknown> {
    if (this.#closed) throw new Error(msg.executorClosed());
    if (signal?.aborted) throw new JobAbortedError(job.id);
    const q = queuedJob(job);
    let p = this.#pending.get(q.key);
    if (p) p.listeners.push(onEvent);
    else {
      let resolve!: (v: unknown) => void, reject!: (e: Error) => void;
      const promise = new Promise<unknown>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const opts: JobsOptions = {
        jobId: q.key,
        attempts: this.#opts.attempts,
        backoff: { type: 'exponential', delay: this.#opts.backoffMs },
        removeOnComplete: true,
        removeOnFail: { age: 24 * 3600 },
      };
      p = { job: q, opts, listeners: [onEvent], started: false, added: false, promise, resolve, reject };
      this.#pending.set(q.key, p);
      // The poll runs from now on, so an outage during the first commands is reported too.
      this.#timer ??= setInterval(() => void this.#poll(), 1000);
      void this.#start(p);
    }
    if (!signal) return p.promise;
    return new Promise((res, rej) => {
      const abort = () => {
        rej(new JobAbortedError(job.id));
        const mine = this.#pending.get(q.key);
        if (mine && mine.listeners.length <= 1) {
          this.#pending.delete(q.key);
          void this.#queue
            .getJob(q.key)
            .then((j) => j?.remove())
            .catch(() => {}); // a running job finishes and is cached
        }
      };
      signal.addEventListener('abort', abort, { once: true });
      const done = () => signal.removeEventListener('abort', abort);
      p.promise.then(
        (v) => (done(), res(v)),
        (e: Error) => (done(), rej(e)),
      );
    });
  }

  /** A cached result answers at once; otherwise the job is added to the queue. */
  async #start(p: Pending): Promise<void> {
    try {
      const cached = await this.#redis.getBuffer(resultKey(p.job.key));
      if (this.#pending.get(p.job.key) !== p) return;
      if (cached) {
        this.#pending.delete(p.job.key);
        for (const l of p.listeners) {
          l({ type: 'started' });
          l({ type: 'progress', fraction: 1, message: msg.progress.cached });
        }
        return p.resolve(deserialize(cached));
      }
      await this.#add(p);
      p.added = true;
      void this.#warnIfNoWorker();
    } catch (e) {
      if (this.#pending.get(p.job.key) !== p) return;
      this.#pending.delete(p.job.key);
      p.reject(e as Error);
    }
  }

  /** Adds the job, replacing a failed job of the same key left by an earlier submission. */
  async #add(p: Pending): Promise<void> {
    const old = await this.#queue.getJob(p.job.key);
    if (old && (await old.isFailed())) await old.remove();
    await this.#queue.add(p.job.parts.kind, p.job, p.opts);
  }

  #started(key: string) {
    const p = this.#pending.get(key);
    if (!p || p.started) return;
    p.started = true;
    for (const l of p.listeners) l({ type: 'started' });
  }

  /** Resolves the pending jobs among `keys` whose results are in the cache; returns the others. */
  async #collect(keys: string[]): Promise<string[]> {
    const mine = keys.filter((k) => this.#pending.has(k));
    if (!mine.length) return [];
    const bufs = await this.#redis.mgetBuffer(...mine.map(resultKey));
    const missing: string[] = [];
    mine.forEach((k, i) => {
      const p = this.#pending.get(k);
      if (!p) return;
      const b = bufs[i];
      if (!b) return missing.push(k);
      this.#pending.delete(k);
      this.#started(k);
      p.resolve(deserialize(b));
    });
    return missing;
  }

  async #checkFailed(key: string): Promise<void> {
    const p = this.#pending.get(key);
    if (!p) return;
    const j = await this.#queue.getJob(key);
    if (!j || !(await j.isFailed())) {
      for (const l of p.listeners)
        l({ type: 'progress', fraction: 0, message: msg.progress.retrying(j?.failedReason) });
      return;
    }
    this.#pending.delete(key);
    p.reject(new QueuedJobError(msg.queuedJobFailed(p.job.id, j.attemptsMade, j.failedReason)));
  }

  /** Every second: results that arrived, failures, jobs lost with a Redis restart, and a long outage. */
  async #poll(): Promise<void> {
    if (this.#closed) return;
    // Checked before the in-flight guard: a poll that started just before an outage hangs until Redis is back.
    if (this.#redis.status !== 'ready') {
      this.#downSince ??= Date.now();
      if (Date.now() - this.#downSince > this.#opts.downTimeoutMs) this.#failAll();
      return;
    }
    this.#downSince = undefined;
    if (this.#polling) return;
    this.#polling = true;
    try {
      const missing = await this.#collect([...this.#pending.values()].filter((p) => p.added).map((p) => p.job.key));
      if (!missing.length) return;
      // One round trip for all: which unfinished jobs still exist in Redis.
      const exists = await this.#redis
        .pipeline(missing.map((k) => ['exists', `${BULL_PREFIX}:${this.name}:${k}`]))
        .exec();
      this.#polls++;
      // A job that completed between the two reads is gone but cached: read the cache once more.
      const gone = await this.#collect(missing.filter((_, i) => !exists?.[i]?.[1]));
      for (const k of gone) {
        const p = this.#pending.get(k);
        if (!p) continue;
        this.#opts.log(msg.jobResubmitted(p.job.id));
        await this.#add(p);
      }
      if (this.#polls % 10 === 0) {
        // Failures come as events; this catches one whose event was lost with a connection. One
        // pipelined ZSCORE on the failed set per job: fetching each job (its 190 kB scenario) every
        // ten seconds cost the submitter CPU the workers need when they share its cores.
        const live = missing.filter((k, i) => exists?.[i]?.[1] && this.#pending.has(k));
        const failedSet = `${BULL_PREFIX}:${this.name}:failed`;
        const scores = live.length ? await this.#redis.pipeline(live.map((k) => ['zscore', failedSet, k])).exec() : [];
        for (const [i, k] of live.entries())
          if (scores?.[i]?.[1] !== null && scores?.[i]?.[1] !== undefined) await this.#checkFailed(k);
      }
    } catch {
      // Redis went away mid-poll: the next poll counts the outage.
    } finally {
      this.#polling = false;
    }
  }

  #failAll() {
    const n = this.#pending.size;
    const err = new QueueUnavailableError(
      msg.redisGone(redactUrl(this.#url), Math.round(this.#opts.downTimeoutMs / 1000), n),
    );
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
  }

  async #warnIfNoWorker(): Promise<void> {
    if (Date.now() - this.#warnedNoWorker < 30_000) return;
    this.#warnedNoWorker = Date.now();
    try {
      if ((await this.#queue.getWorkersCount()) === 0) {
        this.#opts.log(msg.noQueueWorker(this.name, redactUrl(this.#url)));
      }
    } catch {
      // the poll reports Redis trouble
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    for (const p of this.#pending.values()) p.reject(new Error(msg.executorClosedEarly()));
    this.#pending.clear();
    // A graceful close waits for Redis; when Redis is gone, give it 2 s, then drop the connections.
    const graceful = Promise.allSettled([this.#events.close(), this.#queue.close()]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([graceful, new Promise((r) => (timer = setTimeout(r, 2000)))]);
    clearTimeout(timer);
    if (this.#redis.status !== 'ready') {
      void this.#events.disconnect().catch(() => {});
      void this.#queue.disconnect().catch(() => {});
    }
    this.#redis.disconnect();
  }
}
