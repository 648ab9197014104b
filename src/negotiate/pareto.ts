/**
 * Pareto frontier of two-party outcome utilities, on flat arrays.
 *
 * An outcome is on the frontier when no other outcome is at least as good
 * for both parties and strictly better for one. Outcomes with identical
 * utility pairs do not dominate each other, so all of them are kept.
 * Outcomes below reservation values are kept unless the caller filters.
 *
 * Algorithm (O(N) pre-filter + sort of survivors):
 * 1. bucket outcomes by uA into B buckets; `sufMax[b]` = best uB in buckets > b.
 *    Any outcome of bucket b with uB ≤ sufMax[b] is dominated (a point in a
 *    higher bucket has strictly larger uA and at least its uB) and dropped;
 * 2. sort the survivors by uA desc, uB desc and sweep, keeping an outcome when
 *    its uB beats every outcome with strictly larger uA and is the best uB of
 *    its own uA group.
 */
import * as msg from '../spec/messages/negotiate.ts';

/** Options of {@link paretoIndices}. */
export interface ParetoOptions {
  /** Keep only outcomes with uA ≥ minA and uB ≥ minB (e.g. reservation values). */
  readonly minA?: number;
  readonly minB?: number;
}

/**
 * Indices of the Pareto-optimal outcomes, sorted by uA descending (uB ascending).
 *
 * @param uA - utilities of party A, `uA[k]` for outcome k
 * @param uB - utilities of party B, same length
 * @example
 * ```ts
 * paretoIndices(Float64Array.of(1, 0, 0.5), Float64Array.of(0, 1, 0.4)); // Uint32Array [0, 2, 1]
 * ```
 */
export function paretoIndices(uA: Float64Array, uB: Float64Array, options: ParetoOptions = {}): Uint32Array {
  const n = uA.length;
  if (uB.length !== n) throw new RangeError(msg.utilityLengths(n, uB.length));
  const minA = options.minA ?? -Infinity;
  const minB = options.minB ?? -Infinity;
  if (n === 0) return new Uint32Array(0);

  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const a = uA[k];
    if (Number.isNaN(a) || Number.isNaN(uB[k])) throw new RangeError(msg.nanUtility(k));
    if (a < lo) lo = a;
    if (a > hi) hi = a;
  }
  const buckets = Math.max(1, Math.min(1 << 16, n >> 2));
  const scale = hi > lo ? (buckets - 1) / (hi - lo) : 0;
  const best = new Float64Array(buckets).fill(-Infinity);
  for (let k = 0; k < n; k++) {
    const b = Math.floor((uA[k] - lo) * scale);
    if (uB[k] > best[b]) best[b] = uB[k];
  }
  // sufMax[b] = max uB over buckets strictly above b.
  const sufMax = new Float64Array(buckets);
  let run = -Infinity;
  for (let b = buckets - 1; b >= 0; b--) {
    sufMax[b] = run;
    if (best[b] > run) run = best[b];
  }
  const cand: number[] = [];
  for (let k = 0; k < n; k++) {
    if (uB[k] > sufMax[Math.floor((uA[k] - lo) * scale)]) cand.push(k);
  }
  cand.sort((i, j) => uA[j] - uA[i] || uB[j] - uB[i] || i - j);

  const out: number[] = [];
  let bestB = -Infinity; // best uB among outcomes with strictly larger uA
  for (let s = 0; s < cand.length; ) {
    const a = uA[cand[s]];
    let e = s;
    while (e < cand.length && uA[cand[e]] === a) e++;
    const top = uB[cand[s]]; // sorted desc within the group
    if (top > bestB) {
      for (let q = s; q < e && uB[cand[q]] === top; q++) out.push(cand[q]);
      bestB = top;
    }
    s = e;
  }
  const filtered = out.filter((k) => uA[k] >= minA && uB[k] >= minB);
  return Uint32Array.from(filtered);
}

/**
 * Reference O(N²) frontier used by tests: all non-dominated indices, any order.
 */
export function paretoIndicesNaive(uA: ArrayLike<number>, uB: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < uA.length; i++) {
    let dominated = false;
    for (let j = 0; j < uA.length && !dominated; j++) {
      dominated = uA[j] >= uA[i] && uB[j] >= uB[i] && (uA[j] > uA[i] || uB[j] > uB[i]);
    }
    if (!dominated) out.push(i);
  }
  return out;
}
