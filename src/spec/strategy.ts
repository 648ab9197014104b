/**
 * The `strategy:` section of a scenario file (strategy.md): which governments choose which
 * instruments, what they maximise, and how the game is solved. One zod definition gives the
 * TypeScript types, the validation and the published JSON Schema; the scenario schema places
 * {@link StrategySchema} under `strategy:`. Parsing its own output again gives the same value.
 *
 * ```yaml
 * strategy:
 *   kind: nash                      # best-response | nash | cooperative
 *   players:
 *     USA:
 *       objective: real_income      # welfare | real_income
 *       weights: { c13: 1.2 }       # political (Ossa λ) weight on a sector's value added; default 1
 *       security: { REE: 0.05 }     # objective += weight × % change of real domestic supply of REE
 *       instruments:
 *         - { id: us_goods, tariff: { importer: USA, exporter: CHN, sectors: [c1, c2] }, min: 0, max: 2 }
 *     CHN:
 *       objective: real_income
 *       instruments:
 *         - { id: cn_goods, tariff: { importer: CHN, exporter: USA }, min: 0, max: 2, start: 0.2 }
 *   options: { tolerance: 1e-4, max_rounds: 30, method: auto, workers: 2 }
 * ```
 */
import { z } from 'zod';
import { MAX_RATE as MAX_BOUND, PERCENT } from './rate.ts';
import * as msg from './messages/scenario.ts';

/** A rate or share as a fraction (0.54) or percent string ("54%"), between 0 and MAX_BOUND. */
const RateSchema = z
  .union([z.number(), z.string()], { error: (iss) => msg.numberOrPercent(iss.input) })
  .transform((v, ctx) => {
    const m = typeof v === 'string' ? PERCENT.exec(v) : null;
    const x = typeof v === 'number' ? v : m ? Number(m[1]) / 100 : NaN;
    if (!Number.isFinite(x) || x < 0 || x > MAX_BOUND) {
      ctx.addIssue({ code: 'custom', message: msg.numberBetweenPercent(MAX_BOUND, JSON.stringify(v)) });
      return z.NEVER;
    }
    return x;
  });

const Code = z.string().min(1).meta({ description: 'Region code, dataset group, or "*" for all others' });

/** The flows a tariff instrument covers: one common rate is set on every covered flow. */
const TariffTargetSchema = z.strictObject({
  importer: Code.meta({ description: 'Who levies the tariff: must be the player' }),
  exporter: Code,
  except: z.array(z.string()).optional().meta({ description: 'Codes removed from the side given as "*" or a group' }),
  sectors: z.array(z.string()).min(1).optional().meta({ description: 'Sector codes; all sectors when absent' }),
});

/** The flows an export-control instrument covers: one approval rate (share of baseline volume allowed). */
const ExportControlTargetSchema = z.strictObject({
  origin: Code.meta({ description: 'Who licenses the exports: must be the player' }),
  destination: Code,
  except: z.array(z.string()).optional(),
  sectors: z.array(z.string()).min(1),
  rents: z.enum(['exporter', 'lost']).optional().meta({ description: 'Who receives licence rents; default exporter' }),
});

/** One policy lever with bounds; exactly one of `tariff` or `export_control`. */
export const InstrumentSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, { error: (iss) => msg.idLettersDigitsStarting(iss.input) }),
    tariff: TariffTargetSchema.optional(),
    export_control: ExportControlTargetSchema.optional(),
    min: RateSchema.meta({ description: 'Lower bound (tariff rate or approval share)' }),
    max: RateSchema.meta({ description: 'Upper bound' }),
    start: RateSchema.optional().meta({
      description: "Starting value; default: the covered flows' current mean, clamped into [min, max]",
    }),
  })
  .superRefine((ins, ctx) => {
    const kinds = (['tariff', 'export_control'] as const).filter((k) => ins[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: kinds.length === 0 ? msg.oneTariffExport() : msg.oneTariffExportControl(),
      });
    }
    if (ins.min > ins.max) ctx.addIssue({ code: 'custom', path: ['max'], message: msg.maxMin(ins.min, ins.max) });
    if (ins.export_control && ins.max > 1)
      ctx.addIssue({ code: 'custom', path: ['max'], message: msg.approvalShareBetween(ins.max) });
    if (ins.start !== undefined && (ins.start < ins.min || ins.start > ins.max)) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: msg.startWithin(ins.min, ins.max, ins.start) });
    }
  });

const SectorWeights = z.record(z.string(), z.number().min(0).max(100));

/** A government: its objective and its instruments. */
export const PlayerSchema = z.strictObject({
  objective: z.enum(['welfare', 'real_income']).default('welfare').meta({
    description: "welfare: the model's welfare_pct (one-sector-2025: the paper's Ŵ); real_income: real_income_pct",
  }),
  weights: SectorWeights.optional().meta({
    description: "Political weight λ on a sector's value added (Ossa 2014); sectors not named weigh 1",
  }),
  security: SectorWeights.optional().meta({
    description: 'Weight on the % change of real domestic supply of named sectors, added to the objective',
  }),
  instruments: z.array(InstrumentSchema).min(1),
});

export const METHODS = ['auto', 'quasi-newton', 'nelder-mead', 'brent', 'grid'] as const;

