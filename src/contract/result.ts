/**
 * The result contract (docs/results.md): one zod definition of every result Lancaster returns
 * feeds the TypeScript types, the JSON Schema printed by `lancaster schema result` and served at
 * /api/results/schema (schema.ts), and the test that every example scenario's result validates.
 * Here: the solve, the timeline, the bands and the gravity fit; strategy.ts, negotiation.ts and
 * sweep.ts hold the engines' results on these.
 *
 * The rules: a timeline step carries `countries.<code>` with exactly the fields of a solve's
 * `countries.<code>` at the scenario's horizon, and `by_horizon.<horizon>` for every horizon
 * solved; a monthly path is `path[]` of points shaped like steps; uncertainty is a parallel `bands`
 * object whose values stay numbers; no existing field is renamed; every result carries `provenance`.
 */
import { z } from 'zod';
import { TimelineStepSchema } from '../spec/scenario.ts';
import { ModelDetailShape } from './model.ts';
import { ProvenanceSchema, type Provenance } from './provenance.ts';

export type { Provenance } from './provenance.ts';

/** A number of the result; JSON has no NaN, so a value a model could not produce is absent instead. */
const num = z.number();

/**
 * A number the model may not give (a NaN in memory, which JSON writes as null): reads null back as
 * NaN, so the TS type keeps numbers; the published schema is of the file (number or null), see
 * schema.ts.
 */
export const MeasureSchema = num
  .nullable()
  .transform((v) => v ?? Number.NaN)
  .meta({ description: 'null where the model gives no such number' });

/**
 * Solver status; `not-converged` results must never be presented as answers.
 *
 * @example
 * ```ts
 * if (r.status !== 'converged') throw new Error(`no answer: ${r.message}`);
 * ```
 */
export const SolveStatusSchema = z.enum(['converged', 'not-converged']);
/**
 * Whether a solve met its tolerance: only `converged` results carry answers.
 *
 * @example
 * ```ts
 * const ok: SolveStatus = solveScenario(readScenarioFile('scenarios/nafta-cp2015.yaml')).status;
 * ```
 */
export type SolveStatus = z.infer<typeof SolveStatusSchema>;

/** How a solve went: status, iterations, final residual and seconds, and where trouble happened. */
export const SolverReportSchema = z.object({
  status: SolveStatusSchema,
  iterations: num,
  residual: num.meta({ description: "Final residual in the solver's documented norm" }),
  seconds: num,
  message: z.string().optional().meta({ description: 'Where trouble happened (NaN, divergence), when it did' }),
});

/**
 * Per-country indicators, percent changes unless the name says otherwise; a field a model cannot
 * produce is absent (never zero). Models may add further numeric fields.
 */
export const CountryResultSchema = z
  .object({
    welfare_pct: num.optional(),
    real_income_pct: num.optional(),
    real_gdp_pct: num.optional().meta({
      description:
        'Value added at constant (baseline) prices: double deflation in ' +
        'multi-sector models, employment in one-sector-2025',
    }),
    real_wage_pct: num.optional(),
    terms_of_trade_pct: num.optional(),
    volume_of_trade_pct: num.optional(),
    employment_pct: num.optional(),
    prices_pct: num.optional(),
    exports_pct: num.optional(),
    imports_pct: num.optional(),
    exports_gdp_pct: num.optional(),
    imports_gdp_pct: num.optional(),
    deficit_pct: num.optional(),
    tariff_revenue_pct_gdp: num.optional(),
    income_from_abroad_pct_gdp: num.optional().meta({
      description: 'Net income from abroad after the change (ownership, government shares), % of baseline GDP',
    }),
    income_from_abroad_change_pct_gdp: num.optional(),
    real_national_income_pct: num
      .optional()
      .meta({ description: 'National income (GDP + net income from abroad) over the price index, percent change' }),
    government_share_revenue_pct_gdp: num.optional(),
  })
  .catchall(num);

/** A solve's indicators by country and group (the part a timeline step shares with a solve). */
const Indicators = {
  countries: z.record(z.string(), CountryResultSchema),
  groups: z
    .record(z.string(), CountryResultSchema)
    .optional()
    .meta({
      description:
        'Group rows (e.g. EU, non-US average) where the model defines their averaging: ' +
        'one-sector-2025 every dataset group by baseline spending; the multi-sector models ' +
        'the groups report.countries names, by baseline income',
    }),
};

