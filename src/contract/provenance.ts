/**
 * Where a result comes from (docs/results.md rule 7), the part every result kind shares: its own
 * module so that the schemas of each kind (result.ts, negotiation.ts, strategy.ts, sweep.ts) import
 * it without importing one another.
 */
import { z } from 'zod';

const num = z.number();

/**
 * Where a result comes from: the code, the dataset (id, version, content hash of its files), the
 * model and the options it ran with, and the source of every parameter.
 *
 * @example
 * ```ts
 * const { code, dataset, parameters } = solveScenario(p).provenance;
 * ```
 */
export const ProvenanceSchema = z.strictObject({
  code: z.strictObject({
    version: z.string().meta({ description: 'package.json version' }),
    commit: z.string().nullable().meta({ description: 'git commit of the running code, when it runs from a checkout' }),
  }),
  dataset: z.strictObject({
    id: z.string(),
    version: z.string().nullable(),
    hash: z.string().nullable().meta({
      description:
        'SHA-256 over the SHA-256 of each source file (dataset.json, *.csv), by name; null when not loaded from files',
    }),
  }),
  model: z.strictObject({
    id: z.string(),
    options: z
      .record(z.string(), z.unknown())
      .meta({ description: "The scenario's options as validated (defaults applied)" }),
  }),
  parameters: z
    .array(z.strictObject({ name: z.string(), value: z.union([num, z.string()]).optional(), source: z.string() }))
    .meta({ description: 'Each model parameter, its value when it is one number, and where it comes from' }),
});

/**
 * Where a result comes from: code version, dataset id, version and content hash, model options and parameter sources.
 *
 * @example
 * ```ts
 * const p: Provenance = solveScenario(parsed).provenance; p.dataset.hash;
 * ```
 */
export type Provenance = z.infer<typeof ProvenanceSchema>;
