#!/usr/bin/env node
// The `lancaster` command: runs the compiled CLI (dist/, built by `npm run build`, which `npm ci`
// runs through `prepare`) in this process. No TypeScript compiler at run time, no second Node.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.built');

if (!existsSync(stamp)) {
  process.stderr.write(`lancaster: expected the compiled build in ${join(root, 'dist')}, found none: run \`npm run build\` (npm ci runs it)\n`);
  process.exit(1);
}
// In a checkout, say so when the sources changed after the build (the build would be stale).
if (existsSync(join(root, '.git')) && existsSync(join(root, 'src'))) {
  const built = statSync(stamp).mtimeMs;
  const newer = (dir) => readdirSync(dir, { withFileTypes: true }).some((e) =>
    e.isDirectory() ? newer(join(dir, e.name)) : !e.name.endsWith('.test.ts') && statSync(join(dir, e.name)).mtimeMs > built);
  if (newer(join(root, 'src'))) process.stderr.write('lancaster: src/ changed after the last build; run `npm run build` (or `npm run lancaster --` for the sources)\n');
}
// The bundled CLI (dist/bundle/main.cjs, scripts/bundle.mjs) is one file instead of ~250 modules,
// compiled from V8's code cache (./code-cache.js); it is used for the commands that never import a
// handler module by URL in this process (the server, run, sweep, worker and gravity commands do: a
// second copy of a module would break instanceof checks).
const BUNDLED = new Set(['solve', 'validate', 'schema', 'datasets', 'strategy', 'negotiate', 'analyze', 'help', '--help', '-h', '--version', '-V']);
const first = process.argv[2];
const bundle = join(root, 'dist', 'bundle', 'main.cjs');
const bundled = (first === undefined || BUNDLED.has(first)) && existsSync(bundle);
const { runCli } = bundled ? await (await import('./code-cache.js')).loadBundle(bundle, root) : await import('../dist/cli/main.js');
runCli();
