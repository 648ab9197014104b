/**
 * Engine objects from the parsed `negotiation` section (src/spec/negotiation.ts): agents and
 * voters.
 */
import type { AgentSpec, VoterSpec } from '../spec/negotiation.ts';
import type { Agent } from './session.ts';
import { paretoSeekerAgent } from './agents/pareto-seeker.ts';
import { timeDependentAgent } from './agents/time-dependent.ts';
import { titForTatAgent } from './agents/tit-for-tat.ts';
import type { Voter } from './mediated.ts';
import { annealer, hillClimber } from './mediated.ts';
import * as msg from '../spec/messages/negotiate.ts';

/**
 * Build a SAOP agent from its parsed specification. `model_aware` needs the
 * economic model, so it is rejected here; the scenario runner builds it with
 * `modelAwareAgent`.
 *
 * @example
 * ```ts
 * agentFromSpec(AgentSpecSchema.parse({ kind: 'boulware' }));
 * ```
 */
export function agentFromSpec(spec: AgentSpec, name?: string): Agent {
  switch (spec.kind) {
    case 'time_dependent':
    case 'boulware':
    case 'conceder':
      return timeDependentAgent({ e: spec.e, name: name ?? spec.kind });
    case 'linear':
      return timeDependentAgent({ e: 1, name: name ?? 'linear' });
    case 'tit_for_tat':
      return titForTatAgent({ mode: spec.mode, initialConcession: spec.initial_concession, name });
    case 'pareto_seeker':
      return paretoSeekerAgent({ e: spec.e, window: spec.window, name });
    case 'model_aware':
      throw new TypeError(msg.agentNeedsNo());
  }
}

/** Build a mediated-protocol voter from its parsed specification. */
export function voterFromSpec(spec: VoterSpec): Voter {
  return spec.kind === 'annealer' ? annealer(spec.temperature) : hillClimber;
}
