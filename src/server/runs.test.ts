import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { NAFTA, US_CHINA, testApp } from '../../test/support/server/test-app.ts';
import type { AppContext } from './context.ts';
import { ENGLAND_ZIMBABWE } from '../../test/support/negotiate/test-fixtures.ts';

let app: FastifyInstance;
let ctx: AppContext;
beforeAll(async () => {
  ({ app, ctx } = await testApp());
});
afterAll(() => app.close());

const submit = async (payload: object) => {
  const r = await app.inject({ method: 'POST', url: '/api/runs', payload });
  expect(r.statusCode, r.body).toBe(202);
  return r.json().id as string;
};

describe('runs', () => {
  let a: string;
  let b: string;

  it('accepts a run with 202 and a queued status without waiting for it', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'solve', scenario: NAFTA } });
    expect(r.statusCode).toBe(202);
    expect(r.json()).toEqual({ id: expect.any(String), status: 'queued' });
    expect(r.headers.location).toBe(`/api/runs/${r.json().id}`);
    a = r.json().id;
    const now = (await app.inject({ method: 'GET', url: `/api/runs/${a}` })).json();
    expect(now.status).toBe('queued');
  });

  it('accepts a YAML scenario body with ?kind= and a scenario JSON object in the envelope', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/runs?kind=solve',
      payload: NAFTA.replace('schedule: tariffs-2005', 'rate: 0'),
      headers: { 'content-type': 'text/yaml' },
    });
    expect(r.statusCode).toBe(202);
    b = r.json().id;
    await submit({
      scenario: {
        lancaster: 1,
        name: 'US tariff on China',
        model: 'one-sector-2025',
        policy: { tariffs: [{ importer: 'USA', exporter: 'CHN', rate: 0.54 }] },
      },
    });
    await ctx.service.settle();
  });

  it('returns a finished run with timings, versions, scenario and result', async () => {
    const r = (await app.inject({ method: 'GET', url: `/api/runs/${a}` })).json();
    expect(r).toMatchObject({
      id: a,
      kind: 'solve',
      status: 'done',
      model: 'cp2015',
      dataset: 'cp2015',
      dataset_version: '1.0.0',
      scenario: NAFTA,
      error: null,
    });
    expect(r.code_version).toMatch(/^0\.1\.0/);
    expect(r.timings.total_ms).toBeGreaterThanOrEqual(r.timings.run_ms);
    expect(r.result.status).toBe('converged');
    expect(r.result.countries.MEX.welfare_pct).toBeGreaterThan(0);
  });

  it('lists runs newest first, filtered by status and kind, with paging', async () => {
    const all = (await app.inject({ method: 'GET', url: '/api/runs' })).json();
    expect(all).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.runs[2].id).toBe(a);
    expect(all.runs[0]).not.toHaveProperty('result');
    const page = (await app.inject({ method: 'GET', url: '/api/runs?limit=1&offset=1' })).json();
    expect(page.runs.map((r: { id: string }) => r.id)).toEqual([b]);
    expect((await app.inject({ method: 'GET', url: '/api/runs?status=failed' })).json().total).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/runs?kind=analyze' })).json().total).toBe(0);
  });

  it('rejects bad listing filters with the path of the error', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/runs?status=sleeping' });
    expect(r.statusCode).toBe(400);
    expect(r.json().issues[0].path).toEqual(['querystring', 'status']);
  });

  it('streams the events of a finished run: queued, running, done', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/runs/${a}/events` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/event-stream/);
    const types = [...r.body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(types.filter((t) => t !== 'progress')).toEqual(['queued', 'running', 'done']);
    expect(types.indexOf('progress')).toBeGreaterThan(types.indexOf('running'));
  });

  it('compares two finished solve runs country by country (b − a)', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/runs/compare?ids=${a},${b}` });
    expect(r.statusCode).toBe(200);
    const c = r.json();
    expect(c.a.id).toBe(a);
    expect(c.only_in_a).toEqual([]);
    const mex = c.countries.MEX.welfare_pct;
    expect(mex.diff).toBeCloseTo(mex.b - mex.a, 12);
    expect(mex.a).toBeGreaterThan(0);
    expect(c.fields).toContain('welfare_pct');
  });

  it('refuses to compare unknown runs (404), unfinished or non-solve runs (409), or one id (400)', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/runs/compare?ids=${a},nope` })).statusCode).toBe(404);
    const one = await app.inject({ method: 'GET', url: `/api/runs/compare?ids=${a}` });
    expect(one.statusCode).toBe(400);
    expect(one.json().issues[0]).toEqual({
      path: ['querystring', 'ids'],
      message: 'expected two run ids separated by a comma, found 1',
    });
    const q = await submit({ kind: 'solve', scenario: US_CHINA });
    const r = await app.inject({ method: 'GET', url: `/api/runs/compare?ids=${a},${q}` });
    expect(r.statusCode).toBe(409);
    expect(r.json().message).toBe(`Expected a finished (done) run to compare, found run ${q} queued`);
    await ctx.service.settle();
  });

  it('deletes a run; unknown ids answer 404 on every run route', async () => {
    expect((await app.inject({ method: 'DELETE', url: `/api/runs/${b}` })).statusCode).toBe(204);
    for (const [method, url] of [
      ['DELETE', `/api/runs/${b}`],
      ['GET', `/api/runs/${b}`],
      ['GET', `/api/runs/${b}/events`],
    ] as const) {
      const r = await app.inject({ method, url });
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual({
        error: 'not_found',
        message: `Expected the id of a stored run, found "${b}" (no such run)`,
      });
    }
  });

  it('cancels a queued run before it runs (kept as cancelled), then deletes it', async () => {
    const id = await submit({ scenario: NAFTA });
    expect((await app.inject({ method: 'DELETE', url: `/api/runs/${id}` })).statusCode).toBe(202);
    await ctx.service.settle();
    expect((await app.inject({ method: 'GET', url: `/api/runs/${id}` })).json()).toMatchObject({
      status: 'cancelled',
      result: null,
    });
    expect((await app.inject({ method: 'DELETE', url: `/api/runs/${id}` })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/runs/${id}` })).statusCode).toBe(404);
  });
});

