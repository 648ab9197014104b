/**
 * Invariants of the multi-sector model (shared/specs/model-ge.md, "Closed forms"): the ACR
 * welfare formula, zero shock, homogeneity of degree zero in nominal values, Walras' law and the
 * numeraire — on CP's data and on small synthetic economies, including random ones (fast-check).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../data/dataset.ts';
import { loadDataset } from '../../data/load.ts';
import { baselineFromDataset, type GeBaseline } from './baseline.ts';
import { solveGe, type GeShock, type GeSolution } from './solve.ts';
import { asBaseline, countryResults } from './outputs.ts';
import { calibratedBaseline, runGe } from './run.ts';

/** A small seeded generator (mulberry32), so synthetic data never depend on Math.random. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SyntheticOptions {
  N: number;
  J: number;
  seed: number;
  /** Value-added share of every sector (1 = no input–output links); random in [0.3, 0.7] if absent. */
  vaShare?: number;
  /** Baseline tariffs drawn in [0, maxTariff]; default 0.2. */
  maxTariff?: number;
  /** Make the last sector non-traded (only domestic flows). */
  lastNonTraded?: boolean;
  /** Multiplies every flow (homogeneity). */
  scale?: number;
}

/** An io-table dataset with random positive data, built in memory (not yet an equilibrium). */
function synthetic(o: SyntheticOptions): Dataset {
  const { N, J } = o;
  const r = rng(o.seed);
  const s = o.scale ?? 1;
  const maxTariff = o.maxTariff ?? 0.2;
  const flows = new Float64Array(N * N * J),
    tariff = new Float64Array(N * N * J);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++)
      for (let j = 0; j < J; j++) {
        const q = (n * N + i) * J + j;
        if (n === i) flows[q] = s * (5 + 15 * r());
        else if (!(o.lastNonTraded && j === J - 1)) {
          flows[q] = s * (0.1 + 3 * r());
          tariff[q] = maxTariff * r();
        }
      }
  const vaShare = new Float64Array(N * J),
    finalShare = new Float64Array(N * J),
    io = new Float64Array(N * J * J);
  for (let n = 0; n < N; n++) {
    let fs = 0;
    for (let j = 0; j < J; j++) {
      vaShare[n * J + j] = o.vaShare ?? 0.3 + 0.4 * r();
      finalShare[n * J + j] = 0.2 + r();
      fs += finalShare[n * J + j];
      let cs = 0;
      for (let k = 0; k < J; k++) cs += io[(n * J + k) * J + j] = 0.1 + r();
      for (let k = 0; k < J; k++) io[(n * J + k) * J + j] /= cs;
    }
    for (let j = 0; j < J; j++) finalShare[n * J + j] /= fs;
  }
  const theta = Float64Array.from({ length: J }, () => 2 + 8 * r());
  const regions = Array.from({ length: N }, (_, n) => `R${n}`);
  const sectors = Array.from({ length: J }, (_, j) => `S${j}`);
  return {
    manifest: {
      lancaster_dataset: 1,
      id: `synthetic-${o.seed}`,
      name: 'synthetic',
      description: 'random test economy',
      version: '0',
      base_year: 2000,
      layout: 'io-table',
      default_model: 'multisector',
      unit: 'USD',
      regions: regions.map((code) => ({ code, name: code })),
      sectors: sectors.map((code, j) => ({
        code,
        name: code,
        tradable: !(o.lastNonTraded && j === J - 1),
        theta: theta[j],
      })),
      groups: {},
      region_columns: {},
      schedules: {},
      provenance: {
        sources: [{ name: 'test', licence: 'none' }],
        built_by: 'test',
        built_at: '2000-01-01',
        method: 'random',
        assumptions: [],
        checks: [],
      },
    },
    source: '(memory)',
    N,
    J,
    regions,
    sectors,
    theta,
    flows,
    tariff,
    vaShare,
    finalShare,
    io,
    regionData: {},
    schedules: {},
  };
}

