/**
 * Runs a sweep plan on any executor: for every grid point, the central run (no parameter drawn)
 * and draws 0..n−1, each one job keyed by its draw. Results are gathered by index, so the output
 * does not depend on the order in which jobs finish, nor on the executor. Draws that fail (after
 * the executor's retries) or do not converge are listed by index and left out of the bands: never
 * a silent gap.
 */
import { builtinHandler } from '../exec/registry.ts';
import type { Provenance } from '../contract/result.ts';
import type { SweepPoint, SweepResult } from '../contract/sweep.ts';
import { parseScenarioText } from '../scenario/parse.ts';
import { provenanceOf } from '../scenario/provenance.ts';
import { scenarioDataset } from '../scenario/solve.ts';
import { JobAbortedError, type Executor } from '../contract/run.ts';
import { band, BandAccumulator } from './bands.ts';
import { describeDistribution } from './priors.ts';
import type { GridPoint, SweepPlan } from './plan.ts';
import * as msg from '../spec/messages/run.ts';

export type { SweepPoint, SweepResult } from '../contract/sweep.ts';

/** Options of {@link runSweep}. */
export interface SweepRunOptions {
  /** Executor name shown in the result. */
  executorName?: string;
  /** Jobs handed to the executor at once (default 256). */
  inFlight?: number;
  onProgress?: (done: number, total: number, failed: number) => void;
  /** Every finished draw (k = null: central), e.g. for tests. */
  onDraw?: (point: number, k: number | null, measures: unknown) => void;
  /**
   * Cancels the sweep: no further job is submitted, running ones are aborted, and runSweep rejects
   * with JobAbortedError.
   */
  signal?: AbortSignal;
}

interface Slot {
  point: number;
  k: number | null;
}

/** What came back at one grid point: the central run (or its error), the draws by index and the failed ones. */
interface PointRuns {
  central: unknown;
  centralError: string | undefined;
  draws: unknown[];
  failed: { index: number; error: string }[];
}

/**
 * Runs every slot (each grid point's central run and draws) on the executor, at most `inFlight`
 * at once, gathering the results by index. A failed run is recorded; a lost queue or a cancel
 * stops the sweep.
 */
async function runSlots(plan: SweepPlan, executor: Executor, opts: SweepRunOptions): Promise<PointRuns[]> {
  const n = plan.spec.draws;
  const slots: Slot[] = plan.points.flatMap((_, point) => [
    { point, k: null },
    ...Array.from({ length: n }, (_, k) => ({ point, k })),
  ]);
  const results: PointRuns[] = plan.points.map(() => ({
    central: undefined,
    centralError: undefined,
    draws: new Array<unknown>(n),
    failed: [],
  }));
  const module = builtinHandler('draw');
  let done = 0,
    failed = 0,
    next = 0;
  opts.onProgress?.(0, slots.length, 0);
  const runOne = async (slot: Slot) => {
    const input = plan.scenarioText(slot.point, slot.k);
    const id = `${plan.spec.name} point ${slot.point} ${slot.k === null ? 'central' : `draw ${slot.k}`}`;
    const draw = slot.k === null ? undefined : { seed: plan.spec.seed, index: slot.k };
    const r = results[slot.point];
    try {
      const m = await executor.submit(
        { id, kind: 'timeline', module, input, ...(draw ? { draw } : {}) },
        () => {},
        opts.signal,
      );
      if (slot.k === null) r.central = m;
      else r.draws[slot.k] = m;
      opts.onDraw?.(slot.point, slot.k, m);
    } catch (e) {
      // The queue itself is gone, or the sweep was cancelled: it stops here (nothing is written),
      // rather than listing every draw as failed.
      if ((e as Error).name === 'QueueUnavailableError' || opts.signal?.aborted) throw e;
      failed++;
      const error = (e as Error).message;
      if (slot.k === null) r.centralError = error;
      else r.failed.push({ index: slot.k, error });
    }
    done++;
    opts.onProgress?.(done, slots.length, failed);
  };
  const lanes = Array.from({ length: Math.min(opts.inFlight ?? 256, slots.length) }, async () => {
    while (next < slots.length && !opts.signal?.aborted) await runOne(slots[next++]);
  });
  await Promise.all(lanes);
  if (opts.signal?.aborted) throw new JobAbortedError(plan.spec.name);
  return results;
}

