/**
 * Export wedges (wedges.ts, docs/controls.md): export taxes, quantity caps solved as a
 * complementarity problem inside the fixed point, bans, coalitions and rejected controls — on the
 * multisector-2025 data.
 */
import { describe, it, expect } from 'vitest';
import { loadDataset } from '../../data/load.ts';
import { calibratedBaseline } from './run.ts';
import { solveGe, type GeCaps, type GeShock, type GeSolution } from './solve.ts';
import { countryResults } from './outputs.ts';

const d = loadDataset('multisector-2025');
const b = calibratedBaseline(d, 'keep-deficits');
const { N, J } = b;
const R = (c: string) => d.regions.indexOf(c);
const S = (c: string) => d.sectors.indexOf(c);
const flow = (origin: string, dest: string, sector: string) => (R(dest) * N + R(origin)) * J + S(sector);
const labels = { regions: d.regions, sectors: d.sectors };
const TIGHT = { tol: 1e-13, labels };
const caps = (flows: number[], approval: number | number[], rents = 1): GeCaps => ({
  flow: Int32Array.from(flows),
  approval: Float64Array.from(flows, (_, k) => (Array.isArray(approval) ? approval[k] : approval)),
  rentsToExporter: new Uint8Array(flows.length).fill(rents),
});
const base: GeShock = { tauNew: b.tau, D: b.D };

