/**
 * Timeline semantics (scenario-format.md): dated steps applied cumulatively, folded by the one
 * policy fold (src/policy/fold.ts) that single solves, strategy and negotiation use too. This
 * module binds the fold to a parsed scenario's model.
 */
import type { Dataset } from '../data/dataset.ts';
import type { ParsedScenario } from './parse.ts';
import { MODEL_SPECS } from '../model/registry.ts';
import { timelineStates as foldTimeline, type PolicyState, type StepState } from '../policy/fold.ts';

export type { StepState };

/**
 * The policy in force at each step of the scenario's timeline (the starting policy first): the
 * `policy:` section (preset, tariffs, export controls), then each step. Throws PolicyError with
 * the path of the entry at fault.
 */
export function timelineStates(p: ParsedScenario, d: Dataset): { start: PolicyState; steps: StepState[] } {
  return foldTimeline(d, MODEL_SPECS[p.scenario.model], p.scenario);
}
