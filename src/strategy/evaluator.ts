/**
 * Evaluates batches of policy points: looks each up in a process-wide cache keyed by a hash of
 * (dataset, model, options, base policy, instruments, players) and the exact instrument values,
 * warm-starts every solve from the nearest recently solved point, and runs the misses inline or
 * in parallel on a worker-thread pool whose workers load the dataset once.
 */
import { createHash } from 'node:crypto';
import { ThreadPool } from '../parallel/threads.ts';
import { makeSolver, type EvalSpec, type PointEval, type StrategySolver } from './models.ts';
import type { ModelResult } from '../model/result.ts';
import type { WorkerTask } from './worker.ts';

/** A point's outcome as callers see it (warm states stay inside the evaluator). */
export type Evaluated = Omit<PointEval, 'warm'>;

/** Counters of one evaluator. */
export interface EvalStats {
  /** Points asked for. */
  requested: number;
  /** Answered from the cache (this or an earlier run in the process). */
  cacheHits: number;
  /** Equilibrium solves run. */
  solves: number;
  /** Solves that did not converge. */
  failed: number;
  /** Solves that started from a warm state. */
  warmStarts: number;
  /** Fixed-point iterations summed over solves. */
  solverIterations: number;
  /** Wall time spent in `evaluate` (s). */
  seconds: number;
}

const CACHE_LIMIT = 200_000;
const cache = new Map<string, Evaluated>();
/** How many solved states are kept for warm starts. */
const RECENT = 48;

/** Hash of everything but the instrument values that determines a solve. */
function contextKey(spec: EvalSpec): string {
  const h = createHash('sha256');
  if (typeof spec.dataset === 'string') h.update(`dataset:${spec.dataset}`);
  else {
    const d = spec.dataset;
    h.update(`inline:${d.manifest.id}:${d.source}:${d.regions.join(',')}:${d.sectors.join(',')}`);
    for (const a of [d.theta, d.flows, d.tariff, d.vaShare, d.finalShare, d.io]) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  h.update(JSON.stringify({ model: spec.scenario.model, options: spec.scenario.options, report: spec.scenario.report ?? null, players: spec.players.map((p) => ({ ...p, weights: p.weights && [...p.weights], security: p.security && [...p.security] })) }));
  const c = spec.base.controls;
  for (const a of [spec.base.tau, c.flow, c.approval, c.rentsToExporter]) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  for (const r of spec.instruments) {
    h.update(JSON.stringify({ id: r.id, kind: r.kind, rents: r.rentsToExporter ?? null }));
    h.update(new Uint8Array(r.cells.buffer, r.cells.byteOffset, r.cells.byteLength));
  }
  return h.digest('hex').slice(0, 32);
}

function valuesKey(x: Float64Array): string {
  return Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('base64');
}

/**
 * Cached, warm-started, optionally parallel evaluation of one strategic problem.
 *
 * @example
 * const ev = new Evaluator(spec, 2);
 * const [a, b] = await ev.evaluate([Float64Array.of(0.1), Float64Array.of(0.2)]);
 * await ev.close();
 */
export class Evaluator {
  readonly key: string;
  readonly stats: EvalStats = { requested: 0, cacheHits: 0, solves: 0, failed: 0, warmStarts: 0, solverIterations: 0, seconds: 0 };
  private pool?: ThreadPool<WorkerTask, PointEval>;
  private inline?: StrategySolver;
  private recent: { x: Float64Array; warm: unknown }[] = [];

  constructor(readonly spec: EvalSpec, readonly workers = 0) {
    this.key = contextKey(spec);
    if (workers > 0) {
      this.pool = new ThreadPool(new URL('./worker.ts', import.meta.url), { threads: workers, data: spec });
    }
  }

  /** Number of points that can be solved at the same time. */
  get parallelism(): number {
    return Math.max(1, this.workers);
  }

  /** Evaluates every point of `xs` (instrument values, all instruments in order). */
  async evaluate(xs: readonly Float64Array[]): Promise<Evaluated[]> {
    const t0 = performance.now();
    this.stats.requested += xs.length;
    const pending = new Map<string, Promise<Evaluated>>();
    const out = await Promise.all(xs.map((x0) => {
      const x = Float64Array.from(x0);
      const k = `${this.key}:${valuesKey(x)}`;
      const hit = cache.get(k);
      if (hit) { this.stats.cacheHits++; return hit; }
      let p = pending.get(k);
      if (p) { this.stats.cacheHits++; return p; }
      p = this.solve(x).then((e) => {
        if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
        cache.set(k, e);
        return e;
      });
      pending.set(k, p);
      return p;
    }));
    this.stats.seconds += (performance.now() - t0) / 1000;
    return out;
  }

  /** Solves `x` inline with its full contract result (the reported equilibrium). */
  solveFull(x: Float64Array): { point: Evaluated; result: ModelResult } {
    this.inline ??= makeSolver(this.spec);
    const { point, result } = this.inline.solveFull(x, this.nearest(x));
    const { warm: _w, ...rest } = point;
    return { point: rest, result };
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }

  private nearest(x: Float64Array): unknown {
    let best: unknown, dist = Infinity;
    for (const r of this.recent) {
      let s = 0;
      for (let k = 0; k < x.length; k++) s += Math.abs(r.x[k] - x[k]);
      if (s < dist) { dist = s; best = r.warm; }
    }
    return best;
  }

  private async solve(x: Float64Array): Promise<Evaluated> {
    const warm = this.nearest(x);
    if (warm !== undefined) this.stats.warmStarts++;
    let p: PointEval;
    if (this.pool) p = await this.pool.run({ x, warm });
    else {
      this.inline ??= makeSolver(this.spec);
      p = this.inline.evaluate(x, warm);
    }
    this.stats.solves++;
    this.stats.solverIterations += p.iterations;
    if (p.status !== 'converged') this.stats.failed++;
    else if (p.warm !== undefined) {
      this.recent.push({ x, warm: p.warm });
      if (this.recent.length > RECENT) this.recent.shift();
    }
    const { warm: _w, ...rest } = p;
    return rest;
  }
}

/** Empties the process-wide cache (tests of solve counts). */
export function clearEvaluationCache(): void {
  cache.clear();
}
