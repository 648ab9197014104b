/**
 * The run service: checks a submitted run with its handler, stores it, hands it to the executor,
 * records the outcome, and publishes run events (queued, running, progress, done, failed) for
 * server-sent events. Nothing here waits for a run to finish.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Executor, Progress, RunKind } from '../exec/types.ts';
import type { HandlerRegistry } from '../exec/registry.ts';
import { ApiError } from './errors.ts';
import { INTERRUPTED, type RunRecord, type RunStore } from '../store/types.ts';

/** One event of a run, as sent over SSE. */
export type RunEvent =
  | { type: 'queued'; data: { id: string; status: 'queued'; created_at: string } }
  | { type: 'running'; data: { id: string; status: 'running'; started_at: string } }
  | { type: 'progress'; data: Progress }
  | { type: 'done'; data: { id: string; status: 'done'; finished_at: string } }
  | { type: 'failed'; data: { id: string; status: 'failed'; finished_at: string; error: string } };

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
}

/**
 * Submits and tracks runs.
 *
 * @example
 * ```ts
 * const svc = new RunService({ store, executor, registry: defaultRegistry(), codeVersion: '0.1.0' });
 * const { id } = await svc.submit('solve', yamlText);
 * svc.events.on(id, (e: RunEvent) => console.log(e.type));
 * ```
 */
export class RunService {
  /** Emits RunEvents under the run's id. */
  readonly events = new EventEmitter().setMaxListeners(0);
  readonly #active = new Map<string, Active>();
  #closing = false;

  constructor(readonly opts: RunServiceOptions) {}

  /** Last progress of a queued or running run (memory only). */
  progress(id: string): Progress | undefined {
    return this.#active.get(id)?.progress;
  }

  /** Validates and queues a run; throws ScenarioError/UnsupportedKindError for bad input. */
  async submit(kind: RunKind, input: string, label = 'scenario'): Promise<RunRecord> {
    const { store, executor, registry, codeVersion } = this.opts;
    if (this.#closing) throw new ApiError(503, 'shutting_down', 'Expected a running server, found it shutting down: submit the run again later');
    const module = registry.module(kind);
    const check = await (await registry.handler(kind)).check(input, label);
    const id = randomUUID();
    const created = Date.now();
    const created_at = new Date(created).toISOString();
    await store.create({ id, kind, scenario: input, code_version: codeVersion, created_at, ...check });
    const active: Active = { controller: new AbortController(), writes: Promise.resolve() };
    this.#active.set(id, active);
    this.#emit(id, { type: 'queued', data: { id, status: 'queued', created_at } });
    const write = (f: () => Promise<unknown>) => (active.writes = active.writes.then(f).catch((e) => this.opts.onError?.(e)));
    const markStarted = () => {
      if (active.startedAt !== undefined) return;
      active.startedAt = Date.now();
      const started_at = new Date(active.startedAt).toISOString();
      write(async () => {
        if (await store.start(id, started_at)) this.#emit(id, { type: 'running', data: { id, status: 'running', started_at } });
      });
    };
    const finish = (ok: boolean, value: unknown) => {
      markStarted();
      const end = Date.now();
      const finished_at = new Date(end).toISOString();
      const timings = { queued_ms: active.startedAt! - created, run_ms: end - active.startedAt!, total_ms: end - created };
      const error = ok ? undefined : this.#closing ? INTERRUPTED : (value as Error)?.message ?? String(value);
      write(async () => {
        const stored = await store.finish(id, ok ? { status: 'done', finished_at, timings, result: value } : { status: 'failed', finished_at, timings, error });
        this.#active.delete(id);
        if (!stored) return;
        this.#emit(id, ok ? { type: 'done', data: { id, status: 'done', finished_at } } : { type: 'failed', data: { id, status: 'failed', finished_at, error: error! } });
      });
    };
    active.done = executor
      .submit({ id, kind, module, input }, (e) => {
        if (e.type === 'started') return markStarted();
        markStarted();
        active.progress = { fraction: e.fraction, message: e.message };
        this.#emit(id, { type: 'progress', data: active.progress });
      }, active.controller.signal)
      .then((r) => finish(true, r), (e) => finish(false, e))
      .then(() => active.writes);
    return (await store.get(id))!;
  }

  /** Cancels a queued or running run and deletes it; false when there was no such run. */
  async delete(id: string): Promise<boolean> {
    const active = this.#active.get(id);
    const deleted = await this.opts.store.delete(id);
    if (active) {
      this.#active.delete(id);
      active.controller.abort();
    }
    return deleted;
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
    for (const a of pending) a.controller.abort();
    await Promise.all(pending.map((a) => a.done));
  }

  #emit(id: string, e: RunEvent) {
    this.events.emit(id, e);
  }
}
