import { describe, it, expect } from 'vitest';
import { loadDataset } from '../../data/load.ts';
import { runGe } from './run.ts';
import { importsFromPct } from './outputs.ts';

/** Caliendo & Parro (2015) Table 2 (zero-deficit baseline) and the abstract's intra-NAFTA imports. */
const PUBLISHED = {
  MEX: { welfare: 1.31, tot: -0.41, vot: 1.72, realWage: 1.72, importsNafta: 118 },
  CAN: { welfare: -0.06, tot: -0.11, vot: 0.04, realWage: 0.32, importsNafta: 11 },
  USA: { welfare: 0.08, tot: 0.04, vot: 0.04, realWage: 0.11, importsNafta: 41 },
};

describe('the Caliendo–Parro NAFTA counterfactual', () => {
  const d = loadDataset('cp2015');
  const nafta = ['CAN', 'MEX', 'USA'].map((c) => d.regions.indexOf(c));
  const tau = Float64Array.from(d.tariff, (t) => 1 + t);
  const sched = d.schedules['tariffs-2005'];
  for (const n of nafta)
    for (const i of nafta)
      if (n !== i) for (let j = 0; j < d.J; j++) tau[(n * d.N + i) * d.J + j] = 1 + sched[(n * d.N + i) * d.J + j];
  const run = runGe(d, 'cp2015', tau, { baseline: 'zero-deficit', publishedWelfare: true });

  it('converges', () => {
    expect(run.result.status).toBe('converged');
    expect(run.result.residual).toBeLessThan(1e-10);
  });

  for (const [code, p] of Object.entries(PUBLISHED)) {
    it(`reproduces the published welfare, terms of trade, volume of trade and real wage of ${code} to ±0.005 points`, () => {
      const r = run.result.countries[code];
      // Published numbers have 2 decimals; ±0.005 is half their last digit.
      expect(Math.abs(r.welfare_pct! - p.welfare)).toBeLessThanOrEqual(0.005);
      expect(Math.abs(r.terms_of_trade_pct! - p.tot)).toBeLessThanOrEqual(0.005);
      expect(Math.abs(r.volume_of_trade_pct! - p.vot)).toBeLessThanOrEqual(0.005);
      expect(Math.abs(r.real_wage_pct! - p.realWage)).toBeLessThanOrEqual(0.005);
    });
    it(`reproduces ${code}'s imports from its NAFTA partners to ±0.5 points`, () => {
      const n = d.regions.indexOf(code);
      expect(
        Math.abs(importsFromPct(run.baseline, run.shock, run.solution, n, nafta) - p.importsNafta),
      ).toBeLessThanOrEqual(0.5);
    });
  }

  it('reports the exact real-income change apart from the published measure (Mexico ≈ +0.01%)', () => {
    expect(run.result.countries.MEX.real_income_pct).toBeCloseTo(0.0073, 3);
  });
});
