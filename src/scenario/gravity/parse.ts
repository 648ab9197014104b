/**
 * Reading a gravity scenario: YAML or JSON validated by GravityScenarioSchema (issues located at
 * file:line:col), its panel read and turned into the estimator's arrays.
 */
import { parseYamlWith, readScenarioText } from '../parse.ts';
import { readPanel, scenarioDirOf } from './data.ts';
import { prepareGravity, type GravityPrepared } from './prepare.ts';
import { GravityScenarioSchema, type GravityScenario } from './schema.ts';

export interface ParsedGravity {
  scenario: GravityScenario;
  file: string;
  locate(path: (string | number)[]): { line: number; col: number } | undefined;
}

/** Parses and validates gravity scenario text (`file` names it in messages). Throws ScenarioError. */
export function parseGravityText(text: string, file: string): ParsedGravity {
  const { data, locate } = parseYamlWith(GravityScenarioSchema, text, file);
  return { scenario: data, file, locate };
}

/**
 * Parses the text and prepares its data. `scenarioDir` (CLI only) lets `data.file` be relative to
 * the scenario; without it only the data folder is read.
 *
 * @example
 * ```ts
 * const prepared = loadGravity(text, 'eu.yaml');
 * ```
 */
export function loadGravity(text: string, file: string, scenarioDir?: string): GravityPrepared {
  const parsed = parseGravityText(text, file);
  const panel = readPanel(parsed.scenario, { scenarioDir, scenarioFile: file, where: parsed.locate(['data', 'file']) });
  return prepareGravity(parsed.scenario, panel, file, parsed.locate);
}

/** Reads, validates and prepares a gravity scenario file given on the command line. */
export function loadGravityFile(file: string): GravityPrepared {
  return loadGravity(readScenarioText(file), file, scenarioDirOf(file));
}
