/**
 * Ownership of value added and government shares of licensed sales (ownership.ts, wedges.ts,
 * accounts.ts; docs/controls.md "Ownership and national income") on multisector-2025.
 */
import { describe, it, expect } from 'vitest';
import { loadDataset } from '../../data/load.ts';
import { calibratedBaseline } from './run.ts';
import { solveGe, type GeCaps, type GeOwnership, type GeShock, type GeSolution } from './solve.ts';
import { countryResults } from './outputs.ts';
import { solutionAccounts, baselineAccounts } from './accounts.ts';

const d = loadDataset('multisector-2025');
const b = calibratedBaseline(d, 'keep-deficits');
const { N, J } = b;
const R = (c: string) => d.regions.indexOf(c);
const S = (c: string) => d.sectors.indexOf(c);
const labels = { regions: d.regions, sectors: d.sectors };
const TIGHT = { tol: 1e-13, labels };
const SEMI = S('SEMI');
const twnChn = (R('CHN') * N + R('TWN')) * J + SEMI;
let worldVA = 0;
for (let n = 0; n < N; n++) worldVA += b.VA[n];

const ownership = (share: number): GeOwnership => ({
  owner: Int32Array.of(R('USA'), R('USA')),
  cell: Int32Array.of(R('TWN') * J + SEMI, R('KOR') * J + SEMI),
  share: Float64Array.of(share, share / 4),
});
const h20 = (rents: 0 | 1, extra: Partial<GeCaps> = {}): GeCaps => ({
  flow: Int32Array.of(twnChn),
  approval: Float64Array.of(0.81),
  rentsToExporter: Uint8Array.of(rents),
  ...extra,
});
const shock = (extra: Partial<GeShock> = {}): GeShock => ({ tauNew: b.tau, D: b.D, caps: h20(1), ...extra });

function maxDiff(a: GeSolution, c: GeSolution): number {
  let m = 0;
  for (const [x, y] of [
    [a.lw, c.lw],
    [a.lP, c.lP],
    [a.lc, c.lc],
    [a.piNew, c.piNew],
  ] as const)
    for (let q = 0; q < x.length; q++) m = Math.max(m, Math.abs(x[q] - y[q]));
  for (const [x, y] of [
    [a.X, c.X],
    [a.Y, c.Y],
    [a.rents, c.rents],
  ] as const)
    for (let q = 0; q < x.length; q++) m = Math.max(m, Math.abs(x[q] - y[q]) / worldVA);
  return m;
}

describe('ownership of value added', () => {
  it("zero ownership shares reproduce today's results to 1e-10", () => {
    for (const s of [
      shock(),
      shock({ caps: h20(0) }),
      { tauNew: Float64Array.from(b.tau, (t, q) => (q % J === SEMI ? t + 0.2 : t)), D: b.D },
    ]) {
      const today = solveGe(b, s, TIGHT);
      const zero = solveGe(b, { ...s, ownership: ownership(0) }, TIGHT);
      expect(today.report.status).toBe('converged');
      expect(zero.report.status).toBe('converged');
      expect(zero.transfers).toBeDefined();
      expect(maxDiff(today, zero)).toBeLessThan(1e-10);
      const a = countryResults(b, s, today, false),
        c = countryResults(b, { ...s, ownership: ownership(0) }, zero, false);
      for (let n = 0; n < N; n++) {
        expect(Math.abs(a[n].real_income_pct! - c[n].real_income_pct!)).toBeLessThan(1e-10);
        expect(c[n].income_from_abroad_change_pct_gdp).toBe(0);
      }
    }
  });

  it('a zero shock with ownership returns the baseline exactly, with income from abroad', () => {
    const s: GeShock = { tauNew: b.tau, D: b.D, ownership: ownership(0.3) };
    const sol = solveGe(b, s, TIGHT);
    expect(sol.report.status).toBe('converged');
    for (let n = 0; n < N; n++) expect(Math.abs(sol.lw[n])).toBeLessThan(1e-12);
    const r = countryResults(b, s, sol, false);
    expect(Math.abs(r[R('USA')].real_income_pct!)).toBeLessThan(1e-10);
    expect(r[R('USA')].income_from_abroad_pct_gdp!).toBeGreaterThan(0);
    expect(r[R('TWN')].income_from_abroad_pct_gdp!).toBeLessThan(0);
  });

  it('GDP + net income from abroad = national income, absorption − GDP = the trade deficit, and the current account holds, in every region', () => {
    for (const s of [
      shock({ ownership: ownership(0.2) }),
      shock({ ownership: ownership(0.2), caps: h20(0) }),
      shock({
        ownership: ownership(0.2),
        caps: h20(1, { governmentShare: Float64Array.of(0.15), government: Int32Array.of(R('USA')) }),
      }),
    ]) {
      const sol = solveGe(b, s, TIGHT);
      expect(sol.report.status).toBe('converged');
      const acc = solutionAccounts(b, s, sol),
        acc0 = baselineAccounts(b, sol.transfers!.ownershipBase);
      let nfi = 0,
        td = 0;
      for (let n = 0; n < N; n++) {
        const a = acc[n];
        const scale = a.gdp;
        expect(Math.abs(a.gni - (a.gdp + a.nfi)) / scale).toBeLessThan(1e-12);
        // Expenditure side (spending and output) against production side and the trade flows.
        expect(Math.abs(a.absorption - a.gdp - a.tradeDeficit) / scale).toBeLessThan(1e-9);
        // The current-account deficit T = D − NFI₀ is what the counterfactual holds (O3).
        expect(Math.abs(a.absorption - a.gni - (acc0[n].absorption - acc0[n].gni)) / scale).toBeLessThan(1e-9);
        expect(Math.abs(acc0[n].absorption - acc0[n].gdp - b.D[n]) / scale).toBeLessThan(1e-9);
        nfi += a.nfi;
        td += a.tradeDeficit;
      }
      expect(Math.abs(nfi) / worldVA).toBeLessThan(1e-12);
      expect(Math.abs(td) / worldVA).toBeLessThan(1e-9);
    }
  });

  it("a control on chips shipped from Taiwan costs the US income through its ownership of Taiwan's chip value added", () => {
    const s0 = shock({ caps: h20(0) }),
      s1 = shock({ caps: h20(0), ownership: ownership(0.2) });
    const without = countryResults(b, s0, solveGe(b, s0, TIGHT), false),
      withOwn = countryResults(b, s1, solveGe(b, s1, TIGHT), false);
    const usa = R('USA'),
      twn = R('TWN');
    expect(withOwn[usa].income_from_abroad_change_pct_gdp!).toBeLessThan(0);
    expect(withOwn[usa].real_income_pct!).toBeLessThan(without[usa].real_income_pct!);
    expect(withOwn[twn].income_from_abroad_change_pct_gdp!).toBeGreaterThan(0);
    expect(withOwn[twn].real_income_pct!).toBeGreaterThan(without[twn].real_income_pct!);
  });
});

