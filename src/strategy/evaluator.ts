/**
 * Evaluates batches of policy points: looks each up in a process-wide cache keyed by a hash of
 * (dataset, model, options, base policy, instruments, players) and the exact instrument values,
 * warm-starts every solve from the nearest recently solved point, and runs the misses inline or
 * in parallel on a worker-thread pool whose workers load the dataset once.
 *
 * Warm starts through a {@link WarmScope} are reproducible on any number of workers: a scope
 * (one best response, one optimisation) starts each solve from the nearest point the scope itself
 * solved in an earlier batch (batches of one scope run one after another), else from the scope's
 * anchor (e.g. the solution at the round's starting policy) — never from whatever another player's
 * concurrent solves happened to finish first. Without a scope the evaluator's own recent points are
 * used (their order depends on when concurrent solves finish).
 */
import { createHash } from 'node:crypto';
import { ThreadPool } from '../parallel/threads.ts';
import { makeSolver, type EvalSpec, type PointEval, type StrategySolver } from './models.ts';
import type { ModelResult } from '../model/result.ts';
import type { WorkerTask } from './worker.ts';
import type { EvalStats } from '../contract/strategy.ts';

/** A point's outcome as callers see it (warm states stay inside the evaluator). */
export type Evaluated = Omit<PointEval, 'warm'>;

const CACHE_LIMIT = 200_000;
const cache = new Map<string, Evaluated>();
/** How many solved states are kept for warm starts. */
const RECENT = 48;

/**
 * Where the solves of one sequential caller (a best response, an optimisation) take their warm
 * starts: the nearest point this scope solved in an earlier batch, else `anchor`.
 */
export class WarmScope {
  readonly recent: { x: Float64Array; warm: unknown }[] = [];
  constructor(readonly anchor?: unknown) {}

  /** The warm state of a point this scope solved (undefined when it was a cache hit or is gone). */
  warmOf(x: Float64Array): unknown {
    for (let r = this.recent.length - 1; r >= 0; r--) {
      const p = this.recent[r];
      if (p.x.length === x.length && p.x.every((v, k) => v === x[k])) return p.warm;
    }
    return undefined;
  }

  /** The nearest solved point's warm state (L1 distance; the earliest of equals), else the anchor. */
  nearest(x: Float64Array): unknown {
    const r = nearestOf(this.recent, x);
    return r === undefined ? this.anchor : r;
  }
}

function nearestOf(recent: readonly { x: Float64Array; warm: unknown }[], x: Float64Array): unknown {
  let best: unknown,
    dist = Infinity;
  for (const r of recent) {
    let s = 0;
    for (let k = 0; k < x.length; k++) s += Math.abs(r.x[k] - x[k]);
    if (s < dist) {
      dist = s;
      best = r.warm;
    }
  }
  return best;
}

/** Hash of everything but the instrument values that determines a solve. */
function contextKey(spec: EvalSpec): string {
  const h = createHash('sha256');
  if (typeof spec.dataset === 'string') h.update(`dataset:${spec.dataset}`);
  else {
    const d = spec.dataset;
    h.update(`inline:${d.manifest.id}:${d.source}:${d.regions.join(',')}:${d.sectors.join(',')}`);
    for (const a of [d.theta, d.flows, d.tariff, d.vaShare, d.finalShare, d.io])
      h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  h.update(
    JSON.stringify({
      model: spec.scenario.model,
      options: spec.scenario.options,
      report: spec.scenario.report ?? null,
      players: spec.players.map((p) => ({
        ...p,
        weights: p.weights && [...p.weights],
        security: p.security && [...p.security],
      })),
    }),
  );
  const c = spec.base.controls;
  for (const a of [spec.base.tau, c.flow, c.approval, c.rentsToExporter])
    h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
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
  readonly stats: EvalStats = {
    requested: 0,
    cacheHits: 0,
    solves: 0,
    failed: 0,
    warmStarts: 0,
    solverIterations: 0,
    seconds: 0,
  };
  private pool?: ThreadPool<WorkerTask, PointEval>;
  private inline?: StrategySolver;
  private recent: { x: Float64Array; warm: unknown }[] = [];

  constructor(
    readonly spec: EvalSpec,
    readonly workers = 0,
  ) {
    this.key = contextKey(spec);
    if (workers > 0) {
      this.pool = new ThreadPool(new URL('./worker.ts', import.meta.url), { threads: workers, data: spec });
    }
  }

  /** A warm-start scope for one sequential caller (see {@link WarmScope}). */
  scope(anchor?: unknown): WarmScope {
    return new WarmScope(anchor);
  }

  /**
   * The warm state nearest `x` among the evaluator's recent solves (any scope). Deterministic only
   * while nothing else is being solved: use it to anchor a scope before concurrent work starts.
   */
  recentWarm(x: Float64Array): unknown {
    return this.nearest(x);
  }

  /**
   * Evaluates every point of `xs` (instrument values, all instruments in order). With a `scope`,
   * misses warm-start from the scope's earlier points (or its anchor), and the points solved here
   * join the scope in the order of `xs` once the whole batch is done.
   */
  async evaluate(xs: readonly Float64Array[], scope?: WarmScope): Promise<Evaluated[]> {
    const t0 = performance.now();
    this.stats.requested += xs.length;
    const pending = new Map<string, Promise<Evaluated>>();
    const solved: ({ x: Float64Array; warm: unknown } | undefined)[] = new Array(xs.length);
    const out = await Promise.all(
      xs.map((x0, m) => {
        const x = Float64Array.from(x0);
        const k = `${this.key}:${valuesKey(x)}`;
        const hit = cache.get(k);
        if (hit) {
          this.stats.cacheHits++;
          return hit;
        }
        let p = pending.get(k);
        if (p) {
          this.stats.cacheHits++;
          return p;
        }
        p = this.solve(x, scope).then((e) => {
          if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
          const { warm, ...rest } = e;
          if (e.status === 'converged' && warm !== undefined) solved[m] = { x, warm };
          cache.set(k, rest);
          return rest;
        });
        pending.set(k, p);
        return p;
      }),
    );
    if (scope) {
      for (const p of solved) if (p) scope.recent.push(p);
      if (scope.recent.length > RECENT) scope.recent.splice(0, scope.recent.length - RECENT);
    }
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
    return nearestOf(this.recent, x);
  }

  private async solve(x: Float64Array, scope?: WarmScope): Promise<PointEval> {
    const warm = scope ? scope.nearest(x) : this.nearest(x);
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
      // Kept for unscoped callers (and solveFull at a solved point); scoped solves never read it.
      this.recent.push({ x, warm: p.warm });
      if (this.recent.length > RECENT) this.recent.shift();
    }
    return p;
  }
}

/** Empties the process-wide cache (tests of solve counts). */
export function clearEvaluationCache(): void {
  cache.clear();
}
