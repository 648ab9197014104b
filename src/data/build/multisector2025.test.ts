import { describe, expect, it } from 'vitest';
import { loadDataset } from '../load.ts';
import { baselineFromDataset } from '../../model/ge/baseline.ts';
import { calibratedBaseline, runGe } from '../../model/ge/run.ts';

// Reads only the committed dataset (data/multisector-2025); the builder alone reads ../shared.
describe('multisector-2025 (committed dataset)', () => {
  const d = loadDataset('multisector-2025');
  const { N, J } = d;
  const r = (c: string) => d.regions.indexOf(c);
  const s = (c: string) => d.sectors.indexOf(c);
  const goodsLike = (c: string) => c === 'REE' || c === 'SEMI' || Number(c.slice(1)) <= 16;
  const goods = (importer: string, exporter: string) => {
    let v = 0;
    d.sectors.forEach((c, j) => { if (goodsLike(c)) v += d.flows[(r(importer) * N + r(exporter)) * J + j]; });
    return v / 1000;
  };
  const avgTariff = (importer: string, exporter: string) => {
    let a = 0, b = 0;
    d.sectors.forEach((c, j) => { if (goodsLike(c)) { const q = (r(importer) * N + r(exporter)) * J + j; a += d.flows[q] * d.tariff[q]; b += d.flows[q]; } });
    return a / b;
  };

  it('has 19 WIOD regions, 35 WIOD sectors plus REE and SEMI, the EU group and the multisector model', () => {
    expect(d.regions).toEqual(['USA', 'CHN', 'JPN', 'KOR', 'TWN', 'DEU', 'FRA', 'ITA', 'GBR', 'EUR', 'CAN', 'MEX', 'IND', 'BRA', 'RUS', 'AUS', 'IDN', 'TUR', 'ROW']);
    expect(d.sectors).toEqual([...Array.from({ length: 35 }, (_, j) => `c${j + 1}`), 'REE', 'SEMI']);
    expect(d.manifest.groups.EU).toEqual(['DEU', 'FRA', 'ITA', 'EUR']);
    expect(d.manifest.default_model).toBe('multisector');
    expect(d.manifest.unit).toBe('million USD');
    expect(d.theta[s('c20')]).toBe(8.22);
    expect(d.theta[s('c8')]).toBe(64.85);
  });

  it('passes the build checks written in its provenance', () => {
    for (const c of d.manifest.provenance.checks) expect([c.name, c.passed]).toEqual([c.name, true]);
    expect(d.manifest.provenance.assumptions.length).toBeGreaterThan(10);
  });

  it('carries BACI 2023 US–China goods trade (±2%) and the 20 January 2025 tariff averages', () => {
    expect(Math.abs(goods('USA', 'CHN') / 440 - 1)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(goods('CHN', 'USA') / 145 - 1)).toBeLessThanOrEqual(0.02);
    expect(avgTariff('USA', 'CHN')).toBeGreaterThan(0.15);
    expect(avgTariff('USA', 'CHN')).toBeLessThan(0.26);
    expect(avgTariff('CHN', 'USA')).toBeGreaterThan(0.15);
    expect(avgTariff('CHN', 'USA')).toBeLessThan(0.26);
    expect(avgTariff('USA', 'CAN')).toBeLessThan(0.02);
  });

  it('balances: world exports equal world imports, costs add up to output, shares sum to one', () => {
    let x = 0, m = 0;
    for (let n = 0; n < N; n++) for (let i = 0; i < N; i++) if (n !== i) for (let j = 0; j < J; j++) { m += d.flows[(n * N + i) * J + j]; x += d.flows[(i * N + n) * J + j]; }
    expect(Math.abs(x - m) / x).toBeLessThan(1e-12);
    for (let n = 0; n < N; n++) {
      let a = 0;
      for (let j = 0; j < J; j++) {
        a += d.finalShare[n * J + j];
        let io = 0;
        for (let k = 0; k < J; k++) io += d.io[(n * J + k) * J + j];
        expect(Math.abs(io - 1)).toBeLessThan(1e-9);
      }
      expect(Math.abs(a - 1)).toBeLessThan(1e-9);
    }
  });

  it('keeps REE tiny and SEMI sizeable; China makes most rare-earth products', () => {
    let ree = 0, semi = 0, world = 0, reeChn = 0;
    for (let n = 0; n < N; n++) for (let i = 0; i < N; i++) for (let j = 0; j < J; j++) {
      const v = d.flows[(n * N + i) * J + j];
      world += v;
      if (j === s('REE')) { ree += v; if (i === r('CHN')) reeChn += v; }
      if (j === s('SEMI')) semi += v;
    }
    expect(ree / world).toBeLessThan(1e-3);
    expect(reeChn / ree).toBeGreaterThan(0.7);
    expect(semi / 1000).toBeGreaterThan(500);
  });

  it('solves a zero shock with data deficits: converges and the calibrated baseline stays at the data', () => {
    const raw = baselineFromDataset(d);
    const tau = Float64Array.from(d.tariff, (t) => 1 + t);
    const run = runGe(d, 'multisector', tau, { baseline: 'keep-deficits', publishedWelfare: false });
    expect(run.result.status).toBe('converged');
    const b = calibratedBaseline(d, 'keep-deficits');
    let worst = 0; // largest relative change in ŵ of the calibration solve
    for (let n = 0; n < N; n++) worst = Math.max(worst, Math.abs(b.VA[n] / raw.VA[n] - 1));
    expect(worst).toBeLessThan(1e-4);
    for (const c of Object.values(run.result.countries)) expect(Math.abs(c.real_income_pct!)).toBeLessThan(1e-8);
  });
});
