/**
 * Content hashes that key queued jobs and cached results: the code (every file under src/ plus
 * package-lock.json, so two machines with the same code agree whatever their git state), a dataset
 * folder, and a job. A result cached under a key can only answer the question that key names.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetFolder } from '../data/load.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The code that runs: src/ through tsx, dist/ when compiled (a package may ship only dist/). */
const CODE = fileURLToPath(new URL('../', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** sha256 over the relative names and contents of `files` (sorted), hex. */
function hashFiles(base: string, files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(relative(base, f).split('\\').join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

let code: string | undefined;

/**
 * Hash of the running code: the folder it runs from (src/, or dist/ when compiled — so a compiled
 * worker and a worker on the sources do not share a queue), package.json, package-lock.json when
 * present, and the Node version (another V8 may round Math.exp differently). Computed once.
 *
 * @example
 * ```ts
 * codeHash().slice(0, 12); // "3f1c0a9b2d4e"
 * ```
 */
export function codeHash(): string {
  code ??= createHash('sha256')
    .update(process.version)
    .update(
      hashFiles(ROOT, [
        ...filesUnder(CODE).filter((f) => !/\.test\.[jt]s$/.test(f)),
        ...['package.json', 'package-lock.json'].map((f) => join(ROOT, f)).filter(existsSync),
      ]),
    )
    .digest('hex');
  return code;
}

const datasets = new Map<string, { mtime: number; hash: string }>();

/** Hash of a dataset folder's files (an embedded id or a folder path), cached while the folder is unchanged. */
export function datasetHash(idOrPath: string): string {
  const folder = datasetFolder(idOrPath);
  const files = filesUnder(folder);
  const mtime = Math.max(...files.map((f) => statSync(f).mtimeMs));
  const hit = datasets.get(folder);
  if (hit && hit.mtime === mtime) return hit.hash;
  const hash = hashFiles(folder, files);
  datasets.set(folder, { mtime, hash });
  return hash;
}

/** What a job key is made of. */
export interface KeyParts {
  code: string;
  kind: string;
  /** Handler module name (e.g. "solve"). */
  handler: string;
  /** Dataset content hash, or null for runs without a dataset. */
  dataset: string | null;
  /** The run's input (the scenario with its model and options, drawn values baked in). */
  input: string;
  /** Draw index and seed of a sweep, or null. */
  draw: { seed: number; index: number } | null;
}

/** The content hash of one job (hex sha256 of its parts as JSON). */
export function jobKey(parts: KeyParts): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
