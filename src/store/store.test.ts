import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteRunStore } from './sqlite.ts';
import { PgRunStore } from './postgres.ts';
import { dataDir, defaultDbPath, openRunStore } from './open.ts';
import { startTestPostgres, type TestPostgres } from '../../test/support/store/pg-test-server.ts';
import pg from 'pg';
import { INTERRUPTED, type RunStore } from './types.ts';
import { pruneRuns } from './prune.ts';

const at = (s: number) => new Date(Date.UTC(2025, 3, 2, 12, 0, s)).toISOString();
const newRun = (id: string, s: number, kind: 'solve' | 'analyze' = 'solve') => ({
  id,
  kind,
  scenario: `lancaster: 1\nname: ${id}\n`,
  code_version: '0.1.0+abc',
  created_at: at(s),
  name: id,
  model: 'cp2015',
  dataset: 'cp2015',
  dataset_version: '1',
});

/** One spec, run against every store. */
function storeSpec(open: () => Promise<RunStore>) {
  let store: RunStore;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store.close());

  it('keeps a run through queued, running and done, with its result and timings', async () => {
    await store.create(newRun('r1', 1));
    expect((await store.get('r1'))?.status).toBe('queued');
    expect(await store.start('r1', at(2))).toBe(true);
    expect(await store.start('r1', at(2))).toBe(false);
    expect(
      await store.finish('r1', {
        status: 'done',
        finished_at: at(3),
        timings: { run_ms: 1000 },
        result: { countries: { USA: { welfare_pct: -0.1 } } },
      }),
    ).toBe(true);
    const r = await store.get('r1');
    expect(r).toMatchObject({
      status: 'done',
      started_at: at(2),
      finished_at: at(3),
      timings: { run_ms: 1000 },
      result: { countries: { USA: { welfare_pct: -0.1 } } },
      error: null,
      dataset_version: '1',
    });
    expect(r?.scenario).toBe('lancaster: 1\nname: r1\n');
    expect(await store.finish('r1', { status: 'failed', finished_at: at(4), timings: {}, error: 'late' })).toBe(false);
  });

  it('lists newest first, filtered by status and kind, with paging and a total', async () => {
    await store.create(newRun('r2', 5));
    await store.create(newRun('r3', 6, 'analyze'));
    const all = await store.list({ limit: 2, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.runs.map((r) => r.id)).toEqual(['r3', 'r2']);
    expect((await store.list({ limit: 2, offset: 2 })).runs.map((r) => r.id)).toEqual(['r1']);
    expect((await store.list({ status: 'done', limit: 10, offset: 0 })).runs.map((r) => r.id)).toEqual(['r1']);
    expect((await store.list({ kind: 'analyze', limit: 10, offset: 0 })).total).toBe(1);
    expect(all.runs[0]).not.toHaveProperty('result');
  });

  it('marks runs left queued or running as failed (interrupted) at recovery', async () => {
    await store.start('r2', at(7));
    expect((await store.recoverInterrupted(at(8))).sort()).toEqual(['r2', 'r3']);
    expect(await store.get('r2')).toMatchObject({ status: 'failed', error: INTERRUPTED, finished_at: at(8) });
    expect((await store.get('r1'))?.status).toBe('done');
  });

  it('deletes runs and reports unknown ids', async () => {
    expect(await store.delete('r3')).toBe(true);
    expect(await store.delete('r3')).toBe(false);
    expect(await store.get('r3')).toBeUndefined();
  });
}

/** Retention, on a fresh store: only finished runs go, by age and by count. */
function pruneSpec(open: () => Promise<RunStore>) {
  it('prunes finished runs by count and by age, never queued or running ones', async () => {
    const store = await open();
    const day = 86_400_000;
    const now = Date.parse('2026-06-01T00:00:00Z');
    for (let k = 0; k < 6; k++) {
      const id = `p${k}`;
      await store.create({
        id,
        kind: 'solve',
        scenario: 'x',
        code_version: 't',
        created_at: new Date(now - k * day).toISOString(),
      });
      if (k === 5) await store.start(id, new Date(now).toISOString());
      else if (k !== 4)
        await store.finish(id, {
          status: k === 3 ? 'cancelled' : k === 2 ? 'failed' : 'done',
          finished_at: new Date(now).toISOString(),
          timings: {},
        });
    }
    expect(await pruneRuns(store, {}, now)).toBe(0);
    expect(await pruneRuns(store, { days: 1.5 }, now)).toBe(2); // p2 (failed) and p3 (cancelled); p4 queued and p5 running stay
    expect(await pruneRuns(store, { count: 1 }, now)).toBe(1); // keeps p0, the newest finished run
    expect((await store.list({ limit: 10, offset: 0 })).runs.map((r) => r.id).sort()).toEqual(['p0', 'p4', 'p5']);
    expect(await pruneRuns(store, { days: 0, count: 0 }, now + day)).toBe(1);
    expect((await store.list({ limit: 10, offset: 0 })).runs.map((r) => r.id).sort()).toEqual(['p4', 'p5']);
    await store.close();
  });
}

