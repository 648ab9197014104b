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
  const goodsLike = (c: string) => ['REM', 'RES', 'MAG', 'SEMI'].includes(c) || Number(c.slice(1)) <= 16;
  const goods = (importer: string, exporter: string) => {
    let v = 0;
    d.sectors.forEach((c, j) => {
      if (goodsLike(c)) v += d.flows[(r(importer) * N + r(exporter)) * J + j];
    });
    return v / 1000;
  };
  const avgTariff = (importer: string, exporter: string) => {
    let a = 0,
      b = 0;
    d.sectors.forEach((c, j) => {
      if (goodsLike(c)) {
        const q = (r(importer) * N + r(exporter)) * J + j;
        a += d.flows[q] * d.tariff[q];
        b += d.flows[q];
      }
    });
    return a / b;
  };

  it('has 19 WIOD regions with Vietnam and the rest of ASEAN carved out of ROW, 35 WIOD sectors plus the rare-earth chain (REM, RES, MAG; group REE) and SEMI, the EU group and the multisector model', () => {
    expect(d.regions).toEqual([
      'USA',
      'CHN',
      'JPN',
      'KOR',
      'TWN',
      'DEU',
      'FRA',
      'ITA',
      'GBR',
      'EUR',
      'CAN',
      'MEX',
      'IND',
      'BRA',
      'RUS',
      'AUS',
      'IDN',
      'TUR',
      'ROW',
      'VNM',
      'ASN',
    ]);
    expect(d.sectors).toEqual([...Array.from({ length: 35 }, (_, j) => `c${j + 1}`), 'REM', 'RES', 'MAG', 'SEMI']);
    expect(d.manifest.sector_groups!.REE).toEqual(['REM', 'RES', 'MAG']);
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
    let x = 0,
      m = 0;
    for (let n = 0; n < N; n++)
      for (let i = 0; i < N; i++)
        if (n !== i)
          for (let j = 0; j < J; j++) {
            m += d.flows[(n * N + i) * J + j];
            x += d.flows[(i * N + n) * J + j];
          }
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

  const output = (i: number, j: number) => {
    let v = 0;
    for (let n = 0; n < N; n++) v += d.flows[(n * N + i) * J + j];
    return v;
  };
  const worldOutput = (j: number) => {
    let v = 0;
    for (let i = 0; i < N; i++) v += output(i, j);
    return v;
  };

  it("keeps the rare-earth chain tiny and SEMI sizeable; China's shares of each stage are the sourced ones", () => {
    let world = 0;
    for (let q = 0; q < d.flows.length; q++) world += d.flows[q];
    const chain = ['REM', 'RES', 'MAG'].map(s);
    expect(chain.reduce((a, j) => a + worldOutput(j), 0) / world).toBeLessThan(1e-3);
    expect(worldOutput(s('SEMI')) / 1000).toBeGreaterThan(500);
    // USGS 69% of mining; IEA 91% of separation, 94% of magnet making.
    expect(output(r('CHN'), s('REM')) / worldOutput(s('REM'))).toBeCloseTo(0.69, 2);
    expect(output(r('CHN'), s('RES')) / worldOutput(s('RES'))).toBeCloseTo(0.91, 1);
    expect(output(r('CHN'), s('MAG')) / worldOutput(s('MAG'))).toBeCloseTo(0.94, 2);
  });

  it("gives the US no invented supply: its concentrate goes to China, its separation is MP's NdPr, its magnets a small plant", () => {
    const us = r('USA'),
      cn = r('CHN');
    const rem = s('REM'),
      res = s('RES'),
      mag = s('MAG');
    // Mountain Pass concentrate: nearly all exported to China (what MP separates itself stays).
    expect(d.flows[(cn * N + us) * J + rem] / output(us, rem)).toBeGreaterThan(0.7);
    // Separation: 1,294 t NdPr at $51/kg ≈ $66m; magnets: 1,000 t at $49.2/kg ≈ $49m.
    expect(Math.abs(output(us, res) - 66)).toBeLessThan(1);
    expect(Math.abs(output(us, mag) - 49.2)).toBeLessThan(1);
    // US magnet users buy mostly imports, mostly Chinese (≈ 84% of US NdFeB imports by value).
    let imp = 0;
    for (let i = 0; i < N; i++) if (i !== us) imp += d.flows[(us * N + i) * J + mag];
    expect(d.flows[(us * N + cn) * J + mag] / imp).toBeGreaterThan(0.7);
  });

  it('links the chain: separation buys ore and magnet makers buy oxides (China at the derived cost shares)', () => {
    const cn = r('CHN');
    const buys = (k: string, user: string) => d.io[(cn * J + s(k)) * J + s(user)] * (1 - d.vaShare[cn * J + s(user)]);
    expect(buys('REM', 'RES')).toBeGreaterThan(0.25);
    expect(buys('RES', 'MAG')).toBeGreaterThan(0.25);
    expect(buys('MAG', 'c15')).toBeGreaterThan(0);
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
