/**
 * Calibrated baselines kept on disk, so that a fresh process does not repeat the calibration solve
 * of a dataset it has solved before (the zero-deficit baseline of Caliendo–Parro is a full
 * equilibrium solve, about as long as the counterfactual itself).
 *
 * An entry is keyed by SHA-256 over everything the calibration solve reads: the raw baseline's
 * arrays (bit for bit, so a dataset changed in memory, e.g. scaled elasticities, gets its own
 * entry), the deficit option, the solver options that change its answer (tolerance, iteration
 * limit, Anderson memory, forced nests) and the source of the solver's own modules (this folder
 * and ../numerics, .ts or compiled .js): a changed solver never meets a baseline it did not
 * produce. It stores the calibrated π, X and VA (the rest of the baseline is the raw one), read
 * back bit for bit, so a solve gives the same numbers with the entry as without it.
 *
 * Entries live in `$LANCASTER_CACHE_DIR`, else `<repo>/.cache/baselines` (git-ignored), at most
 * {@link MAX_ENTRIES} (the oldest are removed: sweeps over drawn elasticities would otherwise
 * fill the disk); `LANCASTER_BASELINE_CACHE=off` turns them off. A folder that cannot be written
 * (read-only install) is skipped: the baseline is then solved, as without the store.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeTablesFile, readTablesFile, tableView, writeAtomic } from '../../data/tablesFile.ts';
import type { GeBaseline } from './baseline.ts';
import type { GeSolveOptions } from './solve.ts';

const MAGIC = 'LNCBASE1';
const FORMAT = 1;
/** Entries kept; each is one dataset's π, X and VA (about 0.3–1 MB for the embedded datasets). */
export const MAX_ENTRIES = 32;

/** The calibrated arrays an entry holds (the rest of a calibrated baseline is the raw one). */
export interface StoredBaseline {
  pi: Float64Array;
  X: Float64Array;
  VA: Float64Array;
}

/** Options of the store (tests). */
export interface BaselineStoreOptions {
  /** Folder of the entries (default `$LANCASTER_CACHE_DIR` or `<repo>/.cache/baselines`). */
  dir?: string;
}

interface Header {
  format: number;
  key: string;
}

const here = dirname(fileURLToPath(import.meta.url));

function storeDir(opts: BaselineStoreOptions): string | undefined {
  if (opts.dir !== undefined) return opts.dir;
  if (process.env.LANCASTER_BASELINE_CACHE === 'off') return undefined;
  return process.env.LANCASTER_CACHE_DIR || resolve(here, '..', '..', '..', '.cache', 'baselines');
}

let solverHashMemo: string | undefined;

/** Hash of the solver's modules: every non-test source of this folder and of ../numerics. */
function solverHash(): string {
  if (solverHashMemo) return solverHashMemo;
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const h = createHash('sha256').update(`format ${FORMAT}\n`);
  for (const dir of [here, resolve(here, '..', 'numerics')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort())
      if (f.endsWith(ext) && !f.endsWith(`.test${ext}`)) h.update(f).update(readFileSync(join(dir, f)));
  }
  solverHashMemo = h.digest('hex');
  return solverHashMemo;
}

/** The entry key of a calibration solve of `raw` with deficits `D`. */
export function baselineKey(raw: GeBaseline, D: Float64Array, option: string, opts: GeSolveOptions): string {
  const h = createHash('sha256').update(solverHash());
  const solver = { option, tol: opts.tol, maxIterations: opts.maxIterations, memory: opts.memory };
  h.update(JSON.stringify({ ...solver, forceNests: opts.forceNests === true, N: raw.N, J: raw.J }));
  for (const a of [raw.theta, raw.B, raw.G, raw.GB, raw.alpha, raw.pi, raw.tau, raw.X, raw.VA, D])
    h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex');
}

const entryPath = (dir: string, key: string) => join(dir, `${key}.lbl`);

/** The stored calibration of `key`, or undefined (no entry, another key, a damaged or non-finite entry). */
export function readStoredBaseline(
  key: string,
  N: number,
  J: number,
  opts: BaselineStoreOptions = {},
): StoredBaseline | undefined {
  const dir = storeDir(opts);
  if (dir === undefined) return undefined;
  const path = entryPath(dir, key);
  if (!existsSync(path)) return undefined;
  const file = readTablesFile<Header>(path, MAGIC, 'baseline store');
  if (typeof file === 'string' || file.header.format !== FORMAT || file.header.key !== key) return undefined;
  const pi = tableView(file, 'pi', N * N * J),
    X = tableView(file, 'X', N * J),
    VA = tableView(file, 'VA', N);
  if (typeof pi === 'string' || typeof X === 'string' || typeof VA === 'string') return undefined;
  for (const a of [pi, X, VA]) for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return undefined;
  return { pi, X, VA };
}

/** Stores a calibration under `key` (best effort: false when the folder cannot be written). */
export function writeStoredBaseline(key: string, b: StoredBaseline, opts: BaselineStoreOptions = {}): boolean {
  const dir = storeDir(opts);
  if (dir === undefined) return false;
  const ok = writeAtomic(
    entryPath(dir, key),
    encodeTablesFile(MAGIC, { format: FORMAT, key } satisfies Header, [
      ['pi', b.pi],
      ['X', b.X],
      ['VA', b.VA],
    ]),
  );
  if (ok) prune(dir);
  return ok;
}

/** Removes the oldest entries beyond {@link MAX_ENTRIES} (races with another process are harmless). */
function prune(dir: string): void {
  try {
    const entries = readdirSync(dir).filter((f) => f.endsWith('.lbl'));
    if (entries.length <= MAX_ENTRIES) return;
    const aged = entries
      .map((f) => ({ f, t: statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => a.t - b.t);
    for (const { f } of aged.slice(0, entries.length - MAX_ENTRIES)) rmSync(join(dir, f), { force: true });
  } catch {
    // another process pruned first, or the folder went away: nothing to keep tidy
  }
}
