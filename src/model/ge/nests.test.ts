/**
 * CES input nests (nests.ts): ε = 1 is Cobb–Douglas (CP) exactly, the nested path is continuous at
 * ε = 1, a zero shock is the baseline for any ε, and a low-elasticity critical-input nest makes a
 * cut in a tiny input's supply far costlier than Cobb–Douglas does (Baqaee & Farhi).
 */
import { describe, it, expect } from 'vitest';
import { loadDataset } from '../../data/load.ts';
import { calibratedBaseline } from './run.ts';
import { solveGe, type GeShock, type GeSolution, type GeNests } from './solve.ts';
import { prepareNests } from './nests.ts';
import { asBaseline } from './outputs.ts';
import { scaledInputShares, type GeBaseline } from './baseline.ts';

const d = loadDataset('multisector-2025');
const b = calibratedBaseline(d, 'keep-deficits');
const { N, J } = b;
const R = (c: string) => d.regions.indexOf(c),
  S = (c: string) => d.sectors.indexOf(c);

/** A tariff war: the US and China add 30 points on each other's goods. */
const tauNew = Float64Array.from(b.tau);
for (const [n, i] of [
  [R('USA'), R('CHN')],
  [R('CHN'), R('USA')],
])
  for (let j = 0; j < 18; j++) tauNew[(n * N + i) * J + j] += 0.3;
const shock: GeShock = { tauNew, D: b.D };
const OPTS = { tol: 1e-12 };

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
  for (let q = 0; q < a.X.length; q++) m = Math.max(m, Math.abs(a.X[q] - c.X[q]) / va, Math.abs(a.Y[q] - c.Y[q]) / va);
  return m;
}

describe('CES input nests', () => {
  const cd = solveGe(b, shock, OPTS);
  const users = new Uint8Array(N * J);
  for (let n = 0; n < N; n++) for (const c of ['c13', 'c14', 'c15', 'c31']) users[n * J + S(c)] = 1;

  it('keeps the Cobb–Douglas fast path when every elasticity is 1', () => {
    expect(prepareNests(N, J, b.B, b.GB, { epsilon: new Float64Array(J).fill(1) })).toBeNull();
    expect(
      prepareNests(N, J, b.B, b.GB, { critical: { inputs: Int32Array.of(S('MAG')), users, sigma: 1 } }),
    ).toBeNull();
    expect(prepareNests(N, J, b.B, b.GB, { epsilon: new Float64Array(J).fill(0.5) })).not.toBeNull();
  });

  it('ε = 1 through the nested (CES) code equals Cobb–Douglas to 1e-9, with and without a critical nest', () => {
    expect(cd.report.status).toBe('converged');
    const flat = solveGe(
      b,
      { ...shock, nests: { epsilon: new Float64Array(N * J).fill(1) } },
      { ...OPTS, forceNests: true },
    );
    expect(maxDiff(cd, flat)).toBeLessThan(1e-9);
    const nested = solveGe(
      b,
      { ...shock, nests: { critical: { inputs: Int32Array.of(S('MAG'), S('SEMI')), users, sigma: 1 } } },
      { ...OPTS, forceNests: true },
    );
    expect(maxDiff(cd, nested)).toBeLessThan(1e-9);
  });

  it('ε → 1 converges to Cobb–Douglas (continuity of the CES branch)', () => {
    const near = solveGe(b, { ...shock, nests: { epsilon: new Float64Array(J).fill(1 + 1e-6) } }, OPTS);
    expect(near.report.status).toBe('converged');
    expect(maxDiff(cd, near)).toBeLessThan(1e-6);
    expect(maxDiff(cd, near)).toBeGreaterThan(0);
  });

  it('a zero shock returns the baseline for any elasticities', () => {
    const nests: GeNests = {
      epsilon: new Float64Array(J).fill(0.3),
      critical: { inputs: Int32Array.of(S('MAG')), users, sigma: 0.05 },
    };
    const sol = solveGe(b, { tauNew: b.tau, D: b.D, nests }, OPTS);
    expect(sol.report.status).toBe('converged');
    for (const v of sol.lw) expect(Math.abs(v)).toBeLessThan(1e-9);
    for (let q = 0; q < N * J; q++) expect(Math.abs(sol.X[q] - b.X[q]) / (b.X[q] + 1)).toBeLessThan(1e-7);
  });

  it('complements (ε < 1) make the tariff war cost more than Cobb–Douglas does, and the shares move', () => {
    const low = solveGe(b, { ...shock, nests: { epsilon: new Float64Array(J).fill(0.5) } }, OPTS);
    expect(low.report.status).toBe('converged');
    expect(maxDiff(cd, low)).toBeGreaterThan(1e-4);
    expect(low.shares).toBeDefined();
    // Cost shares of each user still sum to one.
    const n = R('USA'),
      j = S('c15');
    let sum = low.shares!.B[n * J + j];
    for (let k = 0; k < J; k++) sum += low.shares!.GB[(n * J + k) * J + j];
    let sum0 = b.B[n * J + j];
    for (let k = 0; k < J; k++) sum0 += b.GB[(n * J + k) * J + j];
    expect(Math.abs(sum - sum0)).toBeLessThan(1e-12);
  });
});