/** New tariff factors τ' = τ + rise(n, i, j) on cross-border pairs of baseline `b`. */
function tariffRise(b: GeBaseline, rise: (n: number, i: number, j: number) => number): Float64Array {
  const { N, J } = b;
  const tau = Float64Array.from(b.tau);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) if (i !== n) for (let j = 0; j < J; j++) tau[(n * N + i) * J + j] += rise(n, i, j);
  return tau;
}

/** A tightly calibrated zero-deficit baseline (tighter than the default, so "exact" checks can be exact). */
function tightBaseline(d: Dataset): GeBaseline {
  const raw = baselineFromDataset(d);
  const shock: GeShock = { tauNew: raw.tau, D: new Float64Array(raw.N) };
  const sol = solveGe(raw, shock, { tol: 1e-13 });
  expect(sol.report.status).toBe('converged');
  return asBaseline(raw, shock, sol);
}

/** Imports and exports net of tariffs, cross-border only, per region. */
function tradeTotals(b: GeBaseline, shock: GeShock, sol: GeSolution) {
  const { N, J } = b;
  const M = new Float64Array(N),
    E = new Float64Array(N);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) {
      if (i === n) continue;
      for (let j = 0; j < J; j++) {
        const q = (n * N + i) * J + j;
        const v = (sol.piNew[q] / shock.tauNew[q]) * sol.X[n * J + j];
        M[n] += v;
        E[i] += v;
      }
    }
  return { M, E };
}

const sum = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k];
  return s;
};

/** Walras' law and eq. (5)–(6): every region's imports − exports = D'_n, world exports = world imports, Σ ŵ VA = Σ VA. */
function expectEquilibriumAccounts(b: GeBaseline, shock: GeShock, sol: GeSolution) {
  const { M, E } = tradeTotals(b, shock, sol);
  const world = sum(b.VA);
  expect(Math.abs(sum(E) - sum(M)) / world).toBeLessThan(1e-12);
  for (let n = 0; n < b.N; n++) expect(Math.abs(M[n] - E[n] - shock.D[n]) / world).toBeLessThan(2e-10);
  let wva = 0;
  for (let n = 0; n < b.N; n++) wva += Math.exp(sol.lw[n]) * b.VA[n];
  expect(Math.abs(wva / world - 1)).toBeLessThan(1e-12);
}

describe('the ACR closed form (one sector, no input–output links)', () => {
  const d = synthetic({ N: 4, J: 1, seed: 7, vaShare: 1 });
  const b = tightBaseline(d);
  const { N, J } = b;
  const theta = b.theta[0];

  it('gives welfare (real income) = π̂_nn^(−1/θ) for a trade-cost shock without tariffs', () => {
    const free = synthetic({ N: 4, J: 1, seed: 7, vaShare: 1, maxTariff: 0 });
    const b0 = tightBaseline(free);
    const dHat = new Float64Array(N * N * J).fill(1);
    for (let n = 0; n < N; n++)
      for (let i = 0; i < N; i++) if (i !== n) dHat[(n * N + i) * J] = 0.7 + 0.1 * ((n + 2 * i) % 4);
    const shock: GeShock = { tauNew: b0.tau, dHat, D: b0.D };
    const sol = solveGe(b0, shock);
    expect(sol.report.status).toBe('converged');
    const rows = countryResults(b0, shock, sol, false);
    for (let n = 0; n < N; n++) {
      const piHat = sol.piNew[(n * N + n) * J] / b0.pi[(n * N + n) * J];
      const acr = 100 * (piHat ** (-1 / theta) - 1);
      expect(rows[n].real_income_pct!).toBeCloseTo(acr, 9);
      expect(rows[n].real_wage_pct!).toBeCloseTo(acr, 9);
      expect(Math.abs(acr)).toBeGreaterThan(0.1); // the shock is not trivial
    }
  });

  it('gives the real wage = π̂_nn^(−1/θ) and real income = that times the change in income per unit of wages, for a tariff shock', () => {
    const tauNew = tariffRise(b, (n, i) => (n === 0 || i === 0 ? 0.25 : 0));
    const shock: GeShock = { tauNew, D: b.D };
    const sol = solveGe(b, shock);
    expect(sol.report.status).toBe('converged');
    const rows = countryResults(b, shock, sol, false);
    for (let n = 0; n < N; n++) {
      const piHat = sol.piNew[(n * N + n) * J] / b.pi[(n * N + n) * J];
      const acr = piHat ** (-1 / theta);
      expect(rows[n].real_wage_pct!).toBeCloseTo(100 * (acr - 1), 9);
      // Income = wages + tariff revenue (D = 0): Î/P̂ = (ŵ/P̂)·(I'/ŵwL)/(I/wL).
      let rev0 = 0,
        rev1 = 0;
      for (let i = 0; i < N; i++) {
        const q = (n * N + i) * J;
        rev0 += b.pi[q] * (1 - 1 / b.tau[q]) * b.X[n];
        rev1 += sol.piNew[q] * (1 - 1 / tauNew[q]) * sol.X[n];
      }
      const w1 = Math.exp(sol.lw[n]) * b.VA[n];
      const expected = (acr * ((w1 + rev1) / w1)) / ((b.VA[n] + rev0) / b.VA[n]);
      expect(rows[n].real_income_pct!).toBeCloseTo(100 * (expected - 1), 9);
    }
  });
});

