/**
 * One chunk of a trade-deal map, solved in order: the first deal from the given warm start (the
 * map's anchor solution), each later one from its predecessor's solution (neighbouring deals of the
 * mixed-radix enumeration differ in one issue, so the start is close). The same function runs in
 * pool workers and inline, so a map's answers do not depend on the number of workers.
 */
import type { DealEval, TradeSolver } from './solver.ts';

/** One task: the values of a chunk of deals (issue order) and the warm start of its first deal. */
export interface TradeTask {
  deals: number[][];
  warm?: unknown;
}

/**
 * Solves the deals of a chunk in order, chaining warm starts from `warm`.
 *
 * @example
 * const out = solveChunk(makeTradeSolver(spec), [[0.25, 0], [0.4, 0]], anchor.warm);
 */
export function solveChunk(
  solver: TradeSolver,
  deals: readonly ArrayLike<number>[],
  warm: unknown,
): Omit<DealEval, 'warm'>[] {
  let start = warm;
  return deals.map((values) => {
    const e = solver.evaluate(values, start);
    if (e.status === 'converged') start = e.warm;
    const { warm: _w, ...rest } = e;
    return rest;
  });
}
