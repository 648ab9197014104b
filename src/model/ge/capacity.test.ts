/**
 * Capacity bounds (capacity.ts, docs/controls.md "Capacity"): slack capacity is today's model, a
 * binding bound pays rents that equal a sales tax kept by the producer, every accounting identity
 * holds, and a finite supply elasticity puts output on its supply curve — on multisector-2025.
 */
import { describe, it, expect } from 'vitest';
import { loadDataset } from '../../data/load.ts';
import { calibratedBaseline } from './run.ts';
import { solveGe, baselineOutput, type GeCaps, type GeCapacity, type GeShock, type GeSolution } from './solve.ts';
import { countryResults } from './outputs.ts';

const d = loadDataset('multisector-2025');
const b = calibratedBaseline(d, 'keep-deficits');
const { N, J } = b;
const R = (c: string) => d.regions.indexOf(c);
const S = (c: string) => d.sectors.indexOf(c);
const labels = { regions: d.regions, sectors: d.sectors };
const TIGHT = { tol: 1e-13, labels };
const y0 = baselineOutput(b);
/** The chain sectors of the dataset: the REE group when it has one, else the REE sector. */
const CHAIN = (d.manifest.sector_groups?.REE ?? ['REE']).map(S);
const chinaCap = (s: number): GeCaps => {
  const flows = d.regions.filter((c) => c !== 'CHN').flatMap((c) => CHAIN.map((j) => (R(c) * N + R('CHN')) * J + j));
  return {
    flow: Int32Array.from(flows),
    approval: new Float64Array(flows.length).fill(s),
    rentsToExporter: new Uint8Array(flows.length).fill(1),
  };
};
/** Every non-Chinese producer of the chain bounded at `limit` × its baseline real output. */
const outsideChina = (limit: number, elasticity = Infinity): GeCapacity => {
  const cells = d.regions.flatMap((c, n) =>
    c === 'CHN' ? [] : CHAIN.filter((j) => y0[n * J + j] > 0).map((j) => n * J + j),
  );
  return {
    cell: Int32Array.from(cells),
    limit: new Float64Array(cells.length).fill(limit),
    elasticity: new Float64Array(cells.length).fill(elasticity),
  };
};
const shock = (extra: Partial<GeShock> = {}): GeShock => ({
  tauNew: b.tau,
  D: b.D,
  elasticityScale: 0.4,
  caps: chinaCap(0.25),
  ...extra,
});

function maxDiff(a: GeSolution, c: GeSolution): number {
  let m = 0;
  for (const [x, y] of [
    [a.lw, c.lw],
    [a.lP, c.lP],
    [a.lc, c.lc],
    [a.piNew, c.piNew],
  ] as const)
    for (let q = 0; q < x.length; q++) m = Math.max(m, Math.abs(x[q] - y[q]));
  let va = 0;
  for (let n = 0; n < N; n++) va += b.VA[n];
  for (const [x, y] of [
    [a.X, c.X],
    [a.Y, c.Y],
    [a.rents, c.rents],
  ] as const)
    for (let q = 0; q < x.length; q++) m = Math.max(m, Math.abs(x[q] - y[q]) / va);
  return m;
}