/**
 * Three regions, three sectors: 0 makes final goods with a tiny critical input 1 (0.5% of costs)
 * and a general input 2; region 0 makes none of the critical input. All foreign supply of it to
 * region 0 is capped at 10% of the baseline.
 */
function bfEconomy(): GeBaseline {
  const N = 3,
    J = 3;
  const B = new Float64Array(N * J).fill(0.5);
  const G = new Float64Array(N * J * J);
  for (let n = 0; n < N; n++)
    for (let j = 0; j < J; j++) {
      const crit = j === 0 ? 0.01 : 0;
      G[(n * J + 1) * J + j] = crit;
      G[(n * J + 2) * J + j] = (1 - crit) / 2;
      G[(n * J + 0) * J + j] = (1 - crit) / 2;
    }
  const alpha = Float64Array.from({ length: N * J }, (_, q) => (q % J === 1 ? 0 : 0.5));
  const pi = new Float64Array(N * N * J);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++)
      for (let j = 0; j < J; j++)
        pi[(n * N + i) * J + j] =
          j === 1 && n === 0
            ? i === 0
              ? 0
              : 0.5
            : j === 1 && i === 0
              ? 0
              : i === n
                ? j === 1
                  ? 0.9
                  : 0.8
                : j === 1
                  ? 0.1
                  : 0.1;
  const raw: GeBaseline = {
    N,
    J,
    theta: Float64Array.of(5, 5, 5),
    B,
    G,
    GB: scaledInputShares(N, J, B, G),
    alpha,
    pi,
    tau: new Float64Array(N * N * J).fill(1),
    X: new Float64Array(N * J).fill(1),
    VA: Float64Array.of(1, 1, 1),
    D: new Float64Array(N),
  };
  const cal: GeShock = { tauNew: raw.tau, D: raw.D };
  const sol = solveGe(raw, cal, { tol: 1e-13 });
  if (sol.report.status !== 'converged') throw new Error('synthetic baseline did not converge');
  return asBaseline(raw, cal, sol);
}

describe('the Baqaee–Farhi non-linearity of a critical input', () => {
  const e = bfEconomy();
  const caps = {
    flow: Int32Array.of((0 * 3 + 1) * 3 + 1, (0 * 3 + 2) * 3 + 1),
    approval: Float64Array.of(0.1, 0.1),
    rentsToExporter: Uint8Array.of(1, 1),
  };
  const users = Uint8Array.from({ length: 9 }, (_, q) => (q === 0 ? 1 : 0));
  const loss = (sigma: number) => {
    const sol = solveGe(
      e,
      { tauNew: e.tau, D: e.D, caps, nests: { critical: { inputs: Int32Array.of(1), users, sigma } } },
      { tol: 1e-12 },
    );
    expect(sol.report.status).toBe('converged');
    let y0 = 0;
    for (let m = 0; m < 3; m++) y0 += (e.pi[(m * 3 + 0) * 3 + 0] / e.tau[m * 3 * 3]) * e.X[m * 3];
    return 100 * (1 - sol.Y[0] / y0 / Math.exp(sol.lc[0]));
  };

  it('a 90% cut costs the user far more with σ = 0.1 than with Cobb–Douglas', () => {
    const cdLoss = loss(1),
      lowLoss = loss(0.1);
    expect(cdLoss).toBeGreaterThan(0);
    expect(lowLoss).toBeGreaterThan(5 * cdLoss);
  });
});
