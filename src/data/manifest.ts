/**
 * The dataset manifest (`dataset.json`): dimensions, codes, names, groups, elasticities, units and
 * provenance of one Lancaster dataset. One zod definition feeds the TypeScript type, the loader's
 * validation and the published JSON Schema.
 */
import { z } from 'zod';
import * as msg from '../spec/messages/scenario.ts';

const code = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, { error: (iss) => msg.codeLettersDigits(iss.input) });

/** A table file of the dataset folder: a plain `name.csv`, never a path (no `/`, no `..`). */
export const TableName = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*\.csv$/, { error: (iss) => msg.tableFileName(iss.input) })
  .refine((n) => !n.includes('..'), { error: (iss) => msg.tableFileNameWithout(iss.input) });

const RegionSchema = z.object({ code, name: z.string().min(1) }).strict();

const SectorSchema = z
  .object({
    code,
    name: z.string().min(1),
    /** Whether the sector's goods cross borders in the data (services in CP 2015 do not). */
    tradable: z.boolean(),
    /** Trade elasticity θ^j (long run). */
    theta: z.number().positive().finite(),
  })
  .strict();

const SourceSchema = z
  .object({
    name: z.string(),
    citation: z.string().optional(),
    repository: z.string().optional(),
    commit: z.string().optional(),
    path: z.string().optional(),
    licence: z.string(),
  })
  .strict();

const CheckSchema = z
  .object({
    name: z.string(),
    value: z.union([z.number(), z.string()]),
    target: z.string().optional(),
    passed: z.boolean(),
  })
  .strict();

export const ProvenanceSchema = z
  .object({
    sources: z.array(SourceSchema).min(1),
    built_by: z.string(),
    built_at: z.string(),
    method: z.string(),
    assumptions: z.array(z.object({ what: z.string(), why: z.string() }).strict()).default([]),
    checks: z.array(CheckSchema).default([]),
  })
  .strict();

/** Which tables a dataset carries; each model states which layout it needs. */
const LayoutSchema = z.enum([
  /** trade.csv with domestic flows, production.csv, io.csv: the multi-sector input–output models. */
  'io-table',
  /** trade.csv without domestic flows plus region_data.csv (gdp): the 2025 one-sector model. */
  'gravity',
]);

export const DatasetManifestSchema = z
  .object({
    lancaster_dataset: z.literal(1),
    id: code,
    name: z.string(),
    description: z.string(),
    version: z.string(),
    base_year: z.number().int(),
    layout: LayoutSchema,
    default_model: z.string(),
    /** Unit of every value in the tables, e.g. "USD" or "million USD". */
    unit: z.string(),
    regions: z.array(RegionSchema).min(2),
    sectors: z.array(SectorSchema).min(1),
    groups: z.record(z.string(), z.array(z.string())).default({}),
    /** Named sets of sectors (e.g. goods), usable in scenario `sectors:` lists. */
    sector_groups: z.record(z.string(), z.array(z.string())).optional(),
    /** Extra per-region numeric columns in region_data.csv and what they mean. */
    region_columns: z.record(z.string(), z.string()).default({}),
    /** Named tariff schedules shipped with the dataset (file name → description): plain names in the folder. */
    schedules: z.record(TableName, z.string()).default({}),
    /**
     * Data rows of every table file (header excluded), recorded by the build: a table cut short (or
     * grown) since fails to load. The loader requires it for every table it reads from a folder.
     */
    tables: z.record(TableName, z.object({ rows: z.number().int().min(0) }).strict()).optional(),
    /**
     * Cross-border ownership of value added (io-table layout): `owner` owns `share` of the value added
     * and kept rents of `sector` in `region` (GDP where produced, national income where owned).
     */
    ownership: z
      .array(
        z
          .object({ owner: code, region: code, sector: code, share: z.number().min(0).max(1), derivation: z.string() })
          .strict(),
      )
      .optional(),
    provenance: ProvenanceSchema,
  })
  .strict();

/**
 * The manifest of a dataset (`dataset.json`): codes, names, groups, elasticities, units, provenance.
 *
 * @example
 * ```ts
 * const m: DatasetManifest = loadDataset('world-2023').manifest;
 * m.provenance.sources.map((s) => s.citation ?? s.name);
 * ```
 */
export type DatasetManifest = z.infer<typeof DatasetManifestSchema>;
