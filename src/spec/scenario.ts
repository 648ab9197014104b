/**
 * The scenario file (scenario-format.md): one zod definition feeds the TypeScript types, the CLI
 * and API validation, and the JSON Schema printed by `lancaster schema`.
 */
import { z } from 'zod';
import { IsoDate } from './date.ts';
import { StrategySchema } from './strategy.ts';
import { NegotiationSchema } from './negotiation.ts';
import { MAX_RATE, PERCENT } from './rate.ts';
import * as msg from './messages/scenario.ts';

/**
 * The input schema of every fraction and its upper bound: the published JSON Schema states the
 * bounds the transform checks, so an editor refuses a negative rate as the CLI does.
 */
const FRACTION_BOUNDS = new WeakMap<object, number>();

/** A percent string of at most `max` (as a fraction): digits, an optional decimal part, `%`. */
const PERCENT_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*%\\s*$';

/**
 * A fraction (0.54) or a percent string ("54%") between 0 and `max`; `what` names it in messages
 * ("rate", "share") so each kind of number is told its own range.
 */
function fraction(max: number, what: string) {
  const input = z.union([z.number(), z.string()], { error: (iss) => msg.numberOrPercent(iss.input) });
  FRACTION_BOUNDS.set(input, max);
  return input.transform((v, ctx) => {
    let x: number;
    if (typeof v === 'number') x = v;
    else {
      const m = PERCENT.exec(v);
      if (!m) {
        ctx.addIssue({ code: 'custom', message: msg.numberOrPercent2(v) });
        return z.NEVER;
      }
      x = Number(m[1]) / 100;
    }
    if (!Number.isFinite(x) || x < 0 || x > max) {
      ctx.addIssue({ code: 'custom', message: `expected a ${what} between 0 and ${max} (${max * 100}%), found ${v}` });
      return z.NEVER;
    }
    return x;
  });
}

/** A rate as a fraction (0.54) or a percent string ("54%"); negative, NaN or above MAX_RATE is an error. */
const RateSchema = fraction(MAX_RATE, 'rate').meta({
  description: 'Fraction (0.54 = 54%) or percent string ("54%"), 0 to 10 (1000%)',
});

/** A share in [0, 1], as a number or percent string. */
const ShareSchema = fraction(1, 'share').meta({
  description: 'Fraction (0.5 = 50%) or percent string ("50%"), 0 to 1',
});

const Code = z
  .string()
  .min(1)
  .meta({ description: 'Region code, group defined by the dataset, or "*" for all others' });

const LayerId = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+$/, { error: (iss) => msg.idLettersDigits(iss.input) })
  .meta({ description: 'Names this layer so a later timeline step can suspend or reinstate it' });

export const TariffEntrySchema = z
  .object({
    id: LayerId.optional(),
    importer: Code,
    exporter: Code,
    except: z
      .array(z.string())
      .optional()
      .meta({ description: 'Codes removed from the side given as "*" (or as a group)' }),
    sectors: z.array(z.string()).optional().meta({ description: 'Sector codes; all sectors when absent' }),
    rate: RateSchema.optional().meta({ description: 'New ad valorem rate' }),
    add: RateSchema.optional().meta({ description: 'Added to the baseline rate (in a timeline: to the current rate)' }),
    schedule: z.string().optional().meta({ description: 'Rates from a schedule shipped with the dataset' }),
    preset: z.string().optional().meta({ description: 'A rate computed by a model preset (e.g. us-optimal)' }),
    target_average: RateSchema.optional().meta({
      description:
        'Shifts every covered rate by one amount so that their average, weighted by baseline ' +
        "flows, equals this (for facts given as averages, e.g. PIIE's)",
    }),
    source: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          "Where this entry's rate comes from (a data file and line, or a fact-sheet " +
          "row), when the step's source does not say it alone",
      }),
  })
  .strict()
  .superRefine((t, ctx) => {
    const given = (['rate', 'add', 'schedule', 'preset', 'target_average'] as const).filter((k) => t[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: given.length === 0 ? msg.oneRateAdd() : msg.oneRateAddSchedule(given.join(' and ')),
      });
    }
  });

