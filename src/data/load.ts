/**
 * Loads and validates a dataset folder (manifest + CSV tables) into flat typed arrays.
 * Every problem is reported as a DataError naming the file, the line and the field.
 */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetManifestSchema, TableName } from './manifest.ts';
import { parseCsv, column, type CsvTable } from './csv.ts';
import { DataError } from './errors.ts';
import { cachedDataset, contentHash } from './cache.ts';
import type { Dataset } from './dataset.ts';
import * as msg from '../spec/messages/data.ts';
import { PARSE_OPTIONS } from '../spec/issues.ts';

/** The folder holding the embedded datasets (`<repo>/data`). */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

/** Shares must add up to 1 within this; builders renormalise rounded published shares. */
const SUM_TOLERANCE = 1e-6;
/** Largest baseline tariff accepted (10 000%); anything above is a unit error in the data. */
const MAX_TARIFF = 100;

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
  return readdirSync(DATA_DIR)
    .filter((d) => existsSync(join(DATA_DIR, d, 'dataset.json')))
    .sort();
}

/** An embedded dataset id: letters, digits, _ . - (never a path). */
const DATASET_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Whether `id` names an embedded dataset of the registered data folder (what the API accepts). */
export function isEmbeddedDatasetId(id: string): boolean {
  return DATASET_ID.test(id) && !id.includes('..') && existsSync(join(DATA_DIR, id, 'dataset.json'));
}

/** The real path of `path`, which must lie inside the real `root`; DataError otherwise (symlinks out, `..`). */
function containedPath(root: string, path: string, what: string): string {
  let realRoot: string, real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(path);
  } catch (e) {
    throw new DataError(msg.unreadablePath(path, what, (e as NodeJS.ErrnoException).code === 'ENOENT'));
  }
  if (real !== realRoot && !real.startsWith(realRoot + sep)) {
    throw new DataError(msg.pathOutsideDataset(path, what, root));
  }
  return real;
}

/**
 * Resolves an embedded id or (unless `idsOnly`, as over the API) a folder path to a dataset folder.
 * An embedded id's folder must really lie in the data folder (no symlink out of it).
 */
