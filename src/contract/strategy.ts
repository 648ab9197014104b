/**
 * The strategy result contract (docs/strategy.md): what `lancaster strategy --json` and a
 * `strategy` run return — the solve at the chosen policy (the solve contract, model detail
 * included) and the outcome of the game: best responses, the war, agreements, the
 * frontier, per-player tariff summaries and solve counts. One zod definition feeds the engine's
 * types (src/strategy/run.ts), the golden test, the published JSON Schema and the web app.
 */
import { z } from 'zod';
import { StrategyOptionsSchema, StrategySchema } from '../spec/strategy.ts';
import { MeasureSchema, ModelResultSchema, SolveResultSchema, SolveStatusSchema } from './result.ts';

const num = z.number();
const ByInstrument = z
  .record(z.string(), num)
  .meta({ description: 'Instrument id → value (a tariff rate or approval share)' });
const ByPlayer = z.record(z.string(), num).meta({ description: 'Player → objective, percent' });

/** A policy point as reported: instrument values and objectives (percent). */
const PointShape = { policy: ByInstrument, objectives: ByPlayer };
const ReportedPointSchema = z.strictObject(PointShape);
export type ReportedPoint = z.infer<typeof ReportedPointSchema>;

/** An agreement of trade talks: the point, each player's gains and whether the search converged. */
const ReportedAgreementSchema = z.strictObject({
  ...PointShape,
  gains: ByPlayer.meta({
    description:
      'Proportional gains over the war, or over the factual policy with `talks_reference: factual` (percent)',
  }),
  weights: ByPlayer.optional().meta({ description: 'Bargaining weights, when the solution concept has them' }),
  converged: z.boolean(),
  message: z.string(),
});
export type ReportedAgreement = z.infer<typeof ReportedAgreementSchema>;

/** A best response's search counters, one per player. */
const ResponseSchema = z.strictObject({
  player: z.string(),
  ...PointShape,
  converged: z.boolean(),
  message: z.string(),
  method: z.string().meta({ description: 'The optimiser used (quasi-newton, nelder-mead, brent, grid)' }),
  evaluations: num,
  before: num.meta({ description: "The player's objective at the start values" }),
  after: num.meta({ description: "The player's objective at its best response" }),
});

/** One round of the war's best-response iteration. */
const NashRoundSchema = z.strictObject({
  round: num,
  ...PointShape,
  change: MeasureSchema.meta({
    description: 'Mean absolute instrument change from the previous round (null for round 0, the start)',
  }),
  evaluations: num.meta({ description: "Objective evaluations the round's best responses used" }),
});
export type NashRound = z.infer<typeof NashRoundSchema>;

/** The counters of the strategy evaluator (src/strategy/evaluator.ts). */
const EvalStatsShape = {
  requested: num.meta({ description: 'Points asked for' }),
  cacheHits: num.meta({ description: 'Answered from the cache (this or an earlier run in the process)' }),
  solves: num.meta({ description: 'Equilibrium solves run' }),
  failed: num.meta({ description: 'Solves that did not converge' }),
  warmStarts: num.meta({ description: 'Solves that started from a warm state' }),
  solverIterations: num.meta({ description: 'Fixed-point iterations summed over solves' }),
  seconds: num.meta({ description: 'Wall time spent in evaluate (s)' }),
};
const EvalStatsSchema = z.strictObject(EvalStatsShape);
export type EvalStats = z.infer<typeof EvalStatsSchema>;

/** Solve counts of a run. */
const SolveCountsSchema = z.strictObject({ ...EvalStatsShape, solves_per_second: num, wall_seconds: num });
export type SolveCounts = z.infer<typeof SolveCountsSchema>;

/** Mean tariffs of one player's tariff instruments (trade-weighted by baseline flows, and simple). */
const TariffMeansSchema = z.strictObject({ start: num, war: num.optional(), policy: num });

/** Per-player summary: how high its tariffs are and what the war costs it. */
const PlayerSummarySchema = z.strictObject({
  tariff_weighted: TariffMeansSchema,
  tariff_simple: TariffMeansSchema,
  war_vs_factual_pct: num.optional().meta({
    description:
      'Objective at the war relative to the factual policy, 100 ((1 + G_war/100)/(1 + ' +
      "G_factual/100) − 1): Ossa (2014)'s welfare cost of a breakdown of trade talks",
  }),
  response_vs_factual_pct: num.optional().meta({
    description:
      "best-response: the player's objective at its own best response (the " +
      'others at their start) relative to the factual policy',
  }),
});
export type PlayerSummary = z.infer<typeof PlayerSummarySchema>;

/** The outcome's own fields: what the game found, beside the solve at its policy. */
const OutcomeShape = {
  ...PointShape,
  kind: StrategySchema.shape.kind,
  converged: z.boolean(),
  message: z.string(),
  start: ReportedPointSchema,
  factual: ByPlayer.meta({
    description: "Objectives at the factual policy: the scenario's policy: with no instrument applied",
  }),
  responses: z
    .array(ResponseSchema)
    .optional()
    .meta({ description: "best-response: one entry per player, each against the others' start values" }),
  war: z
    .strictObject({
      ...PointShape,
      converged: z.boolean(),
      message: z.string(),
      rounds: num,
      change: num,
      tolerance: num,
      path: z.array(NashRoundSchema),
    })
    .optional()
    .meta({ description: 'nash (and the war of cooperative)' }),
  agreements: z
    .strictObject({ 'nash-bargaining': ReportedAgreementSchema, 'equal-gains': ReportedAgreementSchema })
    .optional()
    .meta({ description: 'cooperative' }),
  talks_reference: StrategyOptionsSchema.shape.talks_reference
    .unwrap()
    .optional()
    .meta({ description: "cooperative: what the agreements' gains are measured over" }),
  frontier: z.array(ReportedAgreementSchema).optional(),
  solves: SolveCountsSchema,
  by_player: z
    .record(z.string(), PlayerSummarySchema)
    .meta({ description: 'Per player (only players with tariff instruments have tariff means)' }),
  mean_over_players: PlayerSummarySchema.meta({
    description: 'Simple means over players of by_player (Ossa reports averages across countries)',
  }),
};

/** The zod schema of {@link StrategyOutcome}. */
const StrategyOutcomeSchema = z.strictObject({
  ...OutcomeShape,
  result: ModelResultSchema.meta({ description: "The model's result at policy (the contract's countries)" }),
});
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
export type StrategyOutcome = z.infer<typeof StrategyOutcomeSchema>;

/**
 * The result of `lancaster strategy --json` (run kind `strategy`): the solve contract at the chosen
 * policy — its countries, groups and model detail, as a solve has them — with the overall status
 * (`model_status` is the solve's own), the outcome's fields and provenance.
 */
export const StrategyResultSchema = SolveResultSchema.extend({
  model_status: SolveStatusSchema.meta({ description: "The final solve's own status" }),
  ...OutcomeShape,
}).meta({ description: 'converged only when the game converged and the final solve did' });
export type StrategyResult = z.infer<typeof StrategyResultSchema>;
