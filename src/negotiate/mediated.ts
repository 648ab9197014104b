/**
 * Mediated single-text protocol (Raiffa 1982; Klein et al. 2003).
 *
 * A mediator holds one draft agreement (the single text). Each round it
 * proposes a mutation of the draft (one issue changed at random, seeded);
 * each party votes, and the draft is replaced only when both accept. After
 * the last round the parties ratify the final draft: agreement iff both
 * utilities are at or above their reservation values ("accepted"),
 * otherwise no agreement ("deadline"). A per-round breakdown probability
 * applies as in SAOP (drawn after each round except the last).
 */
import type { Bid, Domain, IssueValue } from './domain.ts';
import { randomBid } from './outcome-space.ts';
import type { Rng } from './rng.ts';
import { createRng } from './rng.ts';
import type { BreakdownProbability, LogEntry, SessionResult } from './session.ts';
import { breakdownAt } from './session.ts';
import type { UtilityFunction } from './utility.ts';
import * as msg from '../spec/messages/negotiate.ts';

/** A party's voting rule on the mediator's proposals. */
export interface Voter {
  readonly name: string;
  /** True to accept replacing `current` by `proposal`. t is relative time in [0, 1]. */
  vote(current: Bid, proposal: Bid, t: number, utility: UtilityFunction, rng: Rng): boolean;
}

/** Hill climber: accepts a proposal iff it is at least as good as the current draft. */
export const hillClimber: Voter = {
  name: 'hill climber',
  vote: (cur, prop, _t, u) => u.utility(prop) >= u.utility(cur),
};

/**
 * Simulated annealer: also accepts a worse proposal with probability
 * exp(−Δ/T), with temperature T = T0·(1 − t) falling to 0 at the deadline.
 *
 * @example
 * ```ts
 * const voter = annealer(0.1);
 * ```
 */
export function annealer(initialTemperature: number): Voter {
  if (!(initialTemperature >= 0)) throw new RangeError(msg.negativeTemperature(initialTemperature));
  return {
    name: `annealer(T0=${initialTemperature})`,
    vote(cur, prop, t, u, rng) {
      const delta = u.utility(cur) - u.utility(prop);
      if (delta <= 0) return true;
      const temp = initialTemperature * (1 - t);
      return temp > 0 && rng.uniform() < Math.exp(-delta / temp);
    },
  };
}

/** Options of {@link runMediated}. */
export interface MediatedOptions {
  readonly domain: Domain;
  readonly utilities: readonly [UtilityFunction, UtilityFunction];
  readonly voters: readonly [Voter, Voter];
  readonly rounds: number;
  readonly breakdownProbability?: BreakdownProbability;
  readonly seed?: number;
  /** First draft; a seeded random bid by default. */
  readonly initial?: Bid;
}

function mutate(domain: Domain, bid: Bid, rng: Rng): Bid {
  const issue = domain.issues[rng.int(0, domain.issues.length - 1)];
  const out: Record<string, IssueValue> = { ...bid };
  if (issue.kind === 'discrete') {
    if (issue.values.length > 1) {
      // Pick a different value uniformly.
      const cur = issue.values.indexOf(bid[issue.name]);
      let j = rng.int(0, issue.values.length - 2);
      if (j >= cur) j++;
      out[issue.name] = issue.values[j];
    }
  } else {
    const span = issue.max - issue.min;
    const v = Number(bid[issue.name]) + 0.1 * span * rng.normal();
    out[issue.name] = Math.min(issue.max, Math.max(issue.min, v));
  }
  return out;
}

/**
 * Run a mediated single-text negotiation.
 *
 * @example
 * ```ts
 * runMediated({ domain, utilities: [a, b], voters: [hillClimber, hillClimber], rounds: 500, seed: 1 });
 * ```
 */
export function runMediated(options: MediatedOptions): SessionResult {
  const { domain, utilities, voters, rounds } = options;
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(msg.badRounds(rounds));
  const master = createRng(options.seed ?? 0);
  const mediatorRng = createRng(master.int(0, 0x7fffffff));
  const voterRngs = [createRng(master.int(0, 0x7fffffff)), createRng(master.int(0, 0x7fffffff))];
  const breakRng = createRng(master.int(0, 0x7fffffff));
  const us = (bid: Bid): [number, number] => [utilities[0].utility(bid), utilities[1].utility(bid)];
  const log: LogEntry[] = [];
  let text = options.initial ?? randomBid(domain, mediatorRng);
  const end = (agreement: Bid | null, reason: SessionResult['reason'], round: number, time: number): SessionResult => {
    const u: [number, number] = agreement ? us(agreement) : [utilities[0].reservation, utilities[1].reservation];
    return {
      agreement,
      reason,
      round,
      time,
      utilities: u,
      discounted: [u[0] * Math.pow(utilities[0].discount, time), u[1] * Math.pow(utilities[1].discount, time)],
      log,
    };
  };
  for (let r = 1; r <= rounds; r++) {
    const t = rounds > 1 ? (r - 1) / (rounds - 1) : 1;
    const proposal = mutate(domain, text, mediatorRng);
    const yes = voters.map((v, i) => v.vote(text, proposal, t, utilities[i], voterRngs[i]));
    const adopted = yes[0] && yes[1];
    log.push({
      round: r,
      turn: r - 1,
      time: t,
      proposer: 'mediator',
      action: adopted ? 'adopted' : 'rejected',
      bid: proposal,
      utilities: us(proposal),
    });
    if (adopted) text = proposal;
    if (r < rounds && breakRng.uniform() < breakdownAt(options.breakdownProbability, r)) {
      log.push({
        round: r,
        turn: r - 1,
        time: t,
        proposer: 'mediator',
        action: 'breakdown',
        bid: null,
        utilities: null,
      });
      return end(null, 'breakdown', r, t);
    }
  }
  const u = us(text);
  const ok = u[0] >= utilities[0].reservation && u[1] >= utilities[1].reservation;
  return end(ok ? text : null, ok ? 'accepted' : 'deadline', rounds, 1);
}
