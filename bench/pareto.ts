/**
 * Benchmark of the Pareto frontier kernel on a deterministic 10^6-outcome
 * linear-additive two-party domain (6 issues × 10 values, seeded weights and
 * evaluations). NegMAS needs about 5.7 s for this size; the target is well under 2 s.
 */
import { performance } from 'node:perf_hooks';
import type { Domain } from '../src/negotiate/domain.ts';
import { createDomain, discreteIssue } from '../src/negotiate/domain.ts';
import { paretoIndices } from '../src/negotiate/pareto.ts';
import { createRng } from '../src/negotiate/rng.ts';
import type { LinearAdditiveUtility } from '../src/negotiate/utility.ts';
import { linearAdditiveUtility } from '../src/negotiate/utility.ts';
import { linearUtilities } from '../src/negotiate/utility-arrays.ts';

/** Result of {@link benchPareto}. */
export interface ParetoBenchResult {
  readonly outcomes: number;
  readonly paretoSize: number;
  /** Wall time of utilities + frontier, in seconds. */
  readonly seconds: number;
}

/** The benchmark domain and two random linear-additive profiles over it. */
function benchDomain(
  issues = 6,
  values = 10,
  seed = 2010,
): { domain: Domain; a: LinearAdditiveUtility; b: LinearAdditiveUtility } {
  const domain = createDomain(
    'bench',
    Array.from({ length: issues }, (_, i) =>
      discreteIssue(
        `issue${i}`,
        Array.from({ length: values }, (_, v) => `v${v}`),
      ),
    ),
  );
  const rng = createRng(seed);
  const profile = (): LinearAdditiveUtility => {
    const weights: Record<string, number> = {};
    const evaluations: Record<string, Record<string, number>> = {};
    for (const issue of domain.issues) {
      weights[issue.name] = 0.1 + rng.uniform();
      evaluations[issue.name] = Object.fromEntries(
        (issue.kind === 'discrete' ? issue.values : []).map((v) => [String(v), rng.int(1, 100)]),
      );
    }
    return linearAdditiveUtility(domain, { weights, evaluations });
  };
  return { domain, a: profile(), b: profile() };
}

/**
 * Time the Pareto frontier of a 10^6-outcome domain (utilities included).
 *
 * @example
 * ```ts
 * benchPareto(); // { outcomes: 1000000, paretoSize: …, seconds: 0.1… }
 * ```
 */
export function benchPareto(issues = 6, values = 10, seed = 2010): ParetoBenchResult {
  const { a, b } = benchDomain(issues, values, seed);
  const t0 = performance.now();
  const uA = linearUtilities(a);
  const uB = linearUtilities(b);
  const front = paretoIndices(uA, uB);
  const seconds = (performance.now() - t0) / 1000;
  return { outcomes: uA.length, paretoSize: front.length, seconds };
}
