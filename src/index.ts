/**
 * Lancaster as a library: `import { … } from 'lancaster'`.
 *
 * The public API, and only it (package.json `exports` points here; everything else is internal
 * and may move). Load a dataset, read and validate a scenario, solve it, run its timeline, its
 * strategy section (best responses, trade-war equilibria, trade talks) or its negotiation, and the
 * result types they return. Every export carries TSDoc with an example; `npm run docs` renders
 * them (TypeDoc).
 *
 * @example
 * ```ts
 * import { readScenarioFile, solveScenario } from 'lancaster';
 * const r = solveScenario(readScenarioFile('scenarios/nafta-cp2015.yaml'));
 * if (r.status === 'converged') console.log(r.countries.MEX.welfare_pct); // ≈ 1.31
 * ```
 *
 * @packageDocumentation
 */

// Datasets
export { loadDataset, embeddedDatasetIds } from './data/load.ts';
export type { Dataset } from './data/dataset.ts';
export type { DatasetManifest } from './data/manifest.ts';
export { DataError } from './data/errors.ts';

// Scenarios: read, validate
export { parseScenarioText, readScenarioFile, type ParsedScenario } from './scenario/parse.ts';
export { checkScenario, solveScenario } from './scenario/solve.ts';
export { scenarioJsonSchema, type Scenario } from './spec/scenario.ts';
export { ScenarioError, type ScenarioIssue } from './spec/errors.ts';

// Results (the contract: docs/results.md)
export type { CountryResult, ModelResult, SolverReport, SolveStatus } from './model/result.ts';
export { resultJsonSchema, RESULT_SCHEMAS } from './contract/schema.ts';
export type { SolveResult, Provenance, PathPoint, HorizonStep, Horizon } from './contract/result.ts';

// Timelines
export {
  runTimeline,
  type TimelineRun,
  type TimelineRunOptions,
  type TimelineStepResult,
} from './scenario/runTimeline.ts';

// Strategy
export { prepareStrategy, type PreparedStrategy } from './strategy/check.ts';
export { runStrategy, type StrategyOutcome } from './strategy/run.ts';

// Negotiation
export { runTradeNegotiation, type TradeNegotiationRun, type TradeRunOptions } from './negotiate/trade/run.ts';
export { analyzeGeniusFiles } from './negotiate/analyze.ts';
