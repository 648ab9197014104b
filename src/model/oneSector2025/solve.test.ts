import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDataset } from '../../data/load.ts';
import { solveOneSector2025 } from './solve.ts';
import { buildTariffMatrix, PAPER_CASES } from './tariffs.ts';
import { baselineOf } from './cache.ts';
import { INDICATORS } from './outcomes.ts';
import type { OneSector2025Options } from './economy.ts';

const d = loadDataset('world-2023');
const N = d.N;
const opts: OneSector2025Options = { revenue: 'income-tax-relief', variant: 'baseline' };
const ustr = buildTariffMatrix(d, opts, PAPER_CASES.ustr);

describe('baseline construction', () => {
  const b = baselineOf(d);
  it('calibrates ν as the authors (0.114335 non-US, 0.270471 US)', () => {
    expect(b.nuEq[0]).toBeCloseTo(0.114335, 6);
    expect(b.nuEq[1]).toBeCloseTo(0.270471, 6);
  });
  it('balances: Σ T = 0, E = Σ purchases, shares add to 1', () => {
    let sumT = 0,
      sumE = 0;
    for (let n = 0; n < N; n++) {
      sumT += b.T[n];
      sumE += b.E[n];
      let s = 0;
      for (let i = 0; i < N; i++) s += b.lam[n * N + i];
      expect(s).toBeCloseTo(1, 12);
    }
    expect(Math.abs(sumT) / sumE).toBeLessThan(1e-12);
  });
});

describe('zero tariffs', () => {
  for (const variant of ['baseline', 'eaton-kortum', 'eps8', 'partial-pass-through'] as const) {
    for (const revenue of ['income-tax-relief', 'lump-sum'] as const) {
      it(`return the baseline exactly (${variant}, ${revenue})`, () => {
        const s = solveOneSector2025(d, new Float64Array(N * N), { revenue, variant });
        expect(s.result.status).toBe('converged');
        for (const k of INDICATORS)
          for (let n = 0; n < N; n++) expect(Math.abs(s.table[k][n]), `${k} ${d.regions[n]}`).toBeLessThan(1e-10);
        for (const v of s.unknowns) expect(Math.abs(v - 1)).toBeLessThan(1e-12);
      });
    }
  }
});

describe('solver reporting', () => {
  it('reports not-converged with the residual when the iteration budget is too small', () => {
    const s = solveOneSector2025(d, ustr, { ...opts, maxIterations: 1 });
    expect(s.result.status).toBe('not-converged');
    expect(s.result.iterations).toBe(1);
    expect(s.result.residual).toBeGreaterThan(1e-11);
    expect(s.result.message).toMatch(/No convergence in 1 iterations: scaled residual .* > tolerance/);
  });
  it('reports where a non-finite value appears instead of returning numbers silently', () => {
    const warm = new Float64Array(3 * N).fill(1);
    warm[0] = 1e300; // ŵ of the first country overflows a_i
    const s = solveOneSector2025(d, ustr, opts, warm);
    expect(s.result.status).toBe('not-converged');
    expect(s.result.message).toMatch(/Non-finite residual at iteration 0: .*country index \d+/);
  });
  it('converges in 0 iterations from its own solution (warm start)', () => {
    const a = solveOneSector2025(d, ustr, opts);
    const b = solveOneSector2025(d, ustr, opts, a.unknowns);
    expect(b.result.status).toBe('converged');
    expect(b.result.iterations).toBe(0);
    expect(b.result.countries.USA.welfare_pct).toBeCloseTo(a.result.countries.USA.welfare_pct!, 9);
  });
  it('rejects malformed inputs with expected-vs-found messages', () => {
    expect(() => solveOneSector2025(d, new Float64Array(3), opts)).toThrow(
      /Expected tariffs as a Float64Array of N\*N = 37636, found length 3/,
    );
    const neg = new Float64Array(N * N);
    neg[1] = -0.1;
    expect(() => solveOneSector2025(d, neg, opts)).toThrow(/Expected tariff rates >= 0, found -0.1/);
    expect(() => solveOneSector2025(d, ustr, { ...opts, variant: 'nope' as never })).toThrow(/Expected variant/);
    expect(() => solveOneSector2025(d, ustr, opts, new Float64Array(2))).toThrow(
      /Expected warm as a Float64Array of 3N = 582/,
    );
  });
  it('fills the ModelResult contract: model, dataset, every country, groups EU and non-US', () => {
    const r = solveOneSector2025(d, ustr, opts).result;
    expect(r.model).toBe('one-sector-2025');
    expect(r.dataset).toBe('world-2023');
    expect(Object.keys(r.countries)).toHaveLength(N);
    expect(Object.keys(r.groups!)).toEqual(expect.arrayContaining(['EU', 'EU27', 'RoW', 'non-US']));
    for (const c of Object.values(r.countries)) for (const k of INDICATORS) expect(Number.isFinite(c[k])).toBe(true);
    expect(r.seconds).toBeGreaterThan(0);
  });
});

describe('invariants (property tests)', () => {
  it('random uniform US tariffs converge, keep the numeraire and raise US revenue with the rate', () => {
    const us = d.regions.indexOf('USA');
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1, noNaN: true }), (rate) => {
        const t = new Float64Array(N * N);
        for (let i = 0; i < N; i++) if (i !== us) t[us * N + i] = rate;
        const s = solveOneSector2025(d, t, opts);
        expect(s.result.status).toBe('converged');
        const b = baselineOf(d);
        let num = 0;
        for (let n = 0; n < N; n++) num += s.table.prices_pct[n] * b.E[n];
        expect(Math.abs(num / b.E.reduce((a, v) => a + v, 0))).toBeLessThan(1e-8); // Σ (P̂ − 1) E = 0
        expect(s.result.countries.USA.tariff_revenue_pct_gdp).toBeGreaterThan(0);
      }),
      { numRuns: 8, seed: 2025 },
    );
  });
});
