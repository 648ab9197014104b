// The CLI as a few bundled files (esbuild): dist/cli/main.js and everything it imports, lazily
// loaded subcommands as their own chunks, into dist/bundle/. A solve then loads ~10 files instead of
// ~250 ES modules (zod alone is 95, 48 of them locales, which the bundle drops), ~130 ms CPU less
// per `lancaster solve`. Run after tsc (`npm run build`, `npm run build:lib`).
//
// Module-relative paths keep working: every `import.meta.url` of a bundled dist/ module is rewritten
// to that module's own URL (relative to the bundle), so data/, scenarios/, web/dist, .cache, worker
// and handler modules resolve exactly as from dist/. Worker threads and handler modules load the
// unbundled dist/ files. Packages with native parts, own worker files or the server stack stay
// external (imported from node_modules as before). bin/lancaster.js uses the bundle only for the
// commands that never import a handler module by URL in this thread (a second copy of a module, and
// of its error classes, would break `instanceof`), and dist/cli/main.js otherwise.
import { existsSync, readFileSync, rmSync } from 'node:fs';
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
        contents: src.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`),
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
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  chunkNames: 'chunk-[hash]',
  external,
  plugins: [moduleUrls, zodEnglishOnly],
  metafile: true,
  logLevel: 'warning',
  // Bundled CommonJS packages (yaml, commander) may call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __lancasterRequire } from 'node:module'; const require = __lancasterRequire(import.meta.url);",
  },
});
const files = Object.values(r.metafile.outputs);
log(`${files.length} files, ${(files.reduce((a, o) => a + o.bytes, 0) / 1e6).toFixed(1)} MB`);
