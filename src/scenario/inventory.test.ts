/**
 * The weekly inventory clock (inventory.ts): mechanics on a synthetic solver, then on the model —
 * stocks deplete over dated steps and carry from one step to the next, a longer restriction hurts
 * more, a near ban more than a partial one.
 */
import { describe, it, expect } from 'vitest';
import { loadDataset } from '../data/load.ts';
import { runInventoryClock, type ClockSolver } from '../model/inventory.ts';
import { parseScenarioText } from './parse.ts';
import { solveScenario } from './solve.ts';
import type { GeModelResult } from '../model/registry.ts';
import { intervals, weeksBetween, addDays } from '../policy/clock.ts';

const d = loadDataset('multisector-2025');
const J = d.J;
const cell = (r: string, s: string) => d.regions.indexOf(r) * J + d.sectors.indexOf(s);

describe('the scenario clock', () => {
  it('counts weeks between dates and gives each dated step its interval', () => {
    expect(weeksBetween('2025-04-04', '2025-04-18')).toBe(2);
    expect(addDays('2025-04-04', 7 * 8.5)).toBe('2025-06-02');
    const iv = intervals(
      [
        { date: '2025-04-04', state: 'a' },
        { date: '2025-06-27', state: 'b' },
      ],
      '2025-12-31',
    );
    expect(iv.map((x) => [x.start, x.end, x.state])).toEqual([
      ['2025-04-04', '2025-06-27', 'a'],
      ['2025-06-27', '2025-12-31', 'b'],
    ]);
    expect(() =>
      intervals(
        [
          { date: '2025-06-01', state: 0 },
          { date: '2025-05-01', state: 1 },
        ],
        '2026-01-01',
      ),
    ).toThrow('expected steps in date order');
  });
});

describe('the inventory clock (synthetic solver)', () => {
  // A "solution" is the set of covered cells; the shortage of a cell is its step's rate; the
  // measure is minus the number of uncovered short cells (the harm).
  const rates = [
    new Map([
      [cell('USA', 'MAG'), 0.5],
      [cell('DEU', 'MAG'), 0.25],
    ]),
    new Map([
      [cell('USA', 'MAG'), 0.1],
      [cell('DEU', 'MAG'), 0.05],
    ]),
  ];
  const solver: ClockSolver<number> = {
    solve: (step, covered) => ({ step, covered: [...covered] }),
    shortage: (s, q) => rates[(s as { step: number }).step].get(q) ?? 0,
    measures: (s) => {
      const { step, covered } = s as { step: number; covered: number[] };
      const short = [...rates[step].keys()].filter((q) => !covered.includes(q)).length;
      return { USA: { harm: -short } };
    },
  };
  const cells = { cell: Int32Array.of(cell('USA', 'MAG'), cell('DEU', 'MAG')), weeks: Float64Array.of(4, 4) };

  it('draws stocks at the shortage rate, carries them over dated steps and dates the stock-outs', () => {
    // Step 0 (8 weeks): USA runs out after 4/0.5 = 8 weeks exactly; DEU has 4 − 8·0.25 = 2 weeks left.
    // Step 1 (rates a fifth): DEU's 2 weeks last 2/0.05 = 40 more weeks, beyond the 20-week step.
    const path = runInventoryClock(
      d,
      cells,
      intervals(
        [
          { date: '2025-04-04', state: 0 },
          { date: '2025-05-30', state: 1 },
        ],
        '2025-10-17',
      ),
      solver,
    );
    expect(path.weeks).toBe(28);
    const us = path.stockouts.find((s) => s.region === 'USA')!,
      de = path.stockouts.find((s) => s.region === 'DEU')!;
    expect(us.week).toBeCloseTo(8, 12);
    expect(us.date).toBe('2025-05-30');
    expect(de.week).toBeNull();
    expect(path.spans.map((s) => s.covered.length)).toEqual([2, 1]);
    expect(path.path).toHaveLength(28);
    expect(path.path[0].measures.USA.harm).toBe(0);
    expect(path.path[27].measures.USA.harm).toBe(-1);
    // Average harm: uncovered USA for 20 of 28 weeks.
    expect(path.average.USA.harm).toBeCloseTo(-20 / 28, 12);
  });

  it('makes a longer restriction hurt more: the first weeks are served from stock', () => {
    const run = (end: string) =>
      runInventoryClock(d, cells, intervals([{ date: '2025-04-04', state: 0 }], end), solver).average.USA.harm;
    expect(run('2025-06-06')).toBeGreaterThan(run('2026-10-02'));
  });
});

describe('inventories and approvals in the model', () => {
  const scenario = (approval: number, weeks: number) =>
    parseScenarioText(
      `lancaster: 1
name: t
model: multisector
options:
  horizon: short-run
  critical_inputs: { inputs: [REE], users: [c13, c14, c15, c31], elasticity: 0.1 }
  inventories: { weeks: { "USA:MAG": 8, "USA:RES": 8 }, duration_weeks: ${weeks}, start: 2025-04-04 }
policy:
  export_controls:
    - { origin: CHN, destination: "*", sectors: [RES, MAG], approval: ${approval} }
  capacity:
    - { region: "*", except: [CHN], sectors: [RES, MAG], limit: 1 }
report:
  countries: [USA]
`,
      't.yaml',
    );
  const partial = solveScenario(scenario(0.25, 78)) as GeModelResult;

  it('depletes US stocks over the restriction: an eighteen-month restriction costs more than a two-month one', () => {
    const short = solveScenario(scenario(0.25, 9)) as GeModelResult;
    expect(partial.inventories!.stockouts.every((s) => s.week === null || s.week > 8)).toBe(true);
    expect(short.inventories!.average.USA.real_gdp_pct).toBeGreaterThan(partial.inventories!.average.USA.real_gdp_pct);
    expect(short.inventories!.average.USA.c15_output_pct).toBeGreaterThanOrEqual(
      partial.inventories!.average.USA.c15_output_pct - 1e-12,
    );
  });

  it('makes a near ban hurt more than a partial restriction', () => {
    const near = solveScenario(scenario(0.05, 78)) as GeModelResult;
    expect(near.countries.USA.real_gdp_pct!).toBeLessThan(partial.countries.USA.real_gdp_pct!);
    expect(near.countries.USA.real_income_pct!).toBeLessThan(partial.countries.USA.real_income_pct!);
    expect(near.chain!.MAG.USA.shortage_pct).toBeGreaterThan(partial.chain!.MAG.USA.shortage_pct);
    // Stocks run out sooner when less is approved.
    const out = (r: GeModelResult) =>
      r.inventories!.stockouts.find((s) => s.region === 'USA' && s.sector === 'MAG')!.week!;
    expect(out(near)).toBeLessThan(out(partial));
  });
});