/** How the game is solved; every field has a documented default. */
export const StrategyOptionsSchema = z.strictObject({
  tolerance: z.number().positive().max(1).default(1e-4).meta({
    description: 'Nash: stop when the mean absolute instrument change of a round is below this (Ossa 2014 used 0.01)',
  }),
  max_rounds: z.number().int().positive().max(1000).default(50),
  method: z.enum(METHODS).default('auto').meta({ description: 'auto: brent in one dimension, quasi-newton otherwise' }),
  grid_step: z.number().positive().max(1).default(0.01).meta({ description: 'Lattice step of the grid method' }),
  optimizer_tolerance: z
    .number()
    .positive()
    .max(0.1)
    .default(1e-6)
    .meta({ description: 'Step size (instrument units) below which an optimisation stops' }),
  objective_tolerance: z
    .number()
    .nonnegative()
    .max(1)
    .default(1e-7)
    .meta({
      description:
        'Quasi-Newton also stops when the objective (percent, or log of the Nash ' +
        'product) improved by less than this over 5 iterations',
    }),
  max_evaluations: z.number().int().positive().max(1e6).default(5000).meta({ description: 'Per optimisation' }),
  update: z
    .enum(['sequential', 'simultaneous'])
    .default('sequential')
    .meta({ description: 'Nash: players respond in turn (Gauss–Seidel) or all at once (Jacobi)' }),
  solution: z
    .enum(['nash-bargaining', 'equal-gains'])
    .default('nash-bargaining')
    .meta({ description: 'Cooperative: the agreement reported as `policy`' }),
  talks_reference: z
    .enum(['war', 'factual'])
    .default('war')
    .meta({
      description:
        'Cooperative: gains are measured over the war (threat point) or over the factual policy (Ossa ' +
        "2014's efficient agreements with equal gains relative to the status quo)",
    }),
  frontier: z
    .number()
    .int()
    .min(0)
    .max(100)
    .default(5)
    .meta({ description: 'Cooperative: number of sampled efficient agreements' }),
  seed: z.number().int().default(1).meta({ description: 'Seed of the frontier weights with three or more players' }),
  workers: z
    .number()
    .int()
    .min(0)
    .max(64)
    .default(0)
    .meta({ description: 'Worker threads for parallel solves; 0 solves inline' }),
});

const ObjectiveOverride = z.strictObject({
  objective: z.enum(['welfare', 'real_income']).optional(),
  weights: SectorWeights.optional(),
  security: SectorWeights.optional(),
});

/**
 * Ossa (2014)'s game over all partners: every playing region (a customs union as one player with a
 * common external tariff) sets one tariff per sector on its imports from all partners; named pairs
 * may instead set partner-specific tariffs on each other. Expanded into `players` against the
 * dataset (allPartners.ts), so every solution concept works on it unchanged.
 */
export const AllPartnersSchema = z.strictObject({
  regions: z
    .union([z.literal('*'), z.array(z.string()).min(2)])
    .default('*')
    .meta({ description: 'Who plays: "*" (every region, unions as one) or a list of region and union codes' }),
  unions: z.array(z.string()).default([]).meta({
    description:
      'Dataset groups that play as one customs union (common external tariff); their members do not play alone',
  }),
  sectors: z.array(z.string()).min(1).meta({
    description: 'Sectors (codes or sector groups) that get one tariff each; other sectors keep the scenario policy',
  }),
  per_sector: z.boolean().default(true).meta({
    description: 'One tariff per sector (Ossa); false: one tariff per player on all the listed sectors together',
  }),
  min: RateSchema.default(0),
  max: RateSchema.default(2.5),
  start: RateSchema.optional().meta({
    description: "Start of every tariff; default: the covered flows' current trade-weighted mean",
  }),
  objective: z.enum(['welfare', 'real_income']).default('real_income'),
  weights: SectorWeights.optional().meta({ description: 'Political weights λ by sector for every player (Ossa 2014)' }),
  security: SectorWeights.optional(),
  players: z
    .record(z.string(), ObjectiveOverride)
    .default({})
    .meta({ description: 'Per-player objective, weights or security weights replacing the common ones' }),
  partner_specific: z
    .array(z.tuple([z.string(), z.string()]))
    .default([])
    .meta({
      description:
        'Pairs [A, B] that set separate per-sector tariffs on each other (each ' +
        "side's all-partner tariff then excludes the other)",
    }),
});

/** The `strategy:` section. */
export const StrategySchema = z
  .strictObject({
    kind: z.enum(['best-response', 'nash', 'cooperative']),
    all_partners: AllPartnersSchema.optional(),
    players: z.record(z.string(), PlayerSchema).default({}),
    options: StrategyOptionsSchema.default(StrategyOptionsSchema.parse({})),
  })
  .superRefine((s, ctx) => {
    if (!s.all_partners && Object.keys(s.players).length === 0)
      ctx.addIssue({ code: 'custom', path: ['players'], message: msg.leastOnePlayer() });
    const seen = new Map<string, string>();
    for (const [code, p] of Object.entries(s.players)) {
      p.instruments.forEach((ins, k) => {
        const other = seen.get(ins.id);
        if (other !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['players', code, 'instruments', k, 'id'],
            message: msg.uniqueInstrumentId(ins.id, other),
          });
        seen.set(ins.id, code);
      });
    }
    const n = s.all_partners ? Infinity : Object.keys(s.players).length;
    if (s.kind !== 'best-response' && n < 2)
      ctx.addIssue({ code: 'custom', path: ['players'], message: msg.leastTwoPlayers(s.kind, n) });
  });

export type Strategy = z.output<typeof StrategySchema>;
export type StrategyOptions = z.output<typeof StrategyOptionsSchema>;
export type PlayerDef = z.output<typeof PlayerSchema>;
export type InstrumentDef = z.output<typeof InstrumentSchema>;
export type AllPartners = z.output<typeof AllPartnersSchema>;
export type Method = (typeof METHODS)[number];
