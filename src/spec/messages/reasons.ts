/**
 * Reasons that follow a place or a status word, in lower case: why an optimiser stopped (a
 * strategy result's `message`, printed after its status), and why commander refused an option's
 * argument (it prints them after "option '--x <n>' argument 'y' is invalid."). Rules of the
 * catalogue: src/spec/messages/README.md.
 */

// src/cli/executor.ts

export const positiveWholeNumber = (v: string | number) =>
  `expected a positive whole number, found "${v}"`;

// src/cli/sweep.ts

export const wholeNumber = (v: string | number) =>
  `expected a whole number from 0 to 2147483647, found "${v}"`;

// src/strategy/nash.ts

export const noConvergenceRounds = (maxRounds: string | number, change: string | number, tolerance: string | number) =>
  `no convergence in ${maxRounds} rounds: mean absolute change ${change} ≥ ${tolerance}`;

// src/strategy/optim/grid.ts

export const evaluationBudgetExhausted = (maxEvaluations: string | number) =>
  `evaluation budget of ${maxEvaluations} exhausted`;

export const latticeOptimumStep = (gridStep: string | number) =>
  `lattice optimum (step ${gridStep})`;

export const modelDidNot = () =>
  'the model did not solve on the lattice';

// src/cli/errors.ts

/** What human output shows instead of a table when a solve did not converge (it starts with the status). */
export const noAnswer = () =>
  'not converged: no results are shown (the numbers of a solve that did not converge are not answers; the reason is below, diagnostics in --json)';
