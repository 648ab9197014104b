/**
 * The run service: checks a submitted run with its handler, stores it, hands it to the executor,
 * records the outcome, and publishes run events (queued, running, progress, done, failed,
 * cancelled) with stable ids for server-sent events. Runs wait in two lanes (lanes.ts) so long ones
 * cannot starve short ones, and the queue is bounded (429). Nothing here waits for a run to finish.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { ExecEvent, Executor, Progress, RunKind } from '../contract/run.ts';
import type { HandlerRegistry } from '../exec/registry.ts';
import { ApiError } from './errors.ts';
import { Lanes, type LaneOptions } from './lanes.ts';
import { INTERRUPTED, type RunRecord, type RunStore } from '../store/types.ts';
import type { BodyChecker } from './offload.ts';
import * as msg from '../spec/messages/server.ts';

/** One event of a run, as sent over SSE. */
export type RunEvent =
  | { type: 'queued'; data: { id: string; status: 'queued'; created_at: string } }
  | { type: 'running'; data: { id: string; status: 'running'; started_at: string } }
  | { type: 'progress'; data: Progress }
  | { type: 'done'; data: { id: string; status: 'done'; finished_at: string } }
  | { type: 'failed'; data: { id: string; status: 'failed'; finished_at: string; error: string } }
  | { type: 'cancelled'; data: { id: string; status: 'cancelled'; finished_at: string } };

/** An event with its stable SSE id: 1, 2, 3… in the run's order; the last event (done, failed, cancelled) is `end`. */
export interface LoggedEvent {
  id: string;
  event: RunEvent;
}

/** Finished runs whose event log stays in memory (for Last-Event-ID resumes); older ones replay from the store. */
const KEEP_LOGS = 500;
/**
 * Progress events kept per run log (the newest), besides a negotiation's offers: every offer stays,
 * so that a client that connects late, or after the run, still sees every move (they are part of
 * the result too, which bounds them).
 */
const KEEP_PROGRESS = 200;

const TERMINAL = new Set<RunEvent['type']>(['done', 'failed', 'cancelled']);

interface Active {
  controller: AbortController;
  progress?: Progress;
  startedAt?: number;
  /** Store writes of this run, in order. */
  writes: Promise<unknown>;
  /** Settles when the run's outcome is stored. */
  done?: Promise<unknown>;
}

/** Options of {@link RunService}. */
export interface RunServiceOptions {
  store: RunStore;
  executor: Executor;
  registry: HandlerRegistry;
  codeVersion: string;
  /** Called when a run's bookkeeping fails (e.g. the store is gone). */
  onError?: (e: unknown) => void;
  /** Lanes and the queue bound (lanes.ts). */
  lanes?: LaneOptions;
  /** Checks large inputs in a worker thread (offload.ts); default: every check in the request thread. */
  checker?: BodyChecker;
  /**
   * Jobs a fan-out run (a sweep) hands to the executor at once; default the long lane's
   * concurrency, so that on the thread pool a sweep uses the long lane's threads and short runs keep theirs.
   */
  fanOutInFlight?: number;
}

/**
 * How a finished run is stored: done, or failed with its reason. A result that did not converge is
 * a failed run with the solver's reason (its numbers are kept for diagnosis); so is a sweep with
 * failed or unconverged runs (its bands leave them out; the result lists them).
 */
function outcomeOf(ok: boolean, value: unknown, closing: boolean): { done: boolean; error: string | undefined } {
  const status = (value as { status?: unknown } | null)?.status;
  const unconverged = ok && (status === 'not-converged' || status === 'incomplete');
  const reason = (value as { message?: string } | null)?.message;
  const error = unconverged
    ? status === 'incomplete'
      ? msg.stored.incomplete(reason)
      : msg.stored.notConverged(reason)
    : ok
      ? undefined
      : closing
        ? INTERRUPTED
        : ((value as Error)?.message ?? String(value));
  return { done: ok && !unconverged, error };
}

