/**
 * The negotiation result contract: the JSON shapes a `negotiation` run returns (docs/negotiation.md)
 * and the deal map the API serves, defined here below the engine as zod schemas, so that
 * src/negotiate builds them, the golden test validates them, the JSON Schema publishes them and
 * the web app reads them (types only) from one definition.
 */
import { z } from 'zod';
import { ProvenanceSchema } from './provenance.ts';

const num = z.number();
/** Two numbers, one per party (A, B). */
const Pair = z.tuple([num, num]);

/** A value taken by one issue. */
const IssueValueSchema = z.union([z.string(), num]);
export type IssueValue = z.infer<typeof IssueValueSchema>;

/** A bid (outcome, deal): one value per issue, keyed by issue name. */
const BidSchema = z
  .record(z.string(), IssueValueSchema)
  .readonly()
  .meta({ description: 'One value per issue, keyed by issue id' });
export type Bid = z.infer<typeof BidSchema>;

/** A leader's acceptance threshold: known, or private with a known distribution. */
const ThresholdSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('known'), value: num }).readonly(),
  z.strictObject({ kind: z.literal('uniform'), min: num, max: num }).readonly(),
  z.strictObject({ kind: z.literal('normal'), mean: num, sd: num }).readonly(),
]);
export type Threshold = z.infer<typeof ThresholdSchema>;

/** One line of a session log. */
const LogEntrySchema = z
  .strictObject({
    round: num,
    turn: num,
    time: num,
    proposer: z
      .union([z.literal(0), z.literal(1), z.literal('mediator')])
      .meta({ description: "Acting party (0 = A, 1 = B) or 'mediator'" }),
    action: z.enum(['offer', 'accept', 'adopted', 'rejected', 'breakdown']),
    bid: BidSchema.nullable(),
    utilities: Pair.nullable().meta({
      description: 'Undiscounted utilities of the bid for A and B (null without a bid)',
    }),
  })
  .readonly();
export type LogEntry = z.infer<typeof LogEntrySchema>;

/** One move of a trade-domain session: a log line and the model's utility of its bid. */
const TradeLogEntrySchema = z
  .strictObject({
    ...LogEntrySchema.unwrap().shape,
    model: Pair.nullable().meta({
      description:
        "The model's utility of the bid to each party (pp over the disagreement point: this basket's bid, " +
        'every other issue as now); null without a bid. The offers streamed while the run went carry the ' +
        'same numbers (src/contract/offers.ts rebuilds them from the result)',
    }),
  })
  .readonly();
export type TradeLogEntry = z.infer<typeof TradeLogEntrySchema>;

/** A deal with its utilities, for reports. */
const DealPointSchema = z.strictObject({
  index: num,
  bid: BidSchema,
  utility: Pair.meta({ description: "Delegations' utilities" }),
  leaders: Pair.meta({ description: "Leaders' utilities" }),
  ratification: num.meta({ description: 'P(both leaders ratify)' }),
});
export type DealPoint = z.infer<typeof DealPointSchema>;

/** Summary of one partition (what the London tables print). */
const PartitionSummarySchema = z.strictObject({
  baskets: z.array(z.array(z.string())),
  deals: num.meta({ description: 'Deals (the disagreement deal excluded)' }),
  ratifiable: num.meta({
    description: 'Deals ratified with probability ≥ 0.5 (with known thresholds: the ratifiable deals)',
  }),
  expected_ratifiable: num.meta({ description: 'Σ_x P(x ratified): the expected number of ratified deals' }),
  win_sets: z
    .strictObject({ count: Pair, expected: Pair })
    .meta({ description: 'Per leader: deals accepted with probability ≥ 0.5, and in expectation (win-set sizes)' }),
  overlap: num.meta({
    description:
      'Deals both leaders accept with P ≥ 0.5 over those at least one does (Jaccard overlap of the win-sets)',
  }),
  frontier: z.array(Pair).meta({ description: "Pareto frontier (delegations' utilities) of the ratifiable deals" }),
  nash: DealPointSchema.nullable().meta({
    description:
      "The ratifiable deal with the largest Nash product of the delegations' gains (null if none gains for both)",
  }),
  expected_nash: DealPointSchema.nullable().meta({
    description: 'The deal with the largest expected Nash product P(x)·uA·uB',
  }),
});
export type PartitionSummary = z.infer<typeof PartitionSummarySchema>;

