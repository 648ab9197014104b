// The CLI as one bundled CommonJS file (esbuild): dist/cli/main.js and everything it imports, into
// dist/bundle/main.cjs, with its SHA-256 beside it (main.cjs.sha256). A solve then loads one file
// instead of ~250 ES modules (zod alone is 95, 48 of them locales, which the bundle drops), and
// bin/code-cache.js compiles it from V8's code cache (.cache/code): CommonJS because Node 20 has a
// code cache for scripts (vm.Script cachedData) but none for ES modules. Run after tsc (`npm run
// build`, `npm run build:lib`).
//
// Module-relative paths keep working: every `import.meta.url` of a bundled dist/ module is rewritten
// to that module's own URL (relative to the bundle), so data/, scenarios/, web/dist, .cache, worker
// and handler modules resolve exactly as from dist/. Worker threads and handler modules load the
// unbundled dist/ files. Packages with native parts, own worker files or the server stack stay
// external (required from node_modules as before). bin/lancaster.js uses the bundle only for the
// commands that never import a handler module by URL in this thread (a second copy of a module, and
// of its error classes, would break `instanceof`), and dist/cli/main.js otherwise.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'bundle');
const log = (s) => process.stderr.write(`lancaster bundle: ${s}\n`);

rmSync(outdir, { recursive: true, force: true });
if (!existsSync(join(root, 'node_modules', 'esbuild'))) {
  // Without dev dependencies: no bundle; bin/lancaster.js runs dist/cli/main.js.
  log('esbuild is not installed (dev dependencies omitted); the CLI runs unbundled from dist/');
  process.exit(0);
}
const { build } = await import('esbuild');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Pure-JavaScript dependencies of the solve path, bundled; every other dependency stays external. */
const BUNDLED = new Set(['zod', 'yaml', 'commander', '@commander-js/extra-typings', 'pure-rand', 'cli-table3']);
const external = Object.keys(pkg.dependencies)
  .filter((d) => !BUNDLED.has(d))
  .flatMap((d) => [d, `${d}/*`]);
const moduleUrls = {
  name: 'module-relative-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      if (!src.includes('import.meta.url')) return undefined;
      const rel = relative(outdir, args.path).split('\\').join('/');
      return {
        contents: src.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, __lancasterBundleUrl).href`),
        loader: 'js',
      };
    });
  },
};
// zod's namespace re-exports all of its 48 locales (~370 kB of the bundle, parsed at every start:
// ~10 ms); Lancaster never calls z.config with one, and zod installs English itself, so the bundled
// `z.locales` holds English only.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};
const r = await build({
  entryPoints: { main: join(root, 'dist', 'cli', 'main.js') },
  bundle: true,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  target: 'node20',
  outdir,
  external,
  plugins: [moduleUrls, zodEnglishOnly],
  metafile: true,
  logLevel: 'warning',
  // The bundle's own URL, the base of the rewritten import.meta.url (bin/code-cache.js passes __filename).
  banner: { js: "const __lancasterBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
const main = join(outdir, 'main.cjs');
// Names the code cache of this bundle: V8 checks a cache against the source's length, not its content.
writeFileSync(`${main}.sha256`, `${createHash('sha256').update(readFileSync(main)).digest('hex')}\n`);
const files = Object.values(r.metafile.outputs);
log(`${files.length} file, ${(files.reduce((a, o) => a + o.bytes, 0) / 1e6).toFixed(1)} MB`);
