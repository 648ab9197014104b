/**
 * Per-iteration progress of solves, throttled: a solver calls the returned function on every
 * iteration with plain numbers (nothing is allocated there), and at most one progress event per
 * `minIntervalMs` is made of them (the first iteration always), carrying the iteration and the
 * residual. The fraction moves from `from` to `to` as the residual falls from its first value to
 * the tolerance on a log scale, and never goes back.
 */
import type { ProgressFn } from '../contract/run.ts';
import type { IterationFn } from '../model/result.ts';
import * as msg from '../spec/messages/exec.ts';

/** Shortest time between two iteration events (ms). */
const PROGRESS_INTERVAL_MS = 100;

/** Options of {@link iterationProgress}. */
export interface IterationProgressOptions {
  /** Fraction at the first iteration and at convergence (default 0.1 and 0.95). */
  from?: number;
  to?: number;
  /** What is being solved, for the message (default "solving"). */
  label?: string;
  /** Default {@link PROGRESS_INTERVAL_MS}; 0 sends every iteration. */
  minIntervalMs?: number;
  /** The clock (ms), for tests. */
  now?: () => number;
}

/**
 * A throttled iteration callback that reports through `progress`.
 *
 * @example
 * ```ts
 * const r = solveScenario(p, { onIteration: iterationProgress(progress, { label: 'solving cp2015' }) });
 * // progress({ fraction: 0.42, message: 'solving cp2015: iteration 12, residual 3.1e-6',
 * //   iteration: 12, residual: 3.1e-6 })
 * ```
 */
export function iterationProgress(progress: ProgressFn, opts: IterationProgressOptions = {}): IterationFn {
  const from = opts.from ?? 0.1,
    to = opts.to ?? 0.95;
  const label = opts.label ?? 'solving';
  const interval = opts.minIntervalMs ?? PROGRESS_INTERVAL_MS;
  const now = opts.now ?? (() => performance.now());
  let first = NaN,
    last = -Infinity,
    fraction = from,
    calls = 0;
  return (iteration, residual, tolerance) => {
    if (Number.isNaN(first) && Number.isFinite(residual) && residual > 0) first = residual;
    const t = interval > 0 ? now() : 0;
    if (calls++ > 0 && interval > 0 && t - last < interval) return;
    last = t;
    const span = Math.log(first / tolerance);
    const done =
      span > 0 && residual > 0 && Number.isFinite(residual)
        ? Math.min(1, Math.max(0, Math.log(first / residual) / span))
        : 0;
    fraction = Math.max(fraction, from + (to - from) * done);
    progress({
      fraction,
      message: msg.progress.iteration(label, iteration, residual.toExponential(1)),
      iteration,
      residual,
    });
  };
}