/** Frontier and bargaining solutions of the whole mapped domain (delegations' utilities, disagreement 0). */
const DomainAnalysisSchema = z.strictObject({
  outcomes: num,
  pareto_size: num,
  rational_pareto_size: num.meta({ description: 'Frontier points with both gains ≥ 0' }),
  pareto: z.array(Pair),
  nash: DealPointSchema.nullable(),
  kalai_smorodinsky: DealPointSchema.nullable(),
});
export type DomainAnalysis = z.infer<typeof DomainAnalysisSchema>;

/** One approved deal: its effect on every objective (percentage points). */
const ApprovedDealSchema = z.strictObject({
  label: z.string(),
  before: z.string(),
  after: z.string(),
  effects: z.array(num).meta({
    description:
      'After minus before, per objective of the spec (delegations, then leaders with objectives of their own)',
  }),
  leaders: Pair.meta({ description: "The effect on each party's leader's objective" }),
});
export type ApprovedDeal = z.infer<typeof ApprovedDealSchema>;

/** What the record says about each leader's threshold. */
const CalibrationSchema = z.strictObject({
  deals: z.array(ApprovedDealSchema),
  leaders: z
    .array(
      z.strictObject({
        party: z.string(),
        bound: num,
        binding: z.string(),
        consistency: num,
        threshold: ThresholdSchema,
        calibrated: z.boolean(),
      }),
    )
    .meta({
      description:
        "Per party: the upper bound b_L of its leader's threshold, the deal that " +
        'sets it, and P(θ ≤ b_L) under the threshold used',
    }),
});
export type Calibration = z.infer<typeof CalibrationSchema>;

/** Where the current state comes from, for reports. */
const CurrentStateInfoShape = {
  scenario: z.string(),
  date: z.string().optional(),
  step: z.string().optional().meta({ description: 'Label of the last step in force (timeline states)' }),
};
const CurrentStateInfoSchema = z.strictObject(CurrentStateInfoShape);
export type CurrentStateInfo = z.infer<typeof CurrentStateInfoSchema>;

/** Counters of an evaluator. */
const TradeEvalStatsShape = {
  requested: num.meta({ description: 'Deals asked for' }),
  cacheHits: num.meta({ description: "Deals answered from the cache (including deals whose policy equals another's)" }),
  solves: num.meta({ description: 'Equilibrium solves run' }),
  failed: num.meta({ description: 'Solves that did not converge' }),
  seconds: num.meta({ description: 'Wall time spent evaluating (s)' }),
  workers: num.meta({ description: 'Worker threads used for maps (0 = inline)' }),
};
const TradeEvalStatsSchema = z.strictObject(TradeEvalStatsShape);
export type TradeEvalStats = z.infer<typeof TradeEvalStatsSchema>;

/** One party's compliance incentives for a deal (repeated game, Friedman's grim-trigger condition). */
const ComplianceTermsSchema = z.strictObject({
  party: z.string(),
  reward: num.meta({ description: 'R: both comply' }),
  temptation: num.meta({ description: 'T: this party reverts its own concessions while the other complies' }),
  sucker: num.meta({ description: 'S: the other party reverts its concessions while this one complies' }),
  punishment: num.meta({ description: 'P: both revert (the disagreement deal), 0' }),
  delta_threshold: num.meta({
    description: 'δ ≥ (T − R)/(T − P) sustains compliance under grim trigger (0 when T ≤ R: no temptation)',
  }),
});
export type ComplianceTerms = z.infer<typeof ComplianceTermsSchema>;