export function datasetFolder(idOrPath: string, opts: { idsOnly?: boolean } = {}): string {
  if (isEmbeddedDatasetId(idOrPath)) return containedPath(DATA_DIR, join(DATA_DIR, idOrPath), 'an embedded dataset');
  if (!opts.idsOnly) {
    const p = resolve(idOrPath);
    if (existsSync(join(p, 'dataset.json'))) return p;
  }
  const ids = embeddedDatasetIds().join(', ') || 'none built';
  throw new DataError(
    opts.idsOnly ? msg.unknownDatasetId(ids, idOrPath.slice(0, 100)) : msg.unknownDataset(ids, idOrPath),
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
  const got = cachedDataset(folder, readDatasetFolder);
  const d = got.dataset;
  d.hash = contentHash(got.sources);
  cache.set(folder, d);
  return d;
}

/** Largest table file read (bytes): far above the embedded datasets (≈ 10 MB), far below memory trouble. */
const MAX_TABLE_BYTES = 256 * 1024 * 1024;

/**
 * Reads table `name` of `d`'s folder: a plain file name, really inside the folder (no symlink out),
 * with exactly the data rows the manifest records.
 */
function readTable(d: Dataset, name: string, required: readonly string[]): CsvTable {
  const folder = d.source;
  const file = join(folder, name);
  const named = TableName.safeParse(name, PARSE_OPTIONS);
  if (!named.success)
    throw new DataError(msg.badTableName(join(folder, 'dataset.json'), named.error.issues[0].message));
  if (!existsSync(file)) throw new DataError(msg.tableMissing(file, name));
  const real = containedPath(folder, file, `the table ${name}`);
  const st = statSync(real);
  if (!st.isFile()) throw new DataError(msg.tableNotFile(file, name));
  if (st.size > MAX_TABLE_BYTES) throw new DataError(msg.tableTooLarge(file, MAX_TABLE_BYTES, st.size));
  const recorded = d.manifest.tables?.[name];
  if (!recorded) throw new DataError(msg.rowCountUnrecorded(join(folder, 'dataset.json'), name));
  const t = parseCsv(readFileSync(real, 'utf8'), file, required);
  if (t.rows.length !== recorded.rows) {
    throw new DataError(msg.rowCountChanged(file, name, recorded.rows, t.rows.length));
  }
  return t;
}

/** Reads and validates one dataset folder without caching. */
export function readDatasetFolder(folder: string): Dataset {
  const mfile = join(folder, 'dataset.json');
  let raw: unknown;
  const real = containedPath(folder, mfile, 'the manifest dataset.json');
  if (statSync(real).size > MAX_TABLE_BYTES) throw new DataError(msg.manifestTooLarge(mfile, MAX_TABLE_BYTES));
  const text = readFileSync(real, 'utf8');
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // V8's message quotes the text around the error: give the place only, never the file's contents.
    const pos = /position (\d+)/.exec((e as Error).message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new DataError(msg.manifestNotJson(`${mfile}${line ? `:${line}` : ''}`));
  }
  const parsed = DatasetManifestSchema.safeParse(raw, PARSE_OPTIONS);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // A bad record key (e.g. a table name that is a path) carries its message, with what was found, one level down.
    const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    throw new DataError(
      msg.manifestIssue(
        mfile,
        issue.path.slice(0, issue.code === 'invalid_key' ? -1 : undefined).join('.') || '(root)',
        message,
      ),
    );
  }
  const manifest = parsed.data;
  const regions = manifest.regions.map((r) => r.code);
  const sectors = manifest.sectors.map((s) => s.code);
  assertUnique(mfile, 'regions', regions);
  assertUnique(mfile, 'sectors', sectors);
  for (const [g, members] of Object.entries(manifest.groups)) {
    if (regions.includes(g)) throw new DataError(msg.groupIsCode(mfile, 'groups', g, 'region'));
    for (const m of members) {
      if (!regions.includes(m)) throw new DataError(msg.groupMemberUnknown(mfile, 'groups', g, 'region', m));
    }
  }
  for (const [g, members] of Object.entries(manifest.sector_groups ?? {})) {
    if (sectors.includes(g)) throw new DataError(msg.groupIsCode(mfile, 'sector_groups', g, 'sector'));
    for (const m of members) {
      if (!sectors.includes(m)) throw new DataError(msg.groupMemberUnknown(mfile, 'sector_groups', g, 'sector', m));
    }
  }
  const N = regions.length;
  const J = sectors.length;
  const d: Dataset = {
    manifest,
    source: folder,
    N,
    J,
    regions,
    sectors,
    theta: Float64Array.from(manifest.sectors.map((s) => s.theta)),
    flows: new Float64Array(N * N * J),
    tariff: new Float64Array(N * N * J),
    vaShare: new Float64Array(N * J),
    finalShare: new Float64Array(N * J),
    io: new Float64Array(N * J * J),
    regionData: {},
    schedules: {},
  };
  readTrade(d);
  if (manifest.layout === 'io-table') {
    readProduction(d);
    readIo(d);
  }
  readRegionData(d);
  for (const name of Object.keys(manifest.schedules)) readSchedule(name, d);
  checkPositive(d);
  return d;
}

function assertUnique(file: string, what: string, codes: string[]) {
  const seen = new Set<string>();
  for (const c of codes) {
    if (seen.has(c)) throw new DataError(msg.duplicateCode(file, what, c));
    seen.add(c);
  }
}

function lookup(codes: string[], table: CsvTable, row: CsvTable['rows'][number], col: string, what: string): number {
  const v = column(table, col).text(row);
  const k = codes.indexOf(v);
  if (k < 0)
    throw new DataError(
      msg.unknownCode(
        `${table.file}:${row.line} field "${col}"`,
        what,
        /^[A-Za-z0-9_ .+-]{0,40}$/.test(v) ? `"${v}"` : '(not a code)',
      ),
    );
  return k;
}

