/**
 * What POST /api/scenarios/validate answers for a scenario text: the file is checked as the run
 * kind it is (src/scenario/kind.ts; a sweep file when it has `scenario` and `draws`) by that kind's
 * handler, the same check a submitted run gets. Run in the request thread for small bodies and in
 * the body checker's worker (offload.ts) for large ones.
 */
import type { RunKind } from '../contract/run.ts';
import type { HandlerRegistry } from '../exec/registry.ts';
import { scenarioKind } from '../scenario/kind.ts';
import { isSweepText } from '../sweep/plan.ts';

/** The answer of a valid scenario. */
export interface ValidAnswer {
  valid: true;
  kind: RunKind;
  name: string;
  model: string;
  dataset: string;
  dataset_version: string | null;
}

/** Validates a scenario sent to the server; throws ScenarioError with located issues when it is not valid. */
export async function validateScenarioText(registry: HandlerRegistry, text: string): Promise<ValidAnswer> {
  const kind: RunKind = isSweepText(text) ? 'sweep' : scenarioKind(text);
  const check = await (await registry.handler(kind)).check(text, 'scenario');
  return {
    valid: true,
    kind,
    name: check.name ?? '',
    model: check.model ?? '',
    dataset: check.dataset ?? '',
    dataset_version: check.dataset_version ?? null,
  };
}
