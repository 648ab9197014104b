import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../test/support/server/test-app.ts';
import type { AppContext } from './context.ts';

const USITC = readFileSync(new URL('../../scenarios/gravity/usitc-sample.yaml', import.meta.url), 'utf8');

let app: FastifyInstance;
let ctx: AppContext;
beforeAll(async () => {
  ({ app, ctx } = await testApp());
});
afterAll(() => app.close());

describe('gravity runs through the API', () => {
  it('runs a gravity scenario with its bootstrap and stores the result JSON', async () => {
    const scenario = `${USITC}bootstrap:\n  replications: 3\n  seed: 5\n`;
    const r = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'gravity', scenario } });
    expect(r.statusCode, r.body).toBe(202);
    await ctx.service.settle();
    const run = (await app.inject({ method: 'GET', url: `/api/runs/${r.json().id}` })).json();
    expect(run).toMatchObject({
      kind: 'gravity',
      status: 'done',
      model: 'gravity',
      dataset: 'gravity/usitc-sample-2006.csv',
      error: null,
    });
    expect(run.result.estimates.lndist.coef).toBeCloseTo(-0.3898623, 6);
    expect(run.result.ge.countries.CAN.welfare_factor).toBeGreaterThan(1);
    expect(run.result.bands.replications).toBe(3);
  });

  it('answers 400 with the located issue for a file outside the data folder', async () => {
    const scenario = USITC.replace('gravity/usitc-sample-2006.csv', '../../package.json');
    const r = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'gravity', scenario } });
    expect(r.statusCode).toBe(400);
    expect(r.body).toMatch(/expected a CSV file inside the data folder/);
    expect(r.body).not.toMatch(/"name":\s*"lancaster"/);
  });
});

describe('embedded gravity scenarios', () => {
  it('lists scenarios/gravity/*.yaml as valid gravity scenarios', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/scenarios/embedded' })).json().scenarios as {
      id: string;
      model: string;
      valid: boolean;
    }[];
    const g = list.filter((s) => s.id.startsWith('gravity/'));
    expect(g.map((s) => s.id).sort()).toEqual(['gravity/eu-enlargement', 'gravity/usitc-sample']);
    for (const s of g) expect(s).toMatchObject({ model: 'gravity', valid: true });
  });
});
