/**
 * The server's public entry: startServer wires store, executor, handler registry and app, and
 * listens (127.0.0.1 by default). At start-up, runs left queued or running by a dead process are
 * marked failed ("interrupted: …").
 */
import type { FastifyInstance } from 'fastify';
import type { Executor } from '../contract/run.ts';
import { defaultRegistry, type HandlerRegistry } from '../exec/registry.ts';
import { SWEEP_HANDLER } from '../sweep/handler.ts';
import type { RunStore } from '../store/types.ts';
import { buildApp, type AppOptions } from './app.ts';
import { checkExposure } from './access.ts';
import type { LaneOptions } from './lanes.ts';
import { pruneRuns } from '../store/prune.ts';
import { RunService } from './service.ts';
import { codeVersion } from './version.ts';
import type { AppContext } from './context.ts';
import { BodyChecker, type OffloadOptions } from './offload.ts';

export type { AppContext } from './context.ts';

/** Options of {@link startServer} and {@link createContext}. */
export interface ServerOptions extends AppOptions {
  store: RunStore;
  executor: Executor;
  /** Default: {@link serverRegistry} (every run kind). */
  registry?: HandlerRegistry;
  /** Jobs a sweep hands to the executor at once (default: the long lane's concurrency). */
  fanOutInFlight?: number;
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Lane concurrency and the queue bound (lanes.ts). */
  lanes?: LaneOptions;
  /** Retention: finished runs older than `days` or beyond the newest `count` are pruned at start and hourly. */
  retain?: { days?: number; count?: number };
  /** Which bodies are checked in a worker thread (offload.ts); default: those over 64 KiB, on 1 thread. */
  offload?: OffloadOptions;
}

/** A listening server. */
export interface RunningServer {
  app: FastifyInstance;
  context: AppContext;
  url: string;
  /** Ids of runs marked failed at start-up because a previous process died. */
  recovered: string[];
  /** Stops listening, marks unfinished runs interrupted, closes executor and store. */
  close(): Promise<void>;
}

/**
 * The run kinds of the server: every built-in handler, and sweeps, whose handler sits above the
 * executors (src/sweep) because it sends its draws to one.
 */
export function serverRegistry(): HandlerRegistry {
  return defaultRegistry().register('sweep', SWEEP_HANDLER);
}

/** Recovers interrupted runs and builds the shared context (what tests use with buildApp). */
export async function createContext(
  opts: Pick<ServerOptions, 'store' | 'executor' | 'registry' | 'lanes' | 'offload' | 'fanOutInFlight'>,
): Promise<AppContext & { recovered: string[] }> {
  const recovered = await opts.store.recoverInterrupted(new Date().toISOString());
  const registry = opts.registry ?? serverRegistry();
  const cv = codeVersion();
  const checker = new BodyChecker(opts.offload);
  const service = new RunService({
    store: opts.store,
    executor: opts.executor,
    registry,
    codeVersion: cv.label,
    lanes: opts.lanes,
    checker,
    fanOutInFlight: opts.fanOutInFlight,
  });
  return { store: opts.store, service, registry, codeVersion: cv, checker, recovered };
}

/**
 * Starts the API server.
 *
 * @example
 * ```ts
 * const server = await startServer({ port: 8080, store: new SqliteRunStore('runs.db'), executor: new PoolExecutor() });
 * console.log(server.url); // http://127.0.0.1:8080
 * await server.close();
 * ```
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  checkExposure(host, opts.access?.token); // before anything is opened
  const ctx = await createContext(opts);
  const { recovered, ...context } = ctx;
  const app = await buildApp(context, { ...opts, access: { ...opts.access, host } });
  await app.listen({ port: opts.port ?? 0, host });
  const { port } = app.server.address() as { port: number };
  let closing: Promise<void> | undefined;
  const prune = () => pruneRuns(opts.store, opts.retain!).catch((e) => app.log.error(e));
  const retention =
    opts.retain && (opts.retain.days !== undefined || opts.retain.count !== undefined)
      ? (void prune(), setInterval(prune, 3_600_000).unref())
      : undefined;
  return {
    app,
    context,
    recovered,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      (closing ??= (async () => {
        // Finish the run bookkeeping first: that also ends the SSE streams held open.
        if (retention) clearInterval(retention);
        await context.service.shutdown();
        await app.close();
        await opts.executor.close();
        await opts.store.close();
      })()),
  };
}
