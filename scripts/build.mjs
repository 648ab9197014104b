// `npm run build`, also run by `npm ci` / `npm install` in a checkout (the `prepare` script), so
// that the README's two commands suffice: compiles src/ to dist/ (tsc, tsconfig.build.json), builds
// the web app into web/dist (what `lancaster serve` serves at /), and fills the binary dataset cache
// (.cache/datasets) so the first solve does not parse CSV, and the code cache of the CLI bundle. Steps and their seconds go to stderr.
// Type errors fail the library step; the web app is typechecked by `npm run typecheck`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (s) => process.stderr.write(`lancaster build: ${s}\n`);

function resolveBin(pkg, bin) {
  const p = join(root, 'node_modules', pkg, bin);
  return existsSync(p) ? p : undefined;
}

const tsc = resolveBin('typescript', 'bin/tsc');
const vite = resolveBin('vite', 'bin/vite.js');
if (!tsc || !vite) {
  // An install without dev dependencies (npm ci --omit=dev) cannot build; a built tree still runs.
  if (
    existsSync(new URL('../dist/.built', import.meta.url)) &&
    existsSync(new URL('../web/dist/index.html', import.meta.url))
  ) {
    log('typescript or vite is not installed (dev dependencies omitted); keeping the existing build');
    process.exit(0);
  }
  log(
    'expected the dev dependencies typescript and vite to build dist/ and web/dist, found them missing: run npm ci (with dev dependencies)',
  );
  process.exit(1);
}

/** Newest modification time under `path` (files only), skipping build outputs. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(path)
      .filter((n) => n !== 'dist' && n !== 'node_modules')
      .map((n) => newest(join(path, n))),
  );
}

// `prepare` also runs when npm links this folder (e.g. the first `npx lancaster` here): with
// --if-stale it skips a build that is newer than every input. `npm run build` always builds.
if (process.argv.includes('--if-stale')) {
  const mtime = (p) => (existsSync(join(root, p)) ? statSync(join(root, p)).mtimeMs : 0);
  const since = (out, inputs) => mtime(out) > Math.max(...inputs.map((p) => newest(join(root, p))));
  // The web app bundles parts of src/ (the scenario parser), so src/ is one of its inputs.
  const lib = since('dist/.built', ['src', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json']);
  const web = since('web/dist/index.html', ['web', 'src', 'package-lock.json']);
  if (lib && web) {
    log('dist/ and web/dist are newer than their sources; nothing to build');
    process.exit(0);
  }
}

function step(name, args, stdout = 'inherit') {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', stdout, 'inherit'] });
  if (r.status !== 0) {
    log(`${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  log(`${name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// A clean build: no output of a moved or deleted source survives in dist/ (or in the package).
rmSync(join(root, 'dist'), { recursive: true, force: true });
step('library (tsc → dist/)', [tsc, '-p', 'tsconfig.build.json']);
step('CLI bundle (esbuild → dist/bundle)', ['scripts/bundle.mjs']);
step('web app (vite → web/dist)', [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
step('dataset cache (.cache/datasets)', ['dist/cli/main.js', 'datasets', '--json'], 'ignore');
// Last: the stamp says every step above succeeded (bin/lancaster.js runs only with it).
step('build stamp', ['scripts/stamp-build.mjs']);
// A first solve through the bin: writes V8's code cache of the bundle (.cache/code, bin/code-cache.js)
// and the calibrated NAFTA baseline (.cache/baselines), as any first solve would.
step('code cache (.cache/code)', ['bin/lancaster.js', 'solve', 'scenarios/nafta-cp2015.yaml', '--json'], 'ignore');