/**
 * The result of one solve (`lancaster solve`, run kind `solve`): solver report, model, dataset,
 * the indicators of every country and group, the model's detail (sectors, export controls,
 * capacity, chain, inventories…: src/contract/model.ts), provenance; nothing else.
 */
export const SolveResultSchema = SolverReportSchema.extend({
  model: z.string(),
  dataset: z.string(),
  ...Indicators,
  ...ModelDetailShape,
  provenance: ProvenanceSchema,
}).strict();

/** What a model's solve returns, before the scenario layer adds provenance: the solve result's own fields. */
export const ModelResultSchema = SolveResultSchema.omit({ provenance: true }).strip();

/** Horizons a timeline can be solved at (`options.horizon`); long run unless the scenario says. */
const HORIZONS = ['long-run', 'short-run'] as const;
export const HorizonSchema = z.enum(HORIZONS);
/**
 * A horizon of the trade elasticities: `long` (the dataset's θ) or `short` (scaled for the first year).
 *
 * @example
 * ```ts
 * const h: Horizon = 'long';
 * ```
 */
export type Horizon = z.infer<typeof HorizonSchema>;

const PairMap = z.record(z.string(), num);

/** What a step carries at one horizon: the same indicators as a solve, and the trade pairs. */
export const HorizonStepSchema = z.strictObject({
  ...Indicators,
  trade: PairMap.optional().meta({ description: '"EXPORTER->IMPORTER" → goods flows, percent change' }),
  tariff_revenue: PairMap.optional().meta({ description: 'region → tariff revenue in the equilibrium, dataset units' }),
});

const SectorDetail = z.record(z.string(), z.record(z.string(), z.record(z.string(), num)));

/** One dated step of a timeline run. */
const TimelineStepResultSchema = SolverReportSchema.extend({
  date: z.string(),
  label: z.string(),
  source: z.string(),
  assumption: z.string().optional(),
  talks: TimelineStepSchema.shape.talks.meta({ description: "The step's talks, as the scenario gives them" }),
  deadline: z.object({ date: z.string(), label: z.string() }).optional(),
  announced: z
    .string()
    .optional()
    .meta({ description: 'When the step was announced, if the scenario says (anticipation in monthly paths)' }),
  solved: z
    .boolean()
    .meta({ description: 'False when the step changed no policy and carries the previous equilibrium' }),
  ...Indicators,
  by_horizon: z.partialRecord(HorizonSchema, HorizonStepSchema).meta({
    description: "The step at every horizon solved; the one of the scenario's horizon equals the step's own fields",
  }),
  average_tariffs: PairMap.meta({
    description: '"USA<-CHN" → trade-weighted average tariff (percent) of USA on goods from CHN',
  }),
  sectors: SectorDetail.optional().meta({ description: 'region → sector → detail (multi-sector models)' }),
  bilateral_exports_pct: z
    .record(z.string(), PairMap)
    .optional()
    .meta({ description: 'region → importer → exports of region to importer, percent change (goods)' }),
  trade: PairMap.optional().meta({
    description: '"EXPORTER->IMPORTER" → goods flows, percent change (the scenario\'s report.trade pairs)',
  }),
  tariff_revenue: PairMap.optional().meta({
    description: 'region → tariff revenue in the equilibrium, dataset units (multi-sector models)',
  }),
}).strict();

/** One uncertainty band of a measure: its 5th, 50th and 95th percentiles over the draws of a sweep. */
export const BandSchema = z
  .strictObject({
    p5: num.meta({ description: '5th percentile over the converged draws (R type 7)' }),
    p50: num.meta({ description: 'Median over the converged draws' }),
    p95: num.meta({ description: '95th percentile over the converged draws' }),
  })
  .meta({ description: 'Percentiles 5/50/95 of one measure over the draws' });
/**
 * A bands object (docs/results.md rule 5): the shape of the result it belongs to, with a band in
 * place of each measure (solver diagnostics such as seconds and iterations get none).
 */
export type Band = z.infer<typeof BandSchema>;
export type Bands = Band | { [key: string]: Bands } | Bands[];
export const BandsSchema: z.ZodType<Bands> = z.lazy(() =>
  z.union([BandSchema, z.array(BandsSchema), z.record(z.string(), BandsSchema)]),
);

