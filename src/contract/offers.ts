/**
 * The offers of a trade-domain negotiation as its progress events carry them (OfferEvent), made
 * from the moves its result stores: every move of each session (the logged one, the first seed, of
 * each pairing under each linkage), basket by basket, in the order they were made. One function
 * for the three places that need them: the engine reports each move with it as it is made, the
 * server replays a finished run's offers with it once its event log is gone, and the web app
 * rebuilds its offer streams from the result with it when the run ends (so none can be missing).
 */
import type { TradeLogEntry, TradeSession } from './negotiation.ts';
import type { OfferEvent, Progress } from './run.ts';
import * as msg from '../spec/messages/exec.ts';

/** The fraction of a negotiation run's offer events: after every deal is mapped (0.9), before the final deal (0.92). */
const OFFER_FRACTION = 0.91;

/** One move of session `s` on the basket of issues `basket`, as an offer event. */
export function offerOf(
  s: Pick<TradeSession, 'label' | 'linkage'>,
  basket: readonly string[],
  e: TradeLogEntry,
): OfferEvent {
  return {
    session: s.label,
    linkage: s.linkage,
    basket: [...basket],
    round: e.round,
    proposer: e.proposer,
    action: e.action,
    bid: e.bid ? { ...e.bid } : null,
    // Results stored before the model's utilities were kept with each move have none.
    utilities: e.model ?? null,
    seen: e.utilities,
  };
}

/**
 * Every move of a negotiation result's sessions, as the run reported them.
 *
 * @example
 * ```ts
 * const offers = offersOf(run.result); // offers.length === Σ sessions × baskets × log lines
 * ```
 */
export function offersOf(result: { sessions: readonly TradeSession[] }): OfferEvent[] {
  return result.sessions.flatMap((s) => s.baskets.flatMap((b) => b.log.map((e) => offerOf(s, b.issues, e))));
}

/** The progress event that carries an offer. */
export function offerProgress(offer: OfferEvent): Progress {
  return {
    fraction: OFFER_FRACTION,
    message: msg.progress.negotiating(offer.session, offer.linkage, offer.round),
    offer,
  };
}