export const ExportControlSchema = z
  .object({
    id: LayerId.optional(),
    origin: Code,
    destination: Code,
    except: z.array(z.string()).optional(),
    sectors: z.array(z.string()).min(1),
    approval: ShareSchema.meta({ description: 'Share of baseline volume allowed (0 = ban)' }),
    rents: z
      .enum(['exporter', 'lost'])
      .optional()
      .meta({
        description:
          'Who receives licence rents; default exporter (its producers and, with dataset ' +
          'ownership, their foreign owners); lost: dissipated (iceberg)',
      }),
    government_share: z
      .number()
      .min(0)
      .lt(1)
      .optional()
      .meta({
        description:
          'Share of the licensed sales taken by a government (August 2025: 15% of H20/MI308 sales to the ' +
          'US government): an export tax whose revenue is income of `government`',
      }),
    government: Code.optional().meta({ description: 'Region receiving government_share (required with it)' }),
  })
  .strict()
  .refine((e) => (e.government_share ?? 0) === 0 || e.government !== undefined, {
    message: msg.governmentRegionReceiving(),
    path: ['government'],
  });

export const CapacityEntrySchema = z
  .object({
    region: Code.meta({ description: 'Region code, group, or "*" for all regions' }),
    except: z.array(z.string()).optional().meta({ description: 'Codes removed from a region given as "*" or a group' }),
    sectors: z.array(z.string()).min(1).meta({ description: 'Sector codes or sector groups (e.g. [MAG] or [REE])' }),
    limit: z
      .number()
      .min(0)
      .max(1e6)
      .meta({ description: 'Upper bound on real output as a share of the baseline (1 = no expansion)' }),
    supply_elasticity: z
      .number()
      .positive()
      .max(1e6)
      .optional()
      .meta({ description: 'Supply elasticity below the bound (output ∝ price^η); constant returns when absent' }),
    source: z
      .string()
      .optional()
      .meta({ description: 'Where the bound comes from (a fact-sheet row), or why it is assumed' }),
  })
  .strict();

const PolicySchema = z
  .object({
    preset: z.string().optional().meta({ description: 'A whole-policy preset of the model (e.g. ustr-2025-04-02)' }),
    tariffs: z.array(TariffEntrySchema).optional(),
    export_controls: z.array(ExportControlSchema).optional(),
    capacity: z
      .array(CapacityEntrySchema)
      .optional()
      .meta({
        description:
          'Capacity bounds on real output of region-sectors (multi-sector models; ' +
          'docs/controls.md "Capacity"); later entries override earlier ones',
      }),
  })
  .strict();

/**
 * Bounds of the numeric options, from what the solvers can meet: every model converges to a checked
 * solution over this elasticity range (US–China 145%/125% case, cp2015, multisector and
 * one-sector-2025; at 1e-20 the indicators overflow), residuals below 1e-14 are below double
 * precision's noise on these data, and 100 000 iterations bound the work of one solve.
 */
const ELASTICITY_SCALE = { min: 0.01, max: 50 } as const;
const TOLERANCE = { min: 1e-14, max: 1e-3 } as const;
const ITERATIONS = { min: 1, max: 100_000 } as const;

/** A number in [min, max] whose message names the option's range. */
function bounded(b: { min: number; max: number }, what: string) {
  const error = (iss: { input?: unknown }) =>
    `expected ${what} between ${b.min} and ${b.max}, found ${String(iss.input)}`;
  return z
    .number({ error: (iss) => msg.asNumber(what, iss.input === undefined ? 'nothing' : JSON.stringify(iss.input)) })
    .min(b.min, { error })
    .max(b.max, { error });
}

