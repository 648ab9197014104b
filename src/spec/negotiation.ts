/**
 * The `negotiation` section of a scenario file (zod 4). One definition gives
 * the TypeScript type, validation and the published JSON Schema; the scenario
 * schema imports {@link NegotiationSchema} and places it under `negotiation:`.
 *
 * ```yaml
 * negotiation:
 *   protocol: saop              # saop | mediated
 *   deadline: { rounds: 20 }
 *   breakdown_probability: 0.05 # per round: the truce may collapse
 *   seed: 42
 *   parties:
 *     USA:
 *       delegation:
 *         - { name: Howard Lutnick, role: commerce secretary, weight: 0.4 }
 *         - { name: Jamieson Greer, role: trade representative, weight: 0.3 }
 *         - { name: Scott Bessent, role: treasury secretary, weight: 0.3 }
 *       leader: { name: Donald Trump, threshold: { kind: uniform, min: 0, max: 0.4 } }
 *       agent: { kind: boulware, e: 0.2 }
 *       trust: 0.5
 *     CHN:
 *       delegation: [ { name: He Lifeng, role: vice premier }, { name: Li Chenggang, role: trade negotiator } ]
 *       leader: { name: Xi Jinping, threshold: { kind: normal, mean: 0.2, sd: 0.05 } }
 *       agent: { kind: tit_for_tat, mode: relative, initial_concession: 0.02 }
 *       trust: 0.4
 *   trust: { gain: 0.2, loss: 0.5, base_breakdown: 0.02, sensitivity: 0.2 }
 * ```
 */
import { z } from 'zod';
import { TradeDomainSchema, TradeObjectiveSchema } from './trade-domain.ts';
import * as msg from './messages/scenario.ts';
import * as scenarioMsg from './messages/scenario.ts';

const Unit = z.number().min(0).max(1);
const Exponent = z
  .number()
  .positive()
  .meta({ description: 'Concession exponent e: < 1 Boulware, 1 linear, > 1 conceder' });

/** One member of a delegation. */
const DelegateSchema = z.strictObject({
  name: z.string().min(1),
  role: z.string().optional(),
  weight: z
    .number()
    .nonnegative()
    .optional()
    .meta({ description: 'Relative say in the delegation; equal when absent' }),
});

/** A leader's ratification threshold on its own objective. */
const ThresholdSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('known'), value: z.number() }),
  z.strictObject({ kind: z.literal('uniform'), min: z.number(), max: z.number() }).refine((t) => t.min <= t.max, {
    error: (iss) => msg.minMax((iss.input as { min: number }).min, (iss.input as { max: number }).max),
  }),
  z.strictObject({ kind: z.literal('normal'), mean: z.number(), sd: z.number().positive() }),
]);

/**
 * A threshold prior placed by the record: uniform on [b − width, b], where b is the upper bound that
 * the leader's approvals imply (`negotiation.domain.calibration`), computed in the same run.
 */
const CalibratedThresholdSchema = z.strictObject({
  kind: z.literal('calibrated'),
  width: z.number().positive().meta({
    description: 'Width of the uniform prior below the bound from the approvals, in the units of the objective (pp)',
  }),
});

/** The leader who must ratify a deal (Putnam's second level). */
const LeaderSchema = z.strictObject({
  name: z.string().min(1),
  threshold: z.union([ThresholdSchema, CalibratedThresholdSchema]),
  weights: z.record(z.string(), z.number().nonnegative()).optional().meta({
    description: "Weights of the leader's objective (constituencies), when they differ from the delegation's",
  }),
  objective: TradeObjectiveSchema.optional().meta({
    description: "Trade domains: the leader's own government objective, when it differs from the delegation's",
  }),
});

/** A negotiating agent and its parameters. */
export const AgentSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('time_dependent'), e: Exponent }),
  z.strictObject({ kind: z.literal('boulware'), e: Exponent.max(1).default(0.2) }),
  z.strictObject({ kind: z.literal('linear') }),
  z.strictObject({ kind: z.literal('conceder'), e: Exponent.min(1).default(2) }),
  z.strictObject({
    kind: z.literal('tit_for_tat'),
    mode: z.enum(['relative', 'absolute']).default('relative'),
    initial_concession: Unit.default(0),
  }),
  z.strictObject({ kind: z.literal('pareto_seeker'), e: Exponent.default(0.5), window: Unit.default(0.05) }),
  z.strictObject({ kind: z.literal('model_aware'), e: Exponent.default(0.5) }).meta({
    description: 'Evaluates offers with the economic model (wired by the scenario runner)',
  }),
]);

/** A voter of the mediated single-text protocol. */
export const VoterSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hill_climber') }),
  z.strictObject({ kind: z.literal('annealer'), temperature: z.number().nonnegative().default(0.1) }),
]);

/** One side of the negotiation. */
const PartySchema = z.strictObject({
  delegation: z.array(DelegateSchema).min(1),
  leader: LeaderSchema.optional(),
  agent: AgentSpecSchema.default({ kind: 'linear' }),
  voter: VoterSpecSchema.default({ kind: 'hill_climber' }),
  trust: Unit.default(0.5).meta({ description: "Initial trust in the other side's compliance" }),
  reservation: z.number().optional().meta({ description: 'Utility of no deal; the disagreement point by default' }),
  objective: TradeObjectiveSchema.optional().meta({
    description: "Trade domains: the delegation's government objective (default: real income)",
  }),
});