/**
 * Submits and tracks runs.
 *
 * @example
 * ```ts
 * const svc = new RunService({ store, executor, registry: defaultRegistry(), codeVersion: '0.1.0' });
 * const { id } = await svc.submit('solve', yamlText);
 * svc.events.on(id, (e: LoggedEvent) => console.log(e.id, e.event.type));
 * ```
 */
export class RunService {
  /** Emits RunEvents under the run's id. */
  readonly events = new EventEmitter().setMaxListeners(0);
  readonly #active = new Map<string, Active>();
  /** Each run's events; `plain`: how many of them are progress events without an offer. */
  readonly #logs = new Map<string, { seq: number; plain: number; events: LoggedEvent[] }>();
  readonly lanes: Lanes;
  #closing = false;

  constructor(readonly opts: RunServiceOptions) {
    this.lanes = new Lanes(opts.lanes);
  }

  /** The logged events of a run (memory only; undefined when evicted or from another process). */
  log(id: string): readonly LoggedEvent[] | undefined {
    return this.#logs.get(id)?.events;
  }

  /** Last progress of a queued or running run (memory only). */
  progress(id: string): Progress | undefined {
    return this.#active.get(id)?.progress;
  }

  /** Validates and queues a run; throws ScenarioError/UnsupportedKindError for bad input. */
  async submit(kind: RunKind, input: string, label = 'scenario'): Promise<RunRecord> {
    const { store, executor, registry, codeVersion } = this.opts;
    if (this.#closing) throw new ApiError(503, 'shutting_down', msg.shuttingDown());
    const module = registry.module(kind);
    if (this.lanes.full()) {
      const wait = this.lanes.retryAfterSeconds();
      throw new ApiError(429, 'queue_full', msg.queueFull(this.lanes.maxQueued, wait), undefined, {
        'retry-after': String(wait),
      });
    }
    const handler = await registry.handler(kind);
    // A fan-out run's check builds its whole plan (a sweep parses its scenario several times):
    // never in the request thread.
    const check = this.opts.checker
      ? await this.opts.checker.check(module, input, label, handler.fanOut !== undefined)
      : await handler.check(input, label);
    const id = randomUUID();
    const created = Date.now();
    const created_at = new Date(created).toISOString();
    await store.create({ id, kind, scenario: input, code_version: codeVersion, created_at, ...check });
    const active: Active = { controller: new AbortController(), writes: Promise.resolve() };
    this.#active.set(id, active);
    this.#emit(id, { type: 'queued', data: { id, status: 'queued', created_at } });
    const { markStarted, finish, onEvent } = this.#lifecycle(id, active, created);
    const signal = active.controller.signal;
    // A fan-out run (a sweep) runs here and sends its many jobs to the executor itself; any other run is one job.
    const start = handler.fanOut
      ? () => {
          markStarted();
          const inFlight = this.opts.fanOutInFlight ?? this.lanes.concurrency('long');
          return handler.fanOut!(input, {
            executor,
            signal,
            inFlight,
            progress: (p) => onEvent({ type: 'progress', ...p }),
          });
        }
      : () => executor.submit({ id, kind, module, input }, onEvent, signal);
    active.done = this.lanes
      .enqueue(id, kind, start)
      .then(
        (r) => finish(true, r),
        (e) => finish(false, e),
      )
      .then(() => active.writes);
    return (await store.get(id))!;
  }

  /**
   * The callbacks that move a run from queued to running to done or failed: each change stored (in
   * order, one write after the other) and emitted to its event log.
   */
  #lifecycle(id: string, active: Active, created: number) {
    const { store } = this.opts;
    const write = (f: () => Promise<unknown>) =>
      (active.writes = active.writes.then(f).catch((e) => this.opts.onError?.(e)));
    const markStarted = () => {
      if (active.startedAt !== undefined) return;
      active.startedAt = Date.now();
      const started_at = new Date(active.startedAt).toISOString();
      // Emitted now, so that `running` precedes the run's progress events in its log and on SSE.
      this.#emit(id, { type: 'running', data: { id, status: 'running', started_at } });
      write(() => store.start(id, started_at));
    };
    const finish = (ok: boolean, value: unknown) => {
      markStarted();
      const end = Date.now();
      const finished_at = new Date(end).toISOString();
      const timings = {
        queued_ms: active.startedAt! - created,
        run_ms: end - active.startedAt!,
        total_ms: end - created,
      };
      const { done, error } = outcomeOf(ok, value, this.#closing);
      write(async () => {
        const stored = await store.finish(
          id,
          done
            ? { status: 'done', finished_at, timings, result: value }
            : { status: 'failed', finished_at, timings, error, ...(ok ? { result: value } : {}) },
        );
        this.#active.delete(id);
        if (!stored) return;
        this.#emit(
          id,
          done
            ? { type: 'done', data: { id, status: 'done', finished_at } }
            : { type: 'failed', data: { id, status: 'failed', finished_at, error: error! } },
        );
      });
    };
    const onEvent = (e: ExecEvent) => {
      if (e.type === 'started') return markStarted();
      markStarted();
      const { type: _type, ...progress } = e;
      active.progress = progress;
      this.#emit(id, { type: 'progress', data: active.progress });
    };
    return { markStarted, finish, onEvent };
  }

