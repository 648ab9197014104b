/**
 * Reasons that follow a place or a status word, in lower case: why an optimiser stopped (a
 * strategy result's `message`, printed after its status), and why commander refused an option's
 * argument (it prints them after "option '--x <n>' argument 'y' is invalid."). Rules of the
 * catalogue: src/spec/messages/README.md.
 */

// src/cli/executor.ts

export const positiveWholeNumber = (v: string | number) => `expected a positive whole number, found "${v}"`;

// src/cli/sweep.ts

export const wholeNumberUpTo = (v: string | number) => `expected a whole number from 0 to 2147483647, found "${v}"`;

// src/strategy/nash.ts

export const noConvergenceRounds = (maxRounds: string | number, change: string | number, tolerance: string | number) =>
  `no convergence in ${maxRounds} rounds: mean absolute change ${change} ≥ ${tolerance}`;

export const meanAbsoluteChange = (change: string | number, tolerance: string | number, round: string | number) =>
  `mean absolute change ${change} < ${tolerance} after ${round} rounds`;

export const meanAbsoluteChangeBelow = (tolerance: string | number, failed: string | number) =>
  `mean absolute change below ${tolerance}, but best responses did not converge: ${failed}`;

// src/strategy/optim/grid.ts

export const evaluationBudgetExhausted = (maxEvaluations: string | number) =>
  `evaluation budget of ${maxEvaluations} exhausted`;

export const latticeOptimumStep = (gridStep: string | number) => `lattice optimum (step ${gridStep})`;

export const modelDidNotSolveOnLattice = () => 'the model did not solve on the lattice';

// src/cli/errors.ts

/** What human output shows instead of a table when a solve did not converge (it starts with the status). */
export const noAnswer = () =>
  'not converged: no results are shown (the numbers of a solve that did not converge ' +
  'are not answers; the reason is below, diagnostics in --json)';

// src/strategy/cooperative.ts

export const noAgreement = (min: string | number) =>
  `no agreement found that every player prefers to the war (smallest gain ${min}%)`;

// src/strategy/optim/quasiNewton.ts

export const modelDidNotSolve = () => 'the model did not solve at the start';

export const modelDidNotSolveFinite = () => 'the model did not solve at a finite-difference point';

export const projectedGradient = (pg: string | number, PG_TOL: string | number) =>
  `projected gradient ${pg} < ${PG_TOL}`;

export const noImprovingStep = () =>
  'no improving step along the search direction (optimum to the precision of the objective)';

export const objectiveImprovedLess = (ftol: string | number, FTOL_WINDOW: string | number) =>
  `objective improved by less than ${ftol} over ${FTOL_WINDOW} iterations`;

export const stepBelowXtol = (smax: string | number, xtol: string | number) => `step ${smax} < xtol ${xtol}`;
