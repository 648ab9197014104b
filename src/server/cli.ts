/**
 * `lancaster serve [--port N] [--host H] [--db PATH|URL] [--threads N] [--token T] [--allow-host H]
 * [--rate-limit N]`: runs the API server with the worker-pool executor and the configured run
 * store; prints the URL; SIGINT/SIGTERM close it. Beyond loopback it refuses to start without a
 * token (docs/security.md).
 */
import { availableParallelism } from 'node:os';
import type { Command } from '@commander-js/extra-typings';
import type { RunKind } from '../contract/run.ts';
import * as msg from '../spec/messages/server.ts';

/** Parses a port number (0–65535); throws RangeError otherwise. */
export function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new RangeError(msg.badPort(v));
  return n;
}

/** Parses a count ≥ 0 of an option; throws RangeError naming the option otherwise. */
function parseCount(v: string, option: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(msg.notWholeNumber(option, v));
  return n;
}

/**
 * A sweep's jobs in the queue at once (`serve --redis`): the workers' total concurrency rarely
 * exceeds it, and other runs wait behind at most this many.
 */
const QUEUE_FAN_OUT = 64;

/** Options of the serve command. */
export interface ServeOptions {
  port?: number;
  host?: string;
  db?: string;
  threads?: number;
  /**
   * Redis URL: runs go to the BullMQ queue (`lancaster worker` computes them); default
   * $LANCASTER_REDIS_URL, else threads.
   */
  redis?: string;
  /** Queue base name (default "lancaster"). */
  queue?: string;
  /** Bearer token for writes; default $LANCASTER_TOKEN. */
  token?: string;
  /** Extra Host names accepted. */
  allowHost?: string[];
  /** Requests per minute per client (0: off). */
  rateLimit?: number;
  /** Runs waiting before submits get 429. */
  maxQueue?: number;
  /** Retention of finished runs. */
  retainDays?: number;
  retainCount?: number;
  /** Handler modules (URLs) that replace built-in ones, by run kind; tests use a slow solve. */
  handlers?: Partial<Record<RunKind, string>>;
}

/**
 * Starts the server for `lancaster serve` and closes it on SIGINT/SIGTERM. Resolves with the
 * running server (it keeps the process alive).
 */
export async function serve(opts: ServeOptions, log: (s: string) => void = (s) => process.stderr.write(`${s}\n`)) {
  const { startServer, serverRegistry } = await import('./index.ts');
  const { openRunStore } = await import('../store/open.ts');
  const { PoolExecutor } = await import('../exec/pool.ts');

  const { checkExposure } = await import('./access.ts');
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? (process.env.LANCASTER_TOKEN || undefined);
  checkExposure(host, token); // refuse before opening the store
  const registry = serverRegistry();
  for (const [kind, module] of Object.entries(opts.handlers ?? {})) registry.register(kind as RunKind, module);
  const store = await openRunStore({ db: opts.db });
  const redisUrl = opts.redis ?? (process.env.LANCASTER_REDIS_URL || undefined);
  // One lane for long runs, the rest for short ones: at least two threads, so a strategy run never blocks a solve.
  const threads = Math.max(2, opts.threads ?? availableParallelism() - 1);
  let long = Math.max(1, Math.floor(threads / 2));
  let short = threads - long;
  let executor;
  // A sweep's draws at once: on threads, the long lane's share; on the queue, enough to keep many remote workers busy.
  let fanOutInFlight: number;
  if (redisUrl) {
    const { QueueExecutor } = await import('../exec/queue.ts');
    const q = new QueueExecutor({ url: redisUrl, queue: opts.queue, log });
    await q.ready();
    log(`lancaster: runs go to queue ${q.name}; start workers with: lancaster worker --redis URL`);
    executor = q;
    // Remote workers take the jobs: the lanes only keep long runs from filling the shared queue.
    (short = 16), (long = 8);
    fanOutInFlight = QUEUE_FAN_OUT;
  } else {
    executor = new PoolExecutor({ threads });
    fanOutInFlight = long;
  }
  const server = await startServer({
    port: opts.port ?? 8080,
    host,
    store,
    executor,
    registry,
    fanOutInFlight,
    access: { token, allowedHosts: opts.allowHost, rateLimit: opts.rateLimit },
    lanes: { concurrency: { short, long }, maxQueued: opts.maxQueue },
    retain: { days: opts.retainDays, count: opts.retainCount },
  });
  if (token) log('lancaster: writes require the token (Authorization: Bearer …)');
  if (server.recovered.length) log(`lancaster: marked ${server.recovered.length} interrupted run(s) failed`);
  process.stdout.write(`${server.url}\n`);
  const stop = (signal: string) => {
    log(`lancaster: ${signal}, closing the server`);
    server.close().then(
      () => process.exit(0),
      (e) => {
        log(`lancaster: error while closing: ${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return server;
}

/**
 * Adds `serve` to the CLI program.
 *
 * @example
 * ```ts
 * registerServeCommand(program); // lancaster serve --port 8080 --db ~/runs.db
 * ```
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Run the HTTP API and the web app (built by npm ci) on 127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free port)', parsePort, 8080)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--db <path|url>',
      'SQLite file or postgres:// URL (default: $LANCASTER_DATABASE_URL or runs.db in the data directory)',
    )
    .option('--threads <n>', 'worker threads for runs (default: cores − 1)', (v) => parsePort(v))
    .option('--redis <url>', 'run on the BullMQ queue of this Redis instead of threads (default: $LANCASTER_REDIS_URL)')
    .option('--queue <name>', 'queue base name with --redis (the code hash is appended)')
    .option(
      '--token <token>',
      'bearer token required for every write (default: $LANCASTER_TOKEN; required beyond loopback)',
    )
    .option(
      '--allow-host <names>',
      'extra Host names the server answers to, comma-separated (DNS-rebinding check)',
      (v) =>
        v
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean),
    )
    .option('--rate-limit <n>', 'requests per minute per client (0: off; default 1200, writes 120)', (v) =>
      parseCount(v, '--rate-limit'),
    )
    .option('--max-queue <n>', 'runs waiting before submits get 429 (default 100)', (v) => parseCount(v, '--max-queue'))
    .option('--retain-days <n>', 'prune finished runs older than this many days (at start and hourly)', (v) =>
      parseCount(v, '--retain-days'),
    )
    .option('--retain-count <n>', 'keep only this many newest finished runs (at start and hourly)', (v) =>
      parseCount(v, '--retain-count'),
    )
    .action(async function (opts) {
      try {
        await serve(opts);
      } catch (e) {
        if (e instanceof RangeError) this.error(`lancaster: ${e.message}`, { exitCode: 2, code: 'lancaster.serve' });
        throw e;
      }
      await new Promise(() => {}); // keep running until a signal closes the server
    });
}
