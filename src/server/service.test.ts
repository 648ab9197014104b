import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PoolExecutor } from '../exec/pool.ts';
import { defaultRegistry } from '../exec/registry.ts';
import { JobAbortedError, type Executor, type Job } from '../contract/run.ts';
import { SqliteRunStore } from '../store/sqlite.ts';
import { pruneRuns } from '../store/prune.ts';
import { buildApp } from './app.ts';
import { createContext, startServer } from './index.ts';
import { NAFTA, testApp } from '../../test/support/server/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'lancaster-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An executor whose jobs take `ms(job)` milliseconds of timers (no CPU), unlimited in parallel. */
class TimedExecutor implements Executor {
  constructor(readonly ms: (job: Job) => number) {}
  submit(job: Job, onEvent: (e: { type: 'started' }) => void, signal?: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      onEvent({ type: 'started' });
      const t = setTimeout(() => resolve({ status: 'converged', countries: {} }), this.ms(job));
      signal?.addEventListener('abort', () => (clearTimeout(t), reject(new JobAbortedError(job.id))));
    });
  }
  async close() {}
}

async function timedApp(ms: (job: Job) => number, lanes?: { maxQueued?: number }) {
  const { recovered: _r, ...ctx } = await createContext({
    store: new SqliteRunStore(':memory:'),
    executor: new TimedExecutor(ms),
    lanes,
  });
  return { app: await buildApp(ctx), ctx };
}

const submit = (kind: string) => ({ method: 'POST' as const, url: '/api/runs', payload: { kind, scenario: NAFTA } });

describe('fair scheduling (issue 18: the starving queue)', () => {
  it('finishes a short solve while long strategy runs hold their lane (worker pool, real solves)', async () => {
    process.env.LANCASTER_TEST_DELAY_MS = '2500'; // the "strategy" runs below: a solve after 2.5 s
    const registry = defaultRegistry().register(
      'strategy',
      new URL('../../test/support/exec/handlers/slow-solve.ts', import.meta.url).href,
    );
    const server = await startServer({
      port: 0,
      store: new SqliteRunStore(':memory:'),
      executor: new PoolExecutor({ threads: 2, preload: ['cp2015'] }),
      registry,
      lanes: { concurrency: { short: 1, long: 1 } },
    });
    try {
      const post = async (kind: string) =>
        (
          (await (
            await fetch(`${server.url}/api/runs`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ kind, scenario: NAFTA }),
            })
          ).json()) as { id: string }
        ).id;
      const longs = [await post('strategy'), await post('strategy')];
      const short = await post('solve');
      const until = async (id: string) => {
        for (;;) {
          const r = (await (await fetch(`${server.url}/api/runs/${id}`)).json()) as {
            status: string;
            finished_at: string;
            started_at: string;
          };
          if (r.status !== 'queued' && r.status !== 'running') return r;
          await new Promise((res) => setTimeout(res, 50));
        }
      };
      const s = await until(short);
      const first = await until(longs[0]);
      const second = await until(longs[1]);
      expect(s.status).toBe('done');
      expect(Date.parse(s.finished_at)).toBeLessThan(Date.parse(first.finished_at)); // not behind the long runs
      expect(Date.parse(second.started_at)).toBeGreaterThanOrEqual(Date.parse(first.finished_at) - 50); // one long run at a time
    } finally {
      delete process.env.LANCASTER_TEST_DELAY_MS;
      await server.close();
    }
  });

  it('bounds the queue: past maxQueued waiting runs a submit gets 429 with Retry-After, and nothing is stored', async () => {
    const { app, ctx } = await timedApp(() => 60_000, { maxQueued: 2 });
    const codes = [];
    for (let k = 0; k < 4; k++) codes.push((await app.inject(submit('solve'))).statusCode);
    expect(codes).toEqual([202, 202, 202, 429]); // one running, two waiting
    const r = await app.inject(submit('solve'));
    expect(r.json()).toMatchObject({ error: 'queue_full', message: expect.stringMatching(/at most 2 waiting runs/) });
    expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await ctx.store.list({ limit: 10, offset: 0 })).total).toBe(3);
    await ctx.service.shutdown();
    await app.close();
  });
});

