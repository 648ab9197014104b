/**
 * Large request bodies are parsed and validated off the event loop. A scenario at the size limits
 * (1 MiB, 2 000 tariff entries) takes hundreds of milliseconds of YAML parsing, zod and policy
 * checks, and in the request thread every other client (health checks included) waits that long.
 * Bodies above {@link OFFLOAD_BYTES} go to a small worker pool instead. The pool starts at the first
 * large body and stops after {@link IDLE_MS} without one, so its memory is returned after a burst.
 * Smaller bodies stay in the request thread, where they cost less than a round trip to a worker.
 */
import type { RunCheck } from '../contract/run.ts';
import { importHandler, type HandlerRegistry } from '../exec/registry.ts';
import { ThreadPool } from '../parallel/threads.ts';
import { validateScenarioText, type ValidAnswer } from './validate.ts';
import { fromWire, type CheckReply, type CheckTask } from './wire.ts';

/** Bodies longer than this (characters) are checked in a worker thread. */
export const OFFLOAD_BYTES = 64 * 1024;

/** The worker pool stops after this long without a large body (ms). */
const IDLE_MS = 10_000;

/** Options of {@link BodyChecker}. */
export interface OffloadOptions {
  /**
   * Bodies longer than this go to a worker, and checks that ask for it; default
   * {@link OFFLOAD_BYTES}; Infinity keeps every check in the request thread.
   */
  threshold?: number;
  /** Worker threads; default 1. */
  threads?: number;
  /** Idle time before the workers stop (ms); default {@link IDLE_MS}. */
  idleMs?: number;
}

/**
 * Checks scenario bodies: inline when small, in a worker thread when large.
 *
 * @example
 * ```ts
 * const checker = new BodyChecker();
 * await checker.validate(yamlText); // { valid: true, name, model, dataset, dataset_version }
 * await checker.close();
 * ```
 */
export class BodyChecker {
  readonly threshold: number;
  readonly #threads: number;
  readonly #idleMs: number;
  #pool: ThreadPool<CheckTask, CheckReply> | undefined;
  #pending = 0;
  #idle: NodeJS.Timeout | undefined;
  /** Tasks run in a worker so far (tests, the load bench). */
  offloaded = 0;

  constructor(opts: OffloadOptions = {}) {
    this.threshold = opts.threshold ?? OFFLOAD_BYTES;
    this.#threads = opts.threads ?? 1;
    this.#idleMs = opts.idleMs ?? IDLE_MS;
  }

  /**
   * The validate route's answer for a scenario text (checked as its kind by `registry`'s handler);
   * throws ScenarioError (400) when it is not valid.
   */
  async validate(registry: HandlerRegistry, text: string): Promise<ValidAnswer> {
    if (text.length <= this.threshold) return validateScenarioText(registry, text);
    const modules = Object.fromEntries(registry.kinds().map((k) => [k, registry.module(k)]));
    return (await this.#offload({ op: 'validate', text, modules })) as ValidAnswer;
  }

  /**
   * The quick check of a run handler (module URL) on its input; in a worker when the input is large
   * or `offload` says so (checks much heavier than their input).
   */
  async check(module: string, input: string, label: string, offload = false): Promise<RunCheck> {
    const large = input.length > this.threshold || (offload && Number.isFinite(this.threshold));
    if (!large) return (await importHandler(module)).check(input, label);
    return (await this.#offload({ op: 'check', module, input, label })) as RunCheck;
  }

  /** Whether the worker pool is running (it stops when idle). */
  get running(): boolean {
    return this.#pool !== undefined;
  }

  /** Stops the workers (a later large body starts them again). */
  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.close();
  }

  async #offload(task: CheckTask): Promise<unknown> {
    clearTimeout(this.#idle);
    this.#pool ??= new ThreadPool<CheckTask, CheckReply>(new URL('./check-worker.ts', import.meta.url), {
      threads: this.#threads,
    });
    this.#pending++;
    this.offloaded++;
    try {
      const reply = await this.#pool.run(task);
      if (!reply.ok) throw fromWire(reply.error);
      return reply.value;
    } finally {
      if (--this.#pending === 0) this.#idle = setTimeout(() => void this.close(), this.#idleMs).unref();
    }
  }
}
