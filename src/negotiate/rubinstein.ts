/**
 * Rubinstein (1982) alternating-offers bargaining over a pie of size 1.
 *
 * Infinite horizon, discount factors δ1 (first proposer) and δ2: the unique
 * subgame-perfect equilibrium gives the first proposer
 *   x* = (1 − δ2) / (1 − δ1·δ2),
 * accepted immediately. Finite horizon of T rounds with a common δ (the
 * proposer of round T takes everything): x_T = (1 − (−δ)^T) / (1 + δ).
 * Both closed forms are checked against backward induction in the tests.
 */
import * as msg from '../spec/messages/negotiate.ts';

function checkDelta(name: string, d: number): void {
  if (!(d >= 0 && d < 1)) throw new RangeError(msg.notInHalfOpenUnit(name, d));
}

/**
 * First proposer's equilibrium share, infinite horizon.
 *
 * @example
 * ```ts
 * rubinsteinShare(0.9, 0.9); // 0.526316 (= 1 / 1.9)
 * ```
 */
export function rubinsteinShare(delta1: number, delta2: number): number {
  checkDelta('delta1', delta1);
  checkDelta('delta2', delta2);
  return (1 - delta2) / (1 - delta1 * delta2);
}

/**
 * First proposer's equilibrium share with T rounds and a common discount factor.
 *
 * @example
 * ```ts
 * finiteHorizonShare(0.9, 3); // 0.91
 * ```
 */
export function finiteHorizonShare(delta: number, rounds: number): number {
  if (!(delta >= 0 && delta <= 1)) throw new RangeError(msg.badDelta(delta));
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(msg.badRounds(rounds));
  return (1 - Math.pow(-delta, rounds)) / (1 + delta);
}

/**
 * Backward induction for T rounds with per-player discount factors: in the
 * last round the proposer takes all; earlier, the proposer offers the
 * responder exactly the discounted value of being the proposer next round.
 * Returns the first proposer's share.
 *
 * @example
 * ```ts
 * backwardInductionShare(0.9, 0.9, 2); // 0.1
 * ```
 */
export function backwardInductionShare(delta1: number, delta2: number, rounds: number): number {
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(msg.badRounds(rounds));
  // share = proposer's share in the current round, walking back from round T.
  let share = 1;
  for (let r = rounds - 1; r >= 1; r--) {
    // Proposer in round r is player 1 when r is odd; the responder is the next proposer.
    const responderDelta = r % 2 === 1 ? delta2 : delta1;
    share = 1 - responderDelta * share;
  }
  return share;
}

/** One step of a simulated alternating-offers game played by the equilibrium strategies. */
export interface BargainingStep {
  readonly round: number;
  readonly proposer: 1 | 2;
  /** Share of the pie the proposer keeps. */
  readonly keep: number;
  readonly accepted: boolean;
}

/**
 * Play T rounds of alternating offers where each responder accepts an offer
 * iff it is at least the discounted value of continuing, and each proposer
 * offers the least acceptable amount (values from backward induction).
 * Also lets tests check that deviating offers are rejected.
 *
 * @param firstOfferKeep - optional share the first proposer tries to keep (a deviation)
 */
export function simulateAlternatingOffers(
  delta1: number,
  delta2: number,
  rounds: number,
  firstOfferKeep?: number,
): { steps: BargainingStep[]; shares: [number, number] | null } {
  const steps: BargainingStep[] = [];
  for (let r = 1; r <= rounds; r++) {
    const proposer: 1 | 2 = r % 2 === 1 ? 1 : 2;
    const remaining = rounds - r + 1;
    // Equilibrium share of the proposer of a game with `remaining` rounds, own δ first.
    const eq =
      proposer === 1
        ? backwardInductionShare(delta1, delta2, remaining)
        : backwardInductionShare(delta2, delta1, remaining);
    const keep = r === 1 && firstOfferKeep !== undefined ? firstOfferKeep : eq;
    const responderDelta = proposer === 1 ? delta2 : delta1;
    const continuation =
      remaining > 1
        ? responderDelta *
          (proposer === 1
            ? backwardInductionShare(delta2, delta1, remaining - 1)
            : backwardInductionShare(delta1, delta2, remaining - 1))
        : 0;
    const accepted = 1 - keep >= continuation - 1e-12;
    steps.push({ round: r, proposer, keep, accepted });
    if (accepted) {
      // Shares are discounted to round-1 value by each player's own δ.
      const own = [Math.pow(delta1, r - 1), Math.pow(delta2, r - 1)];
      const s1 = proposer === 1 ? keep : 1 - keep;
      return { steps, shares: [s1 * own[0], (1 - s1) * own[1]] };
    }
  }
  return { steps, shares: null };
}

/**
 * The infinite-horizon share as the limit of backward induction with many
 * rounds (converges geometrically at rate δ1·δ2).
 */
export function rubinsteinShareByIteration(delta1: number, delta2: number, tolerance = 1e-13): number {
  checkDelta('delta1', delta1);
  checkDelta('delta2', delta2);
  // Stationary fixed point x = 1 − δ2·(1 − δ1·x), iterated from x = 1.
  let x = 1;
  for (let i = 0; i < 100_000; i++) {
    const next = 1 - delta2 * (1 - delta1 * x);
    if (Math.abs(next - x) < tolerance) return next;
    x = next;
  }
  return x;
}
