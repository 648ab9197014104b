/**
 * Two-party analysis of a domain: outcome count, Pareto frontier and the
 * bargaining solutions, as a JSON-able object (what
 * `lancaster analyze DOMAIN.xml A.xml B.xml --json` prints).
 */
import type { Bid, Domain } from './domain.ts';
import { readGeniusDomain, readGeniusProfile } from './genius.ts';
import { bidAt, DEFAULT_ENUMERATION_LIMIT, outcomeCount, sampleBids } from './outcome-space.ts';
import { paretoIndices } from './pareto.ts';
import type { UtilityPair } from './solutions.ts';
import {
  egalitarianIndex,
  kalaiSmorodinskyIndex,
  nashIndex,
  opposition,
  utilitarianIndex,
  utilityDistance,
} from './solutions.ts';
import type { LinearAdditiveUtility, UtilityFunction } from './utility.ts';
import { isLinearAdditive } from './utility.ts';
import { linearUtilities, utilitiesOf } from './utility-arrays.ts';

/** A solution point: both utilities and the bid that achieves them. */
export interface SolutionPoint {
  readonly utility: [number, number];
  readonly bid: Bid;
}

/** Result of {@link analyze}; plain data, safe to `JSON.stringify`. */
export interface Analysis {
  readonly domain: string;
  /** Number of outcomes analysed (all of them, or the sample size when sampled). */
  readonly outcomes: number;
  /** True when outcomes were sampled rather than enumerated. */
  readonly sampled: boolean;
  /** Disagreement point used for the solutions (reservation values unless overridden). */
  readonly disagreement: [number, number];
  /** Pareto frontier utilities, uA descending. */
  readonly pareto: [number, number][];
  readonly nash: SolutionPoint | null;
  readonly kalai_smorodinsky: SolutionPoint | null;
  readonly egalitarian: SolutionPoint | null;
  readonly utilitarian: SolutionPoint | null;
  /** NegMAS/GENIUS opposition (see solutions.ts). */
  readonly opposition: number;
}

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  /** Disagreement point; defaults to the two reservation values. */
  readonly disagreement?: UtilityPair;
  /** Enumerate up to this many outcomes, sample this many beyond it. */
  readonly limit?: number;
  /** Seed for sampling. */
  readonly seed?: number;
  /** Drop frontier points below either reservation value. */
  readonly rationalOnly?: boolean;
}

function bothLinear(
  domain: Domain,
  a: UtilityFunction,
  b: UtilityFunction,
): [LinearAdditiveUtility, LinearAdditiveUtility] | null {
  return isLinearAdditive(a) && isLinearAdditive(b) && a.domain === domain && b.domain === domain ? [a, b] : null;
}

/**
 * Analyse a two-party domain.
 *
 * @example
 * ```ts
 * const r = analyze(domain, england, zimbabwe);
 * r.outcomes; // 576
 * r.nash?.utility; // [0.9109…, 0.7332…]
 * ```
 */
export function analyze(
  domain: Domain,
  a: UtilityFunction,
  b: UtilityFunction,
  options: AnalyzeOptions = {},
): Analysis {
  const limit = options.limit ?? DEFAULT_ENUMERATION_LIMIT;
  const n = outcomeCount(domain);
  const sampled = n > limit;
  let uA: Float64Array;
  let uB: Float64Array;
  let bidOf: (k: number) => Bid;
  const lin = sampled ? null : bothLinear(domain, a, b);
  if (lin) {
    uA = linearUtilities(lin[0]);
    uB = linearUtilities(lin[1]);
    bidOf = (k) => bidAt(domain, k);
  } else {
    const bids = sampled
      ? sampleBids(domain, limit, options.seed ?? 0)
      : Array.from({ length: n }, (_, k) => bidAt(domain, k));
    uA = utilitiesOf(bids, a);
    uB = utilitiesOf(bids, b);
    bidOf = (k) => bids[k];
  }
  const d: UtilityPair = options.disagreement ?? [a.reservation, b.reservation];
  const idx = paretoIndices(uA, uB, options.rationalOnly ? { minA: a.reservation, minB: b.reservation } : {});
  const pareto: [number, number][] = Array.from(idx, (k) => [uA[k], uB[k]]);
  const point = (i: number): SolutionPoint | null =>
    i < 0 ? null : { utility: [pareto[i][0], pareto[i][1]], bid: bidOf(idx[i]) };
  return {
    domain: domain.name,
    outcomes: uA.length,
    sampled,
    disagreement: [d[0], d[1]],
    pareto,
    nash: point(nashIndex(pareto, d)),
    kalai_smorodinsky: point(kalaiSmorodinskyIndex(pareto, d)),
    egalitarian: point(egalitarianIndex(pareto, d)),
    utilitarian: point(utilitarianIndex(pareto)),
    opposition: opposition(uA, uB),
  };
}

/** Distances of one utility point to the frontier and to each solution (null when absent). */
export interface SolutionDistances {
  readonly pareto: number;
  readonly nash: number | null;
  readonly kalai_smorodinsky: number | null;
  readonly egalitarian: number | null;
  readonly utilitarian: number | null;
}

/**
 * Euclidean distances from an outcome's utilities to the frontier (closest vertex) and each solution.
 *
 * @example
 * ```ts
 * distancesToSolutions(analysis, [0.8, 0.7]).nash;
 * ```
 */
export function distancesToSolutions(analysis: Analysis, u: UtilityPair): SolutionDistances {
  const dist = (p: SolutionPoint | null): number | null => (p ? utilityDistance(u, p.utility) : null);
  let pareto = Infinity;
  for (const p of analysis.pareto) pareto = Math.min(pareto, utilityDistance(u, p));
  return {
    pareto,
    nash: dist(analysis.nash),
    kalai_smorodinsky: dist(analysis.kalai_smorodinsky),
    egalitarian: dist(analysis.egalitarian),
    utilitarian: dist(analysis.utilitarian),
  };
}

/**
 * Read a GENIUS domain and two profiles and analyse them; the CLI's
 * `lancaster analyze DOMAIN.xml A.xml B.xml --json` prints the result.
 *
 * @example
 * ```ts
 * const r = analyzeGeniusFiles('EnglandZimbabwe_domain.xml', 'England.xml', 'Zimbabwe.xml');
 * console.log(JSON.stringify(r));
 * ```
 */
export function analyzeGeniusFiles(
  domainPath: string,
  profileAPath: string,
  profileBPath: string,
  options: AnalyzeOptions = {},
): Analysis {
  const domain = readGeniusDomain(domainPath);
  return analyze(domain, readGeniusProfile(profileAPath, domain), readGeniusProfile(profileBPath, domain), options);
}
