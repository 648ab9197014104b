/**
 * Bargaining solution concepts for two parties, on a finite set of utility
 * points (usually the Pareto frontier of a discrete domain).
 *
 * Names follow the literature exactly (they differ between tools):
 * - Nash: max (uA − dA)(uB − dB) over points with both gains ≥ 0;
 * - Kalai–Smorodinsky: max over points of min_i (u_i − d_i)/(I_i − d_i), the
 *   discrete counterpart of "equal proportional gains toward the ideal point
 *   I" (I = best utility of each party over the set);
 * - egalitarian: max min_i (u_i − d_i) (equal absolute gains);
 * - utilitarian: max uA + uB.
 * GENIUS's "Kalai" (min |uA − uB|) is offered as {@link geniusKalaiIndex}.
 * Ties resolve to the larger uA + uB, then to the first point in input order.
 */

/** A point in the two-party utility plane. */
export type UtilityPair = readonly [number, number];

// Ties on the score are broken by the larger sum uA + uB, so the chosen point is
// never strictly dominated (a dominating point has an equal-or-better score and a
// larger sum); remaining ties keep the first point in input order.
function argmax(n: number, score: (k: number) => number, sum: (k: number) => number = () => 0): number {
  let best = -Infinity;
  let bestSum = -Infinity;
  let arg = -1;
  for (let k = 0; k < n; k++) {
    const s = score(k);
    if (s === -Infinity) continue;
    const t = sum(k);
    if (s > best || (s === best && t > bestSum)) {
      best = s;
      bestSum = t;
      arg = k;
    }
  }
  return arg;
}

const sumOf =
  (points: readonly UtilityPair[]) =>
  (k: number): number =>
    points[k][0] + points[k][1];

function gainsOk(p: UtilityPair, d: UtilityPair): boolean {
  return p[0] >= d[0] && p[1] >= d[1];
}

/**
 * Index of the Nash bargaining point, or -1 when no point improves on disagreement for both.
 *
 * @example
 * ```ts
 * nashIndex([[0, 2], [1, 1.5], [2, 0]], [0, 0]); // 1
 * ```
 */
export function nashIndex(points: readonly UtilityPair[], d: UtilityPair = [0, 0]): number {
  return argmax(
    points.length,
    (k) => (gainsOk(points[k], d) ? (points[k][0] - d[0]) * (points[k][1] - d[1]) : -Infinity),
    sumOf(points),
  );
}

/** The ideal point: each party's best utility over the points. */
export function idealPoint(points: readonly UtilityPair[]): UtilityPair {
  let a = -Infinity;
  let b = -Infinity;
  for (const p of points) {
    if (p[0] > a) a = p[0];
    if (p[1] > b) b = p[1];
  }
  return [a, b];
}

/**
 * Index of the Kalai–Smorodinsky point (max of the smaller proportional gain), or -1.
 *
 * @example
 * ```ts
 * kalaiSmorodinskyIndex([[0, 2], [1, 1.5], [2, 0]], [0, 0]); // 1
 * ```
 */
export function kalaiSmorodinskyIndex(points: readonly UtilityPair[], d: UtilityPair = [0, 0]): number {
  const ideal = idealPoint(points);
  const ra = ideal[0] - d[0];
  const rb = ideal[1] - d[1];
  return argmax(
    points.length,
    (k) => {
      const p = points[k];
      if (!gainsOk(p, d)) return -Infinity;
      // A party with no room to gain is indifferent; only the other ratio counts.
      const ga = ra > 0 ? (p[0] - d[0]) / ra : Infinity;
      const gb = rb > 0 ? (p[1] - d[1]) / rb : Infinity;
      const m = Math.min(ga, gb);
      return m === Infinity ? 0 : m;
    },
    sumOf(points),
  );
}

/** Index of the egalitarian point (max of the smaller absolute gain), or -1. */
export function egalitarianIndex(points: readonly UtilityPair[], d: UtilityPair = [0, 0]): number {
  return argmax(
    points.length,
    (k) => (gainsOk(points[k], d) ? Math.min(points[k][0] - d[0], points[k][1] - d[1]) : -Infinity),
    sumOf(points),
  );
}

/** Index of the utilitarian point (max uA + uB), or -1 for an empty set. */
export function utilitarianIndex(points: readonly UtilityPair[]): number {
  return argmax(points.length, (k) => points[k][0] + points[k][1]);
}

/** GENIUS's "Kalai" point: min |uA − uB| (ties: larger uA + uB). Not Kalai–Smorodinsky. */
export function geniusKalaiIndex(points: readonly UtilityPair[]): number {
  let arg = -1;
  for (let k = 0; k < points.length; k++) {
    const p = points[k];
    if (arg < 0) {
      arg = k;
      continue;
    }
    const q = points[arg];
    const dp = Math.abs(p[0] - p[1]);
    const dq = Math.abs(q[0] - q[1]);
    if (dp < dq || (dp === dq && p[0] + p[1] > q[0] + q[1])) arg = k;
  }
  return arg;
}

/**
 * Euclidean distance between two utility points (e.g. an agreement and the Nash point).
 *
 * @example
 * ```ts
 * utilityDistance([1, 1], [0.5, 1]); // 0.5
 * ```
 */
export function utilityDistance(p: UtilityPair, q: UtilityPair): number {
  return Math.hypot(p[0] - q[0], p[1] - q[1]);
}

/**
 * Opposition of a two-party domain (NegMAS/GENIUS "opposition"): utilities
 * are normalised by each party's maximum so the ideal point is (1, 1), and
 * the result is the distance from (1, 1) of the closest outcome. 0 means a
 * win-win outcome exists; √2 is the largest possible value.
 *
 * @example
 * ```ts
 * opposition(Float64Array.of(1, 0), Float64Array.of(0, 1)); // 1
 * ```
 */
export function opposition(uA: ArrayLike<number>, uB: ArrayLike<number>): number {
  let maxA = -Infinity;
  let maxB = -Infinity;
  for (let k = 0; k < uA.length; k++) {
    if (uA[k] > maxA) maxA = uA[k];
    if (uB[k] > maxB) maxB = uB[k];
  }
  let best = Infinity;
  for (let k = 0; k < uA.length; k++) {
    const a = maxA > 0 ? uA[k] / maxA : 1;
    const b = maxB > 0 ? uB[k] / maxB : 1;
    const dist = (1 - a) * (1 - a) + (1 - b) * (1 - b);
    if (dist < best) best = dist;
  }
  return Math.sqrt(best);
}
