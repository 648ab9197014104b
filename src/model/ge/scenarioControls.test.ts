/**
 * Export controls and input nests through scenario files (scenarios/controls/*.yaml): options,
 * sector detail for chosen regions, wedges in the result, and validation errors.
 */
import { describe, it, expect } from 'vitest';
import { readScenarioFile, parseScenarioText } from '../../scenario/parse.ts';
import { solveScenario } from '../../scenario/solve.ts';
import { ScenarioError } from '../../scenario/errors.ts';
import type { GeModelResult } from '../../scenario/models.ts';

const solve = (f: string) => solveScenario(readScenarioFile(f)) as GeModelResult;

describe('export-control scenarios', () => {
  it('solves China\'s REE licensing with sector detail for the US and China', () => {
    const r = solve('scenarios/controls/china-ree-licensing-2025.yaml');
    expect(r.status).toBe('converged');
    expect(r.cap_residual!).toBeLessThan(1e-10);
    expect(r.export_controls!.length).toBe(18);
    expect(r.export_controls!.every((c) => c.origin === 'CHN' && c.sector === 'REE' && c.binding && Math.abs(c.quantity_pct + 75) < 1e-6)).toBe(true);
    expect(r.elasticities).toEqual({ trade_scale: 0.4, horizon: 'short-run', input_elasticity: 1, critical_inputs: { inputs: ['REE'], users: ['c13', 'c14', 'c15', 'c31'], elasticity: 0.1 } });
    const c15 = r.sectors!.USA.c15;
    expect(c15.output_before).toBeGreaterThan(0);
    expect(Math.abs(c15.value_lost - c15.output_before * (-c15.real_output_pct / 100))).toBeLessThan(1e-6 * c15.output_before);
    expect(r.sectors!.USA.REE.price_pct).toBeGreaterThan(5);
    expect(r.countries.CHN.export_rents_pct_gdp).toBeGreaterThan(0);
  });

  it('solves the coalition chip controls', () => {
    const r = solve('scenarios/controls/us-chip-controls.yaml');
    expect(r.status).toBe('converged');
    expect(r.export_controls!.map((c) => c.origin)).toEqual(['USA', 'JPN', 'KOR', 'TWN', 'EUR']);
    expect(r.sectors!.CHN.c14.real_output_pct).toBeLessThan(0);
    expect(r.countries.CHN.real_income_pct!).toBeLessThan(0);
  });

  const text = (extra: string) => `lancaster: 1\nname: t\nmodel: multisector\n${extra}`;
  it('rejects horizon together with elasticity_scale', () => {
    expect(() => parseScenarioText(text('options:\n  horizon: short-run\n  elasticity_scale: 0.5\n'), 't.yaml')).toThrow(/expected either horizon or elasticity_scale, found both/);
  });

  it('reports a ban that leaves an importer without supply as a validation error', () => {
    const p = parseScenarioText(text('policy:\n  export_controls:\n    - { origin: "*", destination: KOR, sectors: [REE], approval: 0 }\n'), 't.yaml');
    expect(() => solveScenario(p)).toThrow(ScenarioError);
    expect(() => solveScenario(p)).toThrow(/expected importer KOR to keep a supplier of sector REE/);
  });

  it('rejects unknown sectors in the nest options, naming the option', () => {
    const p = parseScenarioText(text('options:\n  input_elasticity: { "*": 0.8, "USA:c99": 0.2 }\n'), 't.yaml');
    expect(() => solveScenario(p)).toThrow(/options.input_elasticity.USA:c99/);
  });
});
