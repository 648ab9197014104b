/**
 * Writes a dataset folder atomically: tables and manifest go to a temporary sibling folder that
 * is renamed into place only when everything is written, so a failed build leaves no half dataset.
 */
import { mkdirSync, writeFileSync as writeFile, rmSync, renameSync, existsSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { toCsv } from './csv.ts';
import type { Dataset } from './dataset.ts';
import type { DatasetManifest } from './manifest.ts';

/** Table contents to write; omitted tables are not written. */
export type DatasetTables = Pick<Dataset, 'N' | 'J' | 'regions' | 'sectors' | 'flows' | 'tariff'> &
  Partial<Pick<Dataset, 'vaShare' | 'finalShare' | 'io' | 'regionData' | 'schedules'>>;

function* tradeRows(t: DatasetTables) {
  const { N, J } = t;
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++)
      for (let j = 0; j < J; j++) {
        const idx = (n * N + i) * J + j;
        if (t.flows[idx] !== 0 || t.tariff[idx] !== 0)
          yield [t.regions[n], t.regions[i], t.sectors[j], t.flows[idx], t.tariff[idx]];
      }
}

/** Writes `manifest` and `tables` to `folder` (replacing it). */
export function writeDataset(folder: string, manifest: DatasetManifest, tables: DatasetTables): void {
  const tmp = join(dirname(folder), `.${basename(folder)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  // Every table's data-row count goes into the manifest, so a truncated copy fails to load.
  const counts: NonNullable<DatasetManifest['tables']> = {};
  const writeFileSync = (file: string, text: string) => {
    writeFile(file, text);
    counts[basename(file)] = { rows: text.split('\n').filter((l) => l !== '').length - 1 };
  };
  const { N, J, regions, sectors } = tables;
  writeFileSync(
    join(tmp, 'trade.csv'),
    toCsv(['importer', 'exporter', 'sector', 'value', 'tariff'], tradeRows(tables)),
  );
  if (tables.vaShare && tables.finalShare) {
    const rows: (string | number)[][] = [];
    for (let n = 0; n < N; n++)
      for (let j = 0; j < J; j++)
        rows.push([regions[n], sectors[j], tables.vaShare[n * J + j], tables.finalShare[n * J + j]]);
    writeFileSync(join(tmp, 'production.csv'), toCsv(['region', 'sector', 'value_added_share', 'final_share'], rows));
  }
  if (tables.io) {
    const rows: (string | number)[][] = [];
    for (let n = 0; n < N; n++)
      for (let k = 0; k < J; k++)
        for (let j = 0; j < J; j++) {
          const v = tables.io[(n * J + k) * J + j];
          if (v !== 0) rows.push([regions[n], sectors[k], sectors[j], v]);
        }
    writeFileSync(join(tmp, 'io.csv'), toCsv(['region', 'input', 'user', 'share'], rows));
  }
  const cols = Object.keys(tables.regionData ?? {});
  if (cols.length > 0) {
    const rows = regions.map((r, n) => [r, ...cols.map((c) => tables.regionData![c][n])]);
    writeFileSync(join(tmp, 'region_data.csv'), toCsv(['region', ...cols], rows));
  }
  for (const [name, arr] of Object.entries(tables.schedules ?? {})) {
    // Schedules are importer × exporter × sector; the sector column is left out for one-sector datasets.
    const rows: (string | number)[][] = [];
    for (let n = 0; n < N; n++)
      for (let i = 0; i < N; i++)
        for (let j = 0; j < J; j++) {
          const v = arr[(n * N + i) * J + j];
          if (v !== 0) rows.push(J > 1 ? [regions[n], regions[i], sectors[j], v] : [regions[n], regions[i], v]);
        }
    writeFileSync(
      join(tmp, `${name}.csv`),
      toCsv(J > 1 ? ['importer', 'exporter', 'sector', 'rate'] : ['importer', 'exporter', 'rate'], rows),
    );
  }
  writeFile(join(tmp, 'dataset.json'), `${JSON.stringify({ ...manifest, tables: counts }, null, 2)}\n`);
  if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
  mkdirSync(dirname(folder), { recursive: true });
  renameSync(tmp, folder);
}
