/**
 * Best response of one government: the argmax of its objective over its own instruments, the
 * other players' instruments fixed. The optimisers only accept improving points, so a best
 * response is never worse than the policy it starts from.
 */
import { maximize } from './optim/index.ts';
import { optimizeOptions, pointAt, subProblem, type Game, type GamePoint } from './game.ts';
import type { WarmScope } from './evaluator.ts';

export interface BestResponse extends GamePoint {
  player: string;
  /** The player's objective at the start and at the response (percent). */
  before: number;
  after: number;
  evaluations: number;
  iterations: number;
  converged: boolean;
  message: string;
  method: string;
}

/**
 * Best response of player `k` (index into `g.players`) to `x`, starting from its values in `x`.
 * Its solves warm-start within `scope` (default: one anchored at the evaluator's recent solve nearest
 * `x`), so the answer does not depend on other best responses running at the same time.
 *
 * @example
 * const br = await bestResponse(game, 0, startOf(game));
 * br.after >= br.before; // true
 */
export async function bestResponse(
  g: Game,
  k: number,
  x: Float64Array,
  scope: WarmScope = g.evaluator.scope(g.evaluator.recentWarm(x)),
): Promise<BestResponse> {
  const idx = g.owned[k];
  const start = await pointAt(g, x, scope);
  const problem = subProblem(g, x, idx, (o) => o[k], scope);
  const r = await maximize(
    problem,
    Float64Array.from(idx, (i) => x[i]),
    g.options.method,
    optimizeOptions(g.options),
  );
  const y = Float64Array.from(x);
  // The optimiser's best point, unless it failed to improve on the start (keep the start then).
  if (r.f >= start.objectives[k]) idx.forEach((i, m) => (y[i] = r.x[m]));
  const end = await pointAt(g, y, scope);
  return {
    ...end,
    player: g.players[k].code,
    before: start.objectives[k],
    after: end.objectives[k],
    evaluations: r.evaluations,
    iterations: r.iterations,
    converged: r.converged,
    message: r.message,
    method: r.method,
  };
}