describe('bad runs', () => {
  it('refuses a strategy run of a scenario that has no strategy section, before queueing it', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'strategy', scenario: NAFTA } });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/Expected a scenario with a strategy section for a strategy run, found none/);
  });

  it('refuses invalid scenarios before queueing them, with line and column', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { scenario: NAFTA.replace('model: cp2015', 'model: cp2016') },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().issues[0]).toMatchObject({ path: ['model'], line: 6, col: 8 });
    expect((await app.inject({ method: 'GET', url: '/api/runs?status=queued' })).json().total).toBe(0);
  });

  it('refuses unknown envelope fields and unknown kinds with the path of the error', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/runs', payload: { scenario: NAFTA, priority: 1 } });
    expect(r.json().issues[0]).toEqual({
      path: ['body', 'priority'],
      message: 'expected only known fields, found unknown field "priority"',
    });
    const k = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'dance', scenario: NAFTA } });
    expect(k.statusCode).toBe(400);
    expect(k.json().issues[0].path).toEqual(['body', 'kind']);
  });

  it('records a run whose handler throws as failed, with its message and timings', async () => {
    const { ctx: c2, app: a2 } = await testApp();
    const failing =
      'export const handler = { check: () => ({ name: "boom" }), run: async () => { throw new Error("Expected a solvable economy, found none"); } };';
    c2.registry.register('solve', `data:text/javascript,${encodeURIComponent(failing)}`);
    const id = (await c2.service.submit('solve', 'anything')).id;
    await c2.service.settle();
    const r = (await a2.inject({ method: 'GET', url: `/api/runs/${id}` })).json();
    expect(r).toMatchObject({
      status: 'failed',
      name: 'boom',
      error: 'Expected a solvable economy, found none',
      result: null,
    });
    expect(r.timings.run_ms).toBeGreaterThanOrEqual(0);
    const ev = (await a2.inject({ method: 'GET', url: `/api/runs/${id}/events` })).body;
    expect(ev).toMatch(/event: failed\ndata: \{.*"error":"Expected a solvable economy, found none"/);
    await a2.close();
  });
});

describe('analyze runs', () => {
  it('analyses a GENIUS domain sent as XML texts', async () => {
    const id = await submit({
      kind: 'analyze',
      scenario: {
        domain: readFileSync(ENGLAND_ZIMBABWE.domain, 'utf8'),
        profile_a: readFileSync(ENGLAND_ZIMBABWE.a, 'utf8'),
        profile_b: readFileSync(ENGLAND_ZIMBABWE.b, 'utf8'),
      },
    });
    await ctx.service.settle();
    const r = (await app.inject({ method: 'GET', url: `/api/runs/${id}` })).json();
    expect(r).toMatchObject({ kind: 'analyze', status: 'done', result: { outcomes: 576 } });
  });

  it('rejects missing profiles with their path', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { kind: 'analyze', scenario: { domain: '<x/>' } },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().issues.map((i: { path: string[] }) => i.path)).toEqual([['profile_a'], ['profile_b']]);
  });
});
