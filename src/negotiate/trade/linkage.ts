/**
 * Issue linkage and two-level ratification on a mapped domain (every deal's utilities known).
 *
 * A partition of the issues into baskets says what is bargained together. Without linkage each
 * basket is a separate agreement: the agreement on basket b moves b's issues and leaves every other
 * issue at the disagreement value d, and each leader votes on each agreement by its own effect:
 *   leader i accepts the agreement on b  ⇔  L_i(x_b, d_−b) ≥ θ_i,
 * so a combination x of agreements is ratified iff min_{b: x_b ≠ d_b} L_i(x_b, d_−b) ≥ θ_i for both
 * leaders (one private threshold θ_i per leader, drawn once, as the win-set of Putnam 1988), and
 *   P(x ratified) = Π_i F_i( min_{b: x_b ≠ d_b} L_i(x_b, d_−b) ),
 * F_i the CDF of θ_i. With one basket holding every issue (full linkage) this is Π_i F_i(L_i(x)).
 * Utilities are changes of the objective over the disagreement deal (L_i(d) = 0), so a deal is
 * scored by what it changes; the disagreement deal itself is not a deal and is left out.
 */
import type { Domain } from '../domain.ts';
import { bidAt, strides } from '../outcome-space.ts';
import type { UtilityPair } from '../solutions.ts';
import { kalaiSmorodinskyIndex, nashIndex } from '../solutions.ts';
import { paretoIndices } from '../pareto.ts';
import type { Threshold } from '../ratification.ts';
import { acceptanceProbability } from '../ratification.ts';
import * as msg from '../../spec/messages/negotiate.ts';
import type { DealPoint, PartitionSummary, DomainAnalysis } from '../../contract/negotiation.ts';
export type { DealPoint, PartitionSummary, DomainAnalysis };

/** Utilities of every deal of a discrete domain (mixed-radix order, last issue fastest). */
export interface MappedDomain {
  readonly domain: Domain;
  /** Digit (value index) of each issue in the disagreement deal. */
  readonly disagreement: readonly number[];
  /** Delegations' utilities (objective change over the disagreement deal), parties A and B. */
  readonly delegation: readonly [Float64Array, Float64Array];
  /** Leaders' utilities (their own objectives, change over disagreement). */
  readonly leaders: readonly [Float64Array, Float64Array];
}

/** A partition of the issues (by name) into baskets. */
export type Baskets = readonly (readonly string[])[];

/** Checks that baskets partition the domain's issues; returns them as issue indices. */
export function basketIndices(domain: Domain, baskets: Baskets): number[][] {
  const names = domain.issues.map((i) => i.name);
  const seen = new Set<string>();
  const out = baskets.map((b) =>
    b.map((name) => {
      const k = names.indexOf(name);
      if (k < 0) throw new RangeError(msg.issueDomainBasket(names.join(', '), name));
      if (seen.has(name)) throw new RangeError(msg.issueOneBasket(name));
      seen.add(name);
      return k;
    }),
  );
  const missing = names.filter((n) => !seen.has(n));
  if (missing.length) throw new RangeError(msg.issueBasket(missing.join(', ')));
  return out;
}

/** Outcome index of digits. */
export function indexOf(domain: Domain, digits: readonly number[]): number {
  const st = strides(domain);
  let k = 0;
  digits.forEach((d, i) => (k += d * st[i]));
  return k;
}

/**
 * For each deal k and basket b: the index of (x_b, d_−b), or −1 when x_b = d_b. Layout
 * `out[b][k]`.
 */
export function basketProjections(map: MappedDomain, baskets: number[][]): Int32Array[] {
  const n = map.delegation[0].length;
  const st = strides(map.domain);
  const sizes = map.domain.issues.map((i) => (i.kind === 'discrete' ? i.values.length : 1));
  const dIndex = indexOf(map.domain, map.disagreement);
  return baskets.map((b) => {
    const out = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      let proj = dIndex;
      let moved = false;
      for (const i of b) {
        const digit = Math.floor(k / st[i]) % sizes[i];
        if (digit !== map.disagreement[i]) {
          moved = true;
          proj += (digit - map.disagreement[i]) * st[i];
        }
      }
      out[k] = moved ? proj : -1;
    }
    return out;
  });
}

/** Ratification of every deal under a partition. */
export interface PartitionRatification {
  /** P(ratified) per deal (NaN for the disagreement deal). */
  probability: Float64Array;
  /** Per leader: P(accepts every agreement) per deal. */
  acceptance: [Float64Array, Float64Array];
}

