/**
 * A binary cache of loaded datasets, so that a solve does not parse CSV each time.
 *
 * One file per dataset folder and loader version, `<cacheDir>/<folder>-<pathHash>-<loaderHash>.lds`:
 *
 *     "LNCDSET1"  u32 LE header length  header JSON  zero padding to 8 bytes  Float64 tables
 *
 * The header (the index) holds the cache format, the SHA-256 of every source file of the folder
 * (dataset.json and each .csv), the validated manifest, and per table its byte offset and length
 * in the Float64 block. An entry is used only when every source hash matches the files on disk
 * now, the loader hash matches the code reading it (the loader's own modules, hashed: a changed
 * parser or check never meets data it did not produce), and the block has the recorded size;
 * otherwise the dataset is read from CSV (with all its checks) and the entry rewritten. Entries
 * are written to a temporary name and renamed, so a killed process leaves no half entry.
 *
 * The folder is `$LANCASTER_CACHE_DIR`, else `<repo>/.cache/datasets` (git-ignored);
 * `LANCASTER_DATASET_CACHE=off` turns the cache off. A cache that cannot be written (read-only
 * install) is skipped: the dataset is then read from CSV, as without a cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from './dataset.ts';
import {
  encodeTablesFile,
  readTablesFile,
  tableView,
  writeAtomic,
  type TablesFile,
  type TablesHeader,
} from './tablesFile.ts';
import type { DatasetManifest } from './manifest.ts';

const MAGIC = 'LNCDSET1';
const FORMAT = 1;

/** The default cache folder: `$LANCASTER_CACHE_DIR` or `<repo>/.cache/datasets`. */
function defaultCacheDir(): string {
  return (
    process.env.LANCASTER_CACHE_DIR ||
    resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '.cache', 'datasets')
  );
}

/** How {@link cachedDataset} got its dataset, and why it did not use the cache. */
export interface CacheOutcome {
  dataset: Dataset;
  from: 'cache' | 'source';
  /**
   * Why the cache was not used: no entry, which source file changed, a loader change, a bad entry;
   * or that it is off.
   */
  reason?: string;
  /** The entry's path (absent when the cache is off). */
  entry?: string;
  /** SHA-256 of every source file, by name (what the cache entry is checked against). */
  sources: Record<string, string>;
}

/** Options of {@link cachedDataset}. */
export interface CacheOptions {
  /** Cache folder (default {@link defaultCacheDir}). */
  dir?: string;
  /** Overrides the hash of the loader code (tests). */
  loaderHash?: string;
}

interface Header extends TablesHeader {
  format: number;
  loader: string;
  sources: Record<string, string>;
  manifest: DatasetManifest;
  N: number;
  J: number;
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** The files a dataset is read from: dataset.json and every .csv of the folder, sorted. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f === 'dataset.json' || f.endsWith('.csv'))
    .sort();
}

/** SHA-256 of every source file of `folder`, by file name. */
function sourceHashes(folder: string): Record<string, string> {
  return Object.fromEntries(sourceFiles(folder).map((f) => [f, sha256(readFileSync(join(folder, f)))]));
}

let loaderHashMemo: string | undefined;

/** Hash of the code that turns CSV into a Dataset (these modules, .ts from sources or .js compiled). */
function loaderHash(): string {
  if (loaderHashMemo) return loaderHashMemo;
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const h = createHash('sha256').update(`format ${FORMAT}\n`);
  for (const m of ['load', 'csv', 'manifest', 'dataset', 'cache']) {
    const p = fileURLToPath(new URL(`./${m}.${ext}`, import.meta.url));
    h.update(existsSync(p) ? readFileSync(p) : `missing ${m}`);
  }
  loaderHashMemo = h.digest('hex');
  return loaderHashMemo;
}

/** The entry file of `folder` under `dir`. */
function cacheEntry(folder: string, dir: string, loader: string): string {
  const abs = resolve(folder);
  return join(
    dir,
    `${basename(abs).replace(/[^A-Za-z0-9_.-]/g, '_')}-${sha256(abs).slice(0, 12)}-${loader.slice(0, 12)}.lds`,
  );
}

/** The Float64 tables of a dataset, by name (`flows`, `regionData.gdp`, `schedules.tariffs-2005`, …). */
function tablesOf(d: Dataset): [string, Float64Array][] {
  return [
    ['flows', d.flows],
    ['tariff', d.tariff],
    ['vaShare', d.vaShare],
    ['finalShare', d.finalShare],
    ['io', d.io],
    ...Object.entries(d.regionData).map(([k, v]): [string, Float64Array] => [`regionData.${k}`, v]),
    ...Object.entries(d.schedules).map(([k, v]): [string, Float64Array] => [`schedules.${k}`, v]),
  ];
}

