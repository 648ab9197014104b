/**
 * Model detail of a result (docs/results.md): the parts of a multi-sector solve beyond the
 * countries that more than one result kind carries — sector detail, the export-control wedges and
 * the elasticities a solve used. A solve's `export_controls` and `elasticities`, a sweep's measures
 * and the model registry's result type (src/model/registry.ts) all read them from here.
 */
import { z } from 'zod';
import { ScenarioSchema } from '../spec/scenario.ts';

const num = z.number();

/**
 * One controlled flow: the wedge, the quantity change and who gets the rent (dataset units, per year):
 * `rent` kept by the exporting producers, split over `rent_to` (the exporter and, with ownership, the
 * foreign owners of the exporting sector); `rent_lost` dissipated (rents: lost); `government_revenue`
 * the government share of licensed sales, income of `government`.
 */
export const ControlledFlowResultSchema = z.strictObject({
  origin: z.string(),
  destination: z.string(),
  sector: z.string(),
  approval: num.meta({ description: 'Share of baseline volume licensed' }),
  wedge: num.meta({ description: 'The export wedge ω (1 = slack)' }),
  quantity_pct: num,
  binding: z.boolean(),
  rents: z.enum(['exporter', 'lost']),
  value_before: num,
  value_after: num,
  rent: num,
  rent_to: z.record(z.string(), num),
  rent_lost: num,
  government_share: num.optional(),
  government: z.string().optional(),
  government_revenue: num.optional(),
});
export type ControlledFlowResult = z.infer<typeof ControlledFlowResultSchema>;

/** One sector of a region in a multi-sector solve (`sectors.<region>.<sector>`). */
export const SectorResultSchema = z.strictObject({
  output_pct: num,
  price_pct: num,
  unit_cost_pct: num,
  exports_pct: num,
  imports_pct: num,
  real_output_pct: num.meta({
    description: 'Real output: gross output deflated by the producer price (unit cost), percent',
  }),
  output_before: num.meta({ description: 'Baseline gross output (net of tariffs and of export-wedge rents)' }),
  output_after: num.meta({ description: 'New gross output (net of tariffs and of export-wedge rents)' }),
  value_lost: num.meta({
    description:
      'Value of lost production: baseline output × −(real output change), ' +
      'dataset units at baseline prices (negative = gain)',
  }),
});
export type SectorResult = z.infer<typeof SectorResultSchema>;

/** The elasticities a multi-sector solve used (every default shown). */
export const ElasticitiesUsedSchema = z.strictObject({
  elasticity_scale: num,
  horizon: z.string().optional(),
  input_elasticity: z.union([num, z.record(z.string(), num)]),
  critical_inputs: ScenarioSchema.shape.options.unwrap().shape.critical_inputs,
});

/** One capacity bound of `policy.capacity`: markup μ − 1, real output, the rent to its owners. */
const CapacityResultSchema = z.strictObject({
  region: z.string(),
  sector: z.string(),
  limit: num,
  supply_elasticity: num.nullable().meta({ description: 'null: a hard bound' }),
  output_pct: num,
  markup_pct: num,
  rent: num,
  binding: z.boolean(),
});

/** One region's figures for one chain sector (percent changes; rents in dataset units). */
const ChainCellSchema = z.strictObject({
  price_pct: num.meta({ description: "Buyers' price index P̂ in the region (tariff-inclusive)" }),
  output_pct: num.meta({ description: "Real output q̂ = Y'/(Y ĉ) of the region's producers (0 when it has none)" }),
  absorption_pct: num.meta({ description: "Real absorption X'/(P̂ X): what the region's users and final buyers get" }),
  shortage_pct: num.meta({ description: 'Demand at the pre-shock price not served: max(0, −absorption_pct)' }),
  markup_pct: num.meta({ description: 'Capacity markup μ − 1 (0 without a binding or sloped capacity)' }),
  capacity_rent: num.meta({ description: "Capacity rent S(1 − 1/μ) to the region's capacity owners" }),
  capacity_binding: z.boolean(),
});
export type ChainCell = z.infer<typeof ChainCellSchema>;

/** One using sector's real output change and the value of lost production (baseline prices). */
const UserLossSchema = z.strictObject({ real_output_pct: num, value_lost: num });
export type UserLoss = z.infer<typeof UserLossSchema>;

/** Region → measure → value of one solved state (e.g. real_gdp_pct). */
const MeasuresSchema = z.record(z.string(), z.record(z.string(), num));
export type Measures = z.infer<typeof MeasuresSchema>;

/** The weekly inventory clock (options.inventories): spans between stock-outs, weekly path, stock-outs, averages. */
const InventoryPathSchema = z.strictObject({
  start: z.string(),
  end: z.string(),
  weeks: num,
  spans: z.array(
    z.strictObject({
      from_week: num,
      to_week: num,
      from: z.string(),
      to: z.string(),
      covered: z.array(z.string()).meta({ description: 'Cells still drawing on stock in this span ("REGION:SECTOR")' }),
      measures: MeasuresSchema,
    }),
  ),
  path: z
    .array(z.strictObject({ week: num, date: z.string(), covered: num, measures: MeasuresSchema }))
    .meta({ description: "Weekly points: the week's time average of the spans it overlaps" }),
  stockouts: z.array(
    z.strictObject({
      region: z.string(),
      sector: z.string(),
      weeks_of_stock: num,
      draw_pct_per_week: num.meta({
        description:
          "The cell's shortage without stocks, percent of baseline use per week, while the restriction lasts",
      }),
      week: num.nullable().meta({ description: 'Week the stock runs out (null: it lasts the whole path)' }),
      date: z.string().nullable(),
    }),
  ),
  average: MeasuresSchema.meta({ description: 'Time averages over the whole path' }),
});
export type InventoryPath = z.infer<typeof InventoryPathSchema>;

/**
 * The detail a multi-sector solve adds to the solve contract (docs/results.md "Which schema a
 * result has"); every field optional, each present when the scenario asks for it.
 */
export const ModelDetailShape = {
  sectors: z
    .record(z.string(), z.record(z.string(), SectorResultSchema))
    .optional()
    .meta({ description: 'region → sector → detail, for the regions in report.sectors' }),
  cap_residual: num
    .optional()
    .meta({ description: 'The complementarity residual of the caps (max |ln q̂ − ln s| over binding caps)' }),
  export_controls: z
    .array(ControlledFlowResultSchema)
    .optional()
    .meta({ description: 'Each capped flow: its wedge ω (1 = slack), real deliveries and the approval' }),
  elasticities: ElasticitiesUsedSchema.optional(),
  capacity: z.array(CapacityResultSchema).optional(),
  capacity_residual: num.optional().meta({ description: 'The complementarity residual of the capacities' }),
  chain: z
    .record(z.string(), z.record(z.string(), ChainCellSchema))
    .optional()
    .meta({ description: 'Chain sector → region → price, real output and absorption, shortage, capacity rent' }),
  users: z.record(z.string(), z.record(z.string(), UserLossSchema)).optional().meta({
    description: 'Region → using sector (and defence, read as stated shares) → real output change and value lost',
  }),
  sweep: z
    .array(
      z.strictObject({ sigma: num, status: z.string(), measures: MeasuresSchema, average: MeasuresSchema.optional() }),
    )
    .optional()
    .meta({ description: 'The headline results at each σ of options.critical_inputs.sweep' }),
  inventories: InventoryPathSchema.optional(),
};
const ModelDetailSchema = z.strictObject(ModelDetailShape);
export type ModelDetail = z.infer<typeof ModelDetailSchema>;
