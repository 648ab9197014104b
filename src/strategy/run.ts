/**
 * Runs a strategy section: best responses, a trade-war equilibrium, or trade talks from the
 * war, then one full solve at the policy found for the contract result. Solve counts (cache hits,
 * warm starts, solves per second) are part of the outcome.
 */
import type { Provenance } from '../contract/result.ts';
import type {
  PlayerSummary,
  ReportedAgreement,
  ReportedPoint,
  StrategyOutcome,
  StrategyResult,
} from '../contract/strategy.ts';
import { bestResponse, type BestResponse } from './bestResponse.ts';
import { tradeTalks, type Agreement } from './cooperative.ts';
import { makeGame, playerRecord, pointAt, policyRecord, startOf, type Game } from './game.ts';
import { makeSolver, type EvalSpec } from './models.ts';
import { nashEquilibrium } from './nash.ts';
import type { Strategy } from '../spec/strategy.ts';
import * as msg from '../spec/messages/strategy.ts';

export type { SolveCounts, StrategyOutcome } from '../contract/strategy.ts';

function reportAgreement(g: Game, a: Agreement): ReportedAgreement {
  const r: ReportedAgreement = {
    policy: policyRecord(g, a.x),
    objectives: playerRecord(g, a.objectives),
    gains: playerRecord(g, a.gains),
    converged: a.converged,
    message: a.message,
  };
  if (a.weights) r.weights = playerRecord(g, a.weights);
  return r;
}

/** Where a game's solution concept ended: the policy, whether every step converged, and what each step said. */
interface Played {
  x: Float64Array;
  converged: boolean;
  message: string;
}

/** Each player's best response to the others' start values, written into `out.responses`; the policy joins them. */
async function playBestResponses(g: Game, x0: Float64Array, out: Partial<StrategyOutcome>): Promise<Played> {
  const brs: BestResponse[] = [];
  for (let k = 0; k < g.players.length; k++) brs.push(await bestResponse(g, k, x0));
  const x = Float64Array.from(x0);
  brs.forEach((br, k) => g.owned[k].forEach((i) => (x[i] = br.x[i])));
  out.responses = brs.map((b) => ({
    player: b.player,
    policy: policyRecord(g, b.x),
    objectives: playerRecord(g, b.objectives),
    converged: b.converged,
    message: b.message,
    method: b.method,
    evaluations: b.evaluations,
    before: b.before,
    after: b.after,
  }));
  let message = brs.map((b) => `${b.player}: ${b.message}`).join('; ');
  if (brs.length > 1) message += " (each player responds to the others' start values)";
  return { x, converged: brs.every((b) => b.converged), message };
}

/**
 * The Nash tariff war, written into `out.war`, and for a cooperative game the trade talks after it
 * (`out.agreements`, `out.frontier`): the policy is the war's, or the chosen agreement's.
 */
async function playWarAndTalks(
  g: Game,
  s: Strategy,
  x0: Float64Array,
  factualObjectives: Float64Array,
  out: Partial<StrategyOutcome>,
): Promise<Played> {
  const war = await nashEquilibrium(g, x0);
  out.war = {
    policy: policyRecord(g, war.x),
    objectives: playerRecord(g, war.objectives),
    converged: war.converged,
    message: war.message,
    rounds: war.rounds,
    change: war.change,
    tolerance: war.tolerance,
    path: war.path,
  };
  if (s.kind !== 'cooperative') return { x: war.x, converged: war.converged, message: `war: ${war.message}` };
  // Gains over the war (Nash bargaining's threat point), or over the factual policy (Ossa's
  // efficient agreements with equal gains relative to the status quo).
  const reference = s.options.talks_reference === 'factual' ? { x: x0, objectives: factualObjectives } : war;
  const talks = await tradeTalks(g, reference);
  out.talks_reference = s.options.talks_reference;
  out.agreements = {
    'nash-bargaining': reportAgreement(g, talks.nashBargaining),
    'equal-gains': reportAgreement(g, talks.equalGains),
  };
  out.frontier = talks.frontier.map((a) => reportAgreement(g, a));
  const chosen = s.options.solution === 'equal-gains' ? talks.equalGains : talks.nashBargaining;
  return {
    x: chosen.x,
    converged: war.converged && chosen.converged && Math.min(...chosen.gains) > 0,
    message: `war: ${war.message}; ${s.options.solution}: ${chosen.message}`,
  };
}

/**
 * Solves the game of `s` on `spec` and closes the worker pool.
 *
 * @example
 * const out = await runStrategy(spec, strategy);
 * out.policy;      // { us_tariff: 0.27 }
 * out.objectives;  // { USA: 1.95 }
 */