function readTrade(d: Dataset) {
  const t = readTable(d, 'trade.csv', ['importer', 'exporter', 'sector', 'value', 'tariff']);
  const { N, J } = d;
  const seen = new Uint8Array(N * N * J);
  const value = column(t, 'value');
  const tariff = column(t, 'tariff');
  for (const row of t.rows) {
    const n = lookup(d.regions, t, row, 'importer', 'region');
    const i = lookup(d.regions, t, row, 'exporter', 'region');
    const j = lookup(d.sectors, t, row, 'sector', 'sector');
    const idx = (n * N + i) * J + j;
    if (seen[idx])
      throw new DataError(
        msg.duplicateRow(
          `${t.file}:${row.line}`,
          'importer, exporter and sector',
          `${d.regions[n]}, ${d.regions[i]}, ${d.sectors[j]}`,
        ),
      );
    seen[idx] = 1;
    const v = value.number(row, { min: 0 });
    if (v > 0 && n !== i && !d.manifest.sectors[j].tradable) {
      throw new DataError(msg.flowInNonTradable(`${t.file}:${row.line} field "value"`, d.sectors[j], v));
    }
    d.flows[idx] = v;
    d.tariff[idx] = tariff.number(row, { min: 0, max: MAX_TARIFF });
  }
}

function readProduction(d: Dataset) {
  const t = readTable(d, 'production.csv', ['region', 'sector', 'value_added_share', 'final_share']);
  const { J } = d;
  const seen = new Uint8Array(d.N * J);
  const va = column(t, 'value_added_share');
  const fin = column(t, 'final_share');
  for (const row of t.rows) {
    const n = lookup(d.regions, t, row, 'region', 'region');
    const j = lookup(d.sectors, t, row, 'sector', 'sector');
    if (seen[n * J + j])
      throw new DataError(
        msg.duplicateRow(`${t.file}:${row.line}`, 'region and sector', `${d.regions[n]}, ${d.sectors[j]}`),
      );
    seen[n * J + j] = 1;
    d.vaShare[n * J + j] = va.number(row, { min: 0, max: 1 });
    d.finalShare[n * J + j] = fin.number(row, { min: 0, max: 1 });
  }
  const missing = seen.indexOf(0);
  if (missing >= 0)
    throw new DataError(
      msg.missingRow(t.file, 'region and sector', `${d.regions[Math.floor(missing / J)]}, ${d.sectors[missing % J]}`),
    );
  for (let n = 0; n < d.N; n++) {
    let s = 0;
    for (let j = 0; j < J; j++) s += d.finalShare[n * J + j];
    if (Math.abs(s - 1) > SUM_TOLERANCE)
      throw new DataError(msg.sharesNotOne(`${t.file} field "final_share"`, `shares of region ${d.regions[n]}`, s));
  }
}

function readIo(d: Dataset) {
  const t = readTable(d, 'io.csv', ['region', 'input', 'user', 'share']);
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
        throw new DataError(
          msg.sharesNotOne(`${t.file} field "share"`, `the input shares of ${d.regions[n]}, ${d.sectors[j]}`, s),
        );
      }
    }
  }
}

function readRegionData(d: Dataset) {
  const cols = Object.keys(d.manifest.region_columns);
  if (cols.length === 0) return;
  const t = readTable(d, 'region_data.csv', ['region', ...cols]);
  for (const c of cols) d.regionData[c] = new Float64Array(d.N).fill(Number.NaN);
  for (const row of t.rows) {
    const n = lookup(d.regions, t, row, 'region', 'region');
    for (const c of cols) d.regionData[c][n] = column(t, c).number(row);
  }
  for (const c of cols) {
    const miss = d.regionData[c].findIndex((v) => Number.isNaN(v));
    if (miss >= 0) throw new DataError(msg.missingRow(t.file, 'region', d.regions[miss]));
  }
}

function readSchedule(name: string, d: Dataset) {
  const t = readTable(d, name, ['importer', 'exporter', 'rate']);
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

/**
 * Every region must have positive GDP (gravity datasets) and positive gross output (io tables):
 * the models divide by them, and a 0 or negative value is a broken table, not an economy.
 */
function checkPositive(d: Dataset) {
  const gdp = d.regionData.gdp;
  if (gdp) {
    const n = gdp.findIndex((v) => !(v > 0));
    if (n >= 0)
      throw new DataError(msg.gdpNotPositive(`${join(d.source, 'region_data.csv')} field "gdp"`, gdp[n], d.regions[n]));
  }
  if (d.manifest.layout !== 'io-table') return;
  const { N, J } = d;
  for (let i = 0; i < N; i++) {
    let out = 0;
    for (let n = 0; n < N; n++) for (let j = 0; j < J; j++) out += d.flows[(n * N + i) * J + j];
    if (!(out > 0))
      throw new DataError(msg.outputNotPositive(`${join(d.source, 'trade.csv')} field "value"`, out, d.regions[i]));
  }
}
