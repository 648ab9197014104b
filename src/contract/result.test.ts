import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { scenarioJsonSchema } from '../spec/scenario.ts';
import { parseScenarioText } from '../scenario/parse.ts';
import { ScenarioError } from '../spec/errors.ts';
import { RESULT_SCHEMAS, resultJsonSchema, TimelineRunSchema } from './result.ts';

const ajv = () => new Ajv2020({ strict: false, allErrors: true });
const withRate = (rate: unknown) => ({ lancaster: 1, name: 'rate check', model: 'cp2015', policy: { tariffs: [{ importer: 'USA', exporter: 'MEX', rate }] } });

describe('the published scenario schema carries the validator\'s bounds', () => {
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
    expect(Object.keys(s.$defs).sort()).toEqual(Object.keys(RESULT_SCHEMAS).map((k) => `${k}Result`).sort());
    expect(() => ajv().compile(s as object)).not.toThrow();
  });

  it('refuses a timeline step without by_horizon and a result without provenance', () => {
    const step = { date: '2025-01-01', label: 'x', source: 'y', solved: true, status: 'converged', iterations: 1, residual: 0, seconds: 0, countries: { USA: { welfare_pct: 1 } }, average_tariffs: {} };
    const run = { model: 'm', dataset: 'd', horizon: 'long-run', status: 'converged', seconds: 0, start: { average_tariffs: {} }, steps: [step] };
    const issues = TimelineRunSchema.safeParse(run).error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(expect.arrayContaining(['steps.0.by_horizon', 'provenance']));
  });
});