/** Trust dynamics and how trust moves the chance that talks continue. */
const TrustParamsSchema = z.strictObject({
  gain: Unit.default(0.2),
  loss: Unit.default(0.5),
  base_breakdown: Unit.default(0).meta({ description: 'Breakdown probability per round at full trust' }),
  sensitivity: Unit.default(0).meta({ description: 'Extra breakdown probability from distrust' }),
  history: z
    .array(
      z.strictObject({
        label: z.string().min(1),
        date: z.string().optional(),
        moves: z
          .record(z.string(), z.enum(['C', 'D']))
          .meta({ description: 'Party → C (complied) or D (defected, e.g. new restrictions after a truce)' }),
      }),
    )
    .optional()
    .meta({
      description: 'Observed compliance before the talks; each side updates its trust in the other (gain/loss)',
    }),
  record: z
    .array(
      z.strictObject({
        label: z.string().min(1),
        party: z
          .string()
          .min(1)
          .meta({ description: "The side that promised (its counterpart's trust is calibrated)" }),
        committed: z.number().positive().meta({ description: 'What was promised, in any unit' }),
        delivered: z.number().nonnegative().meta({ description: 'What was delivered, in the same unit' }),
        source: z.string().min(1),
      }),
    )
    .optional()
    .meta({
      description:
        "Earlier deals' delivery on the record: the counterpart's initial trust becomes the delivered " +
        'share (sum delivered / sum committed, at most 1), replacing its stated trust',
    }),
});

/** One pairing of agents for a session (party → agent). */
const SessionSpecSchema = z.strictObject({
  label: z.string().optional(),
  agents: z.record(z.string(), AgentSpecSchema),
});

/** The `negotiation` section of a scenario file. */
export const NegotiationSchema = z
  .strictObject({
    protocol: z.enum(['saop', 'mediated']).default('saop'),
    deadline: z.strictObject({ rounds: z.number().int().positive() }),
    breakdown_probability: Unit.default(0),
    seed: z.number().int().default(0),
    parties: z.record(z.string().min(1), PartySchema),
    trust: TrustParamsSchema.optional(),
    domain: TradeDomainSchema.optional().meta({
      description: 'A trade domain generated from the economic model (issues are policy levers of the scenario)',
    }),
    replications: z.number().int().min(1).max(10000).default(1).meta({
      description:
        'Sessions are repeated with this many seeds (seed, seed + 1, …); the first is logged, all are summarised',
    }),
    sessions: z
      .array(SessionSpecSchema)
      .min(1)
      .optional()
      .meta({ description: "Agent pairings to run (default one session with the parties' agents)" }),
  })
  .superRefine((n, ctx) => {
    const names = Object.keys(n.parties);
    const k = names.length;
    if (k !== 2) ctx.addIssue({ code: 'custom', path: ['parties'], message: msg.exactlyParties(k) });
    n.sessions?.forEach((s, m) => {
      const got = Object.keys(s.agents);
      if (got.length !== 2 || !names.every((p) => got.includes(p))) {
        ctx.addIssue({
          code: 'custom',
          path: ['sessions', m, 'agents'],
          message: msg.oneAgentParty(names.join(', '), got.join(', ') || 'none'),
        });
      }
    });
    for (const [w, party] of Object.entries(n.parties)) {
      if (party.leader?.threshold.kind === 'calibrated' && !n.domain?.calibration) {
        ctx.addIssue({
          code: 'custom',
          path: ['parties', w, 'leader', 'threshold'],
          message: msg.negotiationDomainCalibration(),
        });
      }
    }
    for (const [m, r] of (n.trust?.record ?? []).entries()) {
      if (!names.includes(r.party))
        ctx.addIssue({
          code: 'custom',
          path: ['trust', 'record', m, 'party'],
          message: scenarioMsg.party(names.join(', '), r.party),
        });
    }
    for (const [m, h] of (n.trust?.history ?? []).entries()) {
      for (const p of Object.keys(h.moves)) {
        if (!names.includes(p))
          ctx.addIssue({
            code: 'custom',
            path: ['trust', 'history', m, 'moves', p],
            message: scenarioMsg.party(names.join(', '), p),
          });
      }
    }
    if (n.domain && n.protocol === 'mediated') {
      // Trade domains run alternating offers per agreement (src/negotiate/trade/run.ts); a mediated
      // protocol would be ignored.
      ctx.addIssue({ code: 'custom', path: ['protocol'], message: scenarioMsg.mediatedTradeDomain() });
    }
    if (n.domain) {
      n.domain.issues.forEach((t, m) => {
        if (!names.includes(t.owner))
          ctx.addIssue({
            code: 'custom',
            path: ['domain', 'issues', m, 'owner'],
            message: scenarioMsg.party(names.join(', '), t.owner),
          });
      });
      const ids = new Set<string>();
      n.domain.issues.forEach((t, m) => {
        if (ids.has(t.id))
          ctx.addIssue({ code: 'custom', path: ['domain', 'issues', m, 'id'], message: msg.uniqueIssueIds(t.id) });
        ids.add(t.id);
      });
    }
  });

/** Parsed `negotiation` section (defaults applied). */
export type NegotiationSpec = z.infer<typeof NegotiationSchema>;
/** Parsed agent specification. */
export type AgentSpec = z.infer<typeof AgentSpecSchema>;
/** Parsed voter specification. */
export type VoterSpec = z.infer<typeof VoterSpecSchema>;
