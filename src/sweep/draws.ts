/**
 * Seeded draws: prior row `p`, draw `k` of seed `s` uses xoroshiro128+ seeded with
 * s ⊕ hash(p.id), jumped k times (2^64 steps per jump: streams never overlap). A draw is thus a
 * pure function of (seed, row, k): the same on every executor and machine, computed alone or in a
 * sweep of any size, and unchanged when rows are added to the table.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { Distribution, Prior } from './priors.ts';
import * as msg from '../spec/messages/run.ts';

/** 32-bit FNV-1a of a string (a row's stream offset). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Two uniforms in (0, 1] and [0, 1) → a value of the distribution (Box–Muller for the log-normal). */
function sample(d: Distribution, u1: number, u2: number): number {
  switch (d.kind) {
    case 'lognormal': {
      const z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
      return d.median * Math.exp(d.sigma * z);
    }
    case 'uniform':
      return d.low + (d.high - d.low) * u1;
    case 'loguniform':
      return Math.exp(Math.log(d.low) + (Math.log(d.high) - Math.log(d.low)) * u1);
  }
}

/**
 * Values of `prior` for draws 0..n−1 of `seed`.
 *
 * @example
 * ```ts
 * drawValues(PRIORS[0], 2025, 3); // [1.08…, 0.87…, 1.21…] on every machine
 * ```
 */
export function drawValues(prior: Prior, seed: number, n: number): number[] {
  if (!Number.isInteger(seed)) throw new TypeError(msg.seedNotInteger(seed));
  const g = xoroshiro128plus((seed ^ fnv1a(prior.id)) | 0);
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const c = g.clone();
    out.push(sample(prior.distribution, uniformFloat64(c), uniformFloat64(c)));
    g.jump();
  }
  return out;
}
