/**
 * What every model solve returns: the solver's status and per-country indicators in percent
 * (the result contract, docs/results.md; defined once as zod schemas in src/contract/result.ts).
 * Fields a model cannot produce are omitted.
 */
export type { SolveStatus, SolverReport, CountryResult, ModelResult } from '../contract/result.ts';

/**
 * Called by a solver once per iteration with its residual (in the solver's own norm) and the
 * tolerance it must reach: numbers only, so the hot loop allocates nothing; throttle in the callback.
 */
export type IterationFn = (iteration: number, residual: number, tolerance: number) => void;
