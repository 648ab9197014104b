/**
 * Loads and validates a dataset folder (manifest + CSV tables) into flat typed arrays.
 * Every problem is reported as a DataError naming the file, the line and the field.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetManifestSchema } from './manifest.ts';
import { parseCsv, column, type CsvTable } from './csv.ts';
import { DataError } from './errors.ts';
import { cachedDataset } from './cache.ts';
import type { Dataset } from './dataset.ts';

/** The folder holding the embedded datasets (`<repo>/data`). */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

/** Shares must add up to 1 within this; builders renormalise rounded published shares. */
const SUM_TOLERANCE = 1e-6;
/** Largest baseline tariff accepted (10 000%); anything above is a unit error in the data. */
export const MAX_TARIFF = 100;

/**
 * The ids of the embedded datasets (the folders of `data/`), sorted.
 *
 * @example
 * ```ts
 * embeddedDatasetIds(); // ['cp2015', 'multisector-2025', 'world-2023']
 * ```
 */
export function embeddedDatasetIds(): string[] {
  if (!existsSync(DATA_DIR)) return [];
  return readdirSync(DATA_DIR).filter((d) => existsSync(join(DATA_DIR, d, 'dataset.json'))).sort();
}

/** Resolves an embedded id or a folder path to a dataset folder. */
export function datasetFolder(idOrPath: string): string {
  if (/^[A-Za-z0-9_.-]+$/.test(idOrPath) && existsSync(join(DATA_DIR, idOrPath, 'dataset.json'))) {
    return join(DATA_DIR, idOrPath);
  }
  const p = resolve(idOrPath);
  if (existsSync(join(p, 'dataset.json'))) return p;
  throw new DataError(
    `Expected an embedded dataset id (${embeddedDatasetIds().join(', ') || 'none built'}) or a folder with dataset.json, found "${idOrPath}"`,
  );
}

const cache = new Map<string, Dataset>();

/**
 * Loads a dataset by embedded id or folder path: once per process and folder (treat the result as
 * read-only), from its binary cache when that matches the source files' hashes (./cache.ts), else
 * from the CSV tables with every check, caching them for next time.
 *
 * @example
 * ```ts
 * const d = loadDataset('cp2015');
 * d.flows[(d.regions.indexOf('MEX') * d.N + d.regions.indexOf('USA')) * d.J + 0]; // flow USA → MEX, sector 0
 * ```
 */
export function loadDataset(idOrPath: string): Dataset {
  const folder = datasetFolder(idOrPath);
  const hit = cache.get(folder);
  if (hit) return hit;
  const d = cachedDataset(folder, readDatasetFolder).dataset;
  cache.set(folder, d);
  return d;
}

function readTable(folder: string, name: string, required: readonly string[]): CsvTable {
  const file = join(folder, name);
  if (!existsSync(file)) throw new DataError(`${file}: expected the table ${name}, found no such file`);
  return parseCsv(readFileSync(file, 'utf8'), file, required);
}

