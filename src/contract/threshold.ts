/**
 * A leader's threshold distribution as a probability: P(θ ≤ u), the chance that a leader accepts an
 * agreement worth u to it. Pure arithmetic on the contract's `Threshold`, shared by the ratification
 * engine (src/negotiate/ratification.ts) and the web app's negotiation view, so both draw the same
 * curve (it was written twice).
 */
import type { Threshold } from './negotiation.ts';

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 on erf; |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * P(θ ≤ u) for a threshold already checked (uniform min ≤ max, normal sd > 0).
 *
 * @example
 * ```ts
 * thresholdCdf({ kind: 'uniform', min: 0.4, max: 0.8 }, 0.5); // 0.25
 * ```
 */
export function thresholdCdf(t: Threshold, u: number): number {
  switch (t.kind) {
    case 'known':
      return u >= t.value ? 1 : 0;
    case 'uniform':
      if (t.max === t.min) return u >= t.min ? 1 : 0;
      return Math.min(1, Math.max(0, (u - t.min) / (t.max - t.min)));
    case 'normal':
      return normalCdf((u - t.mean) / t.sd);
  }
}
