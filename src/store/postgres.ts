/**
 * The PostgreSQL run store (server deployments): same contract as the SQLite store, selected with
 * LANCASTER_DATABASE_URL=postgres://… . Results are JSONB; every write is one statement, so one
 * transaction.
 */
import pg from 'pg';
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
CREATE TABLE IF NOT EXISTS lancaster_runs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  name TEXT, model TEXT, dataset TEXT, dataset_version TEXT,
  code_version TEXT NOT NULL,
  scenario TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL, started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ,
  timings JSONB NOT NULL DEFAULT '{}',
  result JSONB, error TEXT
);
CREATE INDEX IF NOT EXISTS lancaster_runs_created ON lancaster_runs (created_at DESC);
CREATE INDEX IF NOT EXISTS lancaster_runs_status ON lancaster_runs (status);
-- Tables from before the cancelled status: widen the CHECK.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'lancaster_runs_status_check' AND pg_get_constraintdef(oid) NOT LIKE '%cancelled%') THEN
    ALTER TABLE lancaster_runs DROP CONSTRAINT lancaster_runs_status_check;
    ALTER TABLE lancaster_runs ADD CONSTRAINT lancaster_runs_status_check CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled'));
  END IF;
END $$;
`;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null));

function summary(row: Record<string, unknown>): RunSummary {
  return {
    ...(row as unknown as RunSummary),
    created_at: iso(row.created_at)!,
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
  };
}

/**
 * PostgreSQL-backed RunStore. Call {@link PgRunStore.open} (it creates the table when missing).
 *
 * @example
 * ```ts
 * const store = await PgRunStore.open('postgres://lancaster@127.0.0.1/lancaster');
 * ```
 */
export class PgRunStore implements RunStore {
  private constructor(readonly pool: pg.Pool) {}

  /** Connects and creates the schema when missing. */
  static async open(connectionString: string): Promise<PgRunStore> {
    const pool = new pg.Pool({ connectionString, max: 4 });
    try {
      await pool.query(SCHEMA);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return new PgRunStore(pool);
  }

  async create(r: NewRun): Promise<void> {
    await this.pool.query(
      `INSERT INTO lancaster_runs (id, kind, status, name, model, dataset, dataset_version, code_version, scenario, created_at)
       VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7, $8, $9)`,
      [
        r.id,
        r.kind,
        r.name ?? null,
        r.model ?? null,
        r.dataset ?? null,
        r.dataset_version ?? null,
        r.code_version,
        r.scenario,
        r.created_at,
      ],
    );
  }

  async start(id: string, started_at: string): Promise<boolean> {
    const q = await this.pool.query(
      `UPDATE lancaster_runs SET status = 'running', started_at = $2 WHERE id = $1 AND status = 'queued'`,
      [id, started_at],
    );
    return (q.rowCount ?? 0) > 0;
  }

  async finish(id: string, o: Parameters<RunStore['finish']>[1]): Promise<boolean> {
    const q = await this.pool.query(
      `UPDATE lancaster_runs SET status = $2, finished_at = $3, timings = $4, result = $5, error = $6
       WHERE id = $1 AND status IN ('queued', 'running')`,
      [
        id,
        o.status,
        o.finished_at,
        JSON.stringify(o.timings),
        o.result === undefined ? null : JSON.stringify(o.result),
        o.error ?? null,
      ],
    );
    return (q.rowCount ?? 0) > 0;
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const q = await this.pool.query(`SELECT ${SUMMARY_COLUMNS}, scenario, result FROM lancaster_runs WHERE id = $1`, [
      id,
    ]);
    const row = q.rows[0];
    return row ? { ...summary(row), scenario: row.scenario, result: row.result ?? null } : undefined;
  }

  async list(f: RunFilter): Promise<{ runs: RunSummary[]; total: number }> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.status) args.push(f.status), where.push(`status = $${args.length}`);
    if (f.kind) args.push(f.kind), where.push(`kind = $${args.length}`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const client = await this.pool.connect();
    try {
      // One snapshot for the page and the count.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const rows = await client.query(
        `SELECT ${SUMMARY_COLUMNS} FROM lancaster_runs ${w} ORDER BY ` +
          `created_at DESC, id LIMIT ${f.limit} OFFSET ${f.offset}`,
        args,
      );
      const total = await client.query(`SELECT count(*)::int AS n FROM lancaster_runs ${w}`, args);
      await client.query('COMMIT');
      return { runs: rows.rows.map(summary), total: total.rows[0].n };
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  }

  async prune(o: PruneOptions): Promise<number> {
    const finished = `status IN (${FINISHED.map((s) => `'${s}'`).join(', ')})`;
    const parts: string[] = [];
    const args: unknown[] = [];
    if (o.before !== undefined) args.push(o.before), parts.push(`created_at < $${args.length}`);
    if (o.keep !== undefined)
      args.push(o.keep),
        parts.push(
          `id NOT IN (SELECT id FROM lancaster_runs WHERE ${finished} ORDER ` +
            `BY created_at DESC, id LIMIT $${args.length})`,
        );
    if (!parts.length) return 0;
    return (
      (await this.pool.query(`DELETE FROM lancaster_runs WHERE ${finished} AND (${parts.join(' OR ')})`, args))
        .rowCount ?? 0
    );
  }

  async delete(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM lancaster_runs WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async recoverInterrupted(now: string): Promise<string[]> {
    const q = await this.pool.query(
      `UPDATE lancaster_runs SET status = 'failed', error = $1, finished_at = $2 ` +
        `WHERE status IN ('queued', 'running') RETURNING id`,
      [INTERRUPTED, now],
    );
    return q.rows.map((r: { id: string }) => r.id);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
