// `npm run build`, also run by `npm ci` / `npm install` in a checkout (the `prepare` script), so
// that the README's two commands suffice: compiles src/ to dist/ (tsc, tsconfig.build.json), builds
// the web app into web/dist (what `lancaster serve` serves at /), and fills the binary dataset cache
// (.cache/datasets) so the first solve does not parse CSV. Steps and their seconds go to stderr.
// Type errors fail the library step; the web app is typechecked by `npm run typecheck`.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
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
  if (existsSync(new URL('../dist/.built', import.meta.url)) && existsSync(new URL('../web/dist/index.html', import.meta.url))) {
    log('typescript or vite is not installed (dev dependencies omitted); keeping the existing build');
    process.exit(0);
  }
  log('expected the dev dependencies typescript and vite to build dist/ and web/dist, found them missing: run npm ci (with dev dependencies)');
  process.exit(1);
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
step('build stamp', ['scripts/stamp-build.mjs']);
step('web app (vite → web/dist)', [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
step('dataset cache (.cache/datasets)', ['bin/lancaster.js', 'datasets', '--json'], 'ignore');
