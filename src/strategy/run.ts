/**
 * Runs a strategy section: best responses, a trade-war equilibrium, or trade talks from the
 * war, then one full solve at the policy found for the contract result. Solve counts (cache hits,
 * warm starts, solves per second) are part of the outcome.
 */
import type { ModelResult } from '../model/result.ts';
import { bestResponse, type BestResponse } from './bestResponse.ts';
import { tradeTalks, type Agreement } from './cooperative.ts';
import type { EvalStats } from './evaluator.ts';
import { makeGame, playerRecord, pointAt, policyRecord, startOf, type Game } from './game.ts';
import type { EvalSpec } from './models.ts';
import { nashEquilibrium, type NashRound } from './nash.ts';
import type { Strategy } from './schema.ts';

/** A policy point as reported: instrument values and objectives (percent). */
export interface ReportedPoint {
  policy: Record<string, number>;
  objectives: Record<string, number>;
}

export interface ReportedAgreement extends ReportedPoint {
  /** Proportional gains over the war (percent). */
  gains: Record<string, number>;
  weights?: Record<string, number>;
  converged: boolean;
  message: string;
}

/** Solve counts of a run. */
export interface SolveCounts extends EvalStats {
  solves_per_second: number;
  wall_seconds: number;
}

/**
 * What a strategy run found: the policy and objectives at it, per-kind detail (best responses, the
 * war, agreements, the frontier), solve counts, and the model's full result at the policy.
 *
 * @example
 * ```ts
 * const o: StrategyOutcome = await runStrategy(prepared.spec, prepared.strategy);
 * if (o.converged) console.log(o.policy, o.result.countries.USA.welfare_pct);
 * ```
 */
export interface StrategyOutcome extends ReportedPoint {
  kind: Strategy['kind'];
  converged: boolean;
  message: string;
  start: ReportedPoint;
  /** best-response: one entry per player, each against the others' start values. */
  responses?: (ReportedPoint & { player: string; converged: boolean; message: string; method: string; evaluations: number; before: number; after: number })[];
  /** nash (and the war of cooperative). */
  war?: ReportedPoint & { converged: boolean; message: string; rounds: number; change: number; tolerance: number; path: NashRound[] };
  /** cooperative. */
  agreements?: { 'nash-bargaining': ReportedAgreement; 'equal-gains': ReportedAgreement };
  frontier?: ReportedAgreement[];
  solves: SolveCounts;
  /** The model's result at `policy` (the contract's countries). */
  result: ModelResult;
}

function reportAgreement(g: Game, a: Agreement): ReportedAgreement {
  const r: ReportedAgreement = { policy: policyRecord(g, a.x), objectives: playerRecord(g, a.objectives), gains: playerRecord(g, a.gains), converged: a.converged, message: a.message };
  if (a.weights) r.weights = playerRecord(g, a.weights);
  return r;
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
    const start = await pointAt(g, x0);
    const startRep: ReportedPoint = { policy: policyRecord(g, x0), objectives: playerRecord(g, start.objectives) };
    let x = x0;
    let converged = true;
    let message = '';
    const out: Partial<StrategyOutcome> = { kind: s.kind, start: startRep };
    if (s.kind === 'best-response') {
      const brs: BestResponse[] = [];
      for (let k = 0; k < g.players.length; k++) brs.push(await bestResponse(g, k, x0));
      x = Float64Array.from(x0);
      brs.forEach((br, k) => g.owned[k].forEach((i) => (x[i] = br.x[i])));
      out.responses = brs.map((b) => ({ player: b.player, policy: policyRecord(g, b.x), objectives: playerRecord(g, b.objectives), converged: b.converged, message: b.message, method: b.method, evaluations: b.evaluations, before: b.before, after: b.after }));
      converged = brs.every((b) => b.converged);
      message = brs.map((b) => `${b.player}: ${b.message}`).join('; ');
      if (brs.length > 1) message += ' (each player responds to the others\' start values)';
    } else {
      const war = await nashEquilibrium(g, x0);
      out.war = { policy: policyRecord(g, war.x), objectives: playerRecord(g, war.objectives), converged: war.converged, message: war.message, rounds: war.rounds, change: war.change, tolerance: war.tolerance, path: war.path };
      x = war.x;
      converged = war.converged;
      message = `war: ${war.message}`;
      if (s.kind === 'cooperative') {
        const talks = await tradeTalks(g, war);
        out.agreements = { 'nash-bargaining': reportAgreement(g, talks.nashBargaining), 'equal-gains': reportAgreement(g, talks.equalGains) };
        out.frontier = talks.frontier.map((a) => reportAgreement(g, a));
        const chosen = s.options.solution === 'equal-gains' ? talks.equalGains : talks.nashBargaining;
        x = chosen.x;
        converged = converged && chosen.converged && Math.min(...chosen.gains) > 0;
        message += `; ${s.options.solution}: ${chosen.message}`;
      }
    }
    const full = g.evaluator.solveFull(x);
    if (full.point.status !== 'converged') {
      converged = false;
      message += `; the final solve did not converge: ${full.point.message ?? ''}`;
    }
    const stats = g.evaluator.stats;
    const wall = (performance.now() - t0) / 1000;
    return {
      ...(out as StrategyOutcome), policy: policyRecord(g, x), objectives: playerRecord(g, full.point.objectives), converged, message,
      solves: { ...stats, solves_per_second: stats.solves / Math.max(stats.seconds, 1e-9), wall_seconds: wall },
      result: full.result,
    };
  } finally {
    await g.evaluator.close();
  }
}