/** Ratification probabilities of every deal when the baskets are separate agreements. */
export function partitionRatification(
  map: MappedDomain,
  baskets: number[][],
  thresholds: readonly [Threshold, Threshold],
): PartitionRatification {
  const n = map.delegation[0].length;
  const proj = basketProjections(map, baskets);
  const probability = new Float64Array(n);
  const acceptance: [Float64Array, Float64Array] = [new Float64Array(n), new Float64Array(n)];
  for (let k = 0; k < n; k++) {
    let p = 1;
    let any = false;
    for (let i = 0; i < 2; i++) {
      let m = Infinity;
      for (const pr of proj) {
        const q = pr[k];
        if (q >= 0) {
          any = true;
          m = Math.min(m, map.leaders[i][q]);
        }
      }
      const a = any ? acceptanceProbability(thresholds[i], m) : NaN;
      acceptance[i][k] = a;
      p *= a;
    }
    probability[k] = any ? p : NaN;
  }
  return { probability, acceptance };
}

/** A deal point of the map. */
export function dealPoint(map: MappedDomain, k: number, probability: number): DealPoint {
  return {
    index: k,
    bid: bidAt(map.domain, k),
    utility: [map.delegation[0][k], map.delegation[1][k]],
    leaders: [map.leaders[0][k], map.leaders[1][k]],
    ratification: probability,
  };
}

/**
 * Ratifiable set, win-sets and frontier of a partition.
 *
 * @example
 * const s = summarizePartition(map, [['ree', 'chips']], [trump, xi]);
 * s.ratifiable; // deals ratified with P ≥ 0.5
 */
export function summarizePartition(
  map: MappedDomain,
  baskets: Baskets,
  thresholds: readonly [Threshold, Threshold],
): PartitionSummary {
  const idx = basketIndices(map.domain, baskets);
  const { probability, acceptance } = partitionRatification(map, idx, thresholds);
  const n = probability.length;
  let deals = 0,
    ratifiable = 0,
    expected = 0,
    either = 0;
  const count: [number, number] = [0, 0];
  const exp: [number, number] = [0, 0];
  const keep: number[] = [];
  let bestNash = -1,
    bestNashV = 0,
    bestExp = -1,
    bestExpV = 0;
  const [uA, uB] = map.delegation;
  for (let k = 0; k < n; k++) {
    const p = probability[k];
    if (Number.isNaN(p)) continue;
    deals++;
    expected += p;
    for (let i = 0; i < 2; i++) {
      exp[i] += acceptance[i][k];
      if (acceptance[i][k] >= 0.5) count[i]++;
    }
    if (acceptance[0][k] >= 0.5 || acceptance[1][k] >= 0.5) either++;
    const gain = uA[k] > 0 && uB[k] > 0 ? uA[k] * uB[k] : 0;
    if (gain * p > bestExpV) {
      bestExpV = gain * p;
      bestExp = k;
    }
    if (p >= 0.5) {
      ratifiable++;
      keep.push(k);
      if (gain > bestNashV) {
        bestNashV = gain;
        bestNash = k;
      }
    }
  }
  const fa = Float64Array.from(keep, (k) => uA[k]);
  const fb = Float64Array.from(keep, (k) => uB[k]);
  const front = paretoIndices(fa, fb);
  return {
    baskets: baskets.map((b) => [...b]),
    deals,
    ratifiable,
    expected_ratifiable: expected,
    win_sets: { count, expected: exp },
    overlap: either > 0 ? ratifiable / either : 0,
    frontier: Array.from(front, (m) => [fa[m], fb[m]] as [number, number]),
    nash: bestNash >= 0 ? dealPoint(map, bestNash, probability[bestNash]) : null,
    expected_nash: bestExp >= 0 ? dealPoint(map, bestExp, probability[bestExp]) : null,
  };
}

/** Pareto frontier, Nash and Kalai–Smorodinsky of the mapped domain (ratification under full linkage attached). */
export function analyzeMapped(map: MappedDomain, thresholds: readonly [Threshold, Threshold]): DomainAnalysis {
  const [uA, uB] = map.delegation;
  const idx = paretoIndices(uA, uB);
  const pts: UtilityPair[] = Array.from(idx, (k) => [uA[k], uB[k]] as const);
  const d: UtilityPair = [0, 0];
  const p = (k: number) =>
    acceptanceProbability(thresholds[0], map.leaders[0][k]) * acceptanceProbability(thresholds[1], map.leaders[1][k]);
  const at = (m: number) => (m < 0 ? null : dealPoint(map, idx[m], p(idx[m])));
  return {
    outcomes: uA.length,
    pareto_size: idx.length,
    rational_pareto_size: pts.filter(([a, b]) => a >= 0 && b >= 0).length,
    pareto: pts.map(([a, b]) => [a, b]),
    nash: at(nashIndex(pts, d)),
    kalai_smorodinsky: at(kalaiSmorodinskyIndex(pts, d)),
  };
}
