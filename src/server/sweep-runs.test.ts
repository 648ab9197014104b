import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../test/support/server/test-app.ts';
import { InlineExecutor } from '../exec/inline.ts';
import { executorCases } from '../../test/support/exec/executors.ts';
import { parseSweepText } from '../sweep/plan.ts';
import { runSweep, type SweepResult } from '../sweep/run.ts';
import type { AppContext } from './context.ts';
import type { LoggedEvent } from './service.ts';

/** A sweep of the embedded NAFTA scenario (cp2015, fast) over the trade-elasticity prior. */
const SWEEP = `lancaster: 1
name: NAFTA theta (API test)
scenario: nafta-cp2015
draws: 3
seed: 7
`;

type Band = { p5: number; p50: number; p95: number };
type Point = {
  result: { countries: Record<string, { welfare_pct: number }> };
  bands: { countries: Record<string, { welfare_pct: Band }> };
  draws: { requested: number; used: number };
};
const comparable = ({ seconds: _s, executor: _e, ...rest }: SweepResult) => rest;

let app: FastifyInstance;
let ctx: AppContext;
let reference: SweepResult;
beforeAll(async () => {
  ({ app, ctx } = await testApp());
  reference = await runSweep(parseSweepText(SWEEP, 'sweep', { served: true }), new InlineExecutor());
});
afterAll(() => app.close());

const post = (payload: object | string, url = '/api/runs') =>
  app.inject({
    method: 'POST',
    url,
    payload,
    ...(typeof payload === 'string' ? { headers: { 'content-type': 'text/yaml' } } : {}),
  });

