/**
 * Messages of the command line (src/cli): its commands' answers on stderr, option errors and the
 * lines that report what a command did. Rules of the catalogue: src/spec/messages/README.md.
 */

const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

export const valid = (file: string, kind: string, model: string, dataset: string) =>
  `${file}: valid (${kind}: ${model} on ${dataset})`;

export const validSweep = (file: string, scenario: string, points: number, draws: number) =>
  `${file}: valid (sweep: ${points} grid point${points === 1 ? '' : 's'} × ${draws} draws of ${scenario})`;

export const unknownCountriesOption = (
  dataset: string,
  regions: readonly string[],
  groups: readonly string[],
  found: readonly string[],
) => {
  const codes = found.length ? found.map((c) => `"${c}"`).join(', ') : 'no code';
  return (
    `Expected --countries to name regions or groups of dataset ${dataset} ` +
    `(regions: ${list(regions)}; groups: ${list(groups)}), found ${codes}`
  );
};

// src/cli/fit.ts

export const fitThroughMonth = (through: string | number) =>
  `lancaster: expected --through as YYYY-MM, found "${through}"`;

export const stepNotConvergedNoFit = () => 'lancaster: a step did not converge; no fit on numbers that are not answers';

// src/cli/gravity.ts

export const ppmlStarting = (name: string | number, yCount: string | number, factorsCount: string | number) =>
  `${name}: PPML on ${yCount} flows with ${factorsCount} fixed effects…`;

export const gravityNoAnswers = (message: string | number) => `lancaster: ${message}; no numbers above are answers.`;

// src/cli/negotiate.ts

export const negotiationNoAnswers = (message: string | number) => `lancaster: ${message}; no numbers are answers.`;

// src/cli/run.ts

export const someDrawsFailed = () =>
  'lancaster: some draws failed or did not converge; the bands leave them out (listed in report.json under bands)';

export const runStepNotConverged = () =>
  'lancaster: a step did not converge; its numbers are not answers (see the status in report.json)';

export const exploreInBrowser = () =>
  'Explore it in the browser: npm run serve (or lancaster serve), then open http://127.0.0.1:8080';

// src/cli/runs.ts

export const keepWholeNumber = (keep: string | number) => `Expected --keep as a whole number >= 0, found "${keep}"`;

export const pruneNeedsALimit = () => 'Expected --older-than and/or --keep, found neither';

// src/cli/schema.ts

export const unknownSchemaKind = (KINDS: string | number, what: string | number) =>
  `Expected lancaster schema ${KINDS}, found "${what}"`;

// src/cli/solve.ts

export const timelineStepNotConverged = () => 'lancaster: a step did not converge; its numbers are not answers.';

export const solveNotConverged = (reason: string | number) => `lancaster: the solve did not converge: ${reason}`;

export const solveOnQueue = (name: string | number) => `lancaster solve: on ${name}`;

// src/cli/strategy.ts

export const strategyNoAnswers = () => 'lancaster: the strategy did not converge; no numbers above are answers.';

// src/cli/worker.ts

export const workerNeedsRedis = () => 'lancaster worker: expected --redis URL or LANCASTER_REDIS_URL, found neither';

export const workerStopping = (sig: string | number) => `lancaster worker: ${sig}, finishing running jobs`;
