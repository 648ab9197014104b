/** `lancaster datasets [--json]`: the embedded datasets with sources, licences and citations. */
import type { Command } from '@commander-js/extra-typings';
import { out } from './errors.ts';

/**
 * Adds `datasets` to the CLI program.
 *
 * @example
 * ```ts
 * registerDatasetsCommand(program); // lancaster datasets --json
 * ```
 */
export function registerDatasetsCommand(program: Command): void {
  program
    .command('datasets')
    .description('List the embedded datasets with their sources and citations')
    .option('--json', 'machine-readable list')
    .action(async (opts) => out(await datasetsReport(Boolean(opts.json))));
}

/** The report of `lancaster datasets`: text, or JSON with `json`. */
async function datasetsReport(json: boolean): Promise<string> {
  const { embeddedDatasetIds, loadDataset } = await import('../data/load.ts');
  const list = embeddedDatasetIds().map((id) => {
    const m = loadDataset(id).manifest;
    return {
      id: m.id,
      name: m.name,
      description: m.description,
      version: m.version,
      base_year: m.base_year,
      default_model: m.default_model,
      regions: m.regions.length,
      sectors: m.sectors.length,
      groups: Object.keys(m.groups),
      sources: m.provenance.sources,
      built_at: m.provenance.built_at,
    };
  });
  if (json) return JSON.stringify(list, null, 2);
  return list
    .map((d) =>
      [
        `${d.id} — ${d.name} (${d.base_year}; ${d.regions} regions × ` +
          `${d.sectors} sectors; default model ${d.default_model})`,
        `  ${d.description}`,
        ...d.sources.map((s) => {
          const at = s.commit ? `@${s.commit.slice(0, 10)}` : '';
          const repository = s.repository ? ` [${s.repository}${at}]` : '';
          return `  source: ${s.citation ?? s.name}${repository} — licence: ${s.licence}`;
        }),
      ].join('\n'),
    )
    .join('\n\n');
}
