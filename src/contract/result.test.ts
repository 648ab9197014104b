import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { scenarioJsonSchema } from '../spec/scenario.ts';
import { parseScenarioText } from '../scenario/parse.ts';
import { ScenarioError } from '../spec/errors.ts';
import { BandAccumulator } from '../sweep/bands.ts';
import { BandsSchema, TimelineRunSchema } from './result.ts';
import { RESULT_SCHEMAS, resultJsonSchema } from './schema.ts';

const ajv = () => new Ajv2020({ strict: false, allErrors: true });
const withRate = (rate: unknown) => ({
  lancaster: 1,
  name: 'rate check',
  model: 'cp2015',
  policy: { tariffs: [{ importer: 'USA', exporter: 'MEX', rate }] },
});

describe("the published scenario schema carries the validator's bounds", () => {
  const validate = ajv().compile(scenarioJsonSchema() as object);
  it.each([-0.1, 11, '-5%', 'lots'])('refuses the rate %s in an editor as the CLI does', (rate) => {
    expect(validate(withRate(rate))).toBe(false);
    expect(() => parseScenarioText(JSON.stringify(withRate(rate)), 'rate.json')).toThrow(ScenarioError);
  });
  it.each([0, 0.25, 10, '54%'])('accepts the rate %s in both', (rate) => {
    expect(validate(withRate(rate)), JSON.stringify(validate.errors)).toBe(true);
    expect(() => parseScenarioText(JSON.stringify(withRate(rate)), 'rate.json')).not.toThrow();
  });
});

describe('the published result schema', () => {
  it('is a JSON Schema with one definition per result kind, which a validator compiles', () => {
    const s = resultJsonSchema() as { $defs: Record<string, unknown> };
    expect(
      Object.keys(s.$defs)
        .filter((k) => k.endsWith('Result'))
        .sort(),
    ).toEqual(
      Object.keys(RESULT_SCHEMAS)
        .map((k) => `${k}Result`)
        .sort(),
    );
    expect(() => ajv().compile(s as object)).not.toThrow();
  });

  it('refuses a timeline step without by_horizon and a result without provenance', () => {
    const step = {
      date: '2025-01-01',
      label: 'x',
      source: 'y',
      solved: true,
      status: 'converged',
      iterations: 1,
      residual: 0,
      seconds: 0,
      countries: { USA: { welfare_pct: 1 } },
      average_tariffs: {},
    };
    const run = {
      model: 'm',
      dataset: 'd',
      horizon: 'long-run',
      status: 'converged',
      seconds: 0,
      start: { average_tariffs: {} },
      steps: [step],
    };
    const issues = TimelineRunSchema.safeParse(run).error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(expect.arrayContaining(['steps.0.by_horizon', 'provenance']));
  });
});

describe('the bands of a sweep', () => {
  const central = {
    status: 'converged',
    seconds: 1,
    countries: { USA: { welfare_pct: -0.2, prices_pct: 1.5 }, CHN: { welfare_pct: -0.4 } },
    trade: { 'CHN->USA': -60 },
  };
  const draw = (k: number) => ({
    ...central,
    countries: { USA: { welfare_pct: -0.2 - k / 100, prices_pct: 1.5 + k / 10 }, CHN: { welfare_pct: -0.4 + k / 100 } },
    trade: { 'CHN->USA': -60 + k },
  });

  it('validates the bands a BandAccumulator makes: p5 ≤ p50 ≤ p95 in the shape of the result', () => {
    const acc = new BandAccumulator(central, 20);
    for (let k = 0; k < 20; k++) acc.add(k, draw(k));
    const bands = acc.bands();
    expect(BandsSchema.safeParse(bands).success).toBe(true);
    const usa = (bands as { countries: { USA: { prices_pct: { p5: number; p50: number; p95: number } } } }).countries
      .USA.prices_pct;
    expect(usa.p5).toBeLessThan(usa.p50);
    expect(usa.p50).toBeLessThan(usa.p95);
    expect(ajv().validate(resultJsonSchema() as object, sweepWith(bands))).toBe(true);
  });

  it('refuses a band without its 95th percentile and a band given as a bare number', () => {
    const issues = (b: unknown) => BandsSchema.safeParse(b).success;
    expect(issues({ countries: { USA: { welfare_pct: { p5: -1, p50: 0 } } } })).toBe(false);
    expect(issues({ countries: { USA: { welfare_pct: 0.5 } } })).toBe(false);
    expect(RESULT_SCHEMAS.sweep.safeParse(sweepWith({ x: 1 })).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'points.0.bands',
    ]);
  });
});

const PROVENANCE = {
  code: { version: '0', commit: null },
  dataset: { id: 'd', version: null, hash: null },
  model: { id: 'm', options: {} },
  parameters: [],
};

/** A sweep result of one grid point whose central run failed, with the given bands. */
function sweepWith(bands: unknown) {
  return {
    name: 's',
    scenario: 's.yaml',
    seed: 1,
    draws: 20,
    status: 'incomplete',
    executor: 'InlineExecutor',
    seconds: 1,
    priors: [],
    samples: [],
    points: [
      {
        grid: {},
        result: null,
        bands,
        draws: { requested: 20, used: 20, not_converged: [], failed: [] },
        central_error: 'x',
      },
    ],
    provenance: PROVENANCE,
  };
}
