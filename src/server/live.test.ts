import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PoolExecutor } from '../exec/pool.ts';
import { defaultRegistry } from '../exec/registry.ts';
import { SqliteRunStore } from '../store/sqlite.ts';
import { INTERRUPTED } from '../store/types.ts';
import { startServer } from './index.ts';
import { NAFTA } from '../../test/support/server/test-app.ts';

/** Reads a whole SSE stream into [event, data] pairs. */
async function readEvents(url: string): Promise<[string, unknown][]> {
  const res = await fetch(url);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const text = await res.text();
  return [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map((m) => [m[1], JSON.parse(m[2])]);
}

describe('a listening server with the worker pool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lancaster-live-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams live events of a run solved in a worker thread, and marks runs cut by close() interrupted', async () => {
    process.env.LANCASTER_TEST_DELAY_MS = '400'; // read by the slow-solve test handler in the worker
    const registry = defaultRegistry().register(
      'solve',
      new URL('../../test/support/exec/handlers/slow-solve.ts', import.meta.url).href,
    );
    const db = join(dir, 'runs.db');
    const server = await startServer({
      port: 0,
      store: new SqliteRunStore(db),
      executor: new PoolExecutor({ threads: 1 }),
      registry,
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const post = async () =>
      (
        (await (
          await fetch(`${server.url}/api/runs`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ scenario: NAFTA }),
          })
        ).json()) as { id: string }
      ).id;
    const id = await post();
    const events = await readEvents(`${server.url}/api/runs/${id}/events`);
    const types = events.map(([t]) => t);
    expect(types[0]).toBe('queued');
    expect(types[1]).toBe('running');
    expect(types.at(-1)).toBe('done');
    const progress = events
      .filter(([t]) => t === 'progress')
      .map(([, d]) => d as { fraction: number; message: string });
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((x, y) => x - y));
    // A worker's last progress message can arrive after its result (two channels); `done` is what counts.
    expect(progress.at(-1)!.fraction).toBeLessThanOrEqual(1);
    const run = (await (await fetch(`${server.url}/api/runs/${id}`)).json()) as { result: { status: string } };
    expect(run.result.status).toBe('converged');

    const cut = await post();
    await new Promise((r) => setTimeout(r, 100));
    await server.close();
    const store = new SqliteRunStore(db);
    expect(await store.get(cut)).toMatchObject({ status: 'failed', error: INTERRUPTED });
    expect((await store.get(id))?.status).toBe('done');
    await store.close();
    delete process.env.LANCASTER_TEST_DELAY_MS;
  });
});
