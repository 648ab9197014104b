/**
 * Types shared by the protocols: agents, turn state, session log and outcome.
 */
import type { Bid, Domain } from './domain.ts';
import type { Rng } from './rng.ts';
import type { UtilityFunction } from './utility.ts';
import * as msg from '../spec/messages/negotiate.ts';
import type { LogEntry } from '../contract/negotiation.ts';
export type { LogEntry };

/** What an agent knows when the session starts. */
export interface AgentContext {
  readonly domain: Domain;
  /** The party's own utility (agents may evaluate with another one, see model-aware agents). */
  readonly utility: UtilityFunction;
  /** 0 = first proposer (party A), 1 = party B. */
  readonly role: 0 | 1;
  /** Seeded random source private to this agent. */
  readonly rng: Rng;
}

/** Where the negotiation stands at an agent's turn. */
export interface TurnState {
  /** 1-based round; a round is one turn of each party. */
  readonly round: number;
  /** 0-based turn index across the session. */
  readonly turn: number;
  /** Relative time in [0, 1] (1 at the final turn of a rounds deadline). */
  readonly time: number;
  /** True on the last turn: a counter-offer now cannot be answered. */
  readonly lastTurn: boolean;
}

/** A negotiating agent for the stacked alternating offers protocol. */
export interface Agent {
  readonly name: string;
  /** Called once before the first turn. */
  init(ctx: AgentContext): void;
  /** Decide on the opponent's standing offer; `true` accepts it. Also the agent's chance to observe it. */
  respond(offer: Bid, state: TurnState): boolean;
  /** Make an offer (called on the first turn and after each rejection). */
  propose(state: TurnState): Bid;
}

/** Why a session ended. */
export type EndReason = 'accepted' | 'deadline' | 'breakdown';

/** Result of a negotiation session. */
export interface SessionResult {
  readonly agreement: Bid | null;
  readonly reason: EndReason;
  /** Round in which the session ended. */
  readonly round: number;
  /** Relative time at the end. */
  readonly time: number;
  /** Undiscounted utilities of the agreement, or the reservation values without one. */
  readonly utilities: [number, number];
  /** GENIUS-discounted utilities at the end time (u·δ^t or reservation·δ^t). */
  readonly discounted: [number, number];
  readonly log: LogEntry[];
}

/** A session deadline: a number of rounds, or simulated seconds with a cost per turn. */
export type Deadline = { readonly rounds: number } | { readonly seconds: number; readonly secondsPerTurn?: number };

/**
 * Per-round probability that talks break down (a truce collapsing), or a
 * function of the round number (e.g. driven by trust).
 */
export type BreakdownProbability = number | ((round: number) => number);

/** Resolve a breakdown probability for a round and check its range. */
export function breakdownAt(p: BreakdownProbability | undefined, round: number): number {
  const v = p === undefined ? 0 : typeof p === 'number' ? p : p(round);
  if (!(v >= 0 && v <= 1)) throw new RangeError(msg.breakdownProbability(v));
  return v;
}