describe('the SQLite run store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lancaster-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  storeSpec(async () => new SqliteRunStore(join(dir, 'nested', 'runs.db')));
  pruneSpec(async () => new SqliteRunStore(':memory:'));

  it('uses WAL and passes the integrity check', async () => {
    const s = new SqliteRunStore(join(dir, 'wal.db'));
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.integrityCheck()).toBe('ok');
    await s.close();
  });
});

describe('the PostgreSQL run store', async () => {
  const pgServer = await startTestPostgres();
  if ('skip' in pgServer) {
    // .ci/run installs PostgreSQL and sets LANCASTER_TEST_POSTGRES=required: there a missing server is a failure.
    if (process.env.LANCASTER_TEST_POSTGRES === 'required')
      it('needs PostgreSQL (LANCASTER_TEST_POSTGRES=required)', () =>
        expect.fail(`expected a temporary PostgreSQL for the store tests, found: ${pgServer.skip}`));
    else it.skip(`skipped: ${pgServer.skip}`, () => {});
    return;
  }
  afterAll(() => (pgServer as TestPostgres).stop());
  /** A fresh database of the temporary cluster, so that each spec starts from an empty store. */
  const database = async (name: string) => {
    const c = new pg.Client({ connectionString: pgServer.url });
    await c.connect();
    try {
      await c.query(`CREATE DATABASE ${name}`);
    } finally {
      await c.end();
    }
    return pgServer.url.replace(/\/postgres$/, `/${name}`);
  };
  storeSpec(async () => PgRunStore.open(await database('spec')));
  pruneSpec(async () => PgRunStore.open(await database('prune')));

  it('migrates a table from before the cancelled status (the CHECK is widened) and can record one, twice over', async () => {
    const url = await database('old');
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`CREATE TABLE lancaster_runs (id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
      name TEXT, model TEXT, dataset TEXT, dataset_version TEXT, code_version TEXT NOT NULL, scenario TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL, started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ, timings JSONB NOT NULL DEFAULT '{}', result JSONB, error TEXT);
      INSERT INTO lancaster_runs (id, kind, status, code_version, scenario, created_at) VALUES ('old', 'solve', 'queued', 't', 'x', '2026-01-01T00:00:00Z'),
        ('old2', 'solve', 'queued', 't', 'x', '2026-01-01T00:00:01Z');`);
    await expect(c.query(`UPDATE lancaster_runs SET status = 'cancelled' WHERE id = 'old'`)).rejects.toThrow(
      /lancaster_runs_status_check/,
    );
    const store = await PgRunStore.open(url);
    expect(await store.finish('old', { status: 'cancelled', finished_at: '2026-01-02T00:00:00Z', timings: {} })).toBe(
      true,
    );
    expect(await store.get('old')).toMatchObject({ status: 'cancelled', created_at: '2026-01-01T00:00:00.000Z' });
    await store.close();
    const again = await PgRunStore.open(url); // the migration is idempotent
    expect(await again.finish('old2', { status: 'cancelled', finished_at: '2026-01-02T00:00:00Z', timings: {} })).toBe(
      true,
    );
    await again.close();
    const def = await c.query(
      `SELECT pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE conname = 'lancaster_runs_status_check'`,
    );
    expect(def.rows).toHaveLength(1);
    expect(def.rows[0].d).toMatch(/cancelled/);
    await expect(c.query(`UPDATE lancaster_runs SET status = 'bogus' WHERE id = 'old'`)).rejects.toThrow(
      /lancaster_runs_status_check/,
    );
    await c.end();
  });
});

describe('the store location', () => {
  it('follows LANCASTER_DATA_DIR, then XDG_DATA_HOME, then ~/.local/share', () => {
    expect(defaultDbPath({ LANCASTER_DATA_DIR: '/d', XDG_DATA_HOME: '/x' })).toBe('/d/runs.db');
    expect(dataDir({ XDG_DATA_HOME: '/x' })).toBe('/x/lancaster');
    expect(dataDir({})).toMatch(/\.local\/share\/lancaster$/);
  });

  it('opens SQLite for a path and picks it from the environment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lancaster-open-'));
    const s = await openRunStore({ env: { LANCASTER_DATA_DIR: dir } });
    expect(s).toBeInstanceOf(SqliteRunStore);
    expect((s as SqliteRunStore).file).toBe(join(dir, 'runs.db'));
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
