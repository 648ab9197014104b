/**
 * Baseline construction of the 2025 one-sector model (Ignatenko, Macedoni, Lashkaripour &
 * Simonovska 2025, "data preparation" of the authors' main_baseline.m), from a `gravity` dataset.
 *
 * Index formula (the dataset's, J = 1): `n*N + i` = importer n, exporter i. So `X[n*N + i]` is
 * the flow from exporter i to importer n, thousand USD, and `lam[n*N + i]` = λ_in, the share of
 * exporter i in importer n's spending.
 */
import type { Dataset } from '../../data/dataset.ts';
import * as msg from '../../spec/messages/model.ts';

/** The authors' two aggregate targets for ν: (rest of the world, United States). */
const NU_TARGETS: readonly [number, number] = [0.12, 0.26];

/** The calibrated baseline: flows with domestic sales, spending, income, transfers, shares, ν. */
export interface OneSectorBaseline {
  N: number;
  /** Index of the United States. */
  us: number;
  /** Flows incl. domestic sales X_nn, `n*N + i` = importer n, exporter i. */
  X: Float64Array;
  /** Spending E_n = Σ_i X[n*N+i]. */
  E: Float64Array;
  /** Income (GDP) Y_i = Σ_n (1 − ν_n) X[n*N+i] + ν_i E_i. */
  Y: Float64Array;
  /** Transfers T_i = E_i − Y_i. */
  T: Float64Array;
  /** Shares λ[n*N+i] = X[n*N+i] / E_n. */
  lam: Float64Array;
  /** ν_i, the share of purchases that is income of the buying country. */
  nu: Float64Array;
  /** (ν_nonUS, ν_US) of the two-region calibration. */
  nuEq: [number, number];
}

/** Two-region aggregate (0 = rest of the world, 1 = US): `xa[r*2 + c]` = exports of r to c. */
export function aggregateTwoRegions(N: number, us: number, X: Float64Array, Y: Float64Array) {
  const xa = new Float64Array(4);
  const ya = new Float64Array(2);
  for (let n = 0; n < N; n++) {
    const c = n === us ? 1 : 0;
    ya[c] += Y[n];
    for (let i = 0; i < N; i++) xa[(i === us ? 1 : 0) * 2 + c] += X[n * N + i];
  }
  return { xa, ya };
}

/**
 * The authors' solveNu: (ν_nonUS, ν_US) such that, in the two-region aggregation, the spending-
 * weighted ν of each region's purchases hits {@link NU_TARGETS}. Newton on 2 unknowns from
 * (0.1, 0.24) as the MATLAB; negative values are set to 0.
 */
function solveNu(N: number, us: number, X: Float64Array, Y: Float64Array): [number, number] {
  const { xa, ya } = aggregateTwoRegions(N, us, X, Y);
  const f = (nu0: number, nu1: number, out: Float64Array) => {
    const nu = [nu0, nu1];
    const E = [0, 1].map((r) => {
      const imports = xa[0 * 2 + r] + xa[1 * 2 + r];
      const sales = (1 - nu[0]) * xa[r * 2 + 0] + (1 - nu[1]) * xa[r * 2 + 1];
      return ya[r] + (1 - nu[r]) * (imports - sales);
    });
    const r11 = (E[0] - xa[2]) / (E[0] - xa[2] + xa[1]);
    const r22 = (E[1] - xa[1]) / (E[1] - xa[1] + xa[2]);
    out[0] = (1 - r11) * nu1 + r11 * nu0 - NU_TARGETS[0];
    out[1] = r22 * nu1 + (1 - r22) * nu0 - NU_TARGETS[1];
  };
  let x0 = 0.1,
    x1 = 0.24;
  const F = new Float64Array(2),
    Fa = new Float64Array(2),
    Fb = new Float64Array(2);
  for (let it = 0; it < 100; it++) {
    f(x0, x1, F);
    if (Math.max(Math.abs(F[0]), Math.abs(F[1])) < 1e-15) break;
    const h = 1e-7;
    f(x0 + h, x1, Fa);
    f(x0, x1 + h, Fb);
    const a = (Fa[0] - F[0]) / h,
      b = (Fb[0] - F[0]) / h,
      c = (Fa[1] - F[1]) / h,
      d = (Fb[1] - F[1]) / h;
    const det = a * d - b * c;
    x0 -= (d * F[0] - b * F[1]) / det;
    x1 -= (a * F[1] - c * F[0]) / det;
  }
  f(x0, x1, F);
  if (!(Math.max(Math.abs(F[0]), Math.abs(F[1])) < 1e-12)) {
    throw new RangeError(msg.calibrationHitTargets(Math.max(Math.abs(F[0]), Math.abs(F[1]))));
  }
  return [Math.max(0, x0), Math.max(0, x1)];
}

/**
 * Builds the baseline from a gravity dataset (region column `gdp` in the dataset's unit):
 * ν by {@link solveNu}; T_i = (1 − ν_i)(imports_i − Σ_k (1 − ν_k) X_ik); E_i = Y_i + T_i;
 * X_ii = max(0, E_i − imports_i); then E_i = Σ_j X_ji, Y_i = Σ_k (1 − ν_k) X_ik + ν_i E_i,
 * T_i = E_i − Y_i and λ_ji = X_ji / E_i (X_ik = flow from i to k).
 *
 * @example
 * const b = calibrateBaseline(loadDataset('world-2023')); // b.nuEq ≈ [0.1143, 0.2705]
 */
export function calibrateBaseline(d: Dataset): OneSectorBaseline {
  const { N } = d;
  if (d.J !== 1) throw new RangeError(msg.oneSectorDataset(d.J, d.manifest.id));
  const gdp = d.regionData.gdp;
  if (!gdp) throw new TypeError(msg.regionColumnGdp(d.manifest.id, Object.keys(d.regionData).join(', ') || 'none'));
  const us = d.regions.indexOf('USA');
  if (us < 0) throw new RangeError(msg.regionUsaDataset(d.manifest.id));
  const X = Float64Array.from(d.flows);
  for (let n = 0; n < N; n++) X[n * N + n] = 0;
  const nuEq = solveNu(N, us, X, gdp);
  const nu = new Float64Array(N).fill(nuEq[0]);
  nu[us] = nuEq[1];
  const imports = new Float64Array(N),
    sales = new Float64Array(N);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) {
      imports[n] += X[n * N + i];
      sales[i] += (1 - nu[n]) * X[n * N + i];
    }
  for (let n = 0; n < N; n++) {
    const T0 = (1 - nu[n]) * (imports[n] - sales[n]);
    X[n * N + n] = Math.max(0, gdp[n] + T0 - imports[n]);
  }
  const E = new Float64Array(N),
    Y = new Float64Array(N),
    T = new Float64Array(N),
    lam = new Float64Array(N * N);
  for (let n = 0; n < N; n++) for (let i = 0; i < N; i++) E[n] += X[n * N + i];
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) {
      Y[i] += (1 - nu[n]) * X[n * N + i];
      lam[n * N + i] = X[n * N + i] / E[n];
    }
  for (let i = 0; i < N; i++) {
    Y[i] += nu[i] * E[i];
    T[i] = E[i] - Y[i];
  }
  return { N, us, X, E, Y, T, lam, nu, nuEq };
}
