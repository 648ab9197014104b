/**
 * Uncertainty bands: for every numeric leaf of a result (a "reported measure"), the 5th, 50th and
 * 95th percentiles over the draws, in an object of the same shape as the result (the parallel
 * `bands` object of docs/results.md: values stay numbers; bands sit beside them).
 */

import type { Band, Bands } from '../contract/result.ts';

/**
 * One band: percentiles 5, 50, 95 (linear interpolation between order statistics, R type 7), the
 * contract's `BandSchema`.
 */
export type { Band } from '../contract/result.ts';

/** Solver diagnostics and timings: numbers that are not measures, so they get no band. */
const NOT_MEASURES = new Set(['seconds', 'iterations', 'residual', 'cap_residual']);

type Path = (string | number)[];

/** The paths of the numeric leaves of `v`, depth first, in key order. */
export function measurePaths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (typeof v === 'number') out.push(at);
  else if (Array.isArray(v)) v.forEach((x, i) => measurePaths(x, [...at, i], out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (!NOT_MEASURES.has(k)) measurePaths(x, [...at, k], out);
  }
  return out;
}

/** The value at `path` of `v` as a number (NaN when absent or not a number). */
function valueAt(v: unknown, path: Path): number {
  let x: unknown = v;
  for (const p of path) {
    if (x === null || typeof x !== 'object') return NaN;
    x = (x as Record<string | number, unknown>)[p];
  }
  return typeof x === 'number' ? x : NaN;
}

/** Percentile q ∈ [0, 1] of sorted finite values (NaN when there are none). */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The band of some values (non-finite ones are left out). */
export function band(values: ArrayLike<number>): Band {
  const v = Float64Array.from(Array.from(values).filter(Number.isFinite)).sort();
  return { p5: percentile(v, 0.05), p50: percentile(v, 0.5), p95: percentile(v, 0.95) };
}

/**
 * Collects draws leaf by leaf (a column of Float64 per measure of the template) and builds the
 * bands object in the template's shape.
 *
 * @example
 * ```ts
 * const acc = new BandAccumulator(central, 100);
 * draws.forEach((d, k) => acc.add(k, d));
 * acc.bands(); // { countries: { USA: { welfare_pct: { p5, p50, p95 } } } }
 * ```
 */
export class BandAccumulator {
  readonly paths: Path[];
  readonly #cols: Float64Array[];

  constructor(
    readonly template: unknown,
    readonly draws: number,
  ) {
    this.paths = measurePaths(template);
    this.#cols = this.paths.map(() => new Float64Array(draws).fill(NaN));
  }

  /** Records draw `k` (a result of the template's shape; missing leaves stay NaN). */
  add(k: number, result: unknown): void {
    this.paths.forEach((p, i) => (this.#cols[i][k] = valueAt(result, p)));
  }

  /** The bands object: the template's shape with a Band at each measure. */
  bands(): Bands {
    const out: Record<string | number, unknown> = Array.isArray(this.template)
      ? ([] as unknown as Record<number, unknown>)
      : {};
    this.paths.forEach((p, i) => {
      let node = out;
      p.forEach((key, j) => {
        if (j === p.length - 1) node[key] = band(this.#cols[i]);
        else {
          node[key] ??= typeof p[j + 1] === 'number' ? [] : {};
          node = node[key] as Record<string | number, unknown>;
        }
      });
    });
    return out as Bands;
  }
}
