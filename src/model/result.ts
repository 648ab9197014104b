/**
 * What every model solve returns: the solver's status and per-country indicators in percent
 * (the result contract, docs/results.md; defined once as zod schemas in src/contract/result.ts).
 * Fields a model cannot produce are omitted.
 */
export type { SolveStatus, SolverReport, CountryResult, ModelResult } from '../contract/result.ts';
