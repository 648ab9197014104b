import { describe, it, expect } from 'vitest';
import { readScenarioFile } from '../scenario/parse.ts';
import { loadDataset } from '../data/load.ts';
import { usOptimalTariff } from '../model/oneSector2025/index.ts';
import { prepareStrategy } from './check.ts';
import { makeGame, startOf } from './game.ts';
import { bestResponse } from './bestResponse.ts';

const FILE = new URL('../../scenarios/strategy/us-optimal-uniform.yaml', import.meta.url).pathname;

describe('US optimal uniform tariff in the 2025 one-sector model (world-2023)', () => {
  it('found from zero does at least as well as the paper formula (≈ 21.8%, +1.79%) and is the maximum of a fine scan to 1e-3', async () => {
    const p = prepareStrategy(readScenarioFile(FILE));
    const g = makeGame(p.spec, p.strategy.options);
    const welfare = async (ts: number[]) =>
      (await g.evaluator.evaluate(ts.map((t) => Float64Array.of(t)))).map((e) => {
        expect(e.status).toBe('converged');
        return e.objectives[0];
      });
    const formula = usOptimalTariff(
      loadDataset('world-2023'),
      { revenue: 'income-tax-relief', variant: 'baseline' },
      'table1',
    );
    expect(formula).toBeCloseTo(0.218, 3);
    const [atFormula] = await welfare([formula]);
    expect(atFormula).toBeCloseTo(1.79, 2);

    expect(startOf(g)[0]).toBe(0);
    const br = await bestResponse(g, 0, startOf(g));
    expect(br.converged).toBe(true);
    expect(br.after).toBeGreaterThanOrEqual(atFormula);
    expect(br.x[0]).toBeGreaterThan(formula); // the formula is an approximation: the optimum lies higher

    // Coarse scan of [0, 1] (step 0.05) and fine scan ±0.02 around the optimum (step 0.001).
    const coarse = await welfare(Array.from({ length: 21 }, (_, k) => 0.05 * k));
    const fine = await welfare(Array.from({ length: 41 }, (_, k) => br.x[0] + 0.001 * (k - 20)));
    expect(Math.max(...coarse, ...fine)).toBeLessThanOrEqual(br.after + 1e-3);
    expect(Math.max(...fine) - br.after).toBeLessThan(1e-6);
  });
});