describe('government shares of licensed sales', () => {
  const g = 0.15;
  const gov = shock({ caps: h20(1, { governmentShare: Float64Array.of(g), government: Int32Array.of(R('USA')) }) });
  const sol = solveGe(b, gov, TIGHT);

  it("the 15% share accrues to the US treasury, paid out of Taiwan's exports, and is in the US accounts", () => {
    expect(sol.report.status).toBe('converged');
    const t = sol.transfers!;
    const acc = sol.caps!.accounts;
    expect(acc.governmentRegion[0]).toBe(R('USA'));
    expect(Math.abs(acc.government[0] / acc.value[0] - g)).toBeLessThan(1e-14);
    expect(Math.abs(t.governmentReceived[R('USA')] - acc.government[0])).toBeLessThan(1e-9);
    expect(Math.abs(t.governmentPaid[R('TWN')] - acc.government[0])).toBeLessThan(1e-9);
    for (let n = 0; n < N; n++) if (n !== R('USA')) expect(t.governmentReceived[n]).toBe(0);
    const a = solutionAccounts(b, gov, sol);
    // In the US national income, not its GDP; in Taiwan's GDP (its exports' value), paid abroad.
    expect(Math.abs(a[R('USA')].gni - a[R('USA')].gdp - acc.government[0])).toBeLessThan(1e-6);
    expect(Math.abs(a[R('TWN')].nfi + acc.government[0])).toBeLessThan(1e-6);
    const r = countryResults(b, gov, sol, false);
    expect(r[R('USA')].government_share_revenue_pct_gdp!).toBeGreaterThan(0);
    // Taiwan keeps only the licence rent on what is left after the government's share.
    expect(Math.abs(acc.kept[0] - acc.value[0] * (1 - g) * -Math.expm1(-sol.caps!.lnOmega[0]))).toBeLessThan(1e-6);
  });

  it("is an export tax 1/(1 − g): kept by the exporter's own government it reproduces that equilibrium to 1e-8", () => {
    const tax = new Float64Array(N * N * J).fill(1);
    tax[twnChn] = 1 / (1 - g);
    const tx = shock({ exportTax: tax });
    const alt = solveGe(b, tx, TIGHT);
    const own = shock({ caps: h20(1, { governmentShare: Float64Array.of(g), government: Int32Array.of(R('TWN')) }) });
    const same = solveGe(b, own, TIGHT);
    expect(alt.report.status).toBe('converged');
    expect(same.report.status).toBe('converged');
    expect(Math.abs(alt.caps!.quantity[0] - same.caps!.quantity[0])).toBeLessThan(1e-8);
    for (let n = 0; n < N; n++) expect(Math.abs(alt.lw[n] - same.lw[n])).toBeLessThan(1e-8);
    const rt = countryResults(b, tx, alt, false),
      rs = countryResults(b, own, same, false);
    for (let n = 0; n < N; n++) expect(Math.abs(rt[n].real_income_pct! - rs[n].real_income_pct!)).toBeLessThan(1e-8);
    // Paid to the US instead, the same wedge moves the revenue: the US gains, Taiwan loses against the tax.
    const rg = countryResults(b, gov, sol, false);
    expect(rg[R('USA')].real_income_pct!).toBeGreaterThan(rt[R('USA')].real_income_pct!);
    expect(rg[R('TWN')].real_income_pct!).toBeLessThan(rt[R('TWN')].real_income_pct!);
  });

  it('rejects a share outside [0, 1) and a share without a receiving region', () => {
    expect(() =>
      solveGe(b, shock({ caps: h20(1, { governmentShare: Float64Array.of(1), government: Int32Array.of(0) }) }), TIGHT),
    ).toThrow(/government share of licensed sales in \[0, 1\), found 1/);
    expect(() => solveGe(b, shock({ caps: h20(1, { governmentShare: Float64Array.of(0.15) }) }), TIGHT)).toThrow(
      /region receiving the government share/,
    );
  });
});
