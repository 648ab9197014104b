/**
 * Flat utility kernels: utilities of every outcome as a Float64Array,
 * indexed by the mixed-radix outcome index of outcome-space.ts
 * (`k = Σ_i digit_i · stride_i`, last issue fastest).
 *
 * For linear-additive utilities the array is built by product expansion of
 * the per-issue partial sums, in place, with no per-outcome allocation:
 * after issue i the first L·n_i entries hold the partial utility of every
 * prefix (issues 0..i), `out[j·n_i + v] = out[j] + partial_i[v]`. Walking j
 * downwards makes the in-place update safe (each write lands at an index ≥ j).
 */
import type { Bid } from './domain.ts';
import { outcomeCount } from './outcome-space.ts';
import type { LinearAdditiveUtility, UtilityFunction } from './utility.ts';
import * as msg from '../spec/messages/negotiate.ts';

/**
 * Utilities of all outcomes of a discrete linear-additive utility.
 *
 * @param out - optional caller-provided output of length `outcomeCount(domain)`
 * @returns `out`, with `out[k]` the utility of outcome k
 * @example
 * ```ts
 * const uA = linearUtilities(england); // Float64Array(576)
 * ```
 */
export function linearUtilities(u: LinearAdditiveUtility, out?: Float64Array): Float64Array {
  const n = outcomeCount(u.domain);
  if (!Number.isFinite(n)) {
    throw new TypeError(msg.discreteDomainFlat(u.domain.name));
  }
  const res = out ?? new Float64Array(n);
  if (res.length !== n) throw new RangeError(msg.outputArrayLength(n, res.length));
  res[0] = 0;
  let len = 1;
  for (const p of u.partials) {
    const m = p!.length;
    for (let j = len - 1; j >= 0; j--) {
      const base = res[j];
      const o = j * m;
      for (let v = m - 1; v >= 0; v--) res[o + v] = base + p![v];
    }
    len *= m;
  }
  return res;
}

/**
 * Utilities of an explicit list of bids under any utility function.
 *
 * @example
 * ```ts
 * utilitiesOf(bids, ufun); // Float64Array(bids.length)
 * ```
 */
export function utilitiesOf(bids: readonly Bid[], u: UtilityFunction, out?: Float64Array): Float64Array {
  const res = out ?? new Float64Array(bids.length);
  for (let k = 0; k < bids.length; k++) res[k] = u.utility(bids[k]);
  return res;
}
