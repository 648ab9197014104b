/**
 * The baseline of the multi-sector input–output model (Caliendo & Parro 2015, section 3):
 * expenditure shares π, tariffs τ, spending X, value added w·L and deficits D, built from an
 * `io-table` dataset. All arrays follow the dataset's index formulas (see src/data/dataset.ts).
 */
import type { Dataset } from '../../data/dataset.ts';
import * as msg from '../../spec/messages/model.ts';
import { stableShape } from '../numerics/shape.ts';

export interface GeBaseline {
  N: number;
  J: number;
  theta: Float64Array;
  /** γ_n^j: value-added share of gross output, index n*J + j. */
  B: Float64Array;
  /** Input shares of intermediate purchases, index (n*J + k)*J + j (input k, user j). */
  G: Float64Array;
  /** G scaled by the user's intermediate share: γ_n^{k,j} = G (1 − γ_n^j), same index. */
  GB: Float64Array;
  /** α_n^j: final-spending shares, index n*J + j. */
  alpha: Float64Array;
  /** π_ni^j: share of n's sector-j spending bought from i (tariff-inclusive), index (n*N + i)*J + j. */
  pi: Float64Array;
  /** τ_ni^j = 1 + t_ni^j, same index. */
  tau: Float64Array;
  /** X_n^j: spending on sector j goods (tariff-inclusive), index n*J + j. */
  X: Float64Array;
  /** w_n L_n: value added. */
  VA: Float64Array;
  /** D_n: deficit, imports − exports (net of tariffs). */
  D: Float64Array;
}

/** Builds the raw baseline of an `io-table` dataset (before any calibration solve). */
export function baselineFromDataset(d: Dataset): GeBaseline {
  if (d.manifest.layout !== 'io-table') {
    throw new TypeError(msg.datasetIoTable(d.manifest.layout, d.source));
  }
  const { N, J } = d;
  const { flows, tariff, vaShare } = d;
  const tau = new Float64Array(N * N * J);
  const pi = new Float64Array(N * N * J);
  const X = new Float64Array(N * J);
  const sales = new Float64Array(N * J); // Σ_m flows[(m*N + i)*J + j] at i*J + j, summed in m order
  const VA = new Float64Array(N);
  const D = new Float64Array(N);
  // One contiguous pass over the bilateral arrays (importer n outer, so every sum keeps its order).
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) {
      const o = (n * N + i) * J;
      if (i === n) {
        for (let j = 0; j < J; j++) {
          const f = flows[o + j];
          const t = 1 + tariff[o + j];
          tau[o + j] = t;
          X[n * J + j] += f * t;
          sales[i * J + j] += f;
        }
        continue;
      }
      // D[n] and D[i] (n ≠ i) in registers: the same additions, in the same order.
      let dn = D[n],
        di = D[i];
      for (let j = 0; j < J; j++) {
        const f = flows[o + j];
        const t = 1 + tariff[o + j];
        tau[o + j] = t;
        X[n * J + j] += f * t;
        sales[i * J + j] += f;
        dn += f;
        di -= f;
      }
      D[n] = dn;
      D[i] = di;
    }
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) {
      const o = (n * N + i) * J;
      for (let j = 0; j < J; j++) {
        const x = X[n * J + j];
        if (x > 0) pi[o + j] = (flows[o + j] * tau[o + j]) / x;
        else if (i === n) pi[o + j] = 1; // no spending: autarky shares keep the price index defined
      }
    }
  for (let n = 0; n < N; n++) for (let j = 0; j < J; j++) VA[n] += vaShare[n * J + j] * sales[n * J + j];
  return geBaseline({
    N,
    J,
    theta: d.theta,
    B: d.vaShare,
    G: d.io,
    GB: scaledInputShares(N, J, d.vaShare, d.io),
    alpha: d.finalShare,
    pi,
    tau,
    X,
    VA,
    D,
  });
}

const baselineShape = stableShape();

/**
 * A baseline object with the one hidden class of every baseline built here (raw and calibrated), so
 * that the solver's code optimised on the calibration solve still fits the counterfactual's
 * baseline (../numerics/shape.ts). Fields in the order of {@link GeBaseline}.
 */
export function geBaseline(b: GeBaseline): GeBaseline {
  const { N, J, theta, B, G, GB, alpha, pi, tau, X, VA, D } = b;
  return baselineShape({ N, J, theta, B, G, GB, alpha, pi, tau, X, VA, D });
}

/** γ_n^{k,j} = G_n^{k,j} (1 − γ_n^j). */
export function scaledInputShares(N: number, J: number, B: Float64Array, G: Float64Array): Float64Array {
  const GB = new Float64Array(N * J * J);
  for (let n = 0; n < N; n++)
    for (let k = 0; k < J; k++)
      for (let j = 0; j < J; j++) GB[(n * J + k) * J + j] = G[(n * J + k) * J + j] * (1 - B[n * J + j]);
  return GB;
}