/** One grid point's outcome: the central result and the bands over its converged draws, the others listed. */
function sweepPoint(grid: GridPoint, r: PointRuns, n: number): SweepPoint {
  const notConverged: number[] = [];
  // The template of the bands: the central result, else the first draw that arrived.
  const template = r.central ?? r.draws.find((d) => d !== undefined);
  const acc = template === undefined ? undefined : new BandAccumulator(template, n);
  r.draws.forEach((d, k) => {
    if (d === undefined) return;
    if ((d as { status?: string }).status !== 'converged') notConverged.push(k);
    else acc?.add(k, d);
  });
  r.failed.sort((a, b) => a.index - b.index);
  return {
    grid,
    // The draw handler returns the reported measures (src/scenario/reported.ts), typed by the contract.
    result: (r.central ?? null) as SweepPoint['result'],
    bands: acc?.bands() ?? null,
    draws: {
      requested: n,
      used: n - notConverged.length - r.failed.length,
      not_converged: notConverged,
      failed: r.failed,
    },
    ...(r.centralError ? { central_error: r.centralError } : {}),
  };
}

/** The priors as the result lists them, each with the band of its drawn values. */
function drawnPriors(plan: SweepPlan): SweepResult['priors'] {
  return plan.priors.map((p, i) => ({
    id: p.id,
    what: p.what,
    distribution: describeDistribution(p.distribution),
    source: p.source,
    why: p.why,
    drawn: band(plan.values[i]),
  }));
}

/**
 * Runs the plan.
 *
 * @example
 * ```ts
 * const r = await runSweep(readSweepFile('sweeps/us-china-2025-long-run.yaml'), new PoolExecutor({ threads: 2 }));
 * r.points[0].bands; // { steps: [{ countries: { USA: { welfare_pct: { p5, p50, p95 } } } }] }
 * ```
 */
export async function runSweep(plan: SweepPlan, executor: Executor, opts: SweepRunOptions = {}): Promise<SweepResult> {
  const t0 = performance.now();
  const n = plan.spec.draws;
  const results = await runSlots(plan, executor, opts);
  const points = plan.points.map((grid, i) => sweepPoint(grid, results[i], n));
  const centralBad = points.filter(
    (p) => p.central_error || (p.result as { status?: string } | null)?.status !== 'converged',
  ).length;
  const sum = (f: (p: SweepPoint) => number) => points.reduce((a, p) => a + f(p), 0);
  const failedDraws = sum((p) => p.draws.failed.length),
    notConverged = sum((p) => p.draws.not_converged.length);
  const incomplete = centralBad + failedDraws + notConverged > 0;
  return {
    name: plan.spec.name,
    scenario: plan.scenarioFile,
    seed: plan.spec.seed,
    draws: n,
    status: incomplete ? 'incomplete' : 'complete',
    ...(incomplete ? { message: msg.incompleteSweep(failedDraws, notConverged, n * points.length, centralBad) } : {}),
    executor: opts.executorName ?? executor.constructor.name,
    seconds: (performance.now() - t0) / 1000,
    priors: drawnPriors(plan),
    samples: Array.from({ length: n }, (_, k) =>
      Object.fromEntries(plan.priors.map((p, i) => [p.id, plan.values[i][k]])),
    ),
    points,
    provenance: sweepProvenance(plan),
  };
}

/** The central scenario's provenance, with each prior drawn listed among the parameters and its source. */
function sweepProvenance(plan: SweepPlan): Provenance {
  const p = parseScenarioText(plan.scenarioText(0, null), plan.scenarioFile);
  const base = provenanceOf(scenarioDataset(p), p.scenario);
  return {
    ...base,
    parameters: [
      ...base.parameters,
      ...plan.priors.map((x) => ({
        name: `prior ${x.id}`,
        source: `${x.source} (${describeDistribution(x.distribution)})`,
      })),
    ],
  };
}
