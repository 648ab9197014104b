/**
 * Seeded random numbers for the negotiation engine.
 *
 * Everything random in `src/negotiate` (outcome sampling, breakdown draws,
 * private thresholds) goes through this wrapper so that one integer seed
 * reproduces a whole session. Never use `Math.random` in results.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import * as msg from '../spec/messages/negotiate.ts';

/** A small mutable random source built on pure-rand's xoroshiro128+. */
export interface Rng {
  /** Uniform float in [0, 1). */
  uniform(): number;
  /** Uniform integer in [from, to] (both included). */
  int(from: number, to: number): number;
  /** Standard normal draw (Box–Muller, no cached second value so streams stay simple). */
  normal(): number;
  /** An independent copy in the same state. */
  clone(): Rng;
}

function wrap(gen: RandomGenerator): Rng {
  return {
    uniform: () => uniformFloat64(gen),
    int: (from, to) => uniformInt(gen, from, to),
    normal: () => {
      // 1 - u keeps the argument of log strictly positive.
      const u1 = 1 - uniformFloat64(gen);
      const u2 = uniformFloat64(gen);
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    clone: () => wrap(gen.clone()),
  };
}

/**
 * Create a seeded random source.
 *
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.uniform(); // same value on every run
 * ```
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) {
    throw new TypeError(msg.integerSeed(String(seed)));
  }
  const gen = xoroshiro128plus(seed | 0);
  // Small seeds give correlated first outputs (seed 1 starts near 1.0);
  // discarding a short warm-up decorrelates them cheaply.
  for (let i = 0; i < 16; i++) gen.next();
  return wrap(gen);
}
