/**
 * Bad requests of every route with a body or a query string answer 400 with the place (`body.kind`,
 * `querystring.limit`) and a message saying what was expected and what was found, in the words of
 * the catalogue (the error map of user files), never zod's "Invalid input".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { NAFTA, testApp } from '../../test/support/server/test-app.ts';
import { RUN_KINDS } from '../contract/run.ts';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await testApp());
});
afterAll(() => app.close());

const KINDS = RUN_KINDS.map((k) => `"${k}"`).join(', ');

/** The 400 answer of a request: its issues and message. */
async function bad(req: InjectOptions) {
  const r = await app.inject(req);
  expect(r.statusCode, r.body).toBe(400);
  const body = r.json();
  expect(body.error).toBe('bad_request');
  expect(body.message).not.toMatch(/Invalid input/i);
  return body as { message: string; issues: { path: (string | number)[]; message: string }[] };
}

describe('POST /api/runs', () => {
  it('names an unknown kind in the envelope with the kinds it takes', async () => {
    const b = await bad({ method: 'POST', url: '/api/runs', payload: { kind: 'dance', scenario: NAFTA } });
    expect(b.issues).toEqual([{ path: ['body', 'kind'], message: `expected one of ${KINDS}, found "dance"` }]);
    expect(b.message).toBe(`body.kind: expected one of ${KINDS}, found "dance"`);
  });

  it('says what a kind of the wrong type was', async () => {
    const b = await bad({ method: 'POST', url: '/api/runs', payload: { kind: 3, scenario: NAFTA } });
    expect(b.issues).toEqual([{ path: ['body', 'kind'], message: `expected one of ${KINDS}, found 3` }]);
  });

  it('says that the scenario is missing from the envelope', async () => {
    const b = await bad({ method: 'POST', url: '/api/runs', payload: { kind: 'solve' } });
    expect(b.issues).toEqual([
      {
        path: ['body', 'scenario'],
        message: 'expected a scenario as YAML or JSON text, or as a JSON object, found nothing',
      },
    ]);
  });

  it('says what a scenario of the wrong type was', async () => {
    const b = await bad({ method: 'POST', url: '/api/runs', payload: { scenario: [1, 2, 3] } });
    expect(b.issues).toEqual([
      {
        path: ['body', 'scenario'],
        message: 'expected a scenario as YAML or JSON text, or as a JSON object, found a list of 3 items',
      },
    ]);
  });

  it('points at an unknown envelope field', async () => {
    const b = await bad({ method: 'POST', url: '/api/runs', payload: { scenario: NAFTA, priority: 1 } });
    expect(b.issues).toEqual([
      { path: ['body', 'priority'], message: 'expected only known fields, found unknown field "priority"' },
    ]);
  });

  it('says what a body that is neither an envelope nor text was', async () => {
    const b = await bad({
      method: 'POST',
      url: '/api/runs',
      payload: '42',
      headers: { 'content-type': 'application/json' },
    });
    expect(b.issues).toEqual([
      { path: ['body'], message: 'expected a JSON object {kind, scenario} or a YAML scenario text, found 42' },
    ]);
  });

  it('names an unknown ?kind= of a YAML body, and an unknown query parameter', async () => {
    const yaml = { 'content-type': 'text/yaml' };
    const k = await bad({ method: 'POST', url: '/api/runs?kind=sove', payload: NAFTA, headers: yaml });
    expect(k.issues).toEqual([{ path: ['querystring', 'kind'], message: `expected one of ${KINDS}, found "sove"` }]);
    const q = await bad({ method: 'POST', url: '/api/runs?knd=solve', payload: NAFTA, headers: yaml });
    expect(q.issues).toEqual([
      { path: ['querystring', 'knd'], message: 'expected only known fields, found unknown field "knd"' },
    ]);
  });
});

describe('POST /api/scenarios/validate', () => {
  it('says what a body that is not a scenario was', async () => {
    const b = await bad({
      method: 'POST',
      url: '/api/scenarios/validate',
      payload: 'true',
      headers: { 'content-type': 'application/json' },
    });
    expect(b.issues).toEqual([
      { path: ['body'], message: 'expected a scenario as YAML or JSON text, or as a JSON object, found true' },
    ]);
  });

  it('says that an empty JSON body is no scenario', async () => {
    const b = await bad({
      method: 'POST',
      url: '/api/scenarios/validate',
      payload: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(b.issues[0]).toEqual({
      path: ['body'],
      message: 'expected a scenario as YAML or JSON text, or as a JSON object, found nothing',
    });
  });
});

describe('GET /api/runs', () => {
  it('names an unknown status and kind with the values they take', async () => {
    const b = await bad({ method: 'GET', url: '/api/runs?status=finished&kind=dance' });
    expect(b.issues).toEqual([
      {
        path: ['querystring', 'status'],
        message: 'expected one of "queued", "running", "done", "failed", "cancelled", found "finished"',
      },
      { path: ['querystring', 'kind'], message: `expected one of ${KINDS}, found "dance"` },
    ]);
  });

  it('quotes a limit or offset that is not a number as it was sent', async () => {
    const b = await bad({ method: 'GET', url: '/api/runs?limit=ten&offset=' });
    expect(b.issues).toEqual([
      { path: ['querystring', 'limit'], message: 'expected number, found "ten"' },
      { path: ['querystring', 'offset'], message: 'expected number, found ""' },
    ]);
  });

  it('gives the bounds of limit and offset with the number found', async () => {
    const b = await bad({ method: 'GET', url: '/api/runs?limit=501&offset=-1' });
    expect(b.issues).toEqual([
      { path: ['querystring', 'limit'], message: 'expected a number at most 500, found 501' },
      { path: ['querystring', 'offset'], message: 'expected a number at least 0, found -1' },
    ]);
    const f = await bad({ method: 'GET', url: '/api/runs?limit=2.5' });
    expect(f.issues[0].path).toEqual(['querystring', 'limit']);
    expect(f.issues[0].message).toMatch(/^expected .*int.*, found 2\.5$/);
  });

  it('points at an unknown query parameter', async () => {
    const b = await bad({ method: 'GET', url: '/api/runs?sort=newest' });
    expect(b.issues).toEqual([
      { path: ['querystring', 'sort'], message: 'expected only known fields, found unknown field "sort"' },
    ]);
  });

  it('documents limit and offset as integers with their bounds and defaults (OpenAPI)', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const params = doc.paths['/api/runs'].get.parameters as { name: string; schema: object }[];
    expect(params.find((p) => p.name === 'limit')?.schema).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 500,
      default: 50,
    });
    expect(params.find((p) => p.name === 'offset')?.schema).toMatchObject({ type: 'integer', minimum: 0, default: 0 });
  });

  it('still reads numbers and the defaults of a good query', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/runs?limit=5' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ limit: 5, offset: 0 });
  });
});

describe('GET /api/runs/compare', () => {
  it('says that the ids are missing', async () => {
    const b = await bad({ method: 'GET', url: '/api/runs/compare' });
    expect(b.issues).toEqual([{ path: ['querystring', 'ids'], message: 'expected string, found nothing (required)' }]);
  });

  it('says how many ids it found', async () => {
    const b = await bad({ method: 'GET', url: '/api/runs/compare?ids=a,b,c' });
    expect(b.issues).toEqual([
      { path: ['querystring', 'ids'], message: 'expected two run ids separated by a comma, found 3' },
    ]);
  });
});
