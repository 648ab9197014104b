/**
 * Run kinds, jobs, handlers and the executor contract. A run is `{kind, input}` where `input` is
 * the scenario text (YAML or JSON) or, for `analyze`, a YAML/JSON document holding GENIUS XML.
 * Handlers live in modules (found by URL) so that worker threads and, later, distributed workers
 * can load them without sharing memory with the server.
 */
import * as msg from '../spec/messages/exec.ts';

/** Every run kind the API knows; a kind without a registered handler is refused with 400. */
export const RUN_KINDS = ['solve', 'timeline', 'strategy', 'negotiation', 'analyze', 'gravity', 'sweep'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/**
 * One move of a negotiation session as it is made (negotiation runs on a trade domain: the logged
 * session, the first seed, of each pairing under each linkage), carried by a progress event.
 */
export interface OfferEvent {
  /** The pairing's label and the partition it runs under. */
  session: string;
  linkage: 'linked' | 'separate';
  /** Issue ids of the agreement (basket) being negotiated; the other issues stay as now. */
  basket: string[];
  round: number;
  /** The party that moves (0 = the first party, 1 = the second). */
  proposer: 0 | 1 | 'mediator';
  action: 'offer' | 'accept' | 'adopted' | 'rejected' | 'breakdown';
  /** Issue → value of the bid (the basket's issues); null for a breakdown. */
  bid: Record<string, number | string> | null;
  /** The model's utility of the bid to each party (pp over the disagreement point). */
  utilities: [number, number] | null;
  /** What the delegations weighed: the utilities with the other side's promises discounted by trust. */
  seen: [number, number] | null;
}

/** Progress of a running job: `fraction` in [0, 1] and a short human message. */
export interface Progress {
  fraction: number;
  message: string;
  /** A negotiation's offer as it is made (negotiation runs). */
  offer?: OfferEvent;
  /** A solver's iteration and residual (per-iteration progress of solves; throttled). */
  iteration?: number;
  residual?: number;
  /** Runs of many jobs (sweeps): jobs finished (failed ones included), jobs in all, jobs failed. */
  done?: number;
  total?: number;
  failed?: number;
  /** Estimated seconds left (from the mean time per finished job so far); absent before the first one. */
  eta_seconds?: number;
}

/**
 * What an executor reports while a job runs: `started` once, when the job leaves the queue, then
 * any number of `progress` events.
 */
export type ExecEvent = { type: 'started' } | ({ type: 'progress' } & Progress);

/** A progress callback handed to handlers. */
export type ProgressFn = (p: Progress) => void;

/** What a handler's quick check found out about the run's input (shown in the run record). */
export interface RunCheck {
  /** Scenario name, when the input has one. */
  name?: string;
  model?: string;
  /** Dataset id and version the run will use. */
  dataset?: string;
  dataset_version?: string;
}

/**
 * The code of one run kind. A handler module exports it as `handler`.
 *
 * @example
 * ```ts
 * export const handler: RunHandler = {
 *   check: (input, label) => ({ name: parseScenarioText(input, label).scenario.name }),
 *   run: async (input, progress) => { progress({ fraction: 1, message: 'done' }); return {}; },
 * };
 * ```
 */
export interface RunHandler {
  /**
   * Validates the input in the request thread, fast: throws ScenarioError (HTTP 400 with issues),
   * TypeError or RangeError (HTTP 400) for bad input.
   */
  check(input: string, label: string): RunCheck | Promise<RunCheck>;
  /** Computes the result (a JSON-able, structured-cloneable value), possibly in a worker thread. */
  run(input: string, progress: ProgressFn): Promise<unknown>;
  /**
   * Runs of many jobs (sweeps) have this too: the run service calls it in its own process with its
   * executor, so the jobs spread over the executor's threads or queue workers, instead of sending
   * the whole run to one thread. `run` computes the same result on an inline executor.
   */
  fanOut?(input: string, ctx: FanOutContext): Promise<unknown>;
}

/** What a fan-out run gets from the run service. */
export interface FanOutContext {
  executor: Executor;
  progress: ProgressFn;
  /** Aborted when the run is cancelled (DELETE) or the server shuts down. */
  signal: AbortSignal;
  /** Jobs handed to the executor at once. */
  inFlight: number;
}

/** One unit of work for an executor. */
export interface Job {
  id: string;
  kind: RunKind;
  /** URL of the module exporting the kind's `handler`. */
  module: string;
  input: string;
  /** The sweep draw this job computes (part of its content key on a queue), if any. */
  draw?: { seed: number; index: number };
}

/**
 * Runs jobs away from the request path. Implementations: InlineExecutor (same thread, tests),
 * PoolExecutor (worker threads), QueueExecutor (BullMQ on Redis: workers on any machine).
 */
export interface Executor {
  /**
   * Runs the job; resolves with the handler's result, rejects with its error or on abort. The
   * inline and thread-pool executors deliver every event the job reported before they settle (the
   * run's end follows its last offer); the queue's events may trail its result.
   */
  submit(job: Job, onEvent: (e: ExecEvent) => void, signal?: AbortSignal): Promise<unknown>;
  /** Stops accepting jobs and releases threads; running jobs are abandoned. */
  close(): Promise<void>;
}

/** A job aborted by its signal (e.g. the run was deleted). */
export class JobAbortedError extends Error {
  override name = 'JobAbortedError';
  constructor(id: string) {
    super(msg.runCancelled(id));
  }
}

/** Where a stored run is in its life. */
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Durations in milliseconds: waiting in the queue, running, and both. */
export interface RunTimings {
  queued_ms?: number;
  run_ms?: number;
  total_ms?: number;
}

/** A run without its (possibly large) scenario text and result. */
export interface RunSummary {
  id: string;
  kind: RunKind;
  status: RunStatus;
  name: string | null;
  model: string | null;
  dataset: string | null;
  dataset_version: string | null;
  /** package.json version, plus `+<git commit>` when known. */
  code_version: string;
  /** ISO 8601 timestamps. */
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  timings: RunTimings;
  error: string | null;
}
