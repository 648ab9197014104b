/**
 * `npm run bench:load`: autocannon (8) against a server on loopback, bounded by request counts:
 * rps and p99 for health, validate, submit and list at 50 connections; health p99 while 4 large
 * scenarios (2000 tariff entries) validate, in the body checker's worker and, for comparison, in the
 * request thread; RSS before, after the burst, after the worker's idle stop and after a GC. Stops by itself.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer } from '../src/server/index.ts';
import { SqliteRunStore } from '../src/store/sqlite.ts';
import { PoolExecutor } from '../src/exec/pool.ts';

const NAFTA = readFileSync(new URL('../scenarios/nafta-cp2015.yaml', import.meta.url), 'utf8');
const LARGE = `lancaster: 1\nname: large\nmodel: one-sector-2025\npolicy:\n  tariffs:\n${'    - { importer: USA, exporter: CHN, rate: 0.1 }\n'.repeat(2000)}`;
const dir = mkdtempSync(join(tmpdir(), 'lancaster-load-'));
/** The body checker's workers stop after this idle time here (2 s instead of 10 s), to see the memory return. */
const IDLE = 2000;
const serve = (name: string, threshold?: number) =>
  startServer({
    port: 0,
    store: new SqliteRunStore(join(dir, `${name}.db`)),
    executor: new PoolExecutor({ threads: 2, preload: ['cp2015'] }),
    access: { rateLimit: 0 },
    lanes: { maxQueued: 100_000 },
    offload: { threshold, idleMs: IDLE },
  });
const server = await serve('runs');
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
const rss0 = mb();
type Opts = { path: string; method?: 'GET' | 'POST'; body?: string; amount: number; connections?: number };
const run = (o: Opts, url = server.url) =>
  autocannon({
    url: url + o.path,
    method: o.method ?? 'GET',
    body: o.body,
    headers: { 'content-type': 'application/yaml' },
    connections: o.connections ?? 50,
    amount: o.amount,
    timeout: 60,
  });
const row = (name: string, r: autocannon.Result) =>
  console.log(
    `${name.padEnd(44)} ${String(Math.round(r.requests.average)).padStart(7)} rps  p99 ${String(r.latency.p99).padStart(6)} ms  errors ${r.errors + r.non2xx}  (${r.requests.total} requests)`,
  );
row('GET /api/health', await run({ path: '/api/health', amount: 5000 }));
row(
  'POST /api/scenarios/validate',
  await run({ path: '/api/scenarios/validate', method: 'POST', body: NAFTA, amount: 1000 }),
);
row('POST /api/runs (submit)', await run({ path: '/api/runs?kind=solve', method: 'POST', body: NAFTA, amount: 300 }));
row('GET /api/runs (list)', await run({ path: '/api/runs?limit=50', amount: 2000 }));
const rssBurst = mb();
/** Health at 10 connections while 4 large scenarios validate at once (the workers warmed by one first). */
async function whileLarge(label: string, url: string) {
  await run({ path: '/api/scenarios/validate', method: 'POST', body: LARGE, amount: 1, connections: 1 }, url);
  const large = run({ path: '/api/scenarios/validate', method: 'POST', body: LARGE, amount: 4, connections: 4 }, url);
  const health = await run({ path: '/api/health', amount: 500, connections: 10 }, url);
  row(`health while 4 large validate (${label})`, health);
  row('  (the 4 large validations)', await large);
}
await whileLarge('worker', server.url);
const rssLarge = mb();
await new Promise((r) => setTimeout(r, IDLE + 500));
(globalThis as { gc?: () => void }).gc?.();
const rssIdle = mb();
const inThread = await serve('inline', Infinity);
await whileLarge('request thread, no worker', inThread.url);
await inThread.close();
await server.context.service.shutdown();
await server.close();
(globalThis as { gc?: () => void }).gc?.();
await new Promise((r) => setTimeout(r, 1000));
console.log(
  `RSS MB: start ${rss0}, after the burst ${rssBurst}, after the large validations ${rssLarge}, after the worker's idle stop + GC ${rssIdle}, after close + GC ${mb()}`,
);
rmSync(dir, { recursive: true, force: true });
process.exit(0);
