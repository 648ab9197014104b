/**
 * Tit-for-tat concession (Faratin, Sierra & Jennings 1998), in utility terms.
 * The agent watches the opponent's offers through its own utility function:
 * when they improve, it concedes in kind; when they worsen, it hardens.
 * - absolute: my target moves by the same utility difference,
 *     target ← target − (o_t − o_{t−1});
 * - relative: my target moves by the same ratio,
 *     target ← target · o_{t−1} / o_t
 *   (absolute is used while o_{t−1} is ~0, where the ratio is undefined).
 * The target stays in [u_res, u_max]. Two pure TFT agents facing each other
 * never move first, so `initialConcession` lowers the first target change.
 */
import type { BidSpaceOptions } from '../bid-space.ts';
import type { Agent } from '../session.ts';
import type { UtilityFunction } from '../utility.ts';
import type { ConcessionCore } from './time-dependent.ts';
import { acceptOffer, initConcession } from './time-dependent.ts';

/** Options of {@link titForTatAgent}. */
export interface TitForTatOptions extends BidSpaceOptions {
  readonly mode: 'absolute' | 'relative';
  readonly name?: string;
  /** Concession made unconditionally after the first exchange (utility units). Default 0. */
  readonly initialConcession?: number;
  readonly utility?: UtilityFunction;
  readonly acceptAtDeadline?: boolean;
}

/** One tit-for-tat update of the target utility. */
export function titForTatTarget(
  mode: 'absolute' | 'relative',
  target: number,
  previous: number,
  current: number,
  uMax: number,
  uRes: number,
): number {
  let next: number;
  if (mode === 'relative' && previous > 1e-9 && current > 1e-9) next = target * (previous / current);
  else next = target - (current - previous);
  return Math.min(uMax, Math.max(uRes, next));
}

/**
 * A tit-for-tat agent.
 *
 * @example
 * ```ts
 * const tft = titForTatAgent({ mode: 'relative', initialConcession: 0.05 });
 * ```
 */
export function titForTatAgent(options: TitForTatOptions): Agent {
  let core: ConcessionCore | null = null;
  let target = 1;
  let last: number | null = null;
  let exchanges = 0;
  return {
    name: options.name ?? `tit-for-tat(${options.mode})`,
    init(ctx) {
      core = initConcession(ctx, options);
      target = core.uMax;
      last = null;
      exchanges = 0;
    },
    respond(offer, state) {
      const u = core!.utility.utility(offer);
      if (last !== null) target = titForTatTarget(options.mode, target, last, u, core!.uMax, core!.uRes);
      if (exchanges === 0 && options.initialConcession) {
        target = Math.max(core!.uRes, target - options.initialConcession);
      }
      last = u;
      exchanges++;
      return acceptOffer(core!, offer, target, state, options.acceptAtDeadline ?? true);
    },
    propose() {
      return core!.space.bidAt(core!.space.rankAtLeast(target));
    },
  };
}
