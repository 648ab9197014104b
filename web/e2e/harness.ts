/**
 * Browser-test harness: the API server (startServer on 127.0.0.1:0, a temp SQLite database, the
 * worker pool, the built web app) and Debian's Chromium driven by playwright-core, with a fresh
 * user-data dir and no network besides the loopback server.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { SqliteRunStore } from '../../src/store/sqlite.ts';
import { PoolExecutor } from '../../src/exec/pool.ts';

export const CHROMIUM = process.env.LANCASTER_CHROMIUM ?? '/usr/bin/chromium';
export const WEB_DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Chromium flags of the engineering notes (headless, no sandbox, no background traffic). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const hasChromium = () => existsSync(CHROMIUM);

export interface Harness {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error(`Expected the built web app in ${WEB_DIST}, found none (npm run web:build)`);
  const dir = mkdtempSync(join(tmpdir(), 'lancaster-e2e-'));
  const server = await startServer({
    port: 0,
    store: new SqliteRunStore(join(dir, 'runs.db')),
    executor: new PoolExecutor({ threads: 1 }),
    webDir: WEB_DIST,
  });
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
    baseURL: server.url,
  });
  // Nothing leaves the machine: only the test server answers.
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    server,
    context,
    page,
    errors,
    async close() {
      await context.close().catch(() => {});
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a harness before the enclosing suite's tests and closes it after them; `onStart` receives
 * the running harness (the suites keep `h` and `page` in variables of their own).
 */
export function useHarness(onStart: (h: Harness) => void): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
    onStart(h);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });
}
