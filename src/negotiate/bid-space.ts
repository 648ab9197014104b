/**
 * An agent's view of the outcome space: bids sorted by its own utility, so
 * that "the cheapest bid worth at least u" is a binary search.
 *
 * Discrete spaces up to `limit` outcomes are enumerated (the linear-additive
 * fast kernel is used when possible); larger or continuous spaces are sampled
 * with a seed. Bids are materialised lazily from their outcome index.
 */
import type { Bid, Domain } from './domain.ts';
import { bidAt, outcomeCount, sampleBids } from './outcome-space.ts';
import type { UtilityFunction } from './utility.ts';
import { isLinearAdditive } from './utility.ts';
import { linearUtilities, utilitiesOf } from './utility-arrays.ts';

/** Bids sorted by descending utility for one party. */
export interface BidSpace {
  /** Number of bids. */
  readonly size: number;
  /** Utility of the r-th best bid (r = 0 is the best). */
  utilityAt(rank: number): number;
  /** The r-th best bid. */
  bidAt(rank: number): Bid;
  /** Rank of the worst bid whose utility is still ≥ target (0 when none reaches it). */
  rankAtLeast(target: number): number;
  /** Best utility available. */
  readonly max: number;
  /** Worst utility available. */
  readonly min: number;
}

/** Options of {@link createBidSpace}. */
export interface BidSpaceOptions {
  /** Enumerate at most this many outcomes; sample this many otherwise. Default 200 000. */
  readonly limit?: number;
  readonly seed?: number;
}

/**
 * Build a sorted bid space for a utility function.
 *
 * @example
 * ```ts
 * const space = createBidSpace(domain, england);
 * space.bidAt(space.rankAtLeast(0.8)); // cheapest bid worth ≥ 0.8
 * ```
 */
export function createBidSpace(domain: Domain, u: UtilityFunction, options: BidSpaceOptions = {}): BidSpace {
  const limit = options.limit ?? 200_000;
  const n = outcomeCount(domain);
  let utils: Float64Array;
  let bidOf: (k: number) => Bid;
  if (n <= limit) {
    if (isLinearAdditive(u) && u.domain === domain) {
      utils = linearUtilities(u);
    } else {
      utils = new Float64Array(n);
      for (let k = 0; k < n; k++) utils[k] = u.utility(bidAt(domain, k));
    }
    bidOf = (k) => bidAt(domain, k);
  } else {
    const bids = sampleBids(domain, limit, options.seed ?? 0);
    utils = utilitiesOf(bids, u);
    bidOf = (k) => bids[k];
  }
  const order = Uint32Array.from({ length: utils.length }, (_, k) => k);
  // Descending utility; ties by outcome index so the order is deterministic.
  order.sort((i, j) => utils[j] - utils[i] || i - j);
  const sorted = Float64Array.from(order, (k) => utils[k]);
  return {
    size: sorted.length,
    utilityAt: (r) => sorted[r],
    bidAt: (r) => bidOf(order[r]),
    rankAtLeast: (target) => {
      // Largest r with sorted[r] >= target (sorted is descending).
      let lo = 0;
      let hi = sorted.length - 1;
      if (sorted[0] < target) return 0;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (sorted[mid] >= target) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
    max: sorted[0],
    min: sorted[sorted.length - 1],
  };
}
