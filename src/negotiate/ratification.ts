/**
 * Two-level ratification (Putnam 1988): a deal agreed by the delegations
 * takes effect only if each leader accepts it on the leader's own objective.
 *
 * Leader i accepts deal x iff u_i(x) ≥ θ_i. The threshold θ_i is either known
 * or private, drawn from a stated distribution (uniform or normal), so from
 * the negotiators' view P(leader i accepts x) = F_i(u_i(x)), with F_i the
 * threshold's CDF. Leaders decide independently, so
 *   P(ratified | x) = Π_i F_i(u_i(x)).
 * A leader's objective is any callback, so weights may differ from its
 * delegation's (farmers, automakers, chip firms) and economic objectives plug in.
 */
import type { Bid } from './domain.ts';
import type { Rng } from './rng.ts';
import * as msg from '../spec/messages/negotiate.ts';
import type { Threshold } from '../contract/negotiation.ts';
import { thresholdCdf } from '../contract/threshold.ts';
export type { Threshold };

/** A leader who must ratify the deal. */
export interface Leader {
  readonly name: string;
  /** The leader's own objective of a deal. */
  readonly objective: (bid: Bid) => number;
  readonly threshold: Threshold;
}

function checkThreshold(t: Threshold): void {
  if (t.kind === 'uniform' && !(t.min <= t.max)) throw new RangeError(msg.badUniformThreshold(t.min, t.max));
  if (t.kind === 'normal' && !(t.sd > 0)) throw new RangeError(msg.badNormalThreshold(t.sd));
}

/**
 * Probability that a leader with this threshold accepts a deal worth `u` to it: P(θ ≤ u).
 *
 * @example
 * ```ts
 * acceptanceProbability({ kind: 'uniform', min: 0.4, max: 0.8 }, 0.5); // 0.25
 * ```
 */
export function acceptanceProbability(t: Threshold, u: number): number {
  checkThreshold(t);
  return thresholdCdf(t, u);
}

/** Draw a threshold value (the leader's private type) with a seeded generator. */
export function drawThreshold(t: Threshold, rng: Rng): number {
  checkThreshold(t);
  switch (t.kind) {
    case 'known':
      return t.value;
    case 'uniform':
      return t.min + (t.max - t.min) * rng.uniform();
    case 'normal':
      return t.mean + t.sd * rng.normal();
  }
}

/**
 * Probability that every leader ratifies the deal.
 *
 * @example
 * ```ts
 * ratificationProbability(deal, [trump, xi]);
 * ```
 */
export function ratificationProbability(bid: Bid, leaders: readonly Leader[]): number {
  let p = 1;
  for (const l of leaders) p *= acceptanceProbability(l.threshold, l.objective(bid));
  return p;
}

/** One realised ratification vote. */
export interface RatificationOutcome {
  readonly ratified: boolean;
  /** Per leader: drawn threshold, objective value and vote. */
  readonly votes: {
    readonly leader: string;
    readonly threshold: number;
    readonly value: number;
    readonly accepts: boolean;
  }[];
}

/**
 * Realise the leaders' private thresholds and vote on the deal.
 *
 * @example
 * ```ts
 * ratify(deal, leaders, createRng(1)).ratified;
 * ```
 */
export function ratify(bid: Bid, leaders: readonly Leader[], rng: Rng): RatificationOutcome {
  const votes = leaders.map((l) => {
    const threshold = drawThreshold(l.threshold, rng);
    const value = l.objective(bid);
    return { leader: l.name, threshold, value, accepts: value >= threshold };
  });
  return { ratified: votes.every((v) => v.accepts), votes };
}

/** Win-set sizes and overlap over a set of candidate deals. */
export interface WinSetOverlap {
  readonly outcomes: number;
  /** Per leader: number of deals it accepts for sure (threshold known) or in expectation. */
  readonly sizes: number[];
  /** Expected number of deals all leaders accept (Σ_x Π_i F_i(u_i(x))). */
  readonly both: number;
  /** `both / outcomes`: the share of deals that would be ratified. */
  readonly share: number;
  /** `both / |union|` in expectation (Jaccard index of the win-sets). */
  readonly jaccard: number;
}

/**
 * Overlap of the leaders' win-sets on a list of deals. With known thresholds
 * the numbers are counts; with private thresholds they are expectations.
 *
 * @example
 * ```ts
 * winSetOverlap(allBids, [trump, xi]).share;
 * ```
 */
export function winSetOverlap(bids: readonly Bid[], leaders: readonly Leader[]): WinSetOverlap {
  const sizes = leaders.map(() => 0);
  let both = 0;
  let none = 0;
  for (const bid of bids) {
    let all = 1;
    let noneHere = 1;
    leaders.forEach((l, i) => {
      const p = acceptanceProbability(l.threshold, l.objective(bid));
      sizes[i] += p;
      all *= p;
      noneHere *= 1 - p;
    });
    both += all;
    none += noneHere;
  }
  const union = bids.length - none;
  return {
    outcomes: bids.length,
    sizes,
    both,
    share: bids.length ? both / bids.length : 0,
    jaccard: union > 0 ? both / union : 0,
  };
}
