/**
 * Time-dependent concession agents (Faratin et al. 1998; GENIUS
 * TimeDependentAgent): the target utility at relative time t is
 *   u(t) = u_max − (u_max − u_res) · t^(1/e),
 * Boulware for e < 1 (concedes late), linear for e = 1, conceder for e > 1.
 * u_res is the larger of the reservation value and the worst utility
 * available, so the agent never offers or accepts below its reservation.
 */
import type { BidSpace, BidSpaceOptions } from '../bid-space.ts';
import { createBidSpace } from '../bid-space.ts';
import type { Bid } from '../domain.ts';
import type { Agent, AgentContext, TurnState } from '../session.ts';
import type { UtilityFunction } from '../utility.ts';
import * as msg from '../../spec/messages/negotiate.ts';

/**
 * Target utility of a time-dependent agent.
 *
 * @example
 * ```ts
 * concessionTarget(0.5, 1, 1, 0.2); // 0.6 (linear)
 * ```
 */
export function concessionTarget(t: number, e: number, uMax: number, uRes: number): number {
  if (!(e > 0)) throw new RangeError(msg.positiveConcessionExponent(e));
  const tc = Math.min(1, Math.max(0, t));
  return uMax - (uMax - uRes) * Math.pow(tc, 1 / e);
}

/** Options of {@link timeDependentAgent}. */
export interface TimeDependentOptions extends BidSpaceOptions {
  /** Concession exponent e (> 0). */
  readonly e: number;
  readonly name?: string;
  /** Evaluate bids with this utility instead of the party's own (model-aware agents). */
  readonly utility?: UtilityFunction;
  /**
   * On the last turn accept any offer at or above reservation (default true): a counter-offer would
   * end without agreement.
   */
  readonly acceptAtDeadline?: boolean;
}

/** Internal state shared by concession-based agents. */
export interface ConcessionCore {
  space: BidSpace;
  utility: UtilityFunction;
  uMax: number;
  uRes: number;
}

/** Build the bid space and bounds for an agent (shared by several strategies). */
export function initConcession(
  ctx: AgentContext,
  options: BidSpaceOptions & { utility?: UtilityFunction },
): ConcessionCore {
  const utility = options.utility ?? ctx.utility;
  const space = createBidSpace(ctx.domain, utility, options);
  return { space, utility, uMax: space.max, uRes: Math.min(space.max, Math.max(utility.reservation, space.min)) };
}

/**
 * Acceptance rule shared by the concession agents: accept when the offer is
 * individually rational and reaches the current target, or on the last turn
 * when it is individually rational (AC_last).
 */
export function acceptOffer(
  core: ConcessionCore,
  offer: Bid,
  target: number,
  state: TurnState,
  acceptAtDeadline: boolean,
): boolean {
  const u = core.utility.utility(offer);
  if (u < core.utility.reservation) return false;
  return u >= target || (acceptAtDeadline && state.lastTurn);
}

/**
 * A time-dependent concession agent.
 *
 * @example
 * ```ts
 * const a = timeDependentAgent({ e: 0.2, name: 'Boulware' });
 * ```
 */
export function timeDependentAgent(options: TimeDependentOptions): Agent {
  let core: ConcessionCore | null = null;
  const e = options.e;
  concessionTarget(0, e, 1, 0); // validate e early
  const target = (t: number): number => concessionTarget(t, e, core!.uMax, core!.uRes);
  return {
    name: options.name ?? `time-dependent(e=${e})`,
    init(ctx) {
      core = initConcession(ctx, options);
    },
    respond(offer, state) {
      return acceptOffer(core!, offer, target(state.time), state, options.acceptAtDeadline ?? true);
    },
    propose(state) {
      return core!.space.bidAt(core!.space.rankAtLeast(target(state.time)));
    },
  };
}

/** Boulware agent (e = 0.2 unless given): holds out, concedes near the deadline. */
export function boulwareAgent(options: Partial<TimeDependentOptions> = {}): Agent {
  return timeDependentAgent({ name: 'Boulware', ...options, e: options.e ?? 0.2 });
}

/** Linear concession agent (e = 1). */
export function linearAgent(options: Partial<TimeDependentOptions> = {}): Agent {
  return timeDependentAgent({ name: 'Linear', ...options, e: 1 });
}

/** Conceder agent (e = 2 unless given): concedes early. */
export function concederAgent(options: Partial<TimeDependentOptions> = {}): Agent {
  return timeDependentAgent({ name: 'Conceder', ...options, e: options.e ?? 2 });
}
