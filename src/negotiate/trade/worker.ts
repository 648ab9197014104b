/**
 * A trade-domain pool worker: builds the solver of its `workerData` (a TradeSpec) once, then solves
 * chunks of deals in order, each warm-started from the worker's previous solution (neighbouring
 * deals of the mixed-radix enumeration differ in one issue, so the start is close).
 */
import { workerData } from 'node:worker_threads';
import type { TradeSpec } from './state.ts';
import { makeTradeSolver, type DealEval } from './solver.ts';

const solver = makeTradeSolver(workerData as TradeSpec);
let warm: unknown;

/** One task: the values of a chunk of deals (issue order). */
export interface TradeTask {
  deals: number[][];
}

/** Solves a chunk; warm states stay in the worker. */
export default function solveChunk(task: TradeTask): Omit<DealEval, 'warm'>[] {
  return task.deals.map((values) => {
    const e = solver.evaluate(values, warm);
    if (e.status === 'converged') warm = e.warm;
    const { warm: _w, ...rest } = e;
    return rest;
  });
}
