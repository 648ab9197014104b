import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NAFTA, testApp } from '../../test/support/server/test-app.ts';
import { buildApp } from './app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await testApp());
});
afterAll(() => app.close());

const yaml = (payload: string) => ({
  method: 'POST' as const,
  url: '/api/scenarios/validate',
  payload,
  headers: { 'content-type': 'application/yaml' },
});

describe('server information routes', () => {
  it('reports health with the code version and the run kinds it can run', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'ok',
      version: '0.1.0',
      run_kinds: ['solve', 'timeline', 'strategy', 'negotiation', 'analyze', 'gravity', 'sweep'],
      active_runs: 0,
    });
  });

  it('lists the embedded datasets with provenance and citations', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/datasets' });
    const cp = r.json().datasets.find((d: { id: string }) => d.id === 'cp2015');
    expect(cp.regions.length).toBe(31);
    expect(cp.schedules).toContain('tariffs-2005');
    expect(cp.citations[0]).toMatch(/Caliendo/);
    expect(cp.provenance.sources.length).toBeGreaterThan(0);
    // Sector groups a scenario may name (the negotiation builder offers them): REE is the rare-earth chain.
    const ms = r.json().datasets.find((d: { id: string }) => d.id === 'multisector-2025');
    expect(ms.sector_groups.REE).toEqual(['REM', 'RES', 'MAG']);
    expect(Object.keys(cp.sector_groups)).toEqual(['goods', 'services']);
  });

  it('lists the models with their default datasets and presets', async () => {
    const { models } = (await app.inject({ method: 'GET', url: '/api/models' })).json();
    expect(models.map((m: { id: string }) => m.id)).toEqual(['cp2015', 'multisector', 'one-sector-2025']);
    expect(models[2]).toMatchObject({ default_dataset: 'world-2023', layout: 'gravity' });
  });

  it('publishes the scenario JSON Schema and the OpenAPI document of every route', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/api/scenarios/schema' })).json().properties.lancaster,
    ).toBeDefined();
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/runs',
        '/api/runs/{id}',
        '/api/runs/{id}/events',
        '/api/runs/compare',
        '/api/scenarios/validate',
      ]),
    );
    expect(doc.paths['/api/runs/{id}'].delete).toBeDefined();
  });

  it('serves the built web app (web/dist) at / when it exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lancaster-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Lancaster</title>');
    const { ctx } = await testApp();
    const web = await buildApp(ctx, { webDir: dir });
    const r = await web.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toMatch(/<title>Lancaster/);
    await web.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({
      error: 'not_found',
      message: 'Expected an API route (see /api/openapi.json), found GET /api/nothing',
    });
  });
});

describe('POST /api/scenarios/validate', () => {
  it('accepts a valid YAML scenario, naming its model and dataset', async () => {
    const r = await app.inject(yaml(NAFTA));
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      valid: true,
      kind: 'solve',
      name: expect.stringMatching(/NAFTA/),
      model: 'cp2015',
      dataset: 'cp2015',
      dataset_version: '1.0.0',
    });
  });

  it('accepts a scenario sent as a JSON object', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/scenarios/validate',
      payload: {
        lancaster: 1,
        name: 'x',
        model: 'one-sector-2025',
        policy: { tariffs: [{ importer: 'USA', exporter: 'CHN', rate: '54%' }] },
      },
    });
    expect(r.json()).toMatchObject({ valid: true, dataset: 'world-2023' });
  });

  it('rejects a bad rate in YAML with the path, line and column, as the CLI does', async () => {
    const r = await app.inject(yaml(NAFTA.replace('schedule: tariffs-2005', 'rate: -3')));
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({
      error: 'invalid_scenario',
      message: 'scenario:12:49 policy.tariffs[0].rate: expected a rate between 0 and 10 (1000%), found -3',
      issues: [
        {
          path: ['policy', 'tariffs', 0, 'rate'],
          message: 'expected a rate between 0 and 10 (1000%), found -3',
          line: 12,
          col: 49,
        },
      ],
    });
  });

  it('locates errors in a JSON body at their line and column in that body', async () => {
    const body = '{\n  "lancaster": 1,\n  "name": "x",\n  "modle": "cp2015"\n}';
    const r = await app.inject({
      method: 'POST',
      url: '/api/scenarios/validate',
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(r.json().issues).toEqual([
      { path: ['modle'], message: 'expected only known fields, found unknown field "modle"', line: 4, col: 3 },
    ]);
  });

  it('rejects unknown codes found against the dataset', async () => {
    const r = await app.inject(
      yaml(
        'lancaster: 1\nname: x\nmodel: cp2015\npolicy:\n  tariffs:\n    - { importer: XXX, exporter: MEX, rate: 0.1 }\n',
      ),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().issues[0]).toMatchObject({ path: ['policy', 'tariffs', 0, 'importer'], line: 6 });
    expect(r.json().issues[0].message).toMatch(/XXX/);
  });

  it('rejects YAML syntax errors with their position and invalid JSON with 400', async () => {
    const r = await app.inject(yaml('lancaster: 1\nname: [unclosed\n'));
    expect(r.statusCode).toBe(400);
    expect(r.json().issues[0].message).toMatch(/^expected valid YAML or JSON, found/);
    const j = await app.inject({
      method: 'POST',
      url: '/api/scenarios/validate',
      payload: '{"lancaster": 1,,}',
      headers: { 'content-type': 'application/json' },
    });
    expect(j.statusCode).toBe(400);
    expect(j.json().issues[0]).toMatchObject({ line: 1, col: 17 });
  });

  it('rejects a body that is neither text nor an object with the path of the error', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/scenarios/validate',
      payload: '[1, 2]',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().issues[0]).toEqual({
      path: ['body'],
      message: 'expected a scenario as YAML or JSON text, or as a JSON object, found a list of 2 items',
    });
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const r = await app.inject(yaml(`name: x\n#${'x'.repeat(1024 * 1024)}\n`));
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toBe('payload_too_large');
  });
});
