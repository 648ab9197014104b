/**
 * The bounded maximisation problem every optimiser of the strategy layer solves: maximise f over
 * the box lo ≤ x ≤ hi, where f is evaluated in batches (the points of one batch may be solved in
 * parallel). A non-finite value marks a failed point and counts as −∞.
 */

export interface BoxProblem {
  lo: Float64Array;
  hi: Float64Array;
  /** Objective values of the points (maximised). */
  evaluate(xs: Float64Array[]): Promise<number[]>;
  /** How many points one batch can solve at once (batch sizes follow it). */
  parallelism: number;
}

export interface OptimizeOptions {
  /** Stop when a step changes no variable by more than this (instrument units). */
  xtol: number;
  /** Stop when the objective improved by less than this over 5 iterations (quasi-Newton; default 0: off). */
  ftol?: number;
  /** Most objective evaluations. */
  maxEvaluations: number;
  /** Lattice step of the grid method. */
  gridStep: number;
  /** Finite-difference step of quasi-Newton (default 1e-4). */
  fdStep?: number;
}

export interface OptimizeResult {
  x: Float64Array;
  f: number;
  evaluations: number;
  iterations: number;
  converged: boolean;
  /** Why it stopped. */
  message: string;
  method: string;
}

/** Clamps `x` into the box in place and returns it. */
export function clampInto(x: Float64Array, lo: Float64Array, hi: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] = Math.min(hi[i], Math.max(lo[i], x[i]));
  return x;
}

/** −∞ for failed (non-finite) values so that they never win a comparison. */
function score(v: number): number {
  return Number.isFinite(v) ? v : -Infinity;
}

/** Counts evaluations of a problem and stops at a budget. */
export class Budget {
  used = 0;
  constructor(
    private readonly p: BoxProblem,
    readonly max: number,
  ) {}
  get left(): number {
    return this.max - this.used;
  }
  async eval(xs: Float64Array[]): Promise<number[]> {
    this.used += xs.length;
    return (await this.p.evaluate(xs)).map(score);
  }
}