describe('a zero shock', () => {
  function expectBaseline(b: GeBaseline, sol: GeSolution) {
    expect(sol.report.status).toBe('converged');
    for (let n = 0; n < b.N; n++) expect(Math.abs(sol.lw[n])).toBeLessThan(1e-12);
    for (let q = 0; q < sol.lP.length; q++) expect(Math.abs(sol.lP[q])).toBeLessThan(1e-12);
    for (let q = 0; q < b.pi.length; q++) expect(Math.abs(sol.piNew[q] - b.pi[q])).toBeLessThan(1e-12);
    for (let q = 0; q < b.X.length; q++) expect(Math.abs(sol.X[q] - b.X[q])).toBeLessThanOrEqual(1e-12 * sum(b.VA));
  }

  it('returns the CP 2015 baseline exactly (ŵ = 1, P̂ = 1, π′ = π to 1e-12)', () => {
    const b = tightBaseline(loadDataset('cp2015'));
    expectBaseline(b, solveGe(b, { tauNew: b.tau, D: b.D }));
  });

  it('returns a synthetic baseline with a non-traded sector exactly', () => {
    const b = tightBaseline(synthetic({ N: 5, J: 3, seed: 11, lastNonTraded: true }));
    expectBaseline(b, solveGe(b, { tauNew: b.tau, D: b.D }));
  });
});

describe('homogeneity of degree zero in nominal values', () => {
  const fields = [
    'welfare_pct',
    'real_income_pct',
    'real_wage_pct',
    'terms_of_trade_pct',
    'volume_of_trade_pct',
    'prices_pct',
    'exports_pct',
    'imports_pct',
    'tariff_revenue_pct_gdp',
  ];

  function expectSameRealResults(d1: Dataset, d2: Dataset, tauOf: (d: Dataset) => Float64Array) {
    const r1 = runGe(d1, 'multisector', tauOf(d1), { baseline: 'zero-deficit', publishedWelfare: true });
    const r2 = runGe(d2, 'multisector', tauOf(d2), { baseline: 'zero-deficit', publishedWelfare: true });
    expect(r1.result.status).toBe('converged');
    expect(r2.result.status).toBe('converged');
    for (const c of d1.regions)
      for (const f of fields)
        expect(Math.abs(r2.result.countries[c][f]! - r1.result.countries[c][f]!)).toBeLessThan(1e-10);
    for (let n = 0; n < d1.N; n++) expect(Math.abs(r2.solution.lw[n] - r1.solution.lw[n])).toBeLessThan(1e-12);
  }

  it('leaves every real result of a synthetic tariff war unchanged when all flows double', () => {
    const tauOf = (d: Dataset) => Float64Array.from(d.tariff, (t, q) => 1 + t + (q % 3 === 0 ? 0.1 : 0));
    expectSameRealResults(synthetic({ N: 4, J: 3, seed: 3 }), synthetic({ N: 4, J: 3, seed: 3, scale: 2 }), tauOf);
  });

  it('leaves every real result of the CP 2015 NAFTA experiment unchanged when all flows double', () => {
    const d = loadDataset('cp2015');
    const doubled: Dataset = { ...d, flows: d.flows.map((v) => 2 * v) };
    expectSameRealResults(d, doubled, naftaTau);
  });
});

