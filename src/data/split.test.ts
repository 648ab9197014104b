import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  carvedPart,
  mergeRegions,
  mergeSectors,
  outputs,
  redirectPurchases,
  splitRegion,
  splitSector,
  tableResiduals,
  type IoValues,
  type RegionSplitSpec,
  type SplitSpec,
} from './split.ts';

/** A balanced random table: costs add to output by construction, final demand is the row residual. */
function balancedTable(N: number, J: number, rnd: () => number): IoValues {
  const trade = new Float64Array(N * N * J).map(() => 1 + 1000 * rnd());
  const tariff = new Float64Array(N * N * J).map(() => 0.2 * rnd());
  for (let n = 0; n < N; n++) for (let j = 0; j < J; j++) tariff[(n * N + n) * J + j] = 0;
  const t: IoValues = {
    regions: Array.from({ length: N }, (_, n) => `R${n}`),
    sectors: Array.from({ length: J }, (_, j) => `s${j}`),
    trade,
    tariff,
    use: new Float64Array(N * J * J),
    final: new Float64Array(N * J),
    va: new Float64Array(N * J),
  };
  const y = outputs(t);
  for (let n = 0; n < N; n++)
    for (let j = 0; j < J; j++) {
      const v = 0.2 + 0.6 * rnd();
      t.va[n * J + j] = v * y[n * J + j];
      const w = Array.from({ length: J }, () => rnd() + 0.01);
      const sw = w.reduce((a, b) => a + b, 0);
      for (let k = 0; k < J; k++) t.use[(n * J + k) * J + j] = ((1 - v) * y[n * J + j] * w[k]) / sw;
    }
  for (let n = 0; n < N; n++)
    for (let k = 0; k < J; k++) {
      let a = 0;
      for (let i = 0; i < N; i++) a += t.trade[(n * N + i) * J + k];
      for (let j = 0; j < J; j++) a -= t.use[(n * J + k) * J + j];
      t.final[n * J + k] = a; // may be negative (inventories), as in WIOD
    }
  return t;
}

function seeded(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const expectSame = (a: IoValues, b: IoValues) => {
  expect(a.sectors).toEqual(b.sectors);
  for (const key of ['trade', 'tariff', 'use', 'final', 'va'] as const) {
    expect(a[key].length).toBe(b[key].length);
    for (let q = 0; q < a[key].length; q++)
      if (!Object.is(a[key][q], b[key][q])) expect([key, q, a[key][q]]).toEqual([key, q, b[key][q]]);
  }
};

/** Shares that always admit a split: the same share σ_i of exporter i's sales everywhere, mixed with others. */
function spec(J: number, sigma: number[], weights: number[]): SplitSpec {
  // Final demand (j = J) has the smallest weight, users up to 1.2×: fractions stay ≤ 1.2·max σ ≤ 1.
  return {
    sector: 's1',
    code: 'new',
    outputShare: (i) => sigma[i],
    tradeShare: (_n, i) => sigma[i],
    purchaseWeight: (n, j) => (j === J ? 1 : 1 + 0.2 * weights[(n * (J + 1) + j) % weights.length]),
  };
}

describe('carvedPart', () => {
  it('returns a part b with (a − b) + b === a exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, f) => {
          const b = carvedPart(a, a * f);
          expect(a - b + b === a).toBe(true); // === : −0 and +0 are the same amount
          expect(Math.abs(b)).toBeLessThanOrEqual(Math.abs(a));
        },
      ),
    );
  });
});

describe('splitSector and mergeSectors', () => {
  const t = balancedTable(3, 4, seeded(7));

  it('keeps a balanced table balanced and preserves every parent total', () => {
    expect(tableResiduals(t).rowRel).toBeLessThan(1e-12);
    const s = splitSector(t, {
      sector: 's1',
      code: 'new',
      outputShare: (i) => [0.1, 0.3, 0.05][i],
      tradeShare: (n, i) => [0.1, 0.3, 0.05][i] * (n === 0 ? 1.5 : 0.8),
      purchaseWeight: (_n, j) => (j === 2 ? 5 : 1),
    });
    const res = tableResiduals(s);
    expect(res.rowRel).toBeLessThan(1e-12);
    expect(res.columnRel).toBeLessThan(1e-12);
    const y0 = outputs(t),
      y1 = outputs(s);
    for (let n = 0; n < 3; n++) {
      expect(y1[n * 5 + 1] + y1[n * 5 + 4]).toBeCloseTo(y0[n * 4 + 1], 9);
      expect(y1[n * 5 + 4] / y0[n * 4 + 1]).toBeCloseTo([0.1, 0.3, 0.05][n], 12);
      for (let i = 0; i < 3; i++) {
        const p = n * 3 + i;
        expect(s.trade[p * 5 + 1] + s.trade[p * 5 + 4]).toBe(t.trade[p * 4 + 1]);
      }
    }
  });

  it('gives back the original table exactly after a merge', () => {
    const s = splitSector(t, spec(4, [0.2, 0.01, 0.8], [1, 0.2, 0.5, 0.9]));
    expectSame(mergeSectors(s, 's1', 'new'), t);
  });

  it('round-trips exactly for random tables and shares (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(fc.double({ min: 0, max: 0.8, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (N, J, seed, sigma, weights) => {
          const tab = balancedTable(N, J, seeded(seed));
          const s = splitSector(tab, spec(J, sigma, weights));
          expect(s.sectors).toEqual([...tab.sectors, 'new']);
          const res = tableResiduals(s);
          const scale = Math.max(...outputs(tab));
          expect(res.column).toBeLessThan(1e-12 * scale);
          expect(res.row).toBeLessThan(1e-12 * scale);
          expectSame(mergeSectors(s, 's1', 'new'), tab);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses shares that need more domestic sales than the parent has', () => {
    expect(() =>
      splitSector(t, { sector: 's1', code: 'x', outputShare: () => 0, tradeShare: () => 0.5, purchaseWeight: () => 1 }),
    ).toThrow(RangeError);
    expect(() =>
      splitSector(t, { sector: 'nope', code: 'x', outputShare: () => 0, tradeShare: () => 0, purchaseWeight: () => 1 }),
    ).toThrow(/sector code/);
  });
});

