/**
 * Export controls and input nests through scenario files (scenarios/controls/*.yaml): options,
 * sector detail for chosen regions, wedges in the result, and validation errors.
 */
import { describe, it, expect } from 'vitest';
import { readScenarioFile, parseScenarioText } from '../../scenario/parse.ts';
import { solveScenario } from '../../scenario/solve.ts';
import { ScenarioError } from '../../spec/errors.ts';
import type { GeModelResult } from '../registry.ts';

const solve = (f: string) => solveScenario(readScenarioFile(f)) as GeModelResult;

describe('export-control scenarios', () => {
  const ree = solve('scenarios/controls/china-ree-licensing-2025.yaml');

  it("solves China's rare-earth licensing by chain stage, with sector detail for the US and China", () => {
    const r = ree;
    expect(r.status).toBe('converged');
    expect(r.cap_residual!).toBeLessThan(1e-10);
    expect(r.capacity_residual!).toBeLessThan(1e-10);
    // RES and MAG to every destination but China itself (20 on the 21 regions of v1.2).
    expect(r.export_controls!.length).toBe(2 * (Object.keys(r.countries).length - 1));
    expect(
      r.export_controls!.every(
        (c) =>
          c.origin === 'CHN' && ['RES', 'MAG'].includes(c.sector) && Math.abs(c.quantity_pct + 75) < 1e-6 === c.binding,
      ),
    ).toBe(true);
    expect(r.elasticities!.critical_inputs).toMatchObject({
      inputs: ['REE'],
      users: ['c13', 'c14', 'c15', 'c31'],
      elasticity: 0.1,
    });
    const c15 = r.sectors!.USA.c15;
    expect(c15.output_before).toBeGreaterThan(0);
    expect(Math.abs(c15.value_lost - c15.output_before * (-c15.real_output_pct / 100))).toBeLessThan(
      1e-6 * c15.output_before,
    );
    expect(r.countries.CHN.export_rents_pct_gdp).toBeGreaterThan(0);
  });

  it('reports REM, RES and MAG per region with price, shortage and capacity rents, and real GDP for every country', () => {
    const r = ree;
    for (const sec of ['REM', 'RES', 'MAG'])
      for (const reg of ['USA', 'CHN', 'DEU', 'JPN']) {
        const c = r.chain![sec][reg];
        expect(Number.isFinite(c.price_pct) && Number.isFinite(c.shortage_pct)).toBe(true);
        expect(c.shortage_pct).toBeGreaterThanOrEqual(0);
      }
    // Magnets are short outside China and dear; Japan's bounded magnet makers earn the scarcity rent.
    expect(r.chain!.MAG.USA.shortage_pct).toBeGreaterThan(20);
    expect(r.chain!.MAG.USA.price_pct).toBeGreaterThan(r.chain!.MAG.CHN.price_pct);
    expect(r.chain!.MAG.JPN.capacity_binding).toBe(true);
    expect(r.chain!.MAG.JPN.capacity_rent).toBeGreaterThan(0);
    expect(r.countries.JPN.capacity_rents_pct_gdp).toBeGreaterThan(0);
    for (const c of Object.values(r.countries)) expect(Number.isFinite(c.real_gdp_pct)).toBe(true);
    expect(r.users!.USA.defence.value_lost).toBeDefined();
  });

  it('sweeps σ: a lower substitutability hurts the US more', () => {
    const s = ree.sweep!;
    expect(s.map((x) => x.sigma)).toEqual([0.02, 0.05, 0.1, 0.25, 1]);
    for (let k = 1; k < s.length; k++)
      expect(s[k - 1].measures.USA.real_gdp_pct).toBeLessThan(s[k].measures.USA.real_gdp_pct);
  });

  it('runs the stocks down on the weekly clock and reports stock-out dates', () => {
    const inv = ree.inventories!;
    expect(inv.start).toBe('2025-04-04');
    expect(inv.weeks).toBe(78);
    const us = inv.stockouts.find((o) => o.region === 'USA' && o.sector === 'MAG')!;
    expect(us.date! > '2025-04-04' && us.date! < '2026-10-01').toBe(true);
    expect(us.week).toBeCloseTo(8 / (us.draw_pct_per_week / 100), 9);
    // While stocks last the US is (nearly) unharmed; after the stock-out it is at the full restriction.
    expect(inv.path[0].measures.USA.real_gdp_pct).toBeGreaterThan(
      inv.path[inv.path.length - 1].measures.USA.real_gdp_pct,
    );
    // Once the US stocks are out, its losses are those of the restriction with only the late stocks left.
    const after = inv.spans.find((x) => x.from_week >= us.week! && !x.covered.some((c) => c.startsWith('USA:')))!;
    expect(after.measures.USA.real_gdp_pct).toBeLessThan(inv.path[0].measures.USA.real_gdp_pct);
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
    expect(() =>
      parseScenarioText(text('options:\n  horizon: short-run\n  elasticity_scale: 0.5\n'), 't.yaml'),
    ).toThrow(/expected either horizon or elasticity_scale, found both/);
  });

  it('reports a ban that leaves an importer without supply as a validation error', () => {
    const p = parseScenarioText(
      text('policy:\n  export_controls:\n    - { origin: "*", destination: KOR, sectors: [MAG], approval: 0 }\n'),
      't.yaml',
    );
    expect(() => solveScenario(p)).toThrow(ScenarioError);
    expect(() => solveScenario(p)).toThrow(/expected importer KOR to keep a supplier of sector MAG/);
  });

  it('rejects unknown sectors in the nest options, naming the option', () => {
    const p = parseScenarioText(text('options:\n  input_elasticity: { "*": 0.8, "USA:c99": 0.2 }\n'), 't.yaml');
    expect(() => solveScenario(p)).toThrow(/options.input_elasticity.USA:c99/);
  });
});

describe('infeasible supply', () => {
  it('is a validation error naming the scenario line, not a NaN: a user with no supplier and no stock', () => {
    // Korea buys magnets from China and from producers bounded here at zero capacity.
    const yaml = `lancaster: 1
name: t
model: multisector
policy:
  export_controls:
    - { origin: CHN, destination: KOR, sectors: [MAG], approval: 0 }
  capacity:
    - { region: "*", except: [CHN], sectors: [MAG], limit: 0 }
`;
    let err: unknown;
    try {
      solveScenario(parseScenarioText(yaml, 'bad.yaml'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    const issue = (err as ScenarioError).issues[0];
    expect(issue.message).toMatch(
      /expected importer KOR to keep a supplier of sector MAG, found every supplier banned or without capacity and no stock to draw on/,
    );
    expect(issue.line).toBe(8);
  });
});