/** Serialises `d` into one entry (header + aligned Float64 block). */
function encodeEntry(d: Dataset, sources: Record<string, string>, loader: string): Buffer {
  const fields: Omit<Header, keyof TablesHeader> = {
    format: FORMAT,
    loader,
    sources,
    manifest: d.manifest,
    N: d.N,
    J: d.J,
  };
  return encodeTablesFile(MAGIC, fields, tablesOf(d));
}

/** Why `header` cannot serve the sources `sources` with loader `loader`, or undefined when it can. */
function staleness(header: Header, sources: Record<string, string>, loader: string): string | undefined {
  if (header.format !== FORMAT) return `cache format ${header.format}, expected ${FORMAT}`;
  if (header.loader !== loader) return 'the loader code changed';
  const names = new Set([...Object.keys(sources), ...Object.keys(header.sources)]);
  for (const f of names) {
    if (!(f in sources)) return `${f} was removed`;
    if (!(f in header.sources)) return `${f} was added`;
    if (header.sources[f] !== sources[f]) return `${f} changed`;
  }
  return undefined;
}

/** Rebuilds the in-memory dataset from a checked entry. */
function decode(folder: string, file: TablesFile<Header>): Dataset | string {
  const { manifest, N, J } = file.header;
  const tables: Record<string, Float64Array> = {};
  const expected: [string, number][] = [
    ['flows', N * N * J],
    ['tariff', N * N * J],
    ['vaShare', N * J],
    ['finalShare', N * J],
    ['io', N * J * J],
  ];
  for (const k of Object.keys(manifest.region_columns)) expected.push([`regionData.${k}`, N]);
  for (const k of Object.keys(manifest.schedules)) expected.push([`schedules.${k.replace(/\.csv$/, '')}`, N * N * J]);
  for (const [name, n] of expected) {
    const v = tableView(file, name, n);
    if (typeof v === 'string') return v;
    tables[name] = v;
  }
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(tables)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  return {
    manifest,
    source: folder,
    N,
    J,
    regions: manifest.regions.map((r) => r.code),
    sectors: manifest.sectors.map((s) => s.code),
    theta: Float64Array.from(manifest.sectors.map((s) => s.theta)),
    flows: tables.flows,
    tariff: tables.tariff,
    vaShare: tables.vaShare,
    finalShare: tables.finalShare,
    io: tables.io,
    regionData: pick('regionData.'),
    schedules: pick('schedules.'),
  };
}

/**
 * The dataset of `folder`: from its cache entry when that matches the source files' hashes, else
 * read by `readSource` (the CSV loader, with all its checks) and cached for next time.
 *
 * @example
 * ```ts
 * const { dataset, from, reason } = cachedDataset('data/cp2015', readDatasetFolder);
 * // from: 'cache' on the second call; 'source' with reason 'trade.csv changed' after an edit
 * ```
 */
export function cachedDataset(
  folder: string,
  readSource: (folder: string) => Dataset,
  opts: CacheOptions = {},
): CacheOutcome {
  if (process.env.LANCASTER_DATASET_CACHE === 'off' && opts.dir === undefined)
    return {
      dataset: readSource(folder),
      from: 'source',
      reason: 'the cache is off (LANCASTER_DATASET_CACHE=off)',
      sources: sourceHashes(folder),
    };
  const loader = opts.loaderHash ?? loaderHash();
  const entry = cacheEntry(folder, opts.dir ?? defaultCacheDir(), loader);
  const sources = sourceHashes(folder);
  let reason = 'no cache entry';
  if (existsSync(entry)) {
    const got = readTablesFile<Header>(entry, MAGIC, 'dataset cache');
    if (typeof got === 'string') reason = got;
    else {
      const stale = staleness(got.header, sources, loader);
      if (stale) reason = stale;
      else {
        const d = decode(folder, got);
        if (typeof d !== 'string') return { dataset: d, from: 'cache', entry, sources };
        reason = d;
      }
    }
  }
  const dataset = readSource(folder);
  // Hash again after reading: a file edited while it was read must not be cached under the old hash.
  const after = sourceHashes(folder);
  if (!staleness({ format: FORMAT, loader, sources } as Header, after, loader))
    writeAtomic(entry, encodeEntry(dataset, sources, loader));
  return { dataset, from: 'source', reason, entry, sources: after };
}

/**
 * One content hash of a dataset folder: SHA-256 over `name hash` lines of its source files, sorted
 * by name (results carry it in `provenance.dataset.hash`).
 */
export function contentHash(sources: Record<string, string>): string {
  return sha256(
    Object.keys(sources)
      .sort()
      .map((f) => `${f} ${sources[f]}\n`)
      .join(''),
  );
}
