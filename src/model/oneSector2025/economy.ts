/**
 * Model parameters of the 2025 one-sector model and their variants (Table 9), and the
 * tariff-dependent constants of one counterfactual ("economy").
 *
 * Index formula (as the dataset): `n*N + i` = importer n, exporter i.
 */
import type { Dataset } from '../../data/dataset.ts';
import type { OneSectorBaseline } from './baseline.ts';
import type { IterationFn } from '../result.ts';
import * as msg from '../../spec/messages/model.ts';
import { stableShape } from '../numerics/shape.ts';

/** Options of a solve. `variant` picks the paper's main model or a Table 9 alternative. */
export interface OneSector2025Options {
  /** How tariff revenue is returned: cut in the income tax (default in the paper) or lump-sum. */
  revenue: 'income-tax-relief' | 'lump-sum';
  /**
   * `baseline` (ε = 4), `eaton-kortum` (ν = 0, φ = 1), `eps8` (ε = 8, φ and ψ of ε = 4),
   * `partial-pass-through` (φ = 0.25 + φ̃).
   */
  variant: 'baseline' | 'eaton-kortum' | 'eps8' | 'partial-pass-through';
  /** Multiplies the trade elasticity ε only (φ, ψ keep their base values, as in the ε = 8 variant). Default 1. */
  elasticityScale?: number;
  /** Solver: largest number of iterations (default 500). */
  maxIterations?: number;
  /** Solver: convergence tolerance on the scaled 3N residual, max-norm (default 1e-11). */
  tolerance?: number;
  /** Solver: called after every iteration with the scaled residual (progress events). */
  onIteration?: IterationFn;
}

/** Labour-supply elasticity κ. */
const KAPPA = 0.5;
/** Share 0.67 in ψ = 0.67/ε and θ = ε/0.67. */
const SIGMA_SHARE = 0.67;

/** Parameters of one variant, on top of the calibrated baseline. */
export interface ModelParams {
  N: number;
  us: number;
  eps: number;
  kappa: number;
  psi: number;
  /** Pass-through φ_n of the importer (per country). */
  phi: Float64Array;
  nu: Float64Array;
  nuEq: [number, number];
  E: Float64Array;
  Y: Float64Array;
  T: Float64Array;
  lam: Float64Array;
  /** Baseline flows incl. domestic sales (`n*N + i`). */
  X: Float64Array;
  lumpSum: boolean;
}

/** φ_n = shift + φ̃_n, φ̃_n = (1 + θ)/((1 − ν_n) θ) − 1/θ − 1, θ = ε/0.67 (pass-through, main text). */
function passThrough(nu: number, eps: number, shift = 1): number {
  const theta = eps / SIGMA_SHARE;
  return shift + (1 + theta) / ((1 - nu) * theta) - 1 / theta - 1;
}

/**
 * Parameters of `opts.variant` for a baseline. The dataset's sector θ is the base ε (4 in world-2023).
 *
 * @example
 * const p = modelParams(d, calibrateBaseline(d), { revenue: 'lump-sum', variant: 'eps8' }); // p.eps === 8
 */
export function modelParams(d: Dataset, b: OneSectorBaseline, opts: OneSector2025Options): ModelParams {
  const eps0 = d.theta[0];
  const scale = opts.elasticityScale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(msg.positiveFiniteElasticityScale(scale));
  if (opts.revenue !== 'income-tax-relief' && opts.revenue !== 'lump-sum') {
    throw new RangeError(msg.revenueIncomeTax(String(opts.revenue)));
  }
  const { N } = b;
  const phi = new Float64Array(N);
  let { nu, Y, T, nuEq } = b;
  let eps = eps0;
  switch (opts.variant) {
    case 'baseline':
    case 'eps8':
      for (let n = 0; n < N; n++) phi[n] = passThrough(nu[n], eps0, 1);
      if (opts.variant === 'eps8') eps = 2 * eps0;
      break;
    case 'partial-pass-through':
      for (let n = 0; n < N; n++) phi[n] = passThrough(nu[n], eps0, 0.25);
      break;
    case 'eaton-kortum': {
      // ν = 0, φ = 1, Y_i = Σ_k X_ik (all sales), T = E − Y.
      phi.fill(1);
      nu = new Float64Array(N);
      nuEq = [0, 0];
      Y = new Float64Array(N);
      T = new Float64Array(N);
      for (let n = 0; n < N; n++) for (let i = 0; i < N; i++) Y[i] += b.X[n * N + i];
      for (let n = 0; n < N; n++) T[n] = b.E[n] - Y[n];
      break;
    }
    default:
      throw new RangeError(msg.variantBaselineEaton(String(opts.variant)));
  }
  return {
    N,
    us: b.us,
    eps: eps * scale,
    kappa: KAPPA,
    psi: SIGMA_SHARE / eps0,
    phi,
    nu,
    nuEq,
    E: b.E,
    Y,
    T,
    lam: b.lam,
    X: b.X,
    lumpSum: opts.revenue === 'lump-sum',
  };
}

/** Tariff-dependent constants of one counterfactual, computed once per solve. */
export interface Economy extends ModelParams {
  /** New tariffs t_ni (importer n on exporter i). */
  t: Float64Array;
  /** λ_ni (1 + t_ni)^(−ε φ_n). */
  lamT: Float64Array;
  /** lamT · t/(1 + t) (tariff-revenue share weights). */
  lamTs: Float64Array;
  /** lamT / (1 + t) (sales net of tariffs). */
  lamTc: Float64Array;
  /** (1 + t_ni)^(−ε φ_n − 1): the flow ratio X'_ni / X_ni before costs and spending. */
  tc: Float64Array;
  /** S0_n = Σ_i λ_ni, 1 up to rounding: S_n is divided by it so that zero tariffs give P̂ = 1 exactly. */
  S0: Float64Array;
  /** 1 if importer n levies any tariff (row n of t is not all zero); kernels skip tariff terms otherwise. */
  taxed: Uint8Array;
  sumY: number;
}

const economy = stableShape();

/** Builds the economy for tariffs `t` (`n*N + i`, new ad valorem rates, diagonal ignored). */
export function makeEconomy(p: ModelParams, t: Float64Array): Economy {
  const { N, eps, phi, lam } = p;
  if (!(t instanceof Float64Array) || t.length !== N * N) {
    throw new TypeError(msg.tariffsFloat64arrayN(N * N, t instanceof Float64Array ? `length ${t.length}` : typeof t));
  }
  const tt = new Float64Array(N * N),
    lamT = new Float64Array(N * N),
    lamTs = new Float64Array(N * N),
    lamTc = new Float64Array(N * N);
  const tc = new Float64Array(N * N),
    S0 = new Float64Array(N),
    taxed = new Uint8Array(N);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) {
      const k = n * N + i;
      const r = n === i ? 0 : t[k];
      if (!(r >= 0) || !Number.isFinite(r)) throw new RangeError(msg.tariffRates(r, n, i));
      tt[k] = r;
      const f = r === 0 ? 1 : Math.pow(1 + r, -eps * phi[n]);
      lamT[k] = lam[k] * f;
      lamTs[k] = (lamT[k] * r) / (1 + r);
      lamTc[k] = lamT[k] / (1 + r);
      tc[k] = f / (1 + r);
      S0[n] += lam[k];
      if (r !== 0) taxed[n] = 1;
    }
  let sumY = 0;
  for (let n = 0; n < N; n++) sumY += p.Y[n];
  return economy({ ...p, t: tt, lamT, lamTs, lamTc, tc, S0, taxed, sumY });
}
