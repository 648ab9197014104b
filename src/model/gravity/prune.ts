/**
 * Sample pruning before a PPML fit, as ppmlhdfe does (Correia, Guimarães & Zylkin 2020, section 2;
 * Correia 2015 on singletons):
 * - singletons: an observation alone in a level of some fixed effect is fit perfectly by that
 *   effect and carries no information about the slopes, but distorts the standard errors;
 * - fixed-effect separation: in a level where every y is 0 the effect goes to −∞ and the MLE does
 *   not exist; those observations are dropped (their fitted values are 0 at the limit).
 * Dropping one kind can create the other, so both are repeated until nothing changes.
 */
import type { Factor } from './hdfe.ts';

/** Counts of observations dropped by {@link pruneSample}. */
export interface PruneCounts {
  singletons: number;
  separatedByFixedEffects: number;
}

/**
 * Clears `active[i]` for the singletons and the fixed-effect-separated observations, in place.
 *
 * @example
 * ```ts
 * const active = new Uint8Array(n).fill(1);
 * const { singletons } = pruneSample(y, active, factors);
 * ```
 */
export function pruneSample(
  y: Float64Array,
  active: Uint8Array,
  factors: readonly Factor[],
  opts: { singletons?: boolean; separation?: boolean } = {},
): PruneCounts {
  const dropSingletons = opts.singletons ?? true;
  const dropSeparated = opts.separation ?? true;
  const counts: PruneCounts = { singletons: 0, separatedByFixedEffects: 0 };
  const n = y.length;
  const maxLevels = factors.reduce((m, f) => Math.max(m, f.levels), 0);
  const count = new Int32Array(maxLevels);
  const sumY = new Float64Array(maxLevels);
  let changed = true;
  while (changed) {
    changed = false;
    for (const f of factors) {
      const { codes, levels } = f;
      count.fill(0, 0, levels);
      sumY.fill(0, 0, levels);
      for (let i = 0; i < n; i++) {
        if (!active[i]) continue;
        count[codes[i]]++;
        sumY[codes[i]] += y[i];
      }
      for (let i = 0; i < n; i++) {
        if (!active[i]) continue;
        const c = codes[i];
        if (dropSingletons && count[c] === 1) {
          active[i] = 0;
          counts.singletons++;
          changed = true;
        } else if (dropSeparated && sumY[c] === 0) {
          active[i] = 0;
          counts.separatedByFixedEffects++;
          changed = true;
        }
      }
    }
  }
  return counts;
}