describe('capacity bounds on real output', () => {
  const free = solveGe(b, shock(), TIGHT);
  const bound = solveGe(b, shock({ capacity: outsideChina(1) }), TIGHT);

  it("slack capacity with constant returns returns today's results to 1e-10", () => {
    const slack = solveGe(b, shock({ capacity: outsideChina(1e6) }), TIGHT);
    expect(free.report.status).toBe('converged');
    expect(slack.report.status).toBe('converged');
    expect(slack.capacity!.binding).toBe(0);
    expect(slack.capacity!.lnMu.every((v) => v === 0)).toBe(true);
    expect(maxDiff(free, slack)).toBeLessThan(1e-10);
    const a = countryResults(b, shock(), free, false),
      c = countryResults(b, shock(), slack, false);
    for (let n = 0; n < N; n++) expect(Math.abs(a[n].real_income_pct! - c[n].real_income_pct!)).toBeLessThan(1e-10);
  });

  it('a binding bound holds output at the bound and pays its owners a rent', () => {
    expect(bound.report.status).toBe('converged');
    const cap = bound.capacity!;
    expect(cap.residual).toBeLessThan(1e-12);
    expect(cap.binding).toBeGreaterThan(0);
    for (let c = 0; c < cap.cell.length; c++) {
      expect(cap.quantity[c]).toBeLessThanOrEqual(1 + 1e-10);
      if (cap.lnMu[c] > 0) {
        expect(Math.abs(cap.quantity[c] - 1)).toBeLessThan(1e-10);
        expect(cap.rent[c]).toBeGreaterThan(0);
      } else expect(cap.rent[c]).toBe(0);
    }
    // Without the bound these producers expand (the flat supply the issue found); with it they cannot.
    const us = R('USA');
    const grew = CHAIN.some((j) => free.Y[us * J + j] / Math.exp(free.lc[us * J + j]) > 1.05 * y0[us * J + j]);
    expect(grew).toBe(true);
    // Scarcity raises the price of the chain in the US more than the free-supply model says.
    const mag = d.sectors.indexOf(d.manifest.sector_groups?.REE ? 'MAG' : 'REE');
    expect(bound.lP[us * J + mag]).toBeGreaterThan(free.lP[us * J + mag]);
  });

  it('equals the equilibrium of a sales tax at the markup whose revenue the producer keeps (1e-8)', () => {
    const cap = bound.capacity!;
    const tax = new Float64Array(N * N * J).fill(1);
    for (let c = 0; c < cap.cell.length; c++) {
      const i = Math.floor(cap.cell[c] / J),
        j = cap.cell[c] % J;
      for (let m = 0; m < N; m++) tax[(m * N + i) * J + j] = Math.exp(cap.lnMu[c]);
    }
    const taxed = solveGe(b, shock({ exportTax: tax }), TIGHT);
    expect(taxed.report.status).toBe('converged');
    expect(maxDiff(bound, taxed)).toBeLessThan(1e-8);
  });

  it("keeps every accounting identity: trade balances, world exports = imports, value added = Σ γ Y'", () => {
    let va = 0;
    for (let n = 0; n < N; n++) va += b.VA[n];
    let wx = 0,
      wm = 0;
    for (let n = 0; n < N; n++) {
      let imp = 0,
        exp = 0;
      for (let i = 0; i < N; i++)
        for (let j = 0; j < J; j++) {
          if (i === n) continue;
          imp += (bound.piNew[(n * N + i) * J + j] / b.tau[(n * N + i) * J + j]) * bound.X[n * J + j];
          exp += (bound.piNew[(i * N + n) * J + j] / b.tau[(i * N + n) * J + j]) * bound.X[i * J + j];
        }
      wx += exp;
      wm += imp;
      expect(Math.abs(imp - exp - b.D[n]) / va).toBeLessThan(1e-9);
      let vs = 0;
      for (let j = 0; j < J; j++) vs += b.B[n * J + j] * bound.Y[n * J + j];
      expect(Math.abs(vs - Math.exp(bound.lw[n]) * b.VA[n]) / va).toBeLessThan(1e-9);
    }
    expect(Math.abs(wx - wm) / va).toBeLessThan(1e-12);
    // Capacity rents are part of the owners' income (rents = licence rents + capacity rents).
    const cr = bound.capacity!.rentByRegion;
    expect(cr.reduce((a, v) => a + v, 0)).toBeGreaterThan(0);
    for (let n = 0; n < N; n++) expect(bound.rents[n]).toBeGreaterThanOrEqual(cr[n] - 1e-9);
  });

  it('a finite supply elasticity puts output on its supply curve q̂ = μ^η below the bound', () => {
    const sol = solveGe(b, shock({ capacity: outsideChina(1.3, 0.5) }), TIGHT);
    expect(sol.report.status).toBe('converged');
    const cap = sol.capacity!;
    let onCurve = 0;
    for (let c = 0; c < cap.cell.length; c++) {
      if (cap.quantity[c] < 1.3 - 1e-9) {
        expect(Math.abs(Math.log(cap.quantity[c]) - 0.5 * cap.lnMu[c])).toBeLessThan(1e-9);
        onCurve++;
      } else expect(cap.lnMu[c]).toBeGreaterThanOrEqual(Math.log(1.3) / 0.5 - 1e-9);
    }
    expect(onCurve).toBeGreaterThan(0);
  });

  it('rejects malformed capacities naming the region and sector', () => {
    const bad = (c: Partial<GeCapacity>) => () =>
      solveGe(b, shock({ capacity: { ...outsideChina(1), ...c } }), { labels });
    const one = Int32Array.of(R('USA') * J + CHAIN[0]);
    expect(bad({ cell: one, limit: Float64Array.of(-1), elasticity: Float64Array.of(Infinity) })).toThrow(
      `Expected a capacity limit of at least 0 (share of baseline real output), found -1 for USA:${d.sectors[CHAIN[0]]}`,
    );
    expect(
      bad({
        cell: Int32Array.of(one[0], one[0]),
        limit: Float64Array.of(1, 1),
        elasticity: Float64Array.of(Infinity, Infinity),
      }),
    ).toThrow('Expected one capacity per region-sector');
    expect(bad({ cell: one, limit: Float64Array.of(1), elasticity: Float64Array.of(0) })).toThrow(
      'Expected a supply elasticity above 0',
    );
  });
});