/** Largest absolute difference over the solution's state and outcomes. */
function maxDiff(a: GeSolution, c: GeSolution): number {
  let m = 0;
  for (const [x, y] of [
    [a.lw, c.lw],
    [a.lP, c.lP],
    [a.lc, c.lc],
    [a.piNew, c.piNew],
  ] as const)
    for (let q = 0; q < x.length; q++) m = Math.max(m, Math.abs(x[q] - y[q]));
  // Nominal levels relative to world value added.
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

/** Real deliveries q̂ of flow q in a solution: (π'X'/τ')/(ω ĉ_i) over the baseline π X/τ. */
function quantity(sol: GeSolution, q: number, wedge: number): number {
  const n = Math.floor(q / (N * J)),
    i = Math.floor(q / J) % N,
    j = q % J;
  return (
    (sol.piNew[q] * sol.X[n * J + j]) /
    b.tau[q] /
    wedge /
    Math.exp(sol.lc[i * J + j]) /
    ((b.pi[q] * b.X[n * J + j]) / b.tau[q])
  );
}

describe('export taxes and caps', () => {
  const q = flow('CHN', 'USA', 'c14');

  it('a binding cap reproduces the equilibrium of the equivalent export tax to 1e-8', () => {
    const tax = new Float64Array(N * N * J).fill(1);
    tax[q] = 1.25;
    const taxed = solveGe(b, { ...base, exportTax: tax }, TIGHT);
    expect(taxed.report.status).toBe('converged');
    const s = quantity(taxed, q, 1.25);
    expect(s).toBeLessThan(0.5);
    const capped = solveGe(b, { ...base, caps: caps([q], s) }, TIGHT);
    expect(capped.report.status).toBe('converged');
    expect(capped.caps!.binding).toBe(1);
    expect(Math.abs(Math.exp(capped.caps!.lnOmega[0]) - 1.25)).toBeLessThan(1e-8);
    expect(maxDiff(taxed, capped)).toBeLessThan(1e-8);
    const rTax = countryResults(b, { ...base, exportTax: tax }, taxed, false),
      rCap = countryResults(b, base, capped, false);
    for (let n = 0; n < N; n++)
      expect(Math.abs(rTax[n].real_income_pct! - rCap[n].real_income_pct!)).toBeLessThan(1e-8);
    expect(capped.rents[R('CHN')]).toBeGreaterThan(0);
  });

  it('a cap whose rents are lost reproduces the equivalent iceberg cost', () => {
    const dHat = new Float64Array(N * N * J).fill(1);
    dHat[q] = 1.25;
    const ice = solveGe(b, { ...base, dHat }, TIGHT);
    const capped = solveGe(b, { ...base, caps: caps([q], quantity(ice, q, 1.25), 0) }, TIGHT);
    expect(capped.report.status).toBe('converged');
    expect(maxDiff(ice, capped)).toBeLessThan(1e-8);
    expect(capped.rents.every((r) => r === 0)).toBe(true);
  });

  it('a slack cap changes nothing (1e-10)', () => {
    const tauNew = Float64Array.from(b.tau);
    tauNew[q] *= 1.5; // the US tariff on Chinese c14 rises: the flow falls below its baseline
    const free = solveGe(b, { tauNew, D: b.D }, TIGHT);
    const capped = solveGe(b, { tauNew, D: b.D, caps: caps([q], 1) }, TIGHT);
    expect(capped.report.status).toBe('converged');
    expect(capped.caps!.binding).toBe(0);
    expect(capped.caps!.quantity[0]).toBeLessThan(1);
    expect(maxDiff(free, capped)).toBeLessThan(1e-10);
  });

  it('keeps trade balanced at prices net of tariffs with rents kept and lost (the accounting of docs/controls.md)', () => {
    const flows = [
      flow('CHN', 'USA', 'MAG'),
      flow('CHN', 'JPN', 'MAG'),
      flow('TWN', 'CHN', 'SEMI'),
      flow('USA', 'CHN', 'SEMI'),
    ];
    for (const rents of [1, 0]) {
      const sol = solveGe(b, { ...base, caps: caps(flows, 0.3, rents) }, TIGHT);
      expect(sol.report.status).toBe('converged');
      let va = 0;
      for (let n = 0; n < N; n++) va += b.VA[n];
      for (let n = 0; n < N; n++) {
        let imp = 0,
          exp = 0;
        for (let i = 0; i < N; i++)
          for (let j = 0; j < J; j++) {
            if (i === n) continue;
            imp += (sol.piNew[(n * N + i) * J + j] / b.tau[(n * N + i) * J + j]) * sol.X[n * J + j];
            exp += (sol.piNew[(i * N + n) * J + j] / b.tau[(i * N + n) * J + j]) * sol.X[i * J + j];
          }
        expect(Math.abs(imp - exp - b.D[n]) / va).toBeLessThan(1e-9);
      }
    }
  });

  it('a ban drives the flow to exactly zero and converges', () => {
    const qb = flow('CHN', 'USA', 'MAG');
    const sol = solveGe(b, { ...base, caps: caps([qb], 0) }, { labels });
    expect(sol.report.status).toBe('converged');
    expect(sol.piNew[qb]).toBe(0);
    expect(sol.caps).toBeUndefined(); // a ban is not a wedge: it is zero in π
    // The US buys more magnets from everyone else.
    expect(sol.piNew[flow('JPN', 'USA', 'MAG')]).toBeGreaterThan(b.pi[flow('JPN', 'USA', 'MAG')]);
  });

  it('rejects a ban that leaves an importer with no supplier, naming importer and sector', () => {
    // Korea produces no magnets: banning every origin leaves it none.
    const all = d.regions.filter((c) => c !== 'KOR').map((c) => flow(c, 'KOR', 'MAG'));
    expect(() => solveGe(b, { ...base, caps: caps(all, 0) }, { labels })).toThrow(RangeError);
    expect(() => solveGe(b, { ...base, caps: caps(all, 0) }, { labels })).toThrow(
      'Expected importer KOR to keep a supplier of sector MAG',
    );
    // With one supplier left at 5% it is fine.
    const sol = solveGe(
      b,
      {
        ...base,
        caps: caps(
          all,
          all.map((_, k) => (k === 1 ? 0.05 : 0)),
        ),
      },
      { labels },
    );
    expect(sol.report.status).toBe('converged');
  });

  it('rejects contradictory and malformed controls with a clear error', () => {
    expect(() =>
      solveGe(
        b,
        {
          ...base,
          caps: {
            flow: Int32Array.of(q, q),
            approval: Float64Array.of(0.2, 0.5),
            rentsToExporter: Uint8Array.of(1, 1),
          },
        },
        { labels },
      ),
    ).toThrow(
      'Expected one control per flow, found contradictory controls (approval 0.2 and 0.5) on the flow from CHN to USA in c14',
    );
    expect(() => solveGe(b, { ...base, caps: caps([flow('USA', 'USA', 'c14')], 0.5) }, { labels })).toThrow(
      'found a control on domestic sales of USA in c14',
    );
    expect(() => solveGe(b, { ...base, caps: caps([q], 1.5) }, { labels })).toThrow(
      'Expected an approval between 0 and 1, found 1.5',
    );
    expect(() => solveGe(b, { ...base, caps: caps([N * N * J], 0.5) }, { labels })).toThrow(RangeError);
  });
});

describe('coalition enforcement', () => {
  const coalition = ['USA', 'JPN', 'KOR', 'TWN', 'EUR'].map((c) => flow(c, 'CHN', 'SEMI'));
  const sol = solveGe(b, { ...base, caps: caps(coalition, 0.7, 0) }, TIGHT);

  it("caps every member's deliveries at the same share of its own baseline", () => {
    expect(sol.report.status).toBe('converged');
    expect(sol.caps!.residual).toBeLessThan(1e-12);
    expect(sol.caps!.binding).toBe(5);
    for (let c = 0; c < 5; c++) expect(Math.abs(sol.caps!.quantity[c] - 0.7)).toBeLessThan(1e-10);
  });

  it('equals the equilibrium of the wedges it finds, and hurts China more than the US acting alone', () => {
    const dHat = new Float64Array(N * N * J).fill(1);
    sol.caps!.flow.forEach((q, c) => (dHat[q] = Math.exp(sol.caps!.lnOmega[c])));
    expect(maxDiff(sol, solveGe(b, { ...base, dHat }, TIGHT))).toBeLessThan(1e-8);
    const alone = solveGe(b, { ...base, caps: caps([flow('USA', 'CHN', 'SEMI')], 0.7, 0) }, TIGHT);
    const chn = R('CHN');
    const y = (s: GeSolution) => s.Y[chn * J + S('c14')] / Math.exp(s.lc[chn * J + S('c14')]);
    expect(y(sol)).toBeLessThan(y(alone));
    expect(y(alone)).toBeLessThan(y(solveGe(b, base, TIGHT)));
  });
});
