/**
 * Read-only routes about the server and what it can run: health, datasets (with provenance and
 * citations), models, the scenario JSON Schema and the OpenAPI document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { datasetFolder, embeddedDatasetIds } from '../../data/load.ts';
import { DatasetManifestSchema, ProvenanceSchema } from '../../data/manifest.ts';
import { MODEL_SPECS } from '../../model/registry.ts';
import { scenarioJsonSchema } from '../../spec/scenario.ts';
import { resultJsonSchema } from '../../contract/schema.ts';
import { HealthSchema } from '../schemas.ts';
import type { AppContext } from '../context.ts';

const DatasetSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.string(),
  base_year: z.number(),
  layout: z.string(),
  default_model: z.string(),
  unit: z.string(),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
  sectors: z.array(z.object({ code: z.string(), name: z.string(), tradable: z.boolean() })),
  groups: z.record(z.string(), z.array(z.string())),
  sector_groups: z
    .record(z.string(), z.array(z.string()))
    .meta({ description: 'Sector groups a scenario may name (e.g. goods, REE)' }),
  schedules: z.array(z.string()),
  citations: z.array(z.string()).meta({ description: 'One line per source: citation (or name) and licence' }),
  provenance: ProvenanceSchema,
});

const ModelSchema = z.object({
  id: z.string(),
  description: z.string(),
  default_dataset: z.string(),
  layout: z.string(),
  policy_presets: z.array(z.string()),
});

let datasets: z.infer<typeof DatasetSchema>[] | undefined;

/** The embedded datasets, from their manifests only (the tables are not loaded). */
function datasetList(): z.infer<typeof DatasetSchema>[] {
  datasets ??= embeddedDatasetIds().map((id) => {
    const m = DatasetManifestSchema.parse(JSON.parse(readFileSync(join(datasetFolder(id), 'dataset.json'), 'utf8')));
    return {
      id: m.id,
      name: m.name,
      description: m.description,
      version: m.version,
      base_year: m.base_year,
      layout: m.layout,
      default_model: m.default_model,
      unit: m.unit,
      regions: m.regions,
      sectors: m.sectors.map(({ code, name, tradable }) => ({ code, name, tradable })),
      groups: m.groups,
      sector_groups: m.sector_groups ?? {},
      schedules: Object.keys(m.schedules).map((f) => f.replace(/\.csv$/, '')),
      citations: m.provenance.sources.map((s) => `${s.citation ?? s.name} (licence: ${s.licence})`),
      provenance: m.provenance,
    };
  });
  return datasets;
}

/**
 * Registers GET /api/health, /api/datasets, /api/models, /api/scenarios/schema,
 * /api/results/schema, /api/openapi.json.
 */
export function metaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      { schema: { summary: 'Liveness, code version and run kinds', response: { 200: HealthSchema } } },
      async () => ({
        status: 'ok' as const,
        version: ctx.codeVersion.version,
        commit: ctx.codeVersion.commit,
        run_kinds: ctx.registry.kinds(),
        active_runs: ctx.service.activeIds().length,
      }),
    );
    app.get(
      '/api/datasets',
      {
        schema: {
          summary: 'Embedded datasets with provenance and citations',
          response: { 200: z.object({ datasets: z.array(DatasetSchema) }) },
        },
      },
      async () => ({ datasets: datasetList() }),
    );
    app.get(
      '/api/models',
      {
        schema: {
          summary: 'Models a scenario can name',
          response: { 200: z.object({ models: z.array(ModelSchema) }) },
        },
      },
      async () => ({
        models: Object.values(MODEL_SPECS).map((s) => ({
          id: s.id,
          description: s.description,
          default_dataset: s.defaultDataset,
          layout: s.layout,
          policy_presets: Object.keys(s.policyPresets ?? {}),
        })),
      }),
    );
    app.get(
      '/api/scenarios/schema',
      { schema: { summary: 'JSON Schema of scenario files (what `lancaster schema` prints)' } },
      async () => scenarioJsonSchema(),
    );
    app.get(
      '/api/results/schema',
      { schema: { summary: 'JSON Schema of results (what `lancaster schema result` prints; docs/results.md)' } },
      async () => resultJsonSchema(),
    );
    app.get('/api/openapi.json', { schema: { summary: 'This OpenAPI document', hide: true } }, async () =>
      app.swagger(),
    );
  };
}
