/**
 * The report contract: report.json of `lancaster run` (and its `--json`), the data object the
 * text, HTML and CSV reports are rendered from (src/report/build.ts). Its steps follow the result
 * rules of docs/results.md (a solve's `countries` and `trade` at the long run, `by_horizon` for
 * both horizons); beside them the model-vs-observed comparison, the monthly paths, the fit of the
 * adjustment speed, published estimates, the 2018–19 backtest, the sectors most affected and, with
 * `--draws N`, the parallel `bands`.
 *
 * A measure the model cannot give on a dataset (e.g. a pair it does not have) is NaN in memory,
 * which JSON writes as null: those fields read null back as NaN (`MeasureSchema`), so the TS type
 * keeps numbers and the published schema (written for the JSON file) says "number or null".
 */
import { z } from 'zod';
import { TimelineStepSchema } from '../spec/scenario.ts';
import { ProvenanceSchema } from './provenance.ts';
import {
  BandSchema,
  CountryResultSchema,
  HorizonStepSchema,
  MeasureSchema,
  PathPointSchema,
  SolveStatusSchema,
} from './result.ts';
import { SweepPriorSchema } from './sweep.ts';

const num = z.number();
const measure = MeasureSchema;
const PairMap = z.record(z.string(), num);

/** A measure at both horizons. */
const PairSchema = z.strictObject({ short: measure, long: measure });
export type Pair = z.infer<typeof PairSchema>;

/**
 * One step of the report, in the result contract's shape: the long run's `countries` (and
 * `groups`) and `trade`, and both horizons under `by_horizon`. `tariffs` are the policy's average
 * tariffs ("USA<-CHN"), the same at both horizons.
 */
const ReportStepSchema = z.strictObject({
  date: z.string(),
  label: z.string(),
  source: z.string(),
  assumption: z.string().optional(),
  talks: TimelineStepSchema.shape.talks,
  deadline: z.strictObject({ date: z.string(), label: z.string() }).optional(),
  solved: z.boolean(),
  tariffs: PairMap.meta({ description: '"USA<-CHN" → trade-weighted average tariff (percent)' }),
  countries: z
    .record(z.string(), CountryResultSchema)
    .meta({ description: "The report countries' indicators in the long run (exactly a solve's fields)" }),
  groups: z.record(z.string(), CountryResultSchema).optional(),
  trade: PairMap.meta({
    description: '"CHN->USA": goods exports of CHN to USA, percent change from the baseline, long run',
  }),
  tariff_revenue: PairMap.optional().meta({
    description: 'Tariff revenue in the equilibrium, dataset units, long run',
  }),
  by_horizon: z.strictObject({ 'long-run': HorizonStepSchema, 'short-run': HorizonStepSchema }),
});
export type ReportStep = z.infer<typeof ReportStepSchema>;

/** An observed change of a flow (China-reported, year on year) over a month or a window. */
const ObservedPointSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  period: z.string().meta({ description: 'YYYY-MM for a month; [first, last] day for a longer window' }),
  window: z.tuple([z.string(), z.string()]),
  pct: num,
  source: z.string(),
});
export type ObservedPoint = z.infer<typeof ObservedPointSchema>;

/** Monthly paths between the dated equilibria (partial adjustment, src/model/dynamics/adjust.ts). */
const ReportPathsSchema = z.strictObject({
  months: num.meta({ description: 'Time constant T (months) of the partial adjustment' }),
  ratio: num.meta({ description: 'The within-a-year share ρ that T comes from' }),
  theta_usa_chn: measure.meta({ description: 'Trade-weighted long-run θ of US imports from China (dataset)' }),
  blp_scale: measure.meta({ description: "The elasticity scale that makes it BLP's long run of 2" }),
  anticipation: num.meta({ description: 'options.anticipation.share (0 = none)' }),
  note: z.string(),
  adjusted: z.array(PathPointSchema).meta({ description: 'Main: dataset θ as the long run, BLP’s ratio as the speed' }),
  blp_levels: z
    .array(PathPointSchema)
    .meta({ description: "Sensitivity: BLP's levels for both (long run θ̄ = 2), same speed" }),
  equilibria: z.array(PathPointSchema).meta({ description: 'Adjustment off: the long-run sequence of equilibria' }),
  equilibria_short: z.array(PathPointSchema).meta({ description: 'Adjustment off: the short-run sequence (× 0.4)' }),
  observed: z.array(ObservedPointSchema),
});
export type ReportPaths = z.infer<typeof ReportPathsSchema>;