/** Reads and validates one dataset folder without caching. */
export function readDatasetFolder(folder: string): Dataset {
  const mfile = join(folder, 'dataset.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(mfile, 'utf8'));
  } catch (e) {
    throw new DataError(`${mfile}: expected valid JSON, found a parse error: ${(e as Error).message}`);
  }
  const parsed = DatasetManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataError(`${mfile} ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const manifest = parsed.data;
  const regions = manifest.regions.map((r) => r.code);
  const sectors = manifest.sectors.map((s) => s.code);
  assertUnique(mfile, 'regions', regions);
  assertUnique(mfile, 'sectors', sectors);
  for (const [g, members] of Object.entries(manifest.groups)) {
    if (regions.includes(g)) throw new DataError(`${mfile} groups.${g}: expected a group name distinct from region codes, found a region "${g}"`);
    for (const m of members) {
      if (!regions.includes(m)) throw new DataError(`${mfile} groups.${g}: expected region codes, found unknown code "${m}"`);
    }
  }
  for (const [g, members] of Object.entries(manifest.sector_groups ?? {})) {
    if (sectors.includes(g)) throw new DataError(`${mfile} sector_groups.${g}: expected a group name distinct from sector codes, found a sector "${g}"`);
    for (const m of members) {
      if (!sectors.includes(m)) throw new DataError(`${mfile} sector_groups.${g}: expected sector codes, found unknown code "${m}"`);
    }
  }
  const N = regions.length;
  const J = sectors.length;
  const d: Dataset = {
    manifest, source: folder, N, J, regions, sectors,
    theta: Float64Array.from(manifest.sectors.map((s) => s.theta)),
    flows: new Float64Array(N * N * J), tariff: new Float64Array(N * N * J),
    vaShare: new Float64Array(N * J), finalShare: new Float64Array(N * J), io: new Float64Array(N * J * J),
    regionData: {}, schedules: {},
  };
  readTrade(folder, d);
  if (manifest.layout === 'io-table') {
    readProduction(folder, d);
    readIo(folder, d);
  }
  readRegionData(folder, d);
  for (const name of Object.keys(manifest.schedules)) readSchedule(folder, name, d);
  return d;
}

function assertUnique(file: string, what: string, codes: string[]) {
  const seen = new Set<string>();
  for (const c of codes) {
    if (seen.has(c)) throw new DataError(`${file} ${what}: expected unique codes, found "${c}" twice`);
    seen.add(c);
  }
}

function lookup(codes: string[], table: CsvTable, row: CsvTable['rows'][number], col: string, what: string): number {
  const v = column(table, col).text(row);
  const k = codes.indexOf(v);
  if (k < 0) throw new DataError(`${table.file}:${row.line} field "${col}": expected a ${what} code of the manifest, found unknown code "${v}"`);
  return k;
}

function readTrade(folder: string, d: Dataset) {
  const t = readTable(folder, 'trade.csv', ['importer', 'exporter', 'sector', 'value', 'tariff']);
  const { N, J } = d;
  const seen = new Uint8Array(N * N * J);
  const value = column(t, 'value');
  const tariff = column(t, 'tariff');
  for (const row of t.rows) {
    const n = lookup(d.regions, t, row, 'importer', 'region');
    const i = lookup(d.regions, t, row, 'exporter', 'region');
    const j = lookup(d.sectors, t, row, 'sector', 'sector');
    const idx = (n * N + i) * J + j;
    if (seen[idx]) throw new DataError(`${t.file}:${row.line}: expected one row per importer, exporter and sector, found a second row for ${d.regions[n]}, ${d.regions[i]}, ${d.sectors[j]}`);
    seen[idx] = 1;
    const v = value.number(row, { min: 0 });
    if (v > 0 && n !== i && !d.manifest.sectors[j].tradable) {
      throw new DataError(`${t.file}:${row.line} field "value": expected no cross-border flow in non-tradable sector ${d.sectors[j]}, found ${v}`);
    }
    d.flows[idx] = v;
    d.tariff[idx] = tariff.number(row, { min: 0, max: MAX_TARIFF });
  }
}

function readProduction(folder: string, d: Dataset) {
  const t = readTable(folder, 'production.csv', ['region', 'sector', 'value_added_share', 'final_share']);
  const { J } = d;
  const seen = new Uint8Array(d.N * J);
  const va = column(t, 'value_added_share');
  const fin = column(t, 'final_share');
  for (const row of t.rows) {
    const n = lookup(d.regions, t, row, 'region', 'region');
    const j = lookup(d.sectors, t, row, 'sector', 'sector');
    if (seen[n * J + j]) throw new DataError(`${t.file}:${row.line}: expected one row per region and sector, found a second row for ${d.regions[n]}, ${d.sectors[j]}`);
    seen[n * J + j] = 1;
    d.vaShare[n * J + j] = va.number(row, { min: 0, max: 1 });
    d.finalShare[n * J + j] = fin.number(row, { min: 0, max: 1 });
  }
  const missing = seen.indexOf(0);
  if (missing >= 0) throw new DataError(`${t.file}: expected a row for every region and sector, found none for ${d.regions[Math.floor(missing / J)]}, ${d.sectors[missing % J]}`);
  for (let n = 0; n < d.N; n++) {
    let s = 0;
    for (let j = 0; j < J; j++) s += d.finalShare[n * J + j];
    if (Math.abs(s - 1) > SUM_TOLERANCE) throw new DataError(`${t.file} field "final_share": expected shares of region ${d.regions[n]} to add up to 1, found ${s}`);
  }
}

function readIo(folder: string, d: Dataset) {
  const t = readTable(folder, 'io.csv', ['region', 'input', 'user', 'share']);
  const { N, J } = d;
  const share = column(t, 'share');
  for (const row of t.rows) {
    const n = lookup(d.regions, t, row, 'region', 'region');
    const k = lookup(d.sectors, t, row, 'input', 'sector');
    const j = lookup(d.sectors, t, row, 'user', 'sector');
    d.io[(n * J + k) * J + j] = share.number(row, { min: 0, max: 1 });
  }
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < J; j++) {
      let s = 0;
      for (let k = 0; k < J; k++) s += d.io[(n * J + k) * J + j];
      const needed = d.vaShare[n * J + j] < 1;
      if (needed && Math.abs(s - 1) > SUM_TOLERANCE) {
        throw new DataError(`${t.file} field "share": expected the input shares of ${d.regions[n]}, ${d.sectors[j]} to add up to 1, found ${s}`);
      }
    }
  }
}

function readRegionData(folder: string, d: Dataset) {
  const cols = Object.keys(d.manifest.region_columns);
  if (cols.length === 0) return;
  const t = readTable(folder, 'region_data.csv', ['region', ...cols]);
  for (const c of cols) d.regionData[c] = new Float64Array(d.N).fill(Number.NaN);
  for (const row of t.rows) {
    const n = lookup(d.regions, t, row, 'region', 'region');
    for (const c of cols) d.regionData[c][n] = column(t, c).number(row);
  }
  for (const c of cols) {
    const miss = d.regionData[c].findIndex((v) => Number.isNaN(v));
    if (miss >= 0) throw new DataError(`${t.file}: expected a row for every region, found none for ${d.regions[miss]}`);
  }
}

function readSchedule(folder: string, name: string, d: Dataset) {
  const t = readTable(folder, name, ['importer', 'exporter', 'rate']);
  const { N, J } = d;
  const arr = new Float64Array(N * N * J);
  const rate = column(t, 'rate');
  const bySector = t.header.includes('sector');
  for (const row of t.rows) {
    const n = lookup(d.regions, t, row, 'importer', 'region');
    const i = lookup(d.regions, t, row, 'exporter', 'region');
    const v = rate.number(row, { min: 0, max: MAX_TARIFF });
    if (bySector) arr[(n * N + i) * J + lookup(d.sectors, t, row, 'sector', 'sector')] = v;
    else for (let j = 0; j < J; j++) arr[(n * N + i) * J + j] = v;
  }
  d.schedules[name.replace(/\.csv$/, '')] = arr;
}
