/**
 * Stacked alternating offers protocol (SAOP) for two parties, GENIUS-like.
 *
 * Deadline semantics (exact, tested):
 * - A round is one turn of A then one turn of B; with `{rounds: R}` there are
 *   K = 2R turns, turn k has round ⌊k/2⌋ + 1 and relative time t = k/(K − 1)
 *   (so the final turn sees t = 1).
 * - With `{seconds: S, secondsPerTurn: c}` (simulated time, c defaults to 1),
 *   turn k happens at elapsed time k·c and is allowed only while k·c < S;
 *   t = k·c/S.
 * - Turn 0: A offers. Every later turn: the agent may accept the standing
 *   offer (agreement, reason "accepted") or counter-offer.
 * - The final turn (B's turn of round R) may still accept; a counter-offer on
 *   the final turn is logged but can never be answered, so the session ends
 *   without agreement, reason "deadline".
 * - Breakdown: after every complete round without agreement, except the last,
 *   talks collapse with the round's breakdown probability (seeded draw),
 *   reason "breakdown". Probability 1 therefore ends the session in round 1.
 * Utilities are logged undiscounted; the result also reports GENIUS-discounted
 * values u·δ^t at the end time (reservation·δ^t without agreement).
 */
import type { Bid, Domain } from './domain.ts';
import { createRng } from './rng.ts';
import type { Agent, BreakdownProbability, Deadline, LogEntry, SessionResult, TurnState } from './session.ts';
import { breakdownAt } from './session.ts';
import type { UtilityFunction } from './utility.ts';
import * as msg from '../spec/messages/negotiate.ts';

/** Options of {@link runSaop}. */
export interface SaopOptions {
  readonly domain: Domain;
  /** Utilities of party A (first proposer) and party B. */
  readonly utilities: readonly [UtilityFunction, UtilityFunction];
  readonly agents: readonly [Agent, Agent];
  readonly deadline: Deadline;
  readonly breakdownProbability?: BreakdownProbability;
  /** Seed of every random draw of the session (agents' and breakdown). Default 0. */
  readonly seed?: number;
}

/** Turn schedule implied by a deadline: number of turns and the time of each turn. */
export function turnSchedule(deadline: Deadline): { turns: number; timeOf: (k: number) => number } {
  if ('rounds' in deadline) {
    const R = deadline.rounds;
    if (!Number.isInteger(R) || R < 1) throw new RangeError(msg.badRounds(R));
    const K = 2 * R;
    return { turns: K, timeOf: (k) => k / (K - 1) };
  }
  const S = deadline.seconds;
  const c = deadline.secondsPerTurn ?? 1;
  if (!(S > 0) || !(c > 0)) throw new RangeError(msg.badTimeLimit(S, c));
  return { turns: Math.ceil(S / c), timeOf: (k) => Math.min(1, (k * c) / S) };
}

/**
 * Run one SAOP session.
 *
 * @example
 * ```ts
 * const agents = [boulwareAgent(), concederAgent()];
 * const r = runSaop({ domain, utilities: [a, b], agents, deadline: { rounds: 50 }, seed: 1 });
 * r.reason; // 'accepted'
 * ```
 */
export function runSaop(options: SaopOptions): SessionResult {
  const { domain, utilities, agents } = options;
  const master = createRng(options.seed ?? 0);
  // Independent streams: one per agent, one for breakdown draws.
  agents.forEach((agent, role) =>
    agent.init({ domain, utility: utilities[role], role: role as 0 | 1, rng: createRng(master.int(0, 0x7fffffff)) }),
  );
  const breakRng = createRng(master.int(0, 0x7fffffff));
  const { turns, timeOf } = turnSchedule(options.deadline);
  const log: LogEntry[] = [];
  const us = (bid: Bid): [number, number] => [utilities[0].utility(bid), utilities[1].utility(bid)];
  const finish = (
    agreement: Bid | null,
    reason: SessionResult['reason'],
    round: number,
    time: number,
  ): SessionResult => {
    const u: [number, number] = agreement ? us(agreement) : [utilities[0].reservation, utilities[1].reservation];
    const disc: [number, number] = [
      u[0] * Math.pow(utilities[0].discount, time),
      u[1] * Math.pow(utilities[1].discount, time),
    ];
    return { agreement, reason, round, time, utilities: u, discounted: disc, log };
  };

  let standing: Bid | null = null;
  for (let k = 0; k < turns; k++) {
    const who = (k % 2) as 0 | 1;
    const state: TurnState = { round: Math.floor(k / 2) + 1, turn: k, time: timeOf(k), lastTurn: k === turns - 1 };
    if (standing) {
      if (agents[who].respond(standing, state)) {
        log.push({
          round: state.round,
          turn: k,
          time: state.time,
          proposer: who,
          action: 'accept',
          bid: standing,
          utilities: us(standing),
        });
        return finish(standing, 'accepted', state.round, state.time);
      }
    }
    const offer = agents[who].propose(state);
    log.push({
      round: state.round,
      turn: k,
      time: state.time,
      proposer: who,
      action: 'offer',
      bid: offer,
      utilities: us(offer),
    });
    standing = offer;
    // End of a round (B just moved) that is not the last: the truce may collapse.
    if (who === 1 && k < turns - 1 && breakRng.uniform() < breakdownAt(options.breakdownProbability, state.round)) {
      log.push({
        round: state.round,
        turn: k,
        time: state.time,
        proposer: who,
        action: 'breakdown',
        bid: null,
        utilities: null,
      });
      return finish(null, 'breakdown', state.round, state.time);
    }
  }
  const lastK = turns - 1;
  return finish(null, 'deadline', Math.floor(lastK / 2) + 1, timeOf(lastK));
}
