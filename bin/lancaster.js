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
const { runCli } = await import('../dist/cli/main.js');
runCli();