const OptionsSchema = z
  .object({
    baseline: z.enum(['keep-deficits', 'zero-deficit']).optional(),
    ownership: z
      .enum(['dataset', 'none'])
      .optional()
      .meta({
        description:
          "Cross-border ownership of value added (multi-sector models): the dataset's links " +
          '(default) or none (GDP = national income everywhere). docs/controls.md',
      }),
    revenue: z.enum(['income-tax-relief', 'lump-sum']).optional(),
    elasticity_scale: bounded(ELASTICITY_SCALE, 'an elasticity scale')
      .optional()
      .meta({
        description:
          `Multiplies every trade elasticity; ${ELASTICITY_SCALE.min} to ${ELASTICITY_SCALE.max}, the ` +
          `range on which all three models are checked to converge to true solutions`,
      }),
    anticipation: z
      .object({
        share: z
          .number()
          .min(0)
          .max(1)
          .meta({
            description:
              "Between a step's `announced` date and its date, every reported flow moves against " +
              'the coming change by this share of it (imports brought forward)',
          }),
      })
      .strict()
      .optional()
      .meta({
        description:
          'Anticipation in the monthly paths of a timeline (default: none; the ' +
          'size of front-loading is not sourced for 2025)',
      }),
    variant: z
      .enum(['baseline', 'eaton-kortum', 'eps8', 'partial-pass-through'])
      .optional()
      .meta({ description: 'one-sector-2025 model variants' }),
    tolerance: bounded(TOLERANCE, 'a tolerance')
      .optional()
      .meta({
        description: `Solver tolerance, ${TOLERANCE.min} (what double precision can certify) to ${TOLERANCE.max}`,
      }),
    max_iterations: bounded(ITERATIONS, 'an iteration limit')
      .refine((v) => Number.isInteger(v), { error: (iss) => msg.wholeNumberIterations(String(iss.input)) })
      .optional(),
    horizon: z
      .enum(['short-run', 'long-run'])
      .optional()
      .meta({
        description:
          'short-run: trade elasticities × 0.4 (Boehm, Levchenko & Pandalai-Nayar 2023: ≈ 0.8 within a year vs ≈ ' +
          '2 in the long run); long-run: × 1. Exclusive with elasticity_scale (docs/controls.md)',
      }),
    input_elasticity: z
      .union([z.number().min(0).max(20), z.record(z.string(), z.number().min(0).max(20))])
      .optional()
      .meta({
        description:
          'CES elasticity ε between value added and inputs (multi-sector models; 1 = Cobb–Douglas, the ' +
          'default): one number, or a map from "*", a sector code or "REGION:sector" to ε (more specific keys ' +
          'win)',
      }),
    inventories: z
      .object({
        weeks: z.record(z.string(), z.number().min(0).max(520)).meta({
          description:
            'Weeks of baseline use that users hold, by sector, sector group ' +
            'or "REGION:sector" (more specific keys win)',
        }),
        duration_weeks: z.number().int().min(1).max(520).optional().meta({
          description: 'How long the policy of a single solve lasts; the weekly clock runs over it (default 26)',
        }),
        start: IsoDate.optional().meta({
          description: 'Date of week 0 for stock-out dates (single solves; timelines use their step dates)',
        }),
        until: IsoDate.optional().meta({
          description: 'Timelines: the end of the last step (default: 26 weeks after it)',
        }),
      })
      .strict()
      .optional()
      .meta({
        description:
          'Inventories of critical inputs drawn on a weekly clock while a ' +
          'restriction lasts (docs/controls.md "Inventories")',
      }),
    critical_inputs: z
      .object({
        inputs: z.array(z.string()).min(1).meta({ description: 'Sector codes of the critical inputs (e.g. [REE])' }),
        users: z
          .array(z.string())
          .min(1)
          .meta({ description: 'Sector codes of the using sectors that get the critical nest' }),
        regions: z
          .array(z.string())
          .optional()
          .meta({ description: 'Regions or groups where the nest applies; all when absent' }),
        elasticity: z.number().min(0).max(20).meta({
          description: 'σ between the critical bundle and the rest of the inputs + value added (1 = Cobb–Douglas)',
        }),
        sweep: z
          .array(z.number().min(0).max(20))
          .min(1)
          .max(12)
          .optional()
          .meta({
            description:
              'Also solve at each of these σ and report the headline results as ' +
              '`sweep` (no point estimate exists: docs/controls.md)',
          }),
      })
      .strict()
      .optional()
      .meta({ description: 'Critical-input nest of multi-sector models (docs/controls.md)' }),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.horizon !== undefined && o.elasticity_scale !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['horizon'], message: msg.eitherHorizonElasticity(o.horizon) });
    }
  });

