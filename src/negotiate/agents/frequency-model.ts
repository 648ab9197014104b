/**
 * Frequency-based opponent model for discrete issues (as in HardHeaded /
 * NegMAS's frequency model): the opponent's preferred values are the ones
 * it offers most often, and the issues it changes least are the ones it
 * cares about most.
 * - value score: (count(v) + 1) / (max_v count + 1)  (Laplace-smoothed);
 * - issue weight ∝ 1 + number of consecutive offers that kept the issue's value.
 * Continuous issues are ignored (weight 0) since frequencies need a finite set.
 */
import type { Bid, Domain, IssueValue } from '../domain.ts';

/** An estimate of the opponent's utility built from its offers. */
export interface OpponentModel {
  /** Record one opponent offer. */
  observe(bid: Bid): void;
  /** Estimated opponent utility in [0, 1]. */
  estimate(bid: Bid): number;
  /** Number of offers observed. */
  readonly observations: number;
}

/**
 * Create a frequency model over a domain.
 *
 * @example
 * ```ts
 * const m = frequencyModel(domain);
 * m.observe(offer);
 * m.estimate(candidate);
 * ```
 */
export function frequencyModel(domain: Domain): OpponentModel {
  const discrete = domain.issues.map((i) => i.kind === 'discrete');
  const counts = domain.issues.map(() => new Map<IssueValue, number>());
  const kept = new Float64Array(domain.issues.length);
  let previous: Bid | null = null;
  let n = 0;
  return {
    get observations() {
      return n;
    },
    observe(bid) {
      domain.issues.forEach((issue, i) => {
        if (!discrete[i]) return;
        const v = bid[issue.name];
        counts[i].set(v, (counts[i].get(v) ?? 0) + 1);
        if (previous && previous[issue.name] === v) kept[i]++;
      });
      previous = bid;
      n++;
    },
    estimate(bid) {
      let wsum = 0;
      let u = 0;
      domain.issues.forEach((issue, i) => {
        if (!discrete[i]) return;
        const w = 1 + kept[i];
        let max = 0;
        for (const c of counts[i].values()) if (c > max) max = c;
        const c = counts[i].get(bid[issue.name]) ?? 0;
        u += (w * (c + 1)) / (max + 1);
        wsum += w;
      });
      return wsum > 0 ? u / wsum : 0;
    },
  };
}
