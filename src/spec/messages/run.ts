/**
 * Messages of sweeps, stored runs and reports (src/sweep, src/store, src/report).
 * Rules of the catalogue: src/spec/messages/README.md.
 */

// Sweeps

export const notAnObject = (path: string, found: string) => `Expected ${path} to be an object or list, found ${found}`;

export const badIndex = (path: string, last: number, found: string) =>
  `Expected an index of ${path} (0–${last}), found ${found}`;

export const unknownPrior = (ids: string[], found: string) => `Expected a prior of ${ids.join(', ')}, found "${found}"`;

export const priorDoesNotApply = (id: string, what: string) =>
  `Expected prior ${id} to apply to the scenario, found that it does not (${what})`;

export const incompleteSweep = (failed: number, notConverged: number, requested: number, centralFailed: number) =>
  `Expected every run of the sweep to converge, found ${[
    failed && `${failed} of ${requested} draws failed`,
    notConverged && `${notConverged} of ${requested} did not converge`,
    centralFailed && `${centralFailed} central run(s) failed or did not converge`,
  ]
    .filter(Boolean)
    .join(', ')}; the bands leave them out`;

export const seedNotInteger = (found: number) => `Expected an integer seed, found ${found}`;

// Stored runs

export const badAge = (found: string) => `Expected an age like 30d, 12h or 90m, found "${found}"`;

// Reports

export const notMultisector = () => 'Expected the multisector model, found another';

export const solveDidNotConverge = (message: string | undefined) => `Expected the solve to converge, found: ${message}`;

export const unknownStep = (id: string, file: string, ids: string[]) =>
  `Expected a timeline step with id "${id}" in ${file}, found ${ids.join(', ')}`;

export const separationUnchecked = () =>
  'Warning: the ReLU separation check stopped at its iteration cap; separated zero flows may remain';

// src/report/chips.ts

export const usageTsxSrc = () => 'Usage: tsx src/report/chips.ts FILE [STEP_ID] [--json]';

// src/spec/palette.ts

export const directedPairSuch = (stringify: string | number) =>
  `Expected a directed pair such as USA<-CHN or CHN->USA, found ${stringify}`;

export const rrggbbColour = (stringify: string | number) => `Expected a #rrggbb colour, found ${stringify}`;
