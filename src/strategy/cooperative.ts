/**
 * Trade talks (Ossa 2014, section V): efficient agreements with the trade war as threat point.
 * Gains are proportional welfare gains over the war, in percent:
 *     gain_g = 100 ((1 + G_g/100) / (1 + G_g^war/100) − 1).
 * - Equal proportional gains (Ossa's cooperative solution): maximise min_g gain_g, by a smooth
 *   soft-min −(1/κ) ln Σ exp(−κ gain_g) with continuation κ = 10, 100, 1000 (gains then equal to
 *   ≈ 1e-3 points; the spread is reported). It starts from the liberal corner (tariffs at their
 *   minimum, export approvals at their maximum).
 * - Nash bargaining: maximise Σ_g ln gain_g (the Nash product), from the equal-gains point.
 * - Frontier: generalised Nash products Σ_g ω_g ln gain_g for weights ω on the simplex (evenly
 *   spaced for two players, seeded Dirichlet draws otherwise); every point dominates the war,
 *   and dominated points are dropped, so the sample lies on the efficient frontier.
 * Every solve of the talks warm-starts within one {@link WarmScope} (the searches run one after
 * another), anchored at a cold solve of the liberal corner, so the agreements are the same bit for
 * bit on any number of workers.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { maximize, type OptimizeResult } from './optim/index.ts';
import { optimizeOptions, pointAt, subProblem, type Game, type GamePoint } from './game.ts';
import type { Method } from '../spec/strategy.ts';
import * as msg from '../spec/messages/reasons.ts';
import type { WarmScope } from './evaluator.ts';

export interface Agreement extends GamePoint {
  /** Proportional gain of each player over the war (percent). */
  gains: Float64Array;
  /** Bargaining weights (frontier points). */
  weights?: number[];
  converged: boolean;
  message: string;
  evaluations: number;
}

export interface Talks {
  equalGains: Agreement;
  nashBargaining: Agreement;
  frontier: Agreement[];
}

const KAPPAS = [10, 100, 1000];

/** Proportional gains over the war (percent). */
function gainsOver(war: Float64Array, objectives: Float64Array): Float64Array {
  return Float64Array.from(objectives, (o, k) => 100 * ((1 + o / 100) / (1 + war[k] / 100) - 1));
}

function softMin(g: Float64Array, kappa: number): number {
  let m = Infinity;
  for (const v of g) m = Math.min(m, v);
  let s = 0;
  for (const v of g) s += Math.exp(-kappa * (v - m));
  return m - Math.log(s) / kappa;
}

function logProduct(g: Float64Array, w: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < g.length; k++) {
    if (!(g[k] > 0)) return -Infinity;
    s += w[k] * Math.log(g[k]);
  }
  return s;
}

function jointMethod(m: Method): Method {
  return m === 'auto' || m === 'brent' ? 'quasi-newton' : m;
}

async function agreementAt(
  g: Game,
  war: Float64Array,
  r: OptimizeResult,
  evaluations: number,
  scope: WarmScope,
  weights?: number[],
): Promise<Agreement> {
  const p = await pointAt(g, r.x, scope);
  const a: Agreement = {
    ...p,
    gains: gainsOver(war, p.objectives),
    converged: r.converged,
    message: r.message,
    evaluations,
  };
  if (weights) a.weights = weights;
  return a;
}

/**
 * Efficient agreements relative to the war point `war` (objectives of `warPoint`).
 *
 * @example
 * const war = await nashEquilibrium(game, startOf(game));
 * const talks = await tradeTalks(game, war);
 * talks.nashBargaining.gains; // every entry > 0
 */
export async function tradeTalks(g: Game, warPoint: GamePoint): Promise<Talks> {
  const war = warPoint.objectives;
  const all = g.instruments.map((_, k) => k);
  const method = jointMethod(g.options.method);
  const opts = optimizeOptions(g.options);
  const nP = g.players.length;
  // Equal proportional gains by soft-min continuation from the liberal corner.
  let x: Float64Array = Float64Array.from(g.instruments, (r) => (r.kind === 'tariff' ? r.lo : r.hi));
  // One warm-start scope for every search: they run one after another, and the scope's points join
  // it in batch order, so no warm start depends on which concurrent solve finished first. Its first
  // point, the liberal corner, is solved cold (unless cached); later points warm-start from the nearest.
  const scope = g.evaluator.scope();
  await pointAt(g, x, scope);
  let r: OptimizeResult | undefined;
  let used = 0;
  for (const kappa of KAPPAS) {
    r = await maximize(
      subProblem(g, x, all, (o) => softMin(gainsOver(war, o), kappa), scope),
      x,
      method,
      opts,
    );
    used += r.evaluations;
    x = r.x;
  }
  const equalGains = await agreementAt(g, war, r!, used, scope);
  if (!(Math.min(...equalGains.gains) > 0)) {
    equalGains.converged = false;
    equalGains.message = msg.noAgreement(Math.min(...equalGains.gains).toFixed(4));
    return { equalGains, nashBargaining: { ...equalGains }, frontier: [] };
  }
  const product = async (w: number[], from: Float64Array) => {
    const res = await maximize(
      subProblem(g, from, all, (o) => logProduct(gainsOver(war, o), w), scope),
      from,
      method,
      opts,
    );
    return agreementAt(g, war, res, res.evaluations, scope, w);
  };
  const nashBargaining = await product(new Array(nP).fill(1), equalGains.x);
  delete nashBargaining.weights;
  const frontier: Agreement[] = [];
  for (const w of frontierWeights(nP, g.options.frontier, g.options.seed)) {
    const from = frontier.length ? frontier[frontier.length - 1].x : nashBargaining.x;
    frontier.push(await product(w, from));
  }
  const pool = [equalGains, nashBargaining, ...frontier];
  const efficient = frontier.filter(
    (a) => !pool.some((b) => b !== a && b.gains.every((v, k) => v >= a.gains[k] + 1e-9)),
  );
  return { equalGains, nashBargaining, frontier: efficient };
}

/**
 * Bargaining weights (each sums to the number of players): evenly spaced for two, seeded
 * Dirichlet(1) draws otherwise.
 */
function frontierWeights(players: number, count: number, seed: number): number[][] {
  if (players === 2)
    return Array.from({ length: count }, (_, k) => {
      const a = (2 * (k + 1)) / (count + 1);
      return [a, 2 - a];
    });
  const rng = xoroshiro128plus(seed);
  return Array.from({ length: count }, () => {
    const e = Array.from({ length: players }, () => -Math.log(1 - uniformFloat64(rng)));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => (players * v) / s);
  });
}
