/**
 * Cached evaluation of trade deals. Every deal becomes a model policy; a process-wide cache keyed
 * by SHA-1(context) + SHA-1(policy) answers repeated policies (two deals that clamp to the same
 * policy share one solve). Each evaluator remembers the key of every deal it has seen, so a repeated
 * deal (agents query the same deals thousands of times) costs one Map lookup, not a policy build and
 * a hash. Misses are solved inline (sync, for agents that query the model) or, for whole maps, in
 * chunks on a worker-thread pool whose workers load the dataset once.
 *
 * Maps are bit-reproducible whatever the number of workers: the first missing deal (the anchor) is
 * solved first, and every chunk of {@link CHUNK} deals starts from the anchor's solution and chains
 * its warm starts inside the chunk, so a deal's answer depends only on the deal list, never on which
 * worker ran which chunk (inline maps run the same chunks in the same way).
 */
import { ThreadPool } from '../../parallel/threads.ts';
import type { Bid } from '../domain.ts';
import type { TradeSpec } from './state.ts';
import { contextHash, dealPolicy, policyHash } from './state.ts';
import type { DealEval, TradeSolver } from './solver.ts';
import { makeTradeSolver } from './solver.ts';
import { solveChunk, type TradeTask } from './chunk.ts';
import * as msg from '../../spec/messages/negotiate.ts';
import type { TradeEvalStats } from '../../contract/negotiation.ts';
export type { TradeEvalStats };

const CACHE_LIMIT = 500_000;
const cache = new Map<string, Float64Array>();

/** Empties the process-wide cache (tests of solve counts). */
export function clearTradeCache(): void {
  cache.clear();
}

/**
 * Deals per pool task (and per warm-start chain): large enough to amortise messaging, small enough
 * to balance two workers.
 */
const CHUNK = 16;

/**
 * Evaluates deals of one trade spec.
 *
 * @example
 * const ev = new TradeEvaluator(spec, 2);
 * const values = await ev.map(deals);   // Float64Array per objective
 * await ev.close();
 */
export class TradeEvaluator {
  readonly context: string;
  readonly stats: TradeEvalStats;
  #inline?: TradeSolver;
  #warm: unknown;
  /** Deal values (joined) → cache key, per evaluator: spec.base and spec.issues are fixed. */
  readonly #keys = new Map<string, string>();

  constructor(
    readonly spec: TradeSpec,
    readonly workers = 0,
  ) {
    this.context = contextHash(spec);
    this.stats = { requested: 0, cacheHits: 0, solves: 0, failed: 0, seconds: 0, workers };
  }

  #key(values: ArrayLike<number>): string {
    // String(x) of a double round-trips exactly, so equal joins mean equal deals.
    const id = Array.prototype.join.call(values, ',');
    let key = this.#keys.get(id);
    if (key === undefined) {
      key = `${this.context}:${policyHash(dealPolicy(this.spec.base, this.spec.issues, values))}`;
      this.#keys.set(id, key);
    }
    return key;
  }

  #store(key: string, e: Omit<DealEval, 'warm'>): Float64Array {
    this.stats.solves++;
    if (e.status !== 'converged') {
      this.stats.failed++;
      throw new RangeError(msg.dealEquilibriumConverge(e.residual));
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, e.objectives);
    return e.objectives;
  }

  /** Objectives of one deal (values in issue order), solved inline on a miss. */
  evaluate(values: ArrayLike<number>): Float64Array {
    const t0 = performance.now();
    this.stats.requested++;
    const key = this.#key(values);
    const hit = cache.get(key);
    if (hit) {
      this.stats.cacheHits++;
      this.stats.seconds += (performance.now() - t0) / 1000;
      return hit;
    }
    this.#inline ??= makeTradeSolver(this.spec);
    const e = this.#inline.evaluate(values, this.#warm);
    if (e.status === 'converged') this.#warm = e.warm;
    const out = this.#store(key, e);
    this.stats.seconds += (performance.now() - t0) / 1000;
    return out;
  }

  /** Objectives of a bid of the trade domain. */
  evaluateBid(bid: Bid): Float64Array {
    return this.evaluate(this.spec.issues.map((r) => Number(bid[r.id])));
  }

  /**
   * Objectives of many deals: one Float64Array per objective, in deal order. Misses go to the
   * pool in chunks (inline when `workers` is 0). `onProgress(done, total)` after each chunk.
   */
  async map(
    deals: readonly ArrayLike<number>[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<Float64Array[]> {
    const t0 = performance.now();
    this.stats.requested += deals.length;
    const out = this.spec.objectives.map(() => new Float64Array(deals.length));
    const keys = deals.map((v) => this.#key(v));
    const todo = new Map<string, number[]>();
    keys.forEach((k, m) => {
      const hit = cache.get(k);
      if (hit) {
        this.stats.cacheHits++;
        hit.forEach((x, o) => (out[o][m] = x));
        return;
      }
      const list = todo.get(k);
      if (list) {
        this.stats.cacheHits++;
        list.push(m);
      } else todo.set(k, [m]);
    });
    const miss = [...todo.entries()];
    const write = (k: string, objectives: Float64Array) => {
      for (const m of todo.get(k)!) objectives.forEach((x, o) => (out[o][m] = x));
    };
    let done = 0;
    if (miss.length > 0) {
      // The anchor: solved first, inline; its solution is every chunk's first warm start.
      this.#inline ??= makeTradeSolver(this.spec);
      const [k0, ms0] = miss[0];
      const first = this.#inline.evaluate(deals[ms0[0]], this.#warm);
      write(k0, this.#store(k0, first));
      const anchor = first.warm;
      if (anchor !== undefined) this.#warm = anchor;
      done = 1;
      onProgress?.(done, miss.length);
      const chunks: [string, number][][] = [];
      for (let s = 1; s < miss.length; s += CHUNK) chunks.push(miss.slice(s, s + CHUNK).map(([k, ms]) => [k, ms[0]]));
      const finish = (chunk: [string, number][], res: Omit<DealEval, 'warm'>[]) => {
        res.forEach((e, c) => write(chunk[c][0], this.#store(chunk[c][0], e)));
        done += chunk.length;
        onProgress?.(done, miss.length);
      };
      if (this.workers > 0 && chunks.length > 1) {
        const pool = new ThreadPool<TradeTask, Omit<DealEval, 'warm'>[]>(new URL('./worker.ts', import.meta.url), {
          threads: this.workers,
          data: this.spec,
        });
        try {
          await Promise.all(
            chunks.map(async (chunk) =>
              finish(chunk, await pool.run({ deals: chunk.map(([, m]) => Array.from(deals[m])), warm: anchor })),
            ),
          );
        } finally {
          await pool.close();
        }
      } else {
        const solver = this.#inline;
        for (const chunk of chunks)
          finish(
            chunk,
            solveChunk(
              solver,
              chunk.map(([, m]) => deals[m]),
              anchor,
            ),
          );
      }
    }
    this.stats.seconds += (performance.now() - t0) / 1000;
    return out;
  }

  /** The inline solver (for full solves of chosen deals). */
  solver(): TradeSolver {
    this.#inline ??= makeTradeSolver(this.spec);
    return this.#inline;
  }
}