/** One point of a monthly path: shaped like a step (countries, groups, trade), dated by its period. */
export const PathPointSchema = z.strictObject({
  period: z.string().meta({ description: "YYYY-MM, or the period's first day for other grids" }),
  countries: z.record(z.string(), CountryResultSchema),
  groups: z
    .record(z.string(), CountryResultSchema)
    .optional()
    .meta({ description: "The report's groups the steps carry under groups (EU), with the same path measures" }),
  trade: PairMap,
});

/**
 * The result of a timeline run (`lancaster solve` of a scenario with a timeline, run kind
 * `timeline`): every step in date order, the monthly path between them, provenance.
 */
export const TimelineRunSchema = z.strictObject({
  model: z.string(),
  dataset: z.string(),
  horizon: HorizonSchema.meta({
    description: "The horizon of the steps' own fields (options.horizon, long run by default)",
  }),
  status: SolveStatusSchema.meta({ description: 'converged only when every solved step converged' }),
  seconds: num,
  start: z.strictObject({ average_tariffs: PairMap }),
  steps: z.array(TimelineStepResultSchema),
  path: z.array(PathPointSchema).optional().meta({
    description: 'Monthly path between the dated equilibria (partial adjustment; docs/results.md), when computed',
  }),
  bands: BandsSchema.optional().meta({
    description: 'Uncertainty of the same fields, parallel to them (sweeps): 5/50/95 percentiles',
  }),
  provenance: ProvenanceSchema,
});

/**
 * The result of `lancaster gravity` (run kind `gravity`): the PPML fit, its estimates and
 * provenance (docs/gravity.md).
 */
export const GravityResultSchema = z.looseObject({
  kind: z.literal('gravity'),
  name: z.string(),
  status: SolveStatusSchema,
  converged: z.boolean(),
  message: z.string().meta({ description: 'How the PPML fit ended' }),
  iterations: num,
  estimates: z
    .record(z.string(), z.object({ coef: num.nullable(), se: num.nullable(), omitted: z.literal(true).optional() }))
    .meta({
      description:
        'Regressor → PPML coefficient and standard error (null when not finite; omitted when collinear or separated)',
    }),
  estimation: z
    .looseObject({
      observations: num,
      separation_checked: z
        .boolean()
        .meta({ description: 'False when the separation check stopped at its cap: separated zeros may remain' }),
      fixed_effects: z.array(z.string()),
      vce: z.string().meta({ description: 'Variance estimator of the standard errors' }),
      clusters: num.nullable(),
      deviance: num,
      inner_iterations: num,
      tolerance: num,
      seconds: num,
    })
    .meta({
      description:
        'How the PPML was estimated: observations, fixed effects, variance, ' +
        'convergence (dropped observations pass through)',
    }),
  seconds: num,
  provenance: ProvenanceSchema,
});
/**
 * How a solve went: status, iterations, final residual and seconds, and where trouble happened.
 *
 * @example
 * ```ts
 * const { status, iterations, residual } = solveScenario(parsed) as SolverReport;
 * ```
 */
export type SolverReport = z.infer<typeof SolverReportSchema>;
/**
 * One country's measures in a result (`countries.<code>`): welfare, real income, real GDP, prices, and more.
 *
 * @example
 * ```ts
 * const us: CountryResult = solveScenario(parsed).countries.USA; us.welfare_pct;
 * ```
 */
export type CountryResult = z.infer<typeof CountryResultSchema>;
/**
 * A model's result without its provenance: solver report, `countries`, and any detail the model adds.
 *
 * @example
 * ```ts
 * const r: ModelResult = solveScenario(parsed); Object.keys(r.countries);
 * ```
 */
export type ModelResult = z.infer<typeof ModelResultSchema>;
/**
 * A solve's result as `lancaster solve --json` prints it: the model's result (with its detail) and its provenance.
 *
 * @example
 * ```ts
 * const r: SolveResult = solveScenario(readScenarioFile('scenarios/nafta-cp2015.yaml'));
 * ```
 */
export type SolveResult = ModelResult & { provenance: Provenance };
/**
 * One horizon of a timeline step (`steps[k].by_horizon.<horizon>`): countries, groups, trade and tariff revenue.
 *
 * @example
 * ```ts
 * const short: HorizonStep | undefined = run.steps[0].by_horizon.short;
 * ```
 */
export type HorizonStep = z.infer<typeof HorizonStepSchema>;
/**
 * One point of a timeline's monthly path (`path[]`), shaped like a step.
 *
 * @example
 * ```ts
 * for (const pt of run.path ?? []) console.log(pt.date);
 * ```
 */
export type PathPoint = z.infer<typeof PathPointSchema>;