/** One month of the fit of the adjustment speed: observed, fitted and unfitted model. */
const FitRowSchema = z.strictObject({
  period: z.string(),
  observed: num,
  fitted_model: measure,
  unfitted_model: measure,
  role: z.enum(['fitted', 'predicted']),
});
export type FitRow = z.infer<typeof FitRowSchema>;

const ErrorsSchema = z.strictObject({ rmse: measure, mean_error: measure });

/** The within-a-year adjustment share ρ fitted on the observed months, and its out-of-sample errors. */
const FitResultSchema = z.strictObject({
  pair: z.string(),
  theta_long_run: measure.meta({
    description: "θ̄: trade-weighted long-run θ of the importer's goods imports from the exporter (dataset)",
  }),
  unfitted: z.strictObject({ ratio: num, elasticity: measure, months: num, source: z.string() }),
  fitted: z.strictObject({
    ratio: measure,
    elasticity: measure,
    months: measure,
    se_ratio: measure,
    ci95_ratio: z.tuple([measure, measure]),
    ci95_elasticity: z.tuple([measure, measure]),
    sigma: measure,
    points: num,
  }),
  rows: z.array(FitRowSchema),
  out_of_sample: z
    .strictObject({ fitted: ErrorsSchema, unfitted: ErrorsSchema, points: num })
    .meta({ description: 'Errors on the predicted months (model − observed, percentage points)' }),
  in_sample: z.strictObject({ fitted_rmse: measure, unfitted_rmse: measure }),
  error_model: z.string(),
});
export type FitResult = z.infer<typeof FitResultSchema>;

/** A published estimate beside the model on the same measure. */
const PublishedRowSchema = z.strictObject({
  who: z.string(),
  what: z.string(),
  date: z.string(),
  published: num,
  source: z.string(),
  note: z.string(),
  model: PairSchema.meta({
    description: 'The model on the same measure: long-run and short-run equilibria at the step in force on date',
  }),
});
export type PublishedRow = z.infer<typeof PublishedRowSchema>;

/** An observed change beside the model's (equilibria at both horizons, monthly paths for flows). */
const ComparisonRowSchema = z.strictObject({
  what: z.string(),
  observed: num,
  model: PairSchema,
  path: measure.optional().meta({ description: 'Monthly path (dataset θ, BLP speed), for flows' }),
  path_blp: measure.optional().meta({ description: 'Its sensitivity (BLP levels), for flows' }),
  unit: z.string(),
  source: z.string(),
  note: z.string(),
});
export type ComparisonRow = z.infer<typeof ComparisonRowSchema>;

/** A sector among the most affected: output change at both horizons and the value of lost production. */
const SectorRowSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  output_pct: PairSchema,
  value_lost: measure.meta({ description: 'Baseline output × −(real output change), dataset units (negative = gain)' }),
});
export type SectorRow = z.infer<typeof SectorRowSchema>;

/** One row of the 2018–19 backtest: a published effect and the model's. */
const BacktestSchema = z.strictObject({
  status: z.string(),
  rows: z.array(
    z.strictObject({
      what: z.string(),
      published: measure.meta({ description: 'The published figure (null when the facts have none)' }),
      model: measure,
      unit: z.string(),
      source: z.string(),
      note: z.string(),
    }),
  ),
  note: z.string(),
});
export type Backtest = z.infer<typeof BacktestSchema>;
export type BacktestRow = Backtest['rows'][number];

const BandRows = z.record(z.string(), z.record(z.string(), BandSchema));
/**
 * The bands of one horizon of a step: each report country's indicators, the trade pairs, and (at
 * the sector steps) sector output.
 */
