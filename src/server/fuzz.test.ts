/**
 * Property-based fuzzing (fast-check, fixed seeds, bounded runs) of every input boundary: the
 * scenario parser, the dataset loader's CSV reader, the GENIUS XML reader and the API bodies.
 * Properties: no crash (only the documented error types), no hang (time-boxed), and every
 * rejection a clear message (non-empty, no stack trace).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseScenarioText } from '../scenario/parse.ts';
import { ScenarioError } from '../spec/errors.ts';
import { parseCsv } from '../data/csv.ts';
import { DataError } from '../data/errors.ts';
import { parseGeniusDomain, parseGeniusProfile } from '../negotiate/genius.ts';
import { NAFTA, testApp } from '../../test/support/server/test-app.ts';

const RUNS = 300;
const clear = (m: string) => m.length > 0 && !/\n\s+at /.test(m);

/** Scenario-like YAML: valid heads with random tails, random mutations of the NAFTA file. */
const yamlish = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.tuple(fc.nat(NAFTA.length), fc.string({ maxLength: 20 })).map(([k, s]) => NAFTA.slice(0, k) + s + NAFTA.slice(k)),
  fc.tuple(fc.nat(NAFTA.length), fc.nat(40)).map(([k, n]) => NAFTA.slice(0, k) + NAFTA.slice(k + n)),
  fc.constantFrom(
    '&a [*a]',
    'a: &x 1\nb: *y',
    '!!binary AAAA',
    '{',
    '- - - -',
    'lancaster: 1\nname: x\ntimeline: [{date: 2025-02-30}]',
  ),
);

describe('fuzzing the scenario parser', () => {
  it(`never crashes or hangs on ${RUNS} mutated texts; rejections are ScenarioErrors with messages`, () => {
    let rejected = 0;
    fc.assert(
      fc.property(yamlish, (text) => {
        const t0 = performance.now();
        try {
          parseScenarioText(text, 'fuzz.yaml');
        } catch (e) {
          expect(e).toBeInstanceOf(ScenarioError);
          expect(clear((e as Error).message)).toBe(true);
          rejected++;
        }
        expect(performance.now() - t0).toBeLessThan(2000);
      }),
      { numRuns: RUNS, seed: 18 },
    );
    expect(rejected).toBeGreaterThan(RUNS / 2);
  });
});

describe('fuzzing the dataset CSV reader', () => {
  it(`never crashes on ${RUNS} random tables; rejections are DataErrors that never echo long cells`, () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.double().map(String),
      fc.constantFrom('', '"', '""', 'NaN', '1e999'),
    );
    const table = fc
      .array(fc.array(cell, { maxLength: 6 }), { maxLength: 20 })
      .map((rows) => rows.map((r) => r.join(',')).join('\n'));
    fc.assert(
      fc.property(table, (text) => {
        try {
          parseCsv(text, 't.csv', ['region', 'value']);
        } catch (e) {
          expect(e).toBeInstanceOf(DataError);
          expect(clear((e as Error).message)).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: 18 },
    );
  });
});

describe('fuzzing the GENIUS XML reader', () => {
  const DOMAIN =
    '<negotiation_template><utility_space><objective index="0" name="o"><issue index="1" name="a" type="discrete"><item index="1" value="x"/><item index="2" value="y"/></issue></objective></utility_space></negotiation_template>';
  it(`never crashes on ${RUNS} mutated domains and profiles; rejections are TypeError/RangeError/SyntaxError`, () => {
    const xml = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .tuple(fc.nat(DOMAIN.length), fc.string({ maxLength: 10 }))
        .map(([k, s]) => DOMAIN.slice(0, k) + s + DOMAIN.slice(k)),
      fc.tuple(fc.nat(DOMAIN.length), fc.nat(30)).map(([k, n]) => DOMAIN.slice(0, k) + DOMAIN.slice(k + n)),
    );
    fc.assert(
      fc.property(xml, (text) => {
        for (const parse of [
          () => parseGeniusDomain(text, 'fuzz.xml'),
          () => parseGeniusProfile(text, undefined, 'fuzz.xml'),
        ]) {
          try {
            parse();
          } catch (e) {
            expect([TypeError, RangeError, SyntaxError].some((T) => e instanceof T)).toBe(true);
            expect(clear((e as Error).message)).toBe(true);
          }
        }
      }),
      { numRuns: RUNS, seed: 18 },
    );
  });
});

describe('fuzzing every API body', () => {
  let app: FastifyInstance;
  beforeAll(async () => ({ app } = await testApp()));
  afterAll(() => app.close());

  const body = fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 200 }), yamlish);
  const route = fc.constantFrom(
    { method: 'POST' as const, url: '/api/scenarios/validate' },
    { method: 'POST' as const, url: '/api/runs' },
    { method: 'POST' as const, url: '/api/runs?kind=analyze' },
    { method: 'GET' as const, url: '/api/runs?limit=' },
    { method: 'GET' as const, url: '/api/runs/compare?ids=' },
  );
  const type = fc.constantFrom(
    'application/json',
    'application/yaml',
    'text/plain',
    'application/x-www-form-urlencoded',
  );

  it(`answers ${RUNS} random requests with 2xx or a JSON 4xx (never 5xx)`, async () => {
    await fc.assert(
      fc.asyncProperty(route, type, body, async (r, contentType, payload) => {
        const res = await app.inject(
          r.method === 'GET'
            ? { method: 'GET', url: r.url + encodeURIComponent(payload.slice(0, 50)) }
            : { method: 'POST', url: r.url, payload, headers: { 'content-type': contentType } },
        );
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) {
          const j = res.json() as { error: string; message: string };
          expect(typeof j.error).toBe('string');
          expect(clear(j.message)).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: 18 },
    );
  });
});
