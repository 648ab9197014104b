/**
 * Messages of the strategy engine (src/strategy): games, instruments, optimisers and their
 * checks. Rules of the catalogue: src/spec/messages/README.md.
 */

// src/strategy/game.ts

export const modelSolve = (policy: string | number, reason: string | number) =>
  `Expected the model to solve at ${policy}, found: ${reason}`;

// src/strategy/optim/brent.ts

export const oneDimensionalProblem = (x0Count: string | number) =>
  `Expected a one-dimensional problem for brent, found ${x0Count} dimensions`;

// src/strategy/optim/index.ts

export const startValues = (loCount: string | number, x0Count: string | number) =>
  `Expected a start of ${loCount} values, found ${x0Count}`;

// src/strategy/run.ts

export const modelSolveFactual = (reason: string | number) =>
  `Expected the model to solve at the factual policy, found: ${reason}`;

// src/strategy/synthetic.ts

export const syntheticShape = (N: string | number, flowsCount: string | number, tariffsCount: string | number) =>
  `Expected ${N}×${N} flows and tariffs, found ${flowsCount} and ${tariffsCount} rows`;
