/**
 * Stored runs: what a run record keeps and the RunStore contract shared by the SQLite (default)
 * and PostgreSQL stores. Every write is one transaction; a record is never half-written.
 */
import type { RunKind, RunStatus, RunSummary, RunTimings } from '../contract/run.ts';

export { RUN_STATUSES, type RunStatus, type RunTimings, type RunSummary } from '../contract/run.ts';

/** Message of runs found queued or running when a server starts (their process died). */
export const INTERRUPTED = 'interrupted: the server stopped before the run finished';

/** A whole run record. */
export interface RunRecord extends RunSummary {
  /** The input as submitted (scenario YAML/JSON text). */
  scenario: string;
  /** The handler's result (JSON), once done. */
  result: unknown;
}

/** What is known when a run is submitted. */
export type NewRun = Pick<RunRecord, 'id' | 'kind' | 'scenario' | 'code_version' | 'created_at'> &
  Partial<Pick<RunRecord, 'name' | 'model' | 'dataset' | 'dataset_version'>>;

/** Filter and page of a listing, newest first. */
export interface RunFilter {
  status?: RunStatus;
  kind?: RunKind;
  limit: number;
  offset: number;
}

/**
 * Where runs are kept. Implementations: SqliteRunStore, PgRunStore.
 *
 * @example
 * ```ts
 * const store = new SqliteRunStore(':memory:');
 * await store.create({ id, kind: 'solve', scenario, code_version: '0.1.0', created_at: new Date().toISOString() });
 * await store.finish(id, { status: 'done', finished_at, timings, result });
 * ```
 */
export interface RunStore {
  create(run: NewRun): Promise<void>;
  /** Marks a queued run running; false when it is not queued (deleted or already running). */
  start(id: string, started_at: string): Promise<boolean>;
  /** Records the outcome of a queued or running run; false when there is none (deleted). */
  finish(
    id: string,
    outcome: {
      status: 'done' | 'failed' | 'cancelled';
      finished_at: string;
      timings: RunTimings;
      result?: unknown;
      error?: string;
    },
  ): Promise<boolean>;
  /**
   * Deletes finished runs (done, failed, cancelled) created before `before` and/or beyond the
   * `keep` newest finished ones; returns how many were deleted. Queued and running runs stay.
   */
  prune(opts: PruneOptions): Promise<number>;
  get(id: string): Promise<RunRecord | undefined>;
  list(filter: RunFilter): Promise<{ runs: RunSummary[]; total: number }>;
  /** Deletes a run; false when there was none. */
  delete(id: string): Promise<boolean>;
  /** Marks runs left queued or running by a dead process failed with INTERRUPTED; returns their ids. */
  recoverInterrupted(now: string): Promise<string[]>;
  close(): Promise<void>;
}

/** What {@link RunStore.prune} removes. */
export interface PruneOptions {
  /** ISO 8601 time: finished runs created earlier go. */
  before?: string;
  /** Finished runs kept (newest first); older ones go. */
  keep?: number;
}

/** Statuses of finished runs (what pruning may remove). */
export const FINISHED = ['done', 'failed', 'cancelled'] as const;

/** Default page size of listings, and the largest accepted. */
export const PAGE = { default: 50, max: 500 } as const;

/** The columns of a RunSummary, in both stores' SELECTs. */
export const SUMMARY_COLUMNS =
  'id, kind, status, name, model, dataset, dataset_version, code_version, ' +
  'created_at, started_at, finished_at, timings, error';
