/**
 * Messages of scenario and input files (src/scenario, src/spec, and every reader of a YAML or JSON
 * input). Issue messages follow the file's place (`file:line:col path: …`): lower case.
 * Rules of the catalogue: src/spec/messages/README.md.
 */
import { foundValue } from './found.ts';

export const notYaml = (reason: string) => `expected valid YAML or JSON, found ${reason}`;

// Sweep files

export const unreadableSweepFile = (reason: string) => `expected a readable sweep file, found ${reason}`;

export const unknownSweepScenario = (found: string) => `expected a scenario file or embedded scenario id, found "${found}"`;

export const invalidSweptScenario = (where: string, drawn: boolean, issues: string) =>
  `expected a valid scenario${where ? ` at ${where}` : ''}${drawn ? ' with drawn parameters' : ''}, found: ${issues}`;

// What was found, for the zod issues of every input file (src/spec/issues.ts)

const quoted = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

export const wrongType = (expected: string, found: unknown) =>
  `expected ${expected}, found ${found === undefined ? 'nothing (required)' : foundValue(found)}`;

export const notAnOption = (values: readonly unknown[], found: unknown, field?: string) =>
  `expected ${field ? `${field} ` : ''}${values.length === 1 ? quoted(values[0]) : `one of ${values.map(quoted).join(', ')}`}, found ${foundValue(found)}`;

export const sizeOutOfBounds = (bound: string, found: number | undefined) =>
  `expected ${bound}, found ${found === undefined ? 'another size' : found}`;

export const outOfBounds = (what: string, bound: string, found: unknown) => `expected ${what} ${bound}, found ${foundValue(found)}`;

export const badFormat = (format: string, found: unknown) => `expected ${format}, found ${foundValue(found)}`;

export const notMultiple = (divisor: string, found: unknown) => `expected a multiple of ${divisor}, found ${foundValue(found)}`;

export const unknownKeys = (keys: readonly string[]) =>
  `expected only known fields, found unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;

export const noUnionForm = (found: unknown) => `expected one of the forms this field takes, found ${foundValue(found)}`;

export const badKey = (origin: string, found: unknown) => `expected valid keys of the ${origin}, found ${foundValue(found)}`;

export const badElement = (origin: string, found: unknown) => `expected valid values of the ${origin}, found ${foundValue(found)}`;

// Gravity scenarios

export const reportWithoutGe = () => 'expected a counterfactual section (its GE countries are what the report shows), found none';

export const unknownReportCountry = (countries: readonly string[], found: string) =>
  `expected a country of the GE counterfactual (${countries.join(', ')}), found "${found}"`;