const ReportSchema = z
  .object({
    countries: z
      .array(z.string())
      .optional()
      .meta({
        description:
          "Countries or groups shown in the human table: region codes, dataset groups or the model's own groups " +
          '(unknown codes are refused; a group the model gives no row of is shown as its members)',
      }),
    partners: z
      .string()
      .optional()
      .meta({ description: 'A group: each member gets imports_from_partners_pct from the other members' }),
    sectors: z
      .array(z.string())
      .optional()
      .meta({
        description:
          'Regions whose sector detail (output, prices, value lost) the result ' +
          'includes as `sectors` (multi-sector models)',
      }),
    trade: z
      .array(
        z.string().regex(/^[A-Za-z0-9_*]+->[A-Za-z0-9_*]+$/, { error: (iss) => msg.exporterImporterPair(iss.input) }),
      )
      .optional()
      .meta({
        description:
          'Region pairs whose goods flows every timeline step reports under `trade` (keys ' +
          '"EXPORTER->IMPORTER"; groups and "*" for all others allowed)',
      }),
  })
  .strict();

const TalksSchema = z
  .object({
    venue: z.string(),
    city: z.string().optional(),
    delegations: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: 'Country code → delegation members' }),
    outcome: z.string().optional(),
  })
  .strict();

export const TimelineStepSchema = z
  .object({
    date: IsoDate,
    label: z.string().min(1),
    source: z.string().min(1).meta({ description: "Where the step's facts come from (a timeline-2025 row or a URL)" }),
    assumption: z
      .string()
      .optional()
      .meta({ description: 'What in this step is assumed rather than sourced, and why' }),
    id: LayerId.optional().meta({ description: 'Names every layer of this step (entries may name their own)' }),
    tariffs: z
      .array(TariffEntrySchema)
      .optional()
      .meta({ description: 'Applied cumulatively: rate sets, add adds to the current rate' }),
    export_controls: z.array(ExportControlSchema).optional(),
    suspend: z.array(z.string()).optional().meta({ description: 'Ids of earlier layers switched off from this date' }),
    reinstate: z.array(z.string()).optional().meta({ description: 'Ids of suspended layers switched back on' }),
    talks: TalksSchema.optional(),
    deadline: z
      .object({ date: IsoDate, label: z.string() })
      .strict()
      .optional()
      .meta({ description: 'A truce deadline set at this step' }),
    announced: IsoDate.optional().meta({
      description:
        'When the step was announced (on or before `date`): with options.anticipation, ' +
        'importers bring purchases forward between the two dates',
    }),
    solve: z.boolean().optional().meta({
      description:
        'false: a dated event that changes no policy and is not solved (default: solved when it changes policy)',
    }),
  })
  .strict();

const MODELS = ['cp2015', 'one-sector-2025', 'multisector'] as const;

export const ScenarioSchema = z
  .object({
    lancaster: z.literal(1, { error: (iss) => msg.formatVersion(iss.input) }),
    name: z.string().min(1),
    description: z.string().optional(),
    model: z.enum(MODELS).default('multisector'),
    dataset: z
      .string()
      .optional()
      .meta({ description: "Embedded dataset id or folder; default: the model's default dataset" }),
    options: OptionsSchema.default({}),
    policy: PolicySchema.default({}),
    report: ReportSchema.optional(),
    strategy: StrategySchema.optional(),
    timeline: z.array(TimelineStepSchema).min(1).optional(),
    negotiation: NegotiationSchema.optional(),
  })
  .strict();

/**
 * A validated scenario (the scenario file format of scenario-format.md, defaults applied).
 *
 * @example
 * ```ts
 * const s: Scenario = readScenarioFile('scenarios/us-china-2025.yaml').scenario;
 * s.timeline?.length; // the dated steps of 2025
 * ```
 */
export type Scenario = z.output<typeof ScenarioSchema>;
export type TariffEntry = z.output<typeof TariffEntrySchema>;
export type ExportControl = z.output<typeof ExportControlSchema>;
export type CapacityEntry = z.output<typeof CapacityEntrySchema>;
export type TimelineStep = z.output<typeof TimelineStepSchema>;

/**
 * The published JSON Schema of scenario files (from the same zod schema the parser validates with).
 *
 * @example
 * ```ts
 * writeFileSync('scenario.schema.json', JSON.stringify(scenarioJsonSchema(), null, 2));
 * ```
 */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const max = FRACTION_BOUNDS.get(zodSchema);
      if (max === undefined) return;
      delete jsonSchema.anyOf;
      jsonSchema.anyOf = [
        { type: 'number', minimum: 0, maximum: max },
        { type: 'string', pattern: PERCENT_PATTERN, description: `a percent of at most ${max * 100}%` },
      ];
    },
  });
}
