/**
 * Messages of scenario and input files (src/scenario, src/spec, and every reader of a YAML or JSON
 * input). Issue messages follow the file's place (`file:line:col path: …`): lower case.
 * Rules of the catalogue: src/spec/messages/README.md.
 */

export const notYaml = (reason: string) => `expected valid YAML or JSON, found ${reason}`;

export const unknownFields = (keys: string[]) => `expected only known fields, found ${keys.map((k) => `"${k}"`).join(', ')}`;

// Sweep files

export const unreadableSweepFile = (reason: string) => `expected a readable sweep file, found ${reason}`;

export const unknownSweepScenario = (found: string) => `expected a scenario file or embedded scenario id, found "${found}"`;

export const invalidSweptScenario = (where: string, drawn: boolean, issues: string) =>
  `expected a valid scenario${where ? ` at ${where}` : ''}${drawn ? ' with drawn parameters' : ''}, found: ${issues}`;
