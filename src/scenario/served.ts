/**
 * Scenarios that arrive over the API: parsed as in the CLI, but their dataset named by embedded id
 * only (never a server folder: `/proc/self/cwd/data/…` or `../` would let a client read any path).
 */
import { embeddedDatasetIds, isEmbeddedDatasetId } from '../data/load.ts';
import { ScenarioError } from '../spec/errors.ts';
import { parseScenarioText, type ParsedScenario } from './parse.ts';
import * as msg from '../spec/messages/scenario.ts';

/** Parses a scenario sent to the server; ScenarioError at `dataset` when it names a path. */
export function parseServedScenario(text: string, file: string): ParsedScenario {
  const p = parseScenarioText(text, file);
  const id = p.scenario.dataset;
  if (id !== undefined && !isEmbeddedDatasetId(id)) {
    const message = msg.embeddedDatasetId(embeddedDatasetIds().join(', '), id.slice(0, 100));
    throw new ScenarioError(file, [{ path: ['dataset'], message, ...p.locate(['dataset']) }]);
  }
  return p;
}
