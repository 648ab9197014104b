import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { US_CHINA, testApp } from '../../test/support/server/test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await testApp());
});
afterAll(() => app.close());

const post = (url: string, payload: string) =>
  app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/yaml' } });

const MULTI = `lancaster: 1
name: REE ban
model: multisector
dataset: multisector-2025
policy:
  tariffs:
    - { importer: USA, exporter: CHN, rate: 0.2 }
`;

describe('report codes in the API', () => {
  it('answers 400 for an unknown report country, with what was expected and found at its line', async () => {
    const r = await post('/api/scenarios/validate', `${US_CHINA}report:\n  countries: [USA, XXX]\n`);
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.issues).toEqual([
      {
        path: ['report', 'countries', 1],
        message: 'expected a region code or group of dataset world-2023 (groups: EU, EU27, RoW, non-US), found "XXX"',
        line: 8,
        col: 20,
      },
    ]);
  });

  it('refuses to queue a run whose report names a group its dataset does not define', async () => {
    const r = await post('/api/runs?kind=solve', `${MULTI}report:\n  countries: [USA, NAFTA]\n`);
    expect(r.statusCode).toBe(400);
    expect(r.json().issues[0]).toMatchObject({
      path: ['report', 'countries', 1],
      message: expect.stringMatching(/dataset multisector-2025 \(groups: EU\), found "NAFTA"/),
    });
  });

  it('accepts a group the dataset defines, and unknown sector regions and trade pairs fail at validation', async () => {
    expect((await post('/api/scenarios/validate', `${MULTI}report:\n  countries: [USA, EU]\n`)).statusCode).toBe(200);
    const r = await post('/api/scenarios/validate', `${MULTI}report:\n  sectors: [XXX]\n  trade: [CHN->XXX]\n`);
    expect(r.statusCode).toBe(400);
    expect(r.json().issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      ['report', 'sectors', 0],
      ['report', 'trade', 0],
    ]);
  });
});
