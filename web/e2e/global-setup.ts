/**
 * Vitest global setup: builds the web app (vite) when web/dist is missing or older than its
 * sources, so `npm test` on a fresh clone tests the current app in the browser.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))));
}

export default async function setup(): Promise<void> {
  const index = join(WEB, 'dist', 'index.html');
  const sources = [
    join(WEB, 'src'),
    join(WEB, 'index.html'),
    join(WEB, 'vite.config.ts'),
    join(ROOT, 'src', 'scenario'),
    join(ROOT, 'src', 'server', 'compare.ts'),
  ];
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.filter(existsSync).map(newest))) return;
  const { build } = await import('vite');
  process.stderr.write('web: building web/dist for the browser tests (vite build)\n');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
}
