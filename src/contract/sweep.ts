/**
 * The sweep result contract (docs/scale.md, docs/results.md rule 5): what `lancaster sweep --json`
 * and a `sweep` run return — the priors drawn, the samples, and per grid point the central run's
 * reported measures (src/scenario/reported.ts: what a sweep keeps of each draw), how many draws
 * were used, and the bands of every measure in the measures' shape.
 */
import { z } from 'zod';
import { ControlledFlowResultSchema, ElasticitiesUsedSchema, SectorResultSchema } from './model.ts';
import { ProvenanceSchema } from './provenance.ts';
import { BandSchema, BandsSchema, CountryResultSchema, PathPointSchema, SolveStatusSchema } from './result.ts';

const num = z.number();
const Rows = z.record(z.string(), CountryResultSchema);
const PairMap = z.record(z.string(), num);
const SectorDetail = z
  .record(z.string(), z.record(z.string(), SectorResultSchema))
  .meta({ description: 'region → sector → detail (multi-sector models)' });

/** The reported measures of a solve: its report countries, groups, sector detail and export-control wedges. */
const SolveMeasuresSchema = z.strictObject({
  model: z.string(),
  dataset: z.string(),
  status: SolveStatusSchema,
  countries: Rows,
  groups: Rows.optional(),
  sectors: SectorDetail.optional(),
  export_controls: z.array(ControlledFlowResultSchema).optional(),
  elasticities: ElasticitiesUsedSchema.optional(),
});
export type SolveMeasures = z.infer<typeof SolveMeasuresSchema>;

/** The reported measures of one timeline step. */
const StepMeasuresSchema = z.strictObject({
  date: z.string(),
  label: z.string(),
  status: SolveStatusSchema,
  countries: Rows,
  groups: Rows.optional(),
  average_tariffs: PairMap,
  bilateral_exports_pct: z.record(z.string(), PairMap).optional(),
  trade: PairMap.optional(),
  tariff_revenue: PairMap.optional(),
  sectors: SectorDetail.optional().meta({
    description: 'At the peak of the US tariff on China and in the final state only (the report’s sector views)',
  }),
});

/**
 * The reported measures of a timeline: per step the report countries, tariffs, trade and (at two
 * steps) sectors, and the monthly path.
 */
const TimelineMeasuresSchema = z.strictObject({
  model: z.string(),
  dataset: z.string(),
  status: SolveStatusSchema,
  start: z.strictObject({ average_tariffs: PairMap }),
  steps: z.array(StepMeasuresSchema),
  path: z.array(PathPointSchema).optional().meta({ description: "The timeline's monthly path, when computed" }),
});
export type TimelineMeasures = z.infer<typeof TimelineMeasuresSchema>;

/** A failed run of a sweep, by its draw index. */
const FailedDrawSchema = z.strictObject({ index: num, error: z.string() });

/** The outcome at one grid point. */
const SweepPointSchema = z.strictObject({
  grid: z
    .record(z.string(), z.unknown())
    .meta({ description: 'The grid point: each grid path of the sweep file and its value at this point' }),
  result: z
    .union([TimelineMeasuresSchema, SolveMeasuresSchema])
    .nullable()
    .meta({ description: "The central run's measures, or null when it failed" }),
  bands: BandsSchema.nullable().meta({
    description:
      "Percentiles 5/50/95 of every measure of the point's result, in its shape (null when no draw converged)",
  }),
  draws: z.strictObject({
    requested: num,
    used: num.meta({ description: 'Draws in the bands: converged and not failed' }),
    not_converged: z.array(num).meta({ description: 'Indices of the draws that did not converge (left out)' }),
    failed: z.array(FailedDrawSchema).meta({ description: 'Draws whose run failed, with the error (left out)' }),
  }),
  central_error: z.string().optional().meta({ description: 'Why the central run failed, when it did' }),
});
export type SweepPoint = z.infer<typeof SweepPointSchema>;

/** One prior of a sweep, as drawn. */
export const SweepPriorSchema = z.strictObject({
  id: z.string(),
  what: z.string(),
  distribution: z.string().meta({ description: 'The distribution in words, e.g. "log-normal, median 1, σ(log) 0.25"' }),
  source: z.string(),
  why: z.string(),
  drawn: BandSchema.meta({ description: 'Percentiles 5/50/95 of the values drawn' }),
});

/** What `lancaster sweep --json` prints and a `sweep` run stores. */
export const SweepResultSchema = z.strictObject({
  name: z.string(),
  scenario: z.string().meta({ description: 'The swept scenario: its file, or the embedded scenario id' }),
  seed: num,
  draws: num,
  status: z.enum(['complete', 'incomplete']),
  message: z
    .string()
    .optional()
    .meta({ description: 'Why the sweep is incomplete (runs failed or did not converge); absent when complete' }),
  executor: z.string(),
  seconds: num,
  priors: z.array(SweepPriorSchema),
  samples: z
    .array(z.record(z.string(), num))
    .meta({ description: 'The drawn values, draw by draw (reproducible from seed and index)' }),
  points: z
    .array(SweepPointSchema)
    .meta({ description: 'One entry per grid point: its central result and the bands of its draws' }),
  provenance: ProvenanceSchema.meta({
    description: 'Of the central scenario of the first grid point, with every prior as a parameter source',
  }),
});
export type SweepResult = z.infer<typeof SweepResultSchema>;
