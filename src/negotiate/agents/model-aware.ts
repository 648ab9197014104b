/**
 * Model-aware agents: evaluate offers with an arbitrary utility callback
 * (later: the economic model's government objective, where each evaluation
 * is an equilibrium solve). Evaluations are memoised per bid, and any
 * concession strategy can be driven by the callback.
 */
import type { Bid, Domain } from '../domain.ts';
import { bidKey } from '../domain.ts';
import type { Agent } from '../session.ts';
import type { UtilityFunction } from '../utility.ts';
import type { TimeDependentOptions } from './time-dependent.ts';
import { timeDependentAgent } from './time-dependent.ts';
import * as msg from '../../spec/messages/negotiate.ts';

/** What a model-aware agent needs from the economic model. */
export interface ModelEvaluator {
  /** Objective value of a deal for this side (higher is better). */
  evaluate(bid: Bid): number;
  /** Objective value of no deal (disagreement: current state or trade-war equilibrium). */
  readonly disagreement: number;
}

/** A utility function backed by a memoised evaluator, with counters for tests and profiling. */
export interface CachedUtility extends UtilityFunction {
  /** Number of distinct bids evaluated (cache misses). */
  readonly evaluations: number;
}

/**
 * Wrap an evaluator as a memoised utility function (keyed by the bid's values in domain order).
 *
 * @example
 * ```ts
 * const u = cachedUtility(domain, { evaluate: (b) => solve(b).welfare, disagreement: 0 });
 * ```
 */
function cachedUtility(domain: Domain, evaluator: ModelEvaluator, discount = 1): CachedUtility {
  const cache = new Map<string, number>();
  return {
    reservation: evaluator.disagreement,
    discount,
    get evaluations() {
      return cache.size;
    },
    utility(bid) {
      const key = bidKey(domain, bid);
      let v = cache.get(key);
      if (v === undefined) {
        v = evaluator.evaluate(bid);
        if (!Number.isFinite(v)) throw new RangeError(msg.finiteObjectiveValue(key, v));
        cache.set(key, v);
      }
      return v;
    },
  };
}

/** Options of {@link modelAwareAgent}: a concession curve plus the evaluator. */
export interface ModelAwareOptions extends Omit<TimeDependentOptions, 'utility'> {
  readonly evaluator: ModelEvaluator;
}

/**
 * A time-dependent agent that evaluates every bid with the model instead of
 * the session's utility function.
 *
 * @example
 * ```ts
 * const agent = modelAwareAgent({ e: 0.5, evaluator: { evaluate: (b) => objective(b), disagreement: 0 } });
 * ```
 */
export function modelAwareAgent(options: ModelAwareOptions): Agent {
  let inner: Agent | null = null;
  return {
    name: options.name ?? 'model-aware',
    init(ctx) {
      inner = timeDependentAgent({ ...options, utility: cachedUtility(ctx.domain, options.evaluator) });
      inner.init(ctx);
    },
    respond: (offer, state) => inner!.respond(offer, state),
    propose: (state) => inner!.propose(state),
  };
}
