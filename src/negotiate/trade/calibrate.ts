/**
 * Ratification thresholds bounded by the record. A leader who approved deal d has a threshold
 * θ ≤ u_L(d), the deal's effect on the leader's objective (the state after it minus the state
 * before it, both dated states of the scenario's timeline, solved by the negotiation's own model
 * and objectives). Approvals alone bound θ from above only (2025 has no rejection), so
 *     θ_L ≤ b_L = min_d u_L(d),
 * and any prior must put its mass below b_L; the run reports the bound and whether each leader's
 * stated threshold is consistent with it (P(θ ≤ b_L), the chance it would have approved them all).
 */
import type { Dataset } from '../../data/dataset.ts';
import type { ParsedScenario } from '../../scenario/parse.ts';
import type { Threshold } from '../ratification.ts';
import { acceptanceProbability } from '../ratification.ts';
import { TradeEvaluator } from './evaluator.ts';
import type { TradeDomainSpec } from '../../spec/trade-domain.ts';
import { datedState, type TradeSpec } from './state.ts';
import * as msg from '../../spec/messages/negotiate.ts';
import type { ApprovedDeal, Calibration } from '../../contract/negotiation.ts';
export type { Calibration };

type Path = (string | number)[];

/** A leader's threshold as the scenario states it: a distribution, or a prior placed by the record. */
export type LeaderThreshold = Threshold | { kind: 'calibrated'; width: number };

/** The threshold a leader's `calibrated` prior stands for, given the bound b: uniform on [b − width, b]. */
export function resolveThreshold(t: LeaderThreshold, bound: number | undefined): Threshold {
  if (t.kind !== 'calibrated') return t;
  if (bound === undefined || !Number.isFinite(bound)) throw new RangeError(msg.finiteBoundApprovals(bound));
  return { kind: 'uniform', min: bound - t.width, max: bound };
}

/**
 * Solves the dated states of `dom.calibration` and bounds each leader's threshold.
 * `roles[2 + k]` is the objective index of leader k; `thresholds[k]` its stated threshold.
 *
 * @example
 * const c = calibrateThresholds(parsed, dataset, domain, spec, ['USA', 'CHN'], roles, thresholds, path);
 * c.leaders[0].bound; // Trump's threshold is at most this (pp of his objective)
 */
export function calibrateThresholds(
  p: ParsedScenario,
  d: Dataset,
  dom: TradeDomainSpec,
  spec: TradeSpec,
  parties: readonly [string, string],
  roles: readonly number[],
  thresholds: readonly [LeaderThreshold, LeaderThreshold],
  path: Path,
): Calibration | null {
  const cal = dom.calibration;
  if (!cal) return null;
  const scenario = dom.current_state?.scenario;
  const level = (date: string, at: Path) => {
    const { base } = datedState(p, d, { ...(scenario ? { scenario } : {}), date }, at);
    return new TradeEvaluator({ ...spec, base, issues: [] }, 0).evaluate([]);
  };
  const deals = cal.approved.map((a, k): ApprovedDeal => {
    const at: Path = [...path, 'calibration', 'approved', k];
    const before = level(a.before, [...at, 'before']);
    const after = level(a.after, [...at, 'after']);
    const effects = Array.from(after, (v, o) => v - before[o]);
    return {
      label: a.label,
      before: a.before,
      after: a.after,
      effects,
      leaders: [effects[roles[2]], effects[roles[3]]],
    };
  });
  const leaders = parties.map((party, k) => {
    let bound = Infinity,
      binding = '';
    for (const deal of deals)
      if (deal.leaders[k] < bound) {
        bound = deal.leaders[k];
        binding = deal.label;
      }
    const threshold = resolveThreshold(thresholds[k], bound);
    return {
      party,
      bound,
      binding,
      consistency: acceptanceProbability(threshold, bound),
      threshold,
      calibrated: thresholds[k].kind === 'calibrated',
    };
  });
  return { deals, leaders };
}
