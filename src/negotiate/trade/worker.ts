/**
 * A trade-domain pool worker: builds the solver of its `workerData` (a TradeSpec) once, then solves
 * chunks of deals with {@link solveChunk}: each chunk from the warm start it carries (the map's
 * anchor), so the answers do not depend on which worker ran which chunk.
 */
import { workerData } from 'node:worker_threads';
import type { TradeSpec } from './state.ts';
import { makeTradeSolver, type DealEval } from './solver.ts';
import { solveChunk, type TradeTask } from './chunk.ts';

const solver = makeTradeSolver(workerData as TradeSpec);

/** Solves a chunk from its warm start. */
export default function solveTask(task: TradeTask): Omit<DealEval, 'warm'>[] {
  return solveChunk(solver, task.deals, task.warm);
}
