/**
 * The example scenario files scenarios/liberation-day/*.yaml, read as the scenario layer will
 * (options.revenue / options.variant, policy.tariffs entries with `preset:`), give the paper's cells.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadDataset } from '../../data/load.ts';
import { solveOneSector2025 } from './solve.ts';
import { buildTariffMatrix, type PresetEntry } from './tariffs.ts';
import type { OneSector2025Options } from './economy.ts';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'scenarios', 'liberation-day');
const EXPECTED_USA_WELFARE: Record<string, number> = {
  'table1-case1-ustr-income-tax-relief': 1.13,
  'table1-case2-ustr-lump-sum': -0.01,
  'table1-case3-us-optimal': 1.79,
  'table2-case1-reciprocal-retaliation': -0.36,
  'table2-case3-optimal-retaliation': -0.75,
  'table2-case4-optimal-tariff-optimal-retaliation': -0.32,
  'table9-alt2-partial-pass-through': 1.36,
  'table9-alt3-eps8': 0.33,
  'table9-alt4-eaton-kortum': 1.24,
};

describe('scenarios/liberation-day', () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  it('has one file per paper case', () => {
    expect(files.map((f) => f.replace(/\.yaml$/, ''))).toEqual(Object.keys(EXPECTED_USA_WELFARE).sort());
  });
  for (const f of files) {
    it(`${f} reproduces the published USA welfare`, () => {
      const s = parse(readFileSync(join(DIR, f), 'utf8'));
      expect(s).toMatchObject({ lancaster: 1, model: 'one-sector-2025', dataset: 'world-2023' });
      const d = loadDataset(s.dataset);
      const opts: OneSector2025Options = { revenue: s.options.revenue, variant: s.options.variant ?? 'baseline' };
      const t = buildTariffMatrix(d, opts, s.policy.tariffs as PresetEntry[]);
      const r = solveOneSector2025(d, t, opts).result;
      expect(r.status).toBe('converged');
      expect(
        Math.abs(r.countries.USA.welfare_pct! - EXPECTED_USA_WELFARE[f.replace(/\.yaml$/, '')]),
      ).toBeLessThanOrEqual(0.01);
    });
  }
});
