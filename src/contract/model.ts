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
      'Value of lost production: baseline output × −(real output change), dataset units at baseline prices (negative = gain)',
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
export type ElasticitiesUsed = z.infer<typeof ElasticitiesUsedSchema>;
