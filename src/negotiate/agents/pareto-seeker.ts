/**
 * Pareto-seeking agent: concedes on its own utility like a time-dependent
 * agent, but among the bids that meet its current target it offers the one
 * the opponent model rates highest, moving offers toward the frontier.
 * Only bids within `window` above the target are scanned (at most `maxScan`),
 * which keeps each turn cheap on large outcome spaces.
 */
import type { BidSpaceOptions } from '../bid-space.ts';
import type { Bid } from '../domain.ts';
import type { Agent } from '../session.ts';
import type { UtilityFunction } from '../utility.ts';
import type { OpponentModel } from './frequency-model.ts';
import { frequencyModel } from './frequency-model.ts';
import type { ConcessionCore } from './time-dependent.ts';
import { acceptOffer, concessionTarget, initConcession } from './time-dependent.ts';

/** Options of {@link paretoSeekerAgent}. */
export interface ParetoSeekerOptions extends BidSpaceOptions {
  /** Concession exponent of the target curve (default 0.5). */
  readonly e?: number;
  /** Utility band above the target considered for offers (default 0.05). */
  readonly window?: number;
  /** Maximum number of bids scanned per offer (default 5000). */
  readonly maxScan?: number;
  readonly name?: string;
  readonly utility?: UtilityFunction;
  readonly acceptAtDeadline?: boolean;
}

/**
 * Create a frequency-model Pareto seeker.
 *
 * @example
 * ```ts
 * const agent = paretoSeekerAgent({ e: 0.5 });
 * ```
 */
export function paretoSeekerAgent(options: ParetoSeekerOptions = {}): Agent {
  const e = options.e ?? 0.5;
  const window = options.window ?? 0.05;
  const maxScan = options.maxScan ?? 5000;
  let core: ConcessionCore | null = null;
  let model: OpponentModel | null = null;
  const target = (t: number): number => concessionTarget(t, e, core!.uMax, core!.uRes);
  return {
    name: options.name ?? 'Pareto seeker',
    init(ctx) {
      core = initConcession(ctx, options);
      model = frequencyModel(ctx.domain);
    },
    respond(offer, state) {
      model!.observe(offer);
      return acceptOffer(core!, offer, target(state.time), state, options.acceptAtDeadline ?? true);
    },
    propose(state) {
      const space = core!.space;
      const tgt = target(state.time);
      const last = space.rankAtLeast(tgt);
      if (model!.observations === 0) return space.bidAt(0);
      // Scan from the cheapest acceptable bid upwards within the window.
      let best: Bid = space.bidAt(last);
      let bestScore = model!.estimate(best);
      const ceiling = space.utilityAt(last) + window;
      for (
        let r = last - 1, scanned = 0;
        r >= 0 && scanned < maxScan && space.utilityAt(r) <= ceiling;
        r--, scanned++
      ) {
        const bid = space.bidAt(r);
        const s = model!.estimate(bid);
        if (s > bestScore) {
          best = bid;
          bestScore = s;
        }
      }
      return best;
    },
  };
}
