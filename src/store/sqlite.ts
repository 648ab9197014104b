/**
 * The default run store: one SQLite file (better-sqlite3) in WAL mode with synchronous=FULL, so a
 * killed process loses no committed run. Each write is a single statement in its own transaction.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  FINISHED,
  INTERRUPTED,
  SUMMARY_COLUMNS,
  type PruneOptions,
  type NewRun,
  type RunFilter,
  type RunRecord,
  type RunStore,
  type RunSummary,
} from './types.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  name TEXT, model TEXT, dataset TEXT, dataset_version TEXT,
  code_version TEXT NOT NULL,
  scenario TEXT NOT NULL,
  created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT,
  timings TEXT NOT NULL DEFAULT '{}',
  result TEXT, error TEXT
);
CREATE INDEX IF NOT EXISTS runs_created ON runs (created_at DESC);
CREATE INDEX IF NOT EXISTS runs_status ON runs (status);
`;

type Row = Record<string, unknown> & { timings: string; result?: string | null };

function summary(row: Row): RunSummary {
  return { ...(row as unknown as RunSummary), timings: JSON.parse(row.timings) };
}

/**
 * SQLite-backed RunStore; `file` is a path or `:memory:`.
 *
 * @example
 * ```ts
 * const store = new SqliteRunStore('/tmp/runs.db');
 * const { runs } = await store.list({ limit: 10, offset: 0 });
 * ```
 */
export class SqliteRunStore implements RunStore {
  readonly db: Database.Database;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.db.exec(SCHEMA);
  }

  /** Files from before the `cancelled` status: rebuild the table with the wider CHECK (one transaction). */
  private migrate() {
    const row = this.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'runs'`).get() as
      | { sql: string }
      | undefined;
    if (!row || row.sql.includes("'cancelled'")) return;
    this.db.transaction(() => {
      this.db.exec(`ALTER TABLE runs RENAME TO runs_before_cancelled`);
      this.db.exec(`DROP INDEX IF EXISTS runs_created; DROP INDEX IF EXISTS runs_status;`);
      this.db.exec(SCHEMA);
      this.db.exec(`INSERT INTO runs SELECT * FROM runs_before_cancelled; DROP TABLE runs_before_cancelled;`);
    })();
  }

  async prune(o: PruneOptions): Promise<number> {
    const finished = `status IN (${FINISHED.map((s) => `'${s}'`).join(', ')})`;
    const parts: string[] = [];
    const args: Record<string, unknown> = {};
    if (o.before !== undefined) {
      parts.push('created_at < @before');
      args.before = o.before;
    }
    if (o.keep !== undefined) {
      parts.push(`id NOT IN (SELECT id FROM runs WHERE ${finished} ORDER BY created_at DESC, id LIMIT @keep)`);
      args.keep = o.keep;
    }
    if (!parts.length) return 0;
    return this.db.prepare(`DELETE FROM runs WHERE ${finished} AND (${parts.join(' OR ')})`).run(args).changes;
  }

  async create(r: NewRun): Promise<void> {
    this.db
      .prepare(`INSERT INTO runs (id, kind, status, name, model, dataset, dataset_version, code_version, scenario, created_at)
                VALUES (@id, @kind, 'queued', @name, @model, @dataset, @dataset_version, @code_version, @scenario, @created_at)`)
      .run({ name: null, model: null, dataset: null, dataset_version: null, ...r });
  }

  async start(id: string, started_at: string): Promise<boolean> {
    return (
      this.db
        .prepare(`UPDATE runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'`)
        .run(started_at, id).changes > 0
    );
  }

  async finish(id: string, o: Parameters<RunStore['finish']>[1]): Promise<boolean> {
    const info = this.db
      .prepare(`UPDATE runs SET status = @status, finished_at = @finished_at, timings = @timings, result = @result, error = @error
                WHERE id = @id AND status IN ('queued', 'running')`)
      .run({
        id,
        status: o.status,
        finished_at: o.finished_at,
        timings: JSON.stringify(o.timings),
        result: o.result === undefined ? null : JSON.stringify(o.result),
        error: o.error ?? null,
      });
    return info.changes > 0;
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, scenario, result FROM runs WHERE id = ?`).get(id) as
      | Row
      | undefined;
    if (!row) return undefined;
    return {
      ...summary(row),
      scenario: row.scenario as string,
      result: row.result == null ? null : JSON.parse(row.result),
    };
  }

  async list(f: RunFilter): Promise<{ runs: RunSummary[]; total: number }> {
    const where: string[] = [];
    const args: Record<string, unknown> = { limit: f.limit, offset: f.offset };
    if (f.status) {
      where.push('status = @status');
      args.status = f.status;
    }
    if (f.kind) {
      where.push('kind = @kind');
      args.kind = f.kind;
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const read = this.db.transaction(() => ({
      rows: this.db
        .prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs ${w} ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset`)
        .all(args) as Row[],
      total: (this.db.prepare(`SELECT count(*) AS n FROM runs ${w}`).get(args) as { n: number }).n,
    }));
    const { rows, total } = read();
    return { runs: rows.map(summary), total };
  }

  async delete(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0;
  }

  async recoverInterrupted(now: string): Promise<string[]> {
    const rows = this.db
      .prepare(
        `UPDATE runs SET status = 'failed', error = ?, finished_at = ? WHERE ` +
          `status IN ('queued', 'running') RETURNING id`,
      )
      .all(INTERRUPTED, now) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Result of `PRAGMA integrity_check` ("ok" when the file is sound). */
  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
