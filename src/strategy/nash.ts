/**
 * Trade-war (non-cooperative Nash) equilibrium by iterated best responses, as Ossa (2014): each
 * round every government best-responds (in turn with the latest policies, or all at once to the
 * previous round's), until the mean absolute change of all instruments in a round is below the
 * tolerance (Ossa stopped at 0.01; the default here is 1e-4). The whole path is reported, and
 * non-convergence (round limit, or a best response that did not converge) is reported, not hidden.
 */
import { bestResponse, type BestResponse } from './bestResponse.ts';
import { playerRecord, pointAt, policyRecord, type Game, type GamePoint } from './game.ts';
import type { WarmScope } from './evaluator.ts';
import * as msg from '../spec/messages/reasons.ts';
import type { NashRound } from '../contract/strategy.ts';

export interface NashResult extends GamePoint {
  converged: boolean;
  /** Why it stopped. */
  message: string;
  rounds: number;
  /** Mean absolute instrument change of the last round. */
  change: number;
  tolerance: number;
  path: NashRound[];
  /** The best responses of the last round. */
  last: BestResponse[];
}

function meanAbsChange(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += Math.abs(a[k] - b[k]);
  return s / a.length;
}

/**
 * Iterates best responses from `x0` until the mean absolute change is below `g.options.tolerance`
 * or `g.options.max_rounds` rounds have run.
 *
 * @example
 * const war = await nashEquilibrium(game, startOf(game));
 * war.converged; war.path.length;
 */
export async function nashEquilibrium(g: Game, x0: Float64Array): Promise<NashResult> {
  const { tolerance, max_rounds: maxRounds, update } = g.options;
  // Warm starts: every best response of a round starts from the solution at the round's starting
  // policy (its anchor) and chains inside its own scope, so rounds are reproducible on any number of workers.
  const s0 = g.evaluator.scope(g.evaluator.recentWarm(x0));
  const start = await pointAt(g, x0, s0);
  let anchor = s0.warmOf(x0) ?? s0.anchor;
  const path: NashRound[] = [
    {
      round: 0,
      policy: policyRecord(g, start.x),
      objectives: playerRecord(g, start.objectives),
      change: NaN,
      evaluations: 0,
    },
  ];
  let x = Float64Array.from(x0);
  let last: BestResponse[] = [];
  let change = Infinity;
  for (let round = 1; round <= maxRounds; round++) {
    const before = Float64Array.from(x);
    const used0 = g.evaluator.stats.requested;
    last = [];
    let scopes: WarmScope[] = [];
    if (update === 'sequential') {
      for (let k = 0; k < g.players.length; k++) {
        const scope = g.evaluator.scope(anchor);
        const br = await bestResponse(g, k, x, scope);
        last.push(br);
        x = Float64Array.from(br.x);
        anchor = scope.warmOf(x) ?? anchor;
      }
    } else {
      scopes = g.players.map(() => g.evaluator.scope(anchor));
      last = await Promise.all(g.players.map((_, k) => bestResponse(g, k, before, scopes[k])));
      last.forEach((br, k) => g.owned[k].forEach((i) => (x[i] = br.x[i])));
    }
    const sr = g.evaluator.scope(anchor);
    const p = await pointAt(g, x, sr);
    // The new anchor: the solution at x (solved here, or by the best response whose end point it is).
    anchor = [sr, ...scopes].map((s) => s.warmOf(x)).find((w) => w !== undefined) ?? anchor;
    change = meanAbsChange(before, x);
    path.push({
      round,
      policy: policyRecord(g, x),
      objectives: playerRecord(g, p.objectives),
      change,
      evaluations: g.evaluator.stats.requested - used0,
    });
    if (change < tolerance) {
      const failed = last.filter((b) => !b.converged).map((b) => `${b.player} (${b.message})`);
      const end: NashResult = {
        ...p,
        converged: failed.length === 0,
        rounds: round,
        change,
        tolerance,
        path,
        last,
        message: '',
      };
      end.message =
        failed.length === 0
          ? msg.meanAbsoluteChange(change.toExponential(2), tolerance, round)
          : msg.meanAbsoluteChangeBelow(tolerance, failed.join('; '));
      return end;
    }
  }
  const p = await pointAt(g, x);
  return {
    ...p,
    converged: false,
    rounds: maxRounds,
    change,
    tolerance,
    path,
    last,
    message: msg.noConvergenceRounds(maxRounds, change.toExponential(2), tolerance),
  };
}