describe('sweep runs', () => {
  let id: string;

  it('accepts a sweep file with 202 and stores its points with results and 5/50/95% bands', async () => {
    const r = await post({ kind: 'sweep', scenario: SWEEP });
    expect(r.statusCode, r.body).toBe(202);
    id = r.json().id;
    await ctx.service.settle();
    const run = (await app.inject({ method: 'GET', url: `/api/runs/${id}` })).json();
    expect(run).toMatchObject({
      kind: 'sweep',
      status: 'done',
      name: 'NAFTA theta (API test)',
      model: 'cp2015',
      dataset: 'cp2015',
      error: null,
    });
    expect(run.result.status).toBe('complete');
    expect(run.result.scenario).toBe('scenarios/nafta-cp2015.yaml'); // never the server's own path
    const p = run.result.points[0] as Point;
    const mex = p.bands.countries.MEX.welfare_pct;
    expect(p.result.countries.MEX.welfare_pct).toBeCloseTo(1.31, 2);
    expect(mex.p5).toBeLessThan(mex.p50);
    expect(mex.p50).toBeLessThan(mex.p95);
    expect(p.draws).toMatchObject({ requested: 3, used: 3 });
    expect(comparable(run.result)).toEqual(comparable(JSON.parse(JSON.stringify(reference))));
  });

  it('streams one progress event per finished run with the runs done, failed and the time left', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/runs/${id}/events` });
    const events = [...r.body.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map((m) => [m[1], JSON.parse(m[2])] as const);
    expect(events.map(([t]) => t).filter((t) => t !== 'progress')).toEqual(['queued', 'running', 'done']);
    const progress = events.filter(([t]) => t === 'progress').map(([, d]) => d);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(progress.every((p) => p.total === 4 && p.failed === 0)).toBe(true);
    expect(progress[0].eta_seconds).toBeUndefined(); // nothing finished yet: no estimate
    expect(progress[1].eta_seconds).toBeGreaterThanOrEqual(0);
    expect(progress[1].message).toMatch(/^1 of 4 runs, about \d+ (s|min) left$/);
    expect(progress.at(-1)).toMatchObject({ fraction: 1, eta_seconds: 0, message: '4 of 4 runs' });
  });

  it('takes a YAML body with ?kind=sweep and a scenario written inline', async () => {
    const inline = {
      lancaster: 1,
      name: 'inline',
      model: 'one-sector-2025',
      policy: { tariffs: [{ importer: 'USA', exporter: 'CHN', rate: 0.5 }] },
    };
    const text = `lancaster: 1\nname: inline sweep\nscenario: ${JSON.stringify(inline)}\ndraws: 2\nseed: 1\n`;
    const r = await post(text, '/api/runs?kind=sweep');
    expect(r.statusCode, r.body).toBe(202);
    await ctx.service.settle();
    const run = (await app.inject({ method: 'GET', url: `/api/runs/${r.json().id}` })).json();
    expect(run).toMatchObject({ status: 'done', model: 'one-sector-2025', dataset: 'world-2023' });
    expect(run.result.points[0].bands.countries.USA.welfare_pct.p95).toBeGreaterThanOrEqual(
      run.result.points[0].bands.countries.USA.welfare_pct.p5,
    );
  });

  it('validates a sweep file as a sweep', async () => {
    const r = await post(SWEEP, '/api/scenarios/validate');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      valid: true,
      kind: 'sweep',
      name: 'NAFTA theta (API test)',
      model: 'cp2015',
      dataset: 'cp2015',
    });
  });
});

describe('bad sweep files', () => {
  const bad = async (text: string) => {
    const r = await post({ kind: 'sweep', scenario: text });
    expect(r.statusCode, r.body).toBe(400);
    return r.json() as {
      error: string;
      message: string;
      issues: { path: (string | number)[]; message: string; line?: number; col?: number }[];
    };
  };

  it('answer 400 with the place of the problem in the sweep file, and store nothing', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/runs?kind=sweep' })).json().total;
    const e = await bad(SWEEP.replace('draws: 3', 'draws: -3'));
    expect(e.error).toBe('invalid_scenario');
    expect(e.issues[0]).toMatchObject({ path: ['draws'], line: 4, col: 8 });
    const unknown = await bad(`${SWEEP}prior: [trade_elasticity]\n`);
    expect(unknown.issues[0]).toMatchObject({
      path: ['prior'],
      line: 6,
      message: expect.stringMatching(/known fields, found unknown field "prior"/),
    });
    expect((await app.inject({ method: 'GET', url: '/api/runs?kind=sweep' })).json().total).toBe(before);
  });

  it('refuse a scenario path (the server reads embedded scenarios by id only) and datasets by path', async () => {
    const path = await bad(SWEEP.replace('scenario: nafta-cp2015', 'scenario: ../scenarios/nafta-cp2015.yaml'));
    expect(path.issues[0]).toMatchObject({
      path: ['scenario'],
      line: 3,
      message: expect.stringMatching(/embedded scenario id.*found "..\/scenarios\/nafta-cp2015.yaml"/),
    });
    const text = `lancaster: 1\nname: s\nscenario:\n  lancaster: 1\n  name: x\n  model: cp2015\n  dataset: /etc\ndraws: 2\nseed: 1\n`;
    const dataset = await bad(text);
    expect(dataset.issues[0]).toMatchObject({
      path: ['scenario', 'dataset'],
      line: 7,
      col: 12,
      message: expect.stringMatching(/embedded dataset id/),
    });
  });

  it('point into an inline scenario, into the grid, and refuse sweeps too large for the server', async () => {
    const inline = await bad(
      `lancaster: 1\nname: s\nscenario:\n  lancaster: 1\n  name: x\n  model: one-sector-2025\n  policy:\n    tariffs:\n      - { importer: USA, exporter: CHN, rate: -5 }\ndraws: 2\nseed: 1\n`,
    );
    expect(inline.issues[0]).toMatchObject({ path: ['scenario', 'policy', 'tariffs', 0, 'rate'], line: 9 });
    const grid = await bad(`${SWEEP}grid:\n  options.elasticity_scale: [1, -2]\n`);
    expect(grid.issues[0]).toMatchObject({
      path: ['grid', 'options.elasticity_scale'],
      line: 7,
      message: expect.stringMatching(/elasticity_scale = -2/),
    });
    const big = await bad(`${SWEEP.replace('draws: 3', 'draws: 5000')}grid:\n  options.elasticity_scale: [1, 2, 3]\n`);
    expect(big.issues[0]).toMatchObject({
      path: ['draws'],
      message: expect.stringMatching(/at most 10001 runs.*3 × 5001 = 15003/),
    });
  });
});

describe('cancelling a sweep', () => {
  it('DELETE stops a running sweep: no further draw is submitted and the run is kept cancelled', async () => {
    const r = await post({ kind: 'sweep', scenario: SWEEP.replace('draws: 3', 'draws: 40') });
    const id = r.json().id as string;
    await new Promise<void>((res) => {
      const on = (e: LoggedEvent) => {
        if (e.event.type === 'progress' && (e.event.data.done ?? 0) >= 1) {
          ctx.service.events.off(id, on);
          res();
        }
      };
      ctx.service.events.on(id, on);
    });
    const del = await app.inject({ method: 'DELETE', url: `/api/runs/${id}` });
    expect(del.statusCode).toBe(202);
    await ctx.service.settle();
    const run = (await app.inject({ method: 'GET', url: `/api/runs/${id}` })).json();
    expect(run).toMatchObject({ status: 'cancelled', result: null });
    const done = ctx.service
      .log(id)!
      .filter((e) => e.event.type === 'progress')
      .map((e) => (e.event.data as { done: number }).done);
    expect(Math.max(...done)).toBeLessThan(10); // stopped long before its 41 runs
  });
});

for (const c of executorCases().filter((x) => x.name === 'queue')) {
  describe.skipIf(c.skip)(`a sweep run on the queue${c.skip ? ` (skipped: ${c.skip})` : ''}`, () => {
    it('sends its draws to the queue workers and stores the same result as the inline executor', async () => {
      const { app: qApp, ctx: qCtx } = await testApp({ executor: await c.make() });
      try {
        const r = await qApp.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'sweep', scenario: SWEEP } });
        expect(r.statusCode, r.body).toBe(202);
        await qCtx.service.settle();
        const run = (await qApp.inject({ method: 'GET', url: `/api/runs/${r.json().id}` })).json();
        expect(run.status, run.error).toBe('done');
        expect(run.result.executor).toBe('QueueExecutor');
        expect(comparable(run.result)).toEqual(comparable(JSON.parse(JSON.stringify(reference))));
      } finally {
        await qApp.close();
        await c.cleanup();
      }
    });
  });
}
