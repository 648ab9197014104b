import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../spec/errors.ts';
import { readSweepFile, setField } from './plan.ts';

const dir = mkdtempSync(join(tmpdir(), 'lancaster-sweep-'));
const scenarios = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const sweep = (body: string) => {
  const f = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, `lancaster: 1\nname: t\nscenario: ${scenarios}nafta-cp2015.yaml\ndraws: 2\nseed: 1\n${body}`);
  return f;
};

describe('sweep files', () => {
  it('draws every prior that applies, and writes the draws into the scenario', () => {
    const plan = readSweepFile(fileURLToPath(new URL('./fixtures/ree.yaml', import.meta.url)));
    expect(plan.priors.map((p) => p.id)).toEqual([
      'trade_elasticity',
      'short_run_ratio',
      'input_elasticity',
      'critical_input_elasticity',
      'inverse_supply_elasticity',
    ]);
    expect(plan.points).toEqual([
      { 'policy.export_controls.0.approval': 0.25 },
      { 'policy.export_controls.0.approval': 0.5 },
    ]);
    const s = JSON.parse(plan.scenarioText(1, 0));
    expect(s.options.horizon).toBeUndefined();
    expect(s.options.elasticity_scale).toBeCloseTo(plan.values[0][0] * plan.values[1][0], 12);
    expect(s.options.critical_inputs.elasticity).toBe(plan.values[3][0]);
    expect(s.policy.export_controls[0].approval).toBe(0.5);
    expect(s.policy.capacity[0].supply_elasticity).toBeCloseTo(1 / plan.values[4][0], 12);
    expect(JSON.parse(plan.scenarioText(1, null)).policy.capacity[0]).not.toHaveProperty('supply_elasticity');
    expect(JSON.parse(plan.scenarioText(0, null)).options).toMatchObject({
      horizon: 'short-run',
      critical_inputs: { elasticity: 0.1 },
    });
  });

  it('refuses a prior that does not exist or does not apply, with the line of the sweep file', () => {
    expect(() => readSweepFile(sweep('priors: [theta_by_sector]\n'))).toThrow(
      /:6:\d+ priors: Expected a prior of trade_elasticity, .*found "theta_by_sector"/,
    );
    expect(() => readSweepFile(sweep('priors: [critical_input_elasticity]\n'))).toThrow(/does not/);
  });

  it('refuses a grid value that makes the scenario invalid, naming the field and value', () => {
    const f = sweep('grid:\n  options.elasticity_scale: [1, -2]\n');
    expect(() => readSweepFile(f)).toThrow(ScenarioError);
    expect(() => readSweepFile(f)).toThrow(
      /:7:\d+ grid.options.elasticity_scale: expected a valid scenario at options.elasticity_scale = -2/,
    );
  });

  it('sets fields by dotted path, and refuses an index past the end of a list', () => {
    const s = { a: [{ b: 1 }] };
    setField(s, 'a.0.b', 2);
    setField(s, 'c.d', 3);
    expect(s).toEqual({ a: [{ b: 2 }], c: { d: 3 } });
    expect(() => setField(s, 'a.4.b', 1)).toThrow(/a\.4/);
  });
});
