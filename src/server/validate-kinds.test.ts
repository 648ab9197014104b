import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../test/support/server/test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await testApp());
});
afterAll(() => app.close());

const file = (p: string) => readFileSync(new URL(`../../scenarios/${p}`, import.meta.url), 'utf8');
const validate = (payload: string) =>
  app.inject({
    method: 'POST',
    url: '/api/scenarios/validate',
    payload,
    headers: { 'content-type': 'application/yaml' },
  });

describe('POST /api/scenarios/validate checks each file as its kind', () => {
  it.each([
    ['us-china-2025.yaml', 'timeline'],
    ['strategy/us-optimal-uniform.yaml', 'strategy'],
    ['negotiation/london-2025.yaml', 'negotiation'],
    ['gravity/usitc-sample.yaml', 'gravity'],
  ])('%s is a valid %s', async (path, kind) => {
    const r = await validate(file(path));
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ valid: true, kind });
  });

  it('refuses a strategy file with a bad strategy section as the strategy check does', async () => {
    const r = await validate(
      file('strategy/us-optimal-uniform.yaml').replace(/^strategy:\n/m, 'strategy:\n  bogus_key: 1\n'),
    );
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json())).toMatch(/bogus_key/);
  });

  it('says what was found for a value of the wrong type, with the same text as the CLI', async () => {
    const r = await validate('lancaster: 1\nname: t\nmodel: one-sector-2025\npolicy: { tariffs: 3 }\n');
    expect(r.statusCode).toBe(400);
    expect(r.json().issues).toEqual([
      { path: ['policy', 'tariffs'], message: 'expected array, found 3', line: 4, col: 20 },
    ]);
  });

  it('refuses an unknown region in the deal-effects report of a negotiation', async () => {
    const r = await validate(
      file('negotiation/london-2025.yaml').replace('report: [USA, CHN, EU,', 'report: [USA, CHN, XXX,'),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().issues).toEqual([
      {
        path: ['negotiation', 'domain', 'report', 2],
        message: 'expected a region code or group of dataset multisector-2025 (groups: EU), found "XXX"',
        line: expect.any(Number),
        col: expect.any(Number),
      },
    ]);
  });

  it('refuses a gravity report country the GE does not have', async () => {
    const r = await validate(
      file('gravity/usitc-sample.yaml').replace('countries: [CAN, JPN,', 'countries: [CAN, XXX,'),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().issues).toEqual([
      {
        path: ['report', 'countries', 1],
        message: expect.stringMatching(/^expected a country of the GE counterfactual \(AUS, .*\), found "XXX"$/),
        line: expect.any(Number),
        col: expect.any(Number),
      },
    ]);
  });
});

describe('GET /api/observed', () => {
  it('serves what happened in 2025 with sources: monthly China–US exports and PIIE averages', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/observed' });
    expect(r.statusCode).toBe(200);
    const o = r.json();
    expect(o.monthly.map((p: { period: string }) => p.period)).toContain('2025-05');
    expect(o.monthly.find((p: { period: string }) => p.period === '2025-05')).toMatchObject({
      from: 'CHN',
      to: 'USA',
      pct: -34.5,
      source: expect.stringMatching(/timeline-2025/),
    });
    expect(o.tariffs.find((t: { date: string }) => t.date === '2025-04-16').pct).toBe(124.1);
  });
});
