import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { InlineExecutor } from '../exec/inline.ts';
import { SqliteRunStore } from '../store/sqlite.ts';
import { buildApp } from './app.ts';
import { createContext } from './index.ts';
import type { AppContext } from './context.ts';
import { OFFLOAD_BYTES, type OffloadOptions } from './offload.ts';

/** A scenario at the entry limit: 2 000 tariff entries, ≈ 100 KB of YAML (what issue 18 measured blocking the loop). */
const LARGE = `lancaster: 1\nname: large\nmodel: one-sector-2025\npolicy:\n  tariffs:\n${'    - { importer: USA, exporter: CHN, rate: 0.1 }\n'.repeat(2000)}`;
/** The same size with one bad code in entry 1499 (line 1505). */
const LARGE_BAD = LARGE.replace(
  /(?<=(?:.*\n){1504}) {4}- \{ importer: USA, exporter: CHN/,
  '    - { importer: USA, exporter: XXX',
);

const apps: FastifyInstance[] = [];
afterAll(() => Promise.all(apps.map((a) => a.close())));

async function appWith(offload?: OffloadOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const { recovered: _r, ...ctx } = await createContext({
    store: new SqliteRunStore(':memory:'),
    executor: new InlineExecutor(),
    offload,
  });
  const app = await buildApp(ctx);
  apps.push(app);
  return { app, ctx };
}

const validate = (app: FastifyInstance, payload: string) =>
  app.inject({
    method: 'POST',
    url: '/api/scenarios/validate',
    payload,
    headers: { 'content-type': 'application/yaml' },
  });

describe('large bodies are parsed and validated in a worker thread', () => {
  it('answers a large scenario from the worker exactly as from the request thread, valid or not', async () => {
    expect(LARGE.length).toBeGreaterThan(OFFLOAD_BYTES);
    expect(LARGE_BAD).not.toBe(LARGE);
    const worker = await appWith();
    const inline = await appWith({ threshold: Infinity });
    const [w, i] = [await validate(worker.app, LARGE), await validate(inline.app, LARGE)];
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toEqual(i.json());
    expect(w.json()).toMatchObject({ valid: true, name: 'large', model: 'one-sector-2025', dataset: 'world-2023' });
    const [wb, ib] = [await validate(worker.app, LARGE_BAD), await validate(inline.app, LARGE_BAD)];
    expect(wb.statusCode).toBe(400);
    expect(wb.json()).toEqual(ib.json()); // the same located issue (line, column, path) and message
    expect(wb.json().issues[0]).toMatchObject({ path: ['policy', 'tariffs', 1499, 'exporter'], line: 1505 });
    expect(worker.ctx.checker.offloaded).toBe(2);
    expect(inline.ctx.checker.offloaded).toBe(0);
  });

  it('checks a large submitted run in the worker and queues it', async () => {
    const { app, ctx } = await appWith();
    const r = await app.inject({
      method: 'POST',
      url: '/api/runs?kind=solve',
      payload: LARGE,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(r.statusCode, r.body).toBe(202);
    expect(ctx.checker.offloaded).toBe(1);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/runs?kind=solve',
      payload: LARGE_BAD,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('invalid_scenario');
    await ctx.service.shutdown();
  });

  it('keeps small bodies in the request thread', async () => {
    const { app, ctx } = await appWith();
    const r = await validate(app, 'lancaster: 1\nname: s\nmodel: one-sector-2025\n');
    expect(r.statusCode, r.body).toBe(200);
    expect(ctx.checker.offloaded).toBe(0);
    expect(ctx.checker.running).toBe(false);
  });

  it('keeps the event loop free while 4 large scenarios validate (the longest stall is far below one validation in the thread)', async () => {
    const inline = await appWith({ threshold: Infinity });
    await validate(inline.app, LARGE); // warm the dataset and the parser
    const t0 = performance.now();
    await validate(inline.app, LARGE);
    const inThread = performance.now() - t0;
    const { app } = await appWith();
    await validate(app, LARGE); // start the worker
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    const answers = await Promise.all([0, 1, 2, 3].map(() => validate(app, LARGE)));
    h.disable();
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    const stallMs = h.max / 1e6;
    expect(
      stallMs,
      `longest event-loop stall ${stallMs.toFixed(1)} ms; one validation in the thread ${inThread.toFixed(1)} ms`,
    ).toBeLessThan(inThread / 2);
  });

  it('stops the worker when idle, so its memory is returned, and starts it again for the next large body', async () => {
    const { app, ctx } = await appWith({ idleMs: 50 });
    expect((await validate(app, LARGE)).statusCode).toBe(200);
    expect(ctx.checker.running).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(ctx.checker.running).toBe(false);
    expect((await validate(app, LARGE)).statusCode).toBe(200);
    expect(ctx.checker.offloaded).toBe(2);
  });
});
