/** The bounded optimisers of the strategy layer and the dispatcher that picks one. */
import type { Method } from '../../spec/strategy.ts';
import { brent } from './brent.ts';
import { gridSearch } from './grid.ts';
import { nelderMead } from './nelderMead.ts';
import { quasiNewton } from './quasiNewton.ts';
import type { BoxProblem, OptimizeOptions, OptimizeResult } from './types.ts';
import * as msg from '../../spec/messages/strategy.ts';

export type { BoxProblem, OptimizeOptions, OptimizeResult };

/**
 * Maximises `p` from `x0` with `method` (`auto`: Brent in one dimension, quasi-Newton otherwise).
 *
 * @example
 * const r = await maximize(problem, Float64Array.of(0), 'auto', { xtol: 1e-7, maxEvaluations: 500, gridStep: 0.01 });
 * r.x; r.f; r.converged;
 */
export function maximize(p: BoxProblem, x0: Float64Array, method: Method, o: OptimizeOptions): Promise<OptimizeResult> {
  if (x0.length !== p.lo.length || x0.length !== p.hi.length) {
    throw new RangeError(msg.startValues(p.lo.length, x0.length));
  }
  switch (method) {
    case 'brent':
      return brent(p, x0, o);
    case 'grid':
      return gridSearch(p, x0, o);
    case 'nelder-mead':
      return nelderMead(p, x0, o);
    case 'quasi-newton':
      return quasiNewton(p, x0, o);
    case 'auto':
      return x0.length === 1 ? brent(p, x0, o) : quasiNewton(p, x0, o);
  }
}