export async function runStrategy(spec: EvalSpec, s: Strategy): Promise<StrategyOutcome> {
  const t0 = performance.now();
  const g = makeGame(spec, s.options);
  try {
    const x0 = startOf(g);
    const factualPoint = makeSolver({ ...spec, instruments: [] }).evaluate([]);
    if (factualPoint.status !== 'converged')
      throw new RangeError(msg.modelSolveFactual(factualPoint.message ?? 'not converged'));
    const factual = playerRecord(g, factualPoint.objectives);
    const start = await pointAt(g, x0);
    const startRep: ReportedPoint = { policy: policyRecord(g, x0), objectives: playerRecord(g, start.objectives) };
    const out: Partial<StrategyOutcome> = { kind: s.kind, start: startRep };
    const played =
      s.kind === 'best-response'
        ? await playBestResponses(g, x0, out)
        : await playWarAndTalks(g, s, x0, factualPoint.objectives, out);
    const { x } = played;
    let { converged, message } = played;
    const full = g.evaluator.solveFull(x);
    if (full.point.status !== 'converged') {
      converged = false;
      message += `; the final solve did not converge: ${full.point.message ?? ''}`;
    }
    const stats = g.evaluator.stats;
    const wall = (performance.now() - t0) / 1000;
    const objectives = playerRecord(g, full.point.objectives);
    const responded = out.responses ? Object.fromEntries(out.responses.map((r) => [r.player, r.after])) : undefined;
    const summary = summarize(
      g,
      x0,
      out.war ? Float64Array.from(g.instruments, (r) => out.war!.policy[r.id]) : undefined,
      x,
      factual,
      out.war?.objectives,
      responded,
    );
    return {
      ...(out as StrategyOutcome),
      policy: policyRecord(g, x),
      objectives,
      factual,
      converged,
      message,
      ...summary,
      solves: { ...stats, solves_per_second: stats.solves / Math.max(stats.seconds, 1e-9), wall_seconds: wall },
      result: full.result,
    };
  } finally {
    await g.evaluator.close();
  }
}

function means(g: Game, idx: number[], x: Float64Array): { weighted: number; simple: number } {
  let s = 0,
    w = 0,
    t = 0;
  for (const k of idx) {
    s += g.instruments[k].weight * x[k];
    w += g.instruments[k].weight;
    t += x[k];
  }
  return { weighted: w > 0 ? s / w : t / idx.length, simple: t / idx.length };
}

/** Per-player tariff means and the relative cost of the war, and their simple means over players. */
function summarize(
  g: Game,
  x0: Float64Array,
  war: Float64Array | undefined,
  x: Float64Array,
  factual: Record<string, number>,
  warObj?: Record<string, number>,
  responded?: Record<string, number>,
) {
  const rel = (v: number, code: string) => 100 * ((1 + v / 100) / (1 + factual[code] / 100) - 1);
  const by_player: Record<string, PlayerSummary> = {};
  const acc = { ws: 0, ww: 0, wp: 0, ss: 0, sw: 0, sp: 0, cost: 0, n: 0, c: 0, gain: 0 };
  g.players.forEach((p, k) => {
    const idx = g.owned[k].filter((i) => g.instruments[i].kind === 'tariff');
    if (!idx.length) return;
    const a = means(g, idx, x0),
      b = war ? means(g, idx, war) : undefined,
      c = means(g, idx, x);
    const row: PlayerSummary = {
      tariff_weighted: { start: a.weighted, ...(b ? { war: b.weighted } : {}), policy: c.weighted },
      tariff_simple: { start: a.simple, ...(b ? { war: b.simple } : {}), policy: c.simple },
    };
    acc.ws += a.weighted;
    acc.wp += c.weighted;
    acc.ss += a.simple;
    acc.sp += c.simple;
    acc.n++;
    if (b) {
      acc.ww += b.weighted;
      acc.sw += b.simple;
    }
    if (warObj) {
      row.war_vs_factual_pct = rel(warObj[p.code], p.code);
      acc.cost += row.war_vs_factual_pct;
      acc.c++;
    }
    if (responded) {
      row.response_vs_factual_pct = rel(responded[p.code], p.code);
      acc.gain += row.response_vs_factual_pct;
    }
    by_player[p.code] = row;
  });
  const n = Math.max(acc.n, 1);
  const mean_over_players: PlayerSummary = {
    tariff_weighted: { start: acc.ws / n, ...(war ? { war: acc.ww / n } : {}), policy: acc.wp / n },
    tariff_simple: { start: acc.ss / n, ...(war ? { war: acc.sw / n } : {}), policy: acc.sp / n },
  };
  if (acc.c) mean_over_players.war_vs_factual_pct = acc.cost / acc.c;
  if (responded) mean_over_players.response_vs_factual_pct = acc.gain / n;
  return { by_player, mean_over_players };
}

/**
 * The `--json` result of a strategy run (CLI and run kind `strategy`): the solve contract at the
 * chosen policy, the overall status (`model_status` is the solve's own), the outcome, provenance.
 *
 * @example
 * ```ts
 * const outcome = await runStrategy(prepared.spec, prepared.strategy);
 * const json = strategyResult(outcome, provenanceOf(prepared.dataset, p.scenario));
 * ```
 */
export function strategyResult(o: StrategyOutcome, provenance: Provenance): StrategyResult {
  const status = o.converged && o.result.status === 'converged' ? 'converged' : 'not-converged';
  const { result, ...rest } = o;
  return { ...result, status, model_status: result.status, ...rest, provenance };
}
