// Loads the bundled CLI (dist/bundle/main.cjs, scripts/bundle.mjs) compiled from V8's code cache:
// parsing and compiling the 1.7 MB bundle, and each function at its first call, is a good part of a
// short command's time. The cache is made after a run that exits 0 when there is none for this
// bundle or V8 rejected it (another Node, other flags), and read at every later start.
//
// Where: `$LANCASTER_CACHE_DIR`, else `<package>/.cache/code`, one file named after the bundle's
// SHA-256 (main.cjs.sha256, written with it: V8 itself checks only the source's length, version and
// flags). `LANCASTER_CODE_CACHE=off` turns it off. A folder that cannot be written is skipped.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

/** The exports of the CommonJS bundle `file`, compiled with the code cache of the package at `root`. */
export async function loadBundle(file, root) {
  const source = readFileSync(file, 'utf8');
  const cacheFile = cachePath(file, root);
  const cachedData = cacheFile && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    // import() inside the bundle (node: built-ins, handler modules by absolute URL) as from here.
    importModuleDynamically: (specifier) => import(specifier),
  });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    const { writeAtomic } = await import('../dist/data/tablesFile.js');
    process.once('exit', (code) => {
      if (code === 0) writeCache(writeAtomic, cacheFile, script.createCachedData());
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** The cache file of bundle `file`, or undefined when the cache is off or the bundle has no hash. */
function cachePath(file, root) {
  if (process.env.LANCASTER_CODE_CACHE === 'off' || !existsSync(`${file}.sha256`)) return undefined;
  const hash = readFileSync(`${file}.sha256`, 'utf8').trim().slice(0, 16);
  return join(process.env.LANCASTER_CACHE_DIR || join(root, '.cache', 'code'), `main-${hash}.v8cache`);
}

/** Writes the cache (through a temporary name and a rename) and removes the caches of older bundles. */
function writeCache(writeAtomic, path, data) {
  if (!writeAtomic(path, data)) return; // not a folder we can change (read-only install): no cache, as before
  for (const f of readdirSync(dirname(path)))
    if (/^main-[0-9a-f]{16}\.v8cache$/.test(f) && join(dirname(path), f) !== path) rmSync(join(dirname(path), f), { force: true });
}
