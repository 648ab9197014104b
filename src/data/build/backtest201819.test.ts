import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../load.ts';
import { backtestYaml, preWarRates } from './backtest201819.ts';
import { SCENARIO_DIR } from '../../cli/run.ts';
import { backtest2018 } from '../../report/backtest.ts';
import { HAS_RAW } from './paths.ts';

const d = loadDataset('multisector-2025');

describe('the 2018–19 backtest', () => {
  it.runIf(HAS_RAW)(
    "is generated from the 2014 applied rates the dataset's layers were added to (needs the raw inputs, ../shared/data/raw)",
    () => {
      expect(readFileSync(join(SCENARIO_DIR, 'backtest-2018-19.yaml'), 'utf8'), 'run npm run scenario:backtest').toBe(
        backtestYaml(d),
      );
      // the layers are increases: the pre-war rate is never above the dataset's
      const { N, J } = d;
      for (const r of preWarRates(d)) {
        const q = (d.regions.indexOf(r.importer) * N + d.regions.indexOf(r.exporter)) * J + d.sectors.indexOf(r.sector);
        expect(r.rate, `${r.importer}<-${r.exporter} ${r.sector}`).toBeLessThanOrEqual(d.tariff[q] + 1e-6);
      }
    },
  );

  it('solves, and finds the layers costly to both and passed through to US import prices', () => {
    const b = backtest2018(SCENARIO_DIR);
    expect(b.status).toBe('converged');
    const row = (w: string) => b.rows.find((x) => x.what.startsWith(w))!;
    expect(row('US real income').model).toBeLessThan(0);
    expect(row('China real income').model).toBeLessThan(0);
    const pt = row('Pass-through').model;
    expect(pt).toBeGreaterThan(0.5);
    expect(pt).toBeLessThanOrEqual(1.0001);
  });
});