describe('redirectPurchases (linking the stages of a carved chain)', () => {
  it('moves a good to one user against its other inputs and keeps every row and column total', () => {
    const t = balancedTable(3, 5, seeded(7));
    const before = tableResiduals(t);
    const y0 = outputs(t);
    const J = 5,
      n = 1,
      g = 2,
      u = 4;
    const use0 = t.use[(n * J + g) * J + u];
    const moved = redirectPurchases(t, t.regions[n], t.sectors[g], t.sectors[u], 0.5 * use0 + 1e-3);
    expect(moved).toBeGreaterThan(0);
    expect(t.use[(n * J + g) * J + u]).toBeCloseTo(use0 + moved, 9);
    const after = tableResiduals(t);
    expect(after.row).toBeLessThan(before.row + 1e-9);
    expect(after.column).toBeLessThan(before.column + 1e-9);
    expect(outputs(t)).toEqual(y0);
  });

  it('moves no more than the other users buy', () => {
    const t = balancedTable(2, 4, seeded(3));
    const J = 4,
      n = 0,
      g = 1,
      u = 3;
    let others = Math.max(0, t.final[n * J + g]);
    for (let j = 0; j < J; j++) if (j !== u) others += t.use[(n * J + g) * J + j];
    expect(redirectPurchases(t, t.regions[n], t.sectors[g], t.sectors[u], 1e12)).toBeLessThanOrEqual(others + 1e-9);
  });
});

/** A region that is the share σ of its parent in everything: its members' trade with the rest is σ(1 − σ) of the parent's own sales. */
function copySpec(t: IoValues, sigma: number): RegionSplitSpec {
  const N = t.regions.length,
    J = t.sectors.length,
    p = N - 1;
  return {
    region: t.regions[p],
    code: 'NEW',
    exportShare: () => sigma,
    importShare: () => sigma,
    inside: (k) => {
      const d = t.trade[(p * N + p) * J + k];
      return { domestic: sigma * sigma * d, toRest: sigma * (1 - sigma) * d, fromRest: sigma * (1 - sigma) * d };
    },
  };
}

describe('splitRegion and mergeRegions (carving a region out of another)', () => {
  const expectSameTable = (a: IoValues, b: IoValues) => {
    expect(a.regions).toEqual(b.regions);
    expectSame(a, b);
  };

  it("round-trips exactly, stays balanced and keeps the parent's coefficients, for random tables and shares (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.double({ min: 0.001, max: 0.9, noNaN: true }),
        (N, J, seed, sigma) => {
          const tab = balancedTable(N, J, seeded(seed));
          const s = splitRegion(tab, copySpec(tab, sigma));
          expect(s.regions).toEqual([...tab.regions, 'NEW']);
          const scale = Math.max(...outputs(tab));
          const res = tableResiduals(s);
          expect(res.row).toBeLessThan(1e-12 * scale);
          expect(res.column).toBeLessThan(1e-12 * scale);
          const y = outputs(s),
            p = N - 1,
            c = N;
          for (let j = 0; j < J; j++) {
            expect(y[c * J + j] / (y[c * J + j] + y[p * J + j])).toBeCloseTo(sigma, 9);
            for (let k = 0; k < J; k++)
              expect(s.use[(c * J + k) * J + j] / y[c * J + j]).toBeCloseTo(
                s.use[(p * J + k) * J + j] / y[p * J + j],
                9,
              );
            expect(s.va[c * J + j] / y[c * J + j]).toBeCloseTo(s.va[p * J + j] / y[p * J + j], 9);
          }
          expectSameTable(mergeRegions(s, tab.regions[p], 'NEW'), tab);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('round-trips two carves from one parent when merged in reverse order', () => {
    const tab = balancedTable(3, 4, seeded(11));
    const a = splitRegion(tab, copySpec(tab, 0.1));
    const b = splitRegion(a, {
      ...copySpec(a, 0.05),
      region: 'R2',
      code: 'NEW2',
      inside: (k) => {
        const d = a.trade[(2 * 4 + 2) * 4 + k];
        return { domestic: 0.0025 * d, toRest: 0.0475 * d, fromRest: 0.0475 * d };
      },
    });
    expect(b.regions).toEqual(['R0', 'R1', 'R2', 'NEW', 'NEW2']);
    expect(tableResiduals(b).rowRel).toBeLessThan(1e-12);
    expectSameTable(mergeRegions(mergeRegions(b, 'R2', 'NEW2'), 'R2', 'NEW'), tab);
  });

  it("refuses a carve that takes more than the parent's own sales, or leaves a final demand outside the parent's", () => {
    const tab = balancedTable(2, 3, seeded(5));
    const big = { ...copySpec(tab, 0.2), inside: () => ({ domestic: 1e12, toRest: 0, fromRest: 0 }) };
    expect(() => splitRegion(tab, big)).toThrow(/own sales/);
    const noImports = {
      ...copySpec(tab, 0.2),
      importShare: () => 0,
      inside: () => ({ domestic: 0, toRest: 0, fromRest: 0 }),
    };
    expect(() => splitRegion(tab, noImports)).toThrow(/final demand/);
    expect(() => splitRegion(tab, { ...copySpec(tab, 0.2), region: 'nope' })).toThrow(/region code/);
  });
});