  /**
   * DELETE of a run: a queued or running run is cancelled and kept as `cancelled` ('cancelled');
   * a finished one is deleted ('deleted'); false when there is no such run.
   */
  async delete(id: string): Promise<'cancelled' | 'deleted' | false> {
    const active = this.#active.get(id);
    if (active) {
      const finished_at = new Date().toISOString();
      const now = Date.now();
      const timings = active.startedAt !== undefined ? { run_ms: now - active.startedAt } : {};
      const stored = await this.opts.store.finish(id, {
        status: 'cancelled',
        finished_at,
        timings,
        error: msg.stored.cancelledByDelete,
      });
      this.lanes.remove(id);
      active.controller.abort();
      if (stored) {
        this.#emit(id, { type: 'cancelled', data: { id, status: 'cancelled', finished_at } });
        return 'cancelled';
      }
    }
    return (await this.opts.store.delete(id)) ? 'deleted' : false;
  }

  /** Waits until every tracked run has finished and its outcome is stored (tests, shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.#active.values()].map((a) => a.done));
  }

  /** Ids of the runs this process is tracking (queued or running). */
  activeIds(): string[] {
    return [...this.#active.keys()];
  }

  /** Shutdown: cancels every tracked run and stores it as failed with INTERRUPTED. */
  async shutdown(): Promise<void> {
    this.#closing = true;
    const pending = [...this.#active.values()];
    for (const id of this.#active.keys()) this.lanes.remove(id); // waiting runs: never started
    for (const a of pending) a.controller.abort();
    await Promise.all(pending.map((a) => a.done));
  }

  #emit(id: string, e: RunEvent) {
    let log = this.#logs.get(id);
    if (!log) {
      log = { seq: 0, plain: 0, events: [] };
      this.#logs.set(id, log);
      if (this.#logs.size > KEEP_LOGS + this.#active.size) {
        for (const old of this.#logs.keys())
          if (!this.#active.has(old) && old !== id) {
            this.#logs.delete(old);
            break;
          }
      }
    }
    if (log.events.at(-1)?.id === 'end') return; // nothing follows the last event
    const entry: LoggedEvent = { id: TERMINAL.has(e.type) ? 'end' : String(++log.seq), event: e };
    log.events.push(entry);
    if (e.type === 'progress' && !e.data.offer && ++log.plain > KEEP_PROGRESS) {
      const k = log.events.findIndex((x) => x.event.type === 'progress' && !x.event.data.offer);
      log.events.splice(k, 1);
      log.plain--;
    }
    this.events.emit(id, entry);
  }
}