describe('DELETE of a running run', () => {
  it('cancels it and records cancelled (202); a second DELETE removes the record (204)', async () => {
    const { app, ctx } = await timedApp(() => 60_000);
    const id = (await app.inject(submit('solve'))).json().id;
    const waiting = (await app.inject(submit('solve'))).json().id;
    await new Promise((r) => setTimeout(r, 20));
    const del = await app.inject({ method: 'DELETE', url: `/api/runs/${id}` });
    expect(del.statusCode).toBe(202);
    expect(del.json()).toEqual({ id, status: 'cancelled' });
    expect(await ctx.store.get(id)).toMatchObject({ status: 'cancelled', error: 'cancelled by a DELETE request' });
    expect((await app.inject({ method: 'DELETE', url: `/api/runs/${waiting}` })).statusCode).toBe(202); // a queued one too
    await ctx.service.settle();
    expect((await ctx.store.get(id))?.status).toBe('cancelled'); // the aborted job did not overwrite it
    const events = (await app.inject({ method: 'GET', url: `/api/runs/${id}/events` })).body;
    expect(events).toMatch(/id: end\nevent: cancelled/);
    expect((await app.inject({ method: 'DELETE', url: `/api/runs/${id}` })).statusCode).toBe(204);
    expect(await ctx.store.get(id)).toBeUndefined();
    await app.close();
  });
});

describe('server-sent events', () => {
  it('gives stable ids (1, 2, …, end) and resumes after Last-Event-ID', async () => {
    const { app, ctx } = await testApp();
    const id = (await app.inject(submit('solve'))).json().id;
    await ctx.service.settle();
    const all = (await app.inject({ method: 'GET', url: `/api/runs/${id}/events` })).body;
    const ids = [...all.matchAll(/^id: (\S+)$/gm)].map((m) => m[1]);
    expect(ids[0]).toBe('1');
    expect(ids.at(-1)).toBe('end');
    expect(ids.slice(0, -1).map(Number)).toEqual(ids.slice(0, -1).map((_, k) => k + 1));
    const again = (await app.inject({ method: 'GET', url: `/api/runs/${id}/events` })).body;
    expect(again).toBe(all); // the same ids on every connection
    const resumed = (
      await app.inject({ method: 'GET', url: `/api/runs/${id}/events`, headers: { 'last-event-id': '2' } })
    ).body;
    expect([...resumed.matchAll(/^id: (\S+)$/gm)].map((m) => m[1])).toEqual(ids.slice(2));
    expect(
      (await app.inject({ method: 'GET', url: `/api/runs/${id}/events`, headers: { 'last-event-id': 'end' } })).body,
    ).toBe('');
    expect(all).toMatch(/event: progress/); // the solve reports its progress
    await app.close();
  });
});

describe('honest run records', () => {
  it('stores a solve that did not converge as failed with the reason (not done)', async () => {
    const { app, ctx } = await testApp();
    const text =
      'lancaster: 1\nname: x\nmodel: one-sector-2025\noptions:\n  max_iterations: 2\npolicy:\n  tariffs:\n    - { importer: USA, exporter: CHN, rate: 0.5 }\n';
    const id = (
      await app.inject({
        method: 'POST',
        url: '/api/runs?kind=solve',
        payload: text,
        headers: { 'content-type': 'application/yaml' },
      })
    ).json().id;
    await ctx.service.settle();
    const r = (await app.inject({ method: 'GET', url: `/api/runs/${id}` })).json();
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/^not-converged: /);
    expect(r.result.status).toBe('not-converged');
    await app.close();
  });
});

describe('retention', () => {
  it('prunes finished runs by count and by age, never queued or running ones', async () => {
    const store = new SqliteRunStore(':memory:');
    const day = 86_400_000;
    const now = Date.parse('2026-06-01T00:00:00Z');
    for (let k = 0; k < 5; k++) {
      const id = `r${k}`;
      await store.create({
        id,
        kind: 'solve',
        scenario: 'x',
        code_version: 't',
        created_at: new Date(now - k * day).toISOString(),
      });
      if (k !== 4)
        await store.finish(id, {
          status: k === 3 ? 'cancelled' : 'done',
          finished_at: new Date(now).toISOString(),
          timings: {},
        });
    }
    expect(await pruneRuns(store, { days: 1.5 }, now)).toBe(2); // r2 and r3 (r4 is still queued)
    expect(await pruneRuns(store, { count: 1 }, now)).toBe(1); // keeps r0
    expect((await store.list({ limit: 10, offset: 0 })).runs.map((r) => r.id).sort()).toEqual(['r0', 'r4']);
    await store.close();
  });

  it('opens a store file from before the cancelled status and can record one', async () => {
    const file = join(dir, 'old.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE runs (id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
      name TEXT, model TEXT, dataset TEXT, dataset_version TEXT, code_version TEXT NOT NULL, scenario TEXT NOT NULL,
      created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, timings TEXT NOT NULL DEFAULT '{}', result TEXT, error TEXT);
      INSERT INTO runs (id, kind, status, code_version, scenario, created_at) VALUES ('old', 'solve', 'queued', 't', 'x', '2026-01-01');`);
    db.close();
    const store = new SqliteRunStore(file);
    expect(await store.finish('old', { status: 'cancelled', finished_at: '2026-01-02', timings: {} })).toBe(true);
    expect((await store.get('old'))?.status).toBe('cancelled');
    await store.close();
  });
});
