/**
 * Outcome spaces: counting, enumerating, indexing and sampling bids.
 *
 * Enumeration order is mixed-radix with the LAST issue varying fastest
 * (the order of `itertools.product` in NegMAS), so outcome index
 * `k = Σ_i digit_i · stride_i` with `stride_{n-1} = 1` and
 * `stride_i = stride_{i+1} · size_{i+1}`.
 */
import type { Bid, Domain, Issue, IssueValue } from './domain.ts';
import { createDomain, discreteIssue } from './domain.ts';
import type { Rng } from './rng.ts';
import { createRng } from './rng.ts';
import * as msg from '../spec/messages/negotiate.ts';

/** Default limit on the number of outcomes enumerated before falling back to sampling. */
export const DEFAULT_ENUMERATION_LIMIT = 2_000_000;

/**
 * Number of outcomes in the domain; `Infinity` when any issue is continuous.
 *
 * @example
 * ```ts
 * outcomeCount(domain); // 576 for England–Zimbabwe
 * ```
 */
export function outcomeCount(domain: Domain): number {
  let n = 1;
  for (const issue of domain.issues) {
    if (issue.kind === 'continuous') return Infinity;
    n *= issue.values.length;
  }
  return n;
}

/** Mixed-radix strides of a discrete domain (last issue fastest). */
export function strides(domain: Domain): number[] {
  const out = new Array<number>(domain.issues.length);
  let s = 1;
  for (let i = domain.issues.length - 1; i >= 0; i--) {
    out[i] = s;
    s *= discreteValues(domain.issues[i]).length;
  }
  return out;
}

function discreteValues(issue: Issue): readonly IssueValue[] {
  if (issue.kind !== 'discrete') {
    throw new TypeError(msg.discreteIssue(issue.name));
  }
  return issue.values;
}

/**
 * The bid at enumeration index `k` of a discrete domain.
 *
 * @example
 * ```ts
 * bidAt(domain, 0); // every issue at its first value
 * ```
 */
export function bidAt(domain: Domain, k: number): Bid {
  const n = outcomeCount(domain);
  if (!Number.isInteger(k) || k < 0 || k >= n) {
    throw new RangeError(msg.outcomeIndex(n - 1, k));
  }
  const bid: Record<string, IssueValue> = {};
  for (let i = domain.issues.length - 1; i >= 0; i--) {
    const values = discreteValues(domain.issues[i]);
    bid[domain.issues[i].name] = values[k % values.length];
    k = Math.floor(k / values.length);
  }
  return orderBid(domain, bid);
}

// Rebuild the object so its keys follow the domain's issue order (stable JSON output).
function orderBid(domain: Domain, bid: Record<string, IssueValue>): Bid {
  const out: Record<string, IssueValue> = {};
  for (const issue of domain.issues) out[issue.name] = bid[issue.name];
  return out;
}

/**
 * Enumerate every bid of a discrete domain in mixed-radix order.
 * Throws a RangeError when the domain is larger than `limit`.
 *
 * @example
 * ```ts
 * for (const bid of enumerateBids(domain)) console.log(bid);
 * ```
 */
export function* enumerateBids(domain: Domain, limit = DEFAULT_ENUMERATION_LIMIT): Generator<Bid> {
  const n = outcomeCount(domain);
  if (n > limit) {
    throw new RangeError(msg.mostOutcomesEnumerate(limit, domain.name, n));
  }
  for (let k = 0; k < n; k++) yield bidAt(domain, k);
}

/** Draw one uniformly random bid (continuous issues uniformly on their range). */
export function randomBid(domain: Domain, rng: Rng): Bid {
  const bid: Record<string, IssueValue> = {};
  for (const issue of domain.issues) {
    bid[issue.name] =
      issue.kind === 'discrete'
        ? issue.values[rng.int(0, issue.values.length - 1)]
        : issue.min + (issue.max - issue.min) * rng.uniform();
  }
  return bid;
}

/**
 * Draw `n` bids uniformly at random with a seeded generator (with replacement).
 *
 * @example
 * ```ts
 * sampleBids(domain, 1000, 42); // same 1000 bids for seed 42
 * ```
 */
export function sampleBids(domain: Domain, n: number, seed: number): Bid[] {
  const rng = createRng(seed);
  const out: Bid[] = [];
  for (let i = 0; i < n; i++) out.push(randomBid(domain, rng));
  return out;
}

/**
 * Replace each continuous issue by an evenly spaced grid of `levels` values
 * (both ends included), so the domain can be mapped exhaustively.
 *
 * @example
 * ```ts
 * discretize(domain, 11); // rate ∈ {0, 0.1, …, 1}
 * ```
 */
export function discretize(domain: Domain, levels: number): Domain {
  if (!Number.isInteger(levels) || levels < 2) {
    throw new RangeError(msg.integerNumberLevels(levels));
  }
  return createDomain(
    domain.name,
    domain.issues.map((issue) => {
      if (issue.kind === 'discrete') return issue;
      const values: number[] = [];
      for (let j = 0; j < levels; j++) values.push(issue.min + ((issue.max - issue.min) * j) / (levels - 1));
      return discreteIssue(issue.name, issue.min === issue.max ? [issue.min] : values);
    }),
  );
}