/** The NAFTA experiment's τ′ (1993 tariffs; 2005 tariffs on the six NAFTA pairs). */
function naftaTau(d: Dataset): Float64Array {
  const nafta = ['CAN', 'MEX', 'USA'].map((c) => d.regions.indexOf(c));
  const tau = Float64Array.from(d.tariff, (t) => 1 + t);
  const sched = d.schedules['tariffs-2005'];
  for (const n of nafta)
    for (const i of nafta)
      if (n !== i) for (let j = 0; j < d.J; j++) tau[(n * d.N + i) * d.J + j] = 1 + sched[(n * d.N + i) * d.J + j];
  return tau;
}

describe("Walras' law and the numeraire", () => {
  it('holds in the CP 2015 NAFTA solution: world exports = world imports, each trade balance = D′, Σ ŵ·VA = Σ VA', () => {
    const d = loadDataset('cp2015');
    const run = runGe(d, 'cp2015', naftaTau(d), { baseline: 'zero-deficit', publishedWelfare: true });
    expect(run.result.status).toBe('converged');
    expectEquilibriumAccounts(run.baseline, run.shock, run.solution);
  });

  it('holds with the data deficits kept (keep-deficits baseline)', () => {
    const d = loadDataset('cp2015');
    const run = runGe(d, 'cp2015', naftaTau(d), { baseline: 'keep-deficits', publishedWelfare: false });
    expect(run.result.status).toBe('converged');
    expect(sum(run.shock.D.map(Math.abs))).toBeGreaterThan(0);
    expectEquilibriumAccounts(run.baseline, run.shock, run.solution);
  });
});

describe('random small economies (property)', () => {
  it('converge under random tariff shocks and satisfy Walras and Σ ŵ·VA = Σ VA', () => {
    fc.assert(
      fc.property(
        fc.record({
          N: fc.integer({ min: 3, max: 5 }),
          J: fc.integer({ min: 2, max: 3 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          lastNonTraded: fc.boolean(),
          keepDeficits: fc.boolean(),
          rises: fc.array(fc.double({ min: -0.1, max: 0.6, noNaN: true }), { minLength: 75, maxLength: 75 }),
        }),
        ({ N, J, seed, lastNonTraded, keepDeficits, rises }) => {
          const d = synthetic({ N, J, seed, lastNonTraded });
          const base = calibratedBaseline(d, keepDeficits ? 'keep-deficits' : 'zero-deficit');
          // Tariff changes (never below free trade), one draw per (n, i, j).
          const tauNew = tariffRise(base, (n, i, j) =>
            Math.max(rises[(n * N + i) * J + j] ?? 0, 1 - base.tau[(n * N + i) * J + j]),
          );
          const run = runGe(d, 'multisector', tauNew, {
            baseline: keepDeficits ? 'keep-deficits' : 'zero-deficit',
            publishedWelfare: false,
          });
          expect(run.result.status).toBe('converged');
          expect(run.result.residual).toBeLessThan(1e-10);
          expectEquilibriumAccounts(run.baseline, run.shock, run.solution);
        },
      ),
      { numRuns: 60, seed: 20250402 },
    );
  });
});
