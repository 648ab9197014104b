import { beforeAll, describe, expect, it } from 'vitest';
import { buildTable } from '../multisector2025.ts';
import { mergeRegions, outputs, tableResiduals, type IoValues } from '../../split.ts';
import { baciByRegion, gdpByRegion, regionOfCarved } from './raw.ts';
import { spreadCapped, spreadOrFill } from './regions.ts';
import { HAS_RAW } from '../paths.ts';

// Builds the table from ../shared/data (the raw inputs), as the builder does.
describe.runIf(HAS_RAW)(
  'Vietnam and the rest of ASEAN carved out of ROW (multisector-2025 build; needs the raw inputs, ../shared/data/raw)',
  () => {
    // Built in beforeAll: vitest runs a skipped suite's body to list its tests.
    let t: IoValues, u: IoValues, J: number, N: number, N0: number;
    beforeAll(() => {
      const b = buildTable();
      t = b.table;
      u = b.uncarved;
      [J, N, N0] = [t.sectors.length, t.regions.length, u.regions.length];
    });
    const idx = (c: string) => t.regions.indexOf(c);

    it('appends VNM and ASN after ROW and stays balanced', () => {
      expect(t.regions.slice(-3)).toEqual(['ROW', 'VNM', 'ASN']);
      const res = tableResiduals(t);
      expect(Math.max(res.row, res.column)).toBeLessThan(1e-9 * Math.max(...outputs(t)));
      // No negative cell that the uncarved table did not have (it has one rounding-size value added and one WIOD final demand).
      const negatives = (a: Float64Array) => a.reduce((s, v) => s + (v < 0 ? 1 : 0), 0);
      for (const key of ['trade', 'use', 'va', 'final'] as const)
        expect([key, negatives(t[key])]).toEqual([key, negatives(u[key])]);
    });

    it('round-trips: the carved regions merged back give the old ROW, every cell bit for bit', () => {
      const m = mergeRegions(mergeRegions(t, 'ROW', 'ASN'), 'ROW', 'VNM');
      expect(m.regions).toEqual(u.regions);
      for (const key of ['trade', 'tariff', 'use', 'final', 'va'] as const) {
        let off = 0;
        for (let q = 0; q < m[key].length; q++) if (!Object.is(m[key][q], u[key][q])) off++;
        expect([key, off]).toEqual([key, 0]);
      }
    });

    it('sums back to the old ROW in flows, expenditure and value added (the three regions add up)', () => {
      const row = [idx('ROW'), idx('VNM'), idx('ASN')],
        r0 = u.regions.indexOf('ROW');
      const sum = (a: Float64Array, n: number, k: number) => a[n * J + k];
      for (let k = 0; k < J; k++) {
        const va = row.reduce((a, n) => a + sum(t.va, n, k), 0),
          fin = row.reduce((a, n) => a + sum(t.final, n, k), 0);
        expect(va).toBeCloseTo(u.va[r0 * J + k], 6);
        expect(fin).toBeCloseTo(u.final[r0 * J + k], 6);
        // ROW's exports to the US in sector k = the three regions' exports.
        const us = idx('USA');
        const x = row.reduce((a, n) => a + t.trade[(us * N + n) * J + k], 0);
        expect(x).toBeCloseTo(u.trade[(us * N0 + r0) * J + k], 6);
      }
    });

    it('gives VNM and ASN their BACI 2023 goods exports to the other regions and their 2023 GDP as value added', () => {
      const baci = baciByRegion(regionOfCarved),
        gdp = gdpByRegion(regionOfCarved);
      const goodsIdx: number[] = t.sectors
        .map((c, j) =>
          (/^c(\d+)$/.test(c) && Number(c.slice(1)) <= 16) || ['REM', 'RES', 'MAG', 'SEMI'].includes(c) ? j : -1,
        )
        .filter((j) => j >= 0);
      for (const c of ['VNM', 'ASN']) {
        const i = idx(c);
        for (const o of ['USA', 'CHN', 'JPN', 'DEU', 'IND', 'IDN']) {
          const n = idx(o);
          const g = goodsIdx.reduce((a: number, j: number) => a + t.trade[(n * N + i) * J + j], 0);
          expect(g / baci.get(`${c}>${o}`)!).toBeCloseTo(1, 9);
        }
        let va = 0;
        for (let j = 0; j < J; j++) va += t.va[i * J + j];
        expect(va / gdp.get(c)!).toBeCloseTo(1, 9);
      }
      // VNM and ASN are more than a tenth of the old ROW's goods exports to the US.
      const us = idx('USA');
      const goodsTo = (n: number, i: number) =>
        goodsIdx.reduce((a: number, j: number) => a + t.trade[(n * N + i) * J + j], 0);
      expect(goodsTo(us, idx('VNM')) + goodsTo(us, idx('ASN'))).toBeGreaterThan(
        0.1 * (goodsTo(us, idx('ROW')) + goodsTo(us, idx('VNM')) + goodsTo(us, idx('ASN'))),
      );
    });
  },
);

describe('spreading a total over capped cells', () => {
  it('spreads in proportion to the weights, moving the excess of a capped cell to the others', () => {
    expect(Array.from(spreadCapped(10, Float64Array.of(1, 1), Float64Array.of(100, 100))!)).toEqual([5, 5]);
    expect(Array.from(spreadCapped(10, Float64Array.of(3, 1), Float64Array.of(4, 100))!)).toEqual([4, 6]);
    expect(spreadCapped(10, Float64Array.of(1, 1), Float64Array.of(4, 4))).toBeUndefined();
  });

  it('fills cells without weight when the weighted ones cannot hold the total', () => {
    expect(Array.from(spreadOrFill(10, Float64Array.of(1, 0, 0), Float64Array.of(4, 2, 6))!)).toEqual([4, 1.5, 4.5]);
    expect(spreadOrFill(20, Float64Array.of(1, 0), Float64Array.of(4, 2))).toBeUndefined();
  });
});