/** One negotiation session (a pairing under one partition). */
const TradeSessionSchema = z.strictObject({
  label: z.string(),
  agents: z.tuple([z.string(), z.string()]),
  linkage: z.enum(['linked', 'separate']),
  baskets: z.array(
    z.strictObject({
      issues: z.array(z.string()),
      reason: z.string(),
      round: num,
      agreement: BidSchema.nullable(),
      log: z.array(TradeLogEntrySchema),
    }),
  ),
  deal: BidSchema.nullable().meta({
    description: 'The combined deal (issues without agreement at their disagreement values); null if nothing moved',
  }),
  utilities: Pair,
  leaders: Pair,
  ratification_probability: num.nullable().meta({ description: 'P(both leaders ratify every agreement)' }),
  vote: z
    .strictObject({ ratified: z.boolean(), thresholds: Pair })
    .nullable()
    .meta({ description: "One realised vote (thresholds drawn with the session's seed)" }),
  seed: num,
  summary: z
    .strictObject({
      runs: num,
      deal_share: num.meta({ description: 'Share of runs that moved any issue' }),
      ratified_share: num.meta({ description: 'Share of runs whose deal the drawn leaders ratified' }),
      mean_ratification_probability: num.meta({ description: 'Mean P(ratified) (0 without a deal)' }),
      mean_utilities: Pair,
      modal_deal: BidSchema.nullable(),
      modal_share: num,
    })
    .optional()
    .meta({ description: 'Over `replications` seeds (this session is the first): shares and means' }),
});
export type TradeSession = z.infer<typeof TradeSessionSchema>;

/**
 * The result of a trade-domain negotiation run (`lancaster negotiate --json`, run kind
 * `negotiation`): issues and objectives, the analysed deal space with and without linkage,
 * ratification, trust, agent sessions and the deal's effects.
 */
export const NegotiationResultSchema = z.strictObject({
  name: z.string(),
  model: z.string(),
  dataset: z.string(),
  provenance: ProvenanceSchema,
  status: z.enum(['converged', 'not-converged']),
  seconds: num,
  parties: z.tuple([z.string(), z.string()]),
  current_state: CurrentStateInfoSchema,
  issues: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string().optional(),
      owner: z.string(),
      kind: z.string(),
      mode: z.string(),
      grid: z.array(num),
      disagreement: num,
      flows: num,
    }),
  ),
  objectives: z.array(
    z.strictObject({
      name: z.string(),
      region: z.string(),
      measure: z.string(),
      security: z.array(z.strictObject({ region: z.string(), sector: z.string(), weight: num })),
      disagreement_pct: num,
    }),
  ),
  evaluation: z.strictObject({ ...TradeEvalStatsShape, deals: num }),
  analysis: DomainAnalysisSchema,
  linkage: z.strictObject({
    full: PartitionSummarySchema,
    linked: PartitionSummarySchema,
    separate: PartitionSummarySchema,
    enabled: z.boolean(),
  }),
  trust: z
    .strictObject({
      initial: Pair,
      initial_source: z.tuple([z.string(), z.string()]),
      after_history: Pair,
      breakdown_per_round: num,
      history: z.array(z.strictObject({ label: z.string(), moves: z.record(z.string(), z.string()), trust: Pair })),
    })
    .nullable(),
  sessions: z.array(TradeSessionSchema),
  deal: z.strictObject({
    bid: BidSchema.nullable(),
    session: z.string(),
    utilities: Pair.nullable(),
    ratification_probability: num.nullable(),
    effects: z.record(z.string(), z.record(z.string(), num)).nullable(),
    compliance: z.array(ComplianceTermsSchema).nullable(),
  }),
  calibration: CalibrationSchema.nullable().meta({
    description: 'Thresholds bounded by the deals the leaders approved (calibration.approved), when given',
  }),
  threat: z
    .strictObject({ ...CurrentStateInfoShape, label: z.string().optional(), objectives_pct: z.array(num) })
    .nullable()
    .meta({
      description:
        'Coercion: the threatened state and every objective there (levels, percent over the dataset baseline)',
    }),
  linked_nash_compliance: z
    .strictObject({ bid: BidSchema, terms: z.array(ComplianceTermsSchema) })
    .nullable()
    .meta({ description: "Compliance incentives of the linked partition's Nash deal (the London package)" }),
});

/**
 * The result of a trade-domain negotiation run (JSON-able): issues and objectives, the analysed
 * deal space with and without linkage, ratification, trust, agent sessions and the deal's effects.
 *
 * @example
 * ```ts
 * const r: TradeNegotiationRun = await runTradeNegotiation(readScenarioFile('scenarios/negotiation/london-2025.yaml'));
 * r.deal.bid; r.deal.ratification_probability;
 * ```
 */
export type TradeNegotiationRun = z.infer<typeof NegotiationResultSchema>;
