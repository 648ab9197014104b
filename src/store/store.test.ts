import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteRunStore } from './sqlite.ts';
import { PgRunStore } from './postgres.ts';
import { dataDir, defaultDbPath, openRunStore } from './open.ts';
import { startTestPostgres, type TestPostgres } from '../../test/support/store/pg-test-server.ts';
import { INTERRUPTED, type RunStore } from './types.ts';

const at = (s: number) => new Date(Date.UTC(2025, 3, 2, 12, 0, s)).toISOString();
const newRun = (id: string, s: number, kind: 'solve' | 'analyze' = 'solve') => ({
  id, kind, scenario: `lancaster: 1\nname: ${id}\n`, code_version: '0.1.0+abc', created_at: at(s), name: id, model: 'cp2015', dataset: 'cp2015', dataset_version: '1',
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
    expect(await store.finish('r1', { status: 'done', finished_at: at(3), timings: { run_ms: 1000 }, result: { countries: { USA: { welfare_pct: -0.1 } } } })).toBe(true);
    const r = await store.get('r1');
    expect(r).toMatchObject({ status: 'done', started_at: at(2), finished_at: at(3), timings: { run_ms: 1000 }, result: { countries: { USA: { welfare_pct: -0.1 } } }, error: null, dataset_version: '1' });
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

describe('the SQLite run store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lancaster-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  storeSpec(async () => new SqliteRunStore(join(dir, 'nested', 'runs.db')));

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
    it.skip(`skipped: ${pgServer.skip}`, () => {});
    return;
  }
  afterAll(() => (pgServer as TestPostgres).stop());
  storeSpec(() => PgRunStore.open(pgServer.url));
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