const HorizonBandsShape = {
  countries: BandRows,
  trade: z.record(z.string(), BandSchema),
  sectors: BandRows.optional().meta({
    description: 'region → sector → band of output_pct, at the peak of the US tariff on China and in the final state',
  }),
};
const HorizonBandsSchema = z.strictObject(HorizonBandsShape);
export type HorizonBands = z.infer<typeof HorizonBandsSchema>;
const StepBandsSchema = z.strictObject({
  ...HorizonBandsShape,
  by_horizon: z.strictObject({ 'long-run': HorizonBandsSchema, 'short-run': HorizonBandsSchema }),
});
export type StepBands = z.infer<typeof StepBandsSchema>;
/** The bands of one month of the path: the report countries' and groups' path measures and the trade pairs. */
const PathBandsSchema = z.strictObject({
  period: z.string(),
  countries: BandRows,
  groups: BandRows.optional().meta({ description: "The report's groups, as the path carries them (paths.adjusted)" }),
  trade: z.record(z.string(), BandSchema),
});
export type PathBands = z.infer<typeof PathBandsSchema>;
const FailedDrawsSchema = z.array(z.strictObject({ index: num, error: z.string() }));

/** The parallel `bands` object of a report run with `--draws N`. */
const ReportBandsSchema = z.strictObject({
  draws: num,
  seed: num,
  executor: z.string(),
  seconds: num,
  used: z
    .strictObject({ short: num, long: num })
    .meta({ description: 'Draws used per horizon (failed and not-converged draws are listed and left out)' }),
  not_converged: z.strictObject({ short: z.array(num), long: z.array(num) }),
  failed: z.strictObject({ short: FailedDrawsSchema, long: FailedDrawsSchema }),
  priors: z
    .strictObject({ short: z.array(SweepPriorSchema), long: z.array(SweepPriorSchema) })
    .meta({ description: 'The priors drawn (the short run adds the short-run ratio)' }),
  steps: z.array(StepBandsSchema),
  path: z
    .array(PathBandsSchema)
    .optional()
    .meta({
      description:
        "The monthly path's bands, month by month (the long-run draws' path): " +
        'parallel to paths.adjusted, matched by period',
    }),
});
export type ReportBands = z.infer<typeof ReportBandsSchema>;

/** report.json of `lancaster run`: the timeline at both horizons joined step by step, and what is set beside it. */
export const ReportSchema = z.strictObject({
  name: z.string(),
  description: z.string().optional(),
  model: z.string(),
  dataset: z.strictObject({
    id: z.string(),
    name: z.string(),
    unit: z.string(),
    sources: z.array(z.strictObject({ name: z.string(), citation: z.string().optional(), licence: z.string() })),
  }),
  horizons: z.string().meta({ description: 'How the two horizons differ, and the source' }),
  status: SolveStatusSchema.meta({ description: 'converged only when all three timelines converged' }),
  seconds: num,
  countries: z
    .array(z.string())
    .meta({ description: 'The report countries (groups the model has no row of as members)' }),
  start: z.strictObject({ tariffs: PairMap }),
  steps: z.array(ReportStepSchema),
  comparison: z.array(ComparisonRowSchema),
  paths: ReportPathsSchema,
  fit: FitResultSchema,
  published: z.array(PublishedRowSchema),
  backtest: BacktestSchema.optional().meta({
    description: 'The 2018–19 backtest on the same dataset (set by lancaster run for the embedded replay)',
  }),
  caveats: z.array(z.string()).meta({ description: 'What the reader must know to read the paths and the regions' }),
  sectors: z
    .array(
      z.strictObject({
        date: z.string(),
        label: z.string(),
        byCountry: z.record(z.string(), z.array(SectorRowSchema)),
      }),
    )
    .meta({
      description: 'Most affected sectors (largest long-run change in output value) at the peak and at the end',
    }),
  final_date: z.string(),
  provenance: ProvenanceSchema.meta({
    description: 'Of the long-run timeline (the short run differs by its elasticity scale)',
  }),
  bands: ReportBandsSchema.optional().meta({
    description:
      'Percentiles 5/50/95 of the measures over elasticity draws, parallel to steps (lancaster run --draws N)',
  }),
});
/**
 * The 2025 report as a data object: what report.json holds (NaN in memory where it holds null).
 *
 * @example
 * ```ts
 * const r: Report = buildReport(readScenarioFile('scenarios/us-china-2025.yaml'));
 * ```
 */
export type Report = z.output<typeof ReportSchema>;
