/**
 * Fair scheduling of runs: two lanes with their own concurrency, so long runs (strategy,
 * negotiation, timelines, gravity bootstraps) can never take every executor slot and starve short
 * ones (solve, analyze). The queue is bounded: past `maxQueued` waiting runs a submit is refused
 * (HTTP 429 with Retry-After) instead of waiting minutes.
 */
import { JobAbortedError, type RunKind } from '../contract/run.ts';

export type Lane = 'short' | 'long';

/** Kinds that may take minutes; every other kind is short. */
const LONG_KINDS: ReadonlySet<RunKind> = new Set<RunKind>(['timeline', 'strategy', 'negotiation', 'gravity', 'sweep']);

/** The lane of a run kind. */
function laneOf(kind: RunKind): Lane {
  return LONG_KINDS.has(kind) ? 'long' : 'short';
}

/** Options of {@link Lanes}. */
export interface LaneOptions {
  /** Runs at once per lane; default 1 each (the executor should have short + long threads). */
  concurrency?: Partial<Record<Lane, number>>;
  /** Runs waiting (all lanes) before submits are refused; default 100. */
  maxQueued?: number;
}

/** Default bound of the queue. */
const MAX_QUEUED = 100;

interface Waiting {
  id: string;
  start: () => Promise<unknown>;
  /** Rejects the job's promise (cancelled while waiting). */
  cancel: () => void;
}

/**
 * The two lanes: `enqueue` starts a job when its lane has a free slot, else queues it.
 *
 * @example
 * ```ts
 * const lanes = new Lanes({ concurrency: { short: 1, long: 1 }, maxQueued: 50 });
 * if (lanes.full()) throw new Error('busy');
 * lanes.enqueue('id', 'solve', () => executor.submit(job, onEvent));
 * ```
 */
export class Lanes {
  readonly maxQueued: number;
  readonly #limit: Record<Lane, number>;
  readonly #running: Record<Lane, number> = { short: 0, long: 0 };
  readonly #waiting: Record<Lane, Waiting[]> = { short: [], long: [] };
  /** Recent run durations (ms), for Retry-After. */
  readonly #durations: number[] = [];

  constructor(opts: LaneOptions = {}) {
    this.#limit = { short: Math.max(1, opts.concurrency?.short ?? 1), long: Math.max(1, opts.concurrency?.long ?? 1) };
    this.maxQueued = opts.maxQueued ?? MAX_QUEUED;
  }

  /** Runs at once in `lane`. */
  concurrency(lane: Lane): number {
    return this.#limit[lane];
  }

  /** Runs waiting in both lanes. */
  queued(): number {
    return this.#waiting.short.length + this.#waiting.long.length;
  }

  /** Whether the queue is at its bound. */
  full(): boolean {
    return this.queued() >= this.maxQueued;
  }

  /** Seconds a refused client should wait: the queue ahead times the mean run time, per slot (1–600). */
  retryAfterSeconds(): number {
    const mean = this.#durations.length ? this.#durations.reduce((a, b) => a + b, 0) / this.#durations.length : 1000;
    const slots = this.#limit.short + this.#limit.long;
    return Math.min(600, Math.max(1, Math.ceil((this.queued() * mean) / slots / 1000)));
  }

  /** Starts `start` in the lane of `kind` now or when a slot frees; resolves/rejects with it. */
  enqueue(id: string, kind: RunKind, start: () => Promise<unknown>): Promise<unknown> {
    const lane = laneOf(kind);
    return new Promise((resolve, reject) => {
      this.#waiting[lane].push({
        id,
        start: () => start().then(resolve, reject),
        cancel: () => reject(new JobAbortedError(id)),
      });
      this.#pump(lane);
    });
  }

  /** Removes a waiting job (its promise rejects with JobAbortedError); false when it is not waiting. */
  remove(id: string): boolean {
    for (const lane of ['short', 'long'] as const) {
      const k = this.#waiting[lane].findIndex((w) => w.id === id);
      if (k >= 0) {
        this.#waiting[lane].splice(k, 1)[0].cancel();
        return true;
      }
    }
    return false;
  }

  #pump(lane: Lane) {
    while (this.#running[lane] < this.#limit[lane] && this.#waiting[lane].length) {
      const w = this.#waiting[lane].shift()!;
      this.#running[lane]++;
      const t0 = Date.now();
      void w.start().finally(() => {
        this.#running[lane]--;
        this.#durations.push(Date.now() - t0);
        if (this.#durations.length > 20) this.#durations.shift();
        this.#pump(lane);
      });
    }
  }
}
