/**
 * Poisson pseudo-maximum likelihood with any number of high-dimensional fixed effects: the IRLS
 * of Correia, Guimarães & Zylkin (2020, "Fast Poisson estimation with high-dimensional fixed
 * effects", Stata Journal 20(1), algorithm of section 3.1) as ppmlhdfe implements it:
 *   zᵢ = ηᵢ + (yᵢ − μᵢ)/μᵢ,  ωᵢ = wᵢ μᵢ                         (working variable and weights)
 *   z̃, X̃ = z, X with the fixed effects partialled out under ω  (hdfe.ts, warm-started)
 *   b = (X̃ᵀΩX̃)⁻¹ X̃ᵀΩz̃,   η ← z − (z̃ − X̃b),   μ = exp η
 * until the relative change of the deviance D = 2 Σ wᵢ [yᵢ ln(yᵢ/μᵢ) − (yᵢ − μᵢ)] is below
 * `tolerance` with the partialling-out at its strictest tolerance. The inner tolerance starts loose
 * (1e-4) and tightens as IRLS converges, as ppmlhdfe does. Singletons and separated observations
 * are dropped first (prune.ts, relu.ts). The constant is ppmlhdfe's: the ω-weighted mean of
 * ln μ − Xb; standard errors: vcov.ts.
 */
import { Demeaner, subsetFactor, type Factor } from './hdfe.ts';
import { SpdInverse } from './dense.ts';
import { pruneSample } from './prune.ts';
import { reluSeparation } from './relu.ts';
import { sandwich } from './vcov.ts';
import * as msg from '../../spec/messages/model.ts';

/** The data of one PPML fit: n observations, k regressors. */
export interface PpmlProblem {
  y: Float64Array;
  /** Regressors, column-major: x[c*n + i]. */
  x: Float64Array;
  names: readonly string[];
  factors: readonly Factor[];
  /** Frequency weights (≥ 0; 0 leaves the observation out), e.g. bootstrap multiplicities. */
  weights?: Float64Array;
  /** Cluster codes per observation for clustered standard errors. */
  cluster?: Int32Array;
}

/** Options of {@link ppml}; defaults in brackets. */
export interface PpmlOptions {
  /** Relative deviance change that ends IRLS [1e-10; ppmlhdfe's default is 1e-8]. */
  tolerance?: number;
  /** Strictest partialling-out tolerance [1e-12]. */
  innerTolerance?: number;
  maxIterations?: number;
  maxInnerIterations?: number;
  /** Drop singletons [true]. */
  singletons?: boolean;
  /** Separation checks [both]: `fe` (all-zero FE levels), `relu` (Correia–Guimarães–Zylkin 2021). */
  separation?: readonly ('fe' | 'relu')[];
  /** Variance: robust [default], cluster (needs `problem.cluster`) or none (bootstrap replications). */
  vce?: 'robust' | 'cluster' | 'none';
  /**
   * Starting ln μ per observation of the problem (e.g. a full-sample fit's `eta` for a bootstrap
   * draw); default ppmlhdfe's μ = (y + ȳ)/2.
   */
  start?: Float64Array;
}

/** A PPML fit. Arrays are indexed like `problem.names`. */
export interface PpmlFit {
  status: 'converged' | 'not-converged';
  message: string;
  coef: Float64Array;
  /** Standard errors (NaN when omitted or with vce none). */
  se: Float64Array;
  /** (k+1)×(k+1) variance, row-major, the constant last. */
  vcov: Float64Array;
  /** 1 where the regressor was dropped as collinear with the others or the fixed effects. */
  omitted: Uint8Array;
  constant: number;
  constantSe: number;
  iterations: number;
  /** Total conjugate-gradient sweeps of the partialling-out. */
  innerIterations: number;
  deviance: number;
  /** Observations used (sum of weights with frequency weights). */
  nobs: number;
  dropped: { singletons: number; separatedByFixedEffects: number; separatedByRelu: number };
  /** False when the ReLU separation check stopped at its iteration cap (separation may remain). */
  separationChecked: boolean;
  /** Fitted ln μ per observation of the problem (NaN where dropped); empty when not converged. */
  eta: Float64Array;
  clusters?: number;
}

function check(p: PpmlProblem): number {
  const n = p.y.length;
  const k = p.names.length;
  if (p.x.length !== n * k) throw new TypeError(msg.regressorValuesObservations(n * k, n, k, p.x.length));
  if (p.weights && p.weights.length !== n) throw new TypeError(msg.weightCount(n, p.weights.length));
  if (p.cluster && p.cluster.length !== n) throw new TypeError(msg.clusterCodeCount(n, p.cluster.length));
  for (let i = 0; i < n; i++) {
    if (!(p.y[i] >= 0) || !Number.isFinite(p.y[i])) throw new RangeError(msg.finiteFlowObservation(i + 1, p.y[i]));
  }
  for (let i = 0; i < n * k; i++) {
    if (!Number.isFinite(p.x[i]))
      throw new RangeError(msg.finiteValues(p.names[Math.floor(i / n)], p.x[i], (i % n) + 1));
  }
  return n;
}

/** Observations left after pruning and separation, as indices into the problem. */
function sample(p: PpmlProblem, opts: PpmlOptions) {
  const n = p.y.length;
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) active[i] = !p.weights || p.weights[i] > 0 ? 1 : 0;
  const sep = opts.separation ?? ['fe', 'relu'];
  const dropped = { singletons: 0, separatedByFixedEffects: 0, separatedByRelu: 0 };
  let reluComplete = true;
  for (let round = 0; round < 10; round++) {
    const c = pruneSample(p.y, active, p.factors, {
      singletons: opts.singletons ?? true,
      separation: sep.includes('fe'),
    });
    dropped.singletons += c.singletons;
    dropped.separatedByFixedEffects += c.separatedByFixedEffects;
    if (!sep.includes('relu')) break;
    const idx = indices(active);
    let zeros = 0;
    for (const i of idx) if (p.y[i] === 0) zeros++;
    if (zeros === 0) break;
    const sub = compact(p, idx);
    const separated = reluSeparation(sub.y, sub.x, sub.k, sub.factors, sub.w);
    if (!separated.converged) reluComplete = false;
    if (separated.count === 0) break;
    for (let j = 0; j < idx.length; j++) if (separated.mask[j]) active[idx[j]] = 0;
    dropped.separatedByRelu += separated.count;
  }
  return { idx: indices(active), dropped, reluComplete };
}

function indices(active: Uint8Array): Int32Array {
  let m = 0;
  for (let i = 0; i < active.length; i++) m += active[i];
  const idx = new Int32Array(m);
  for (let i = 0, j = 0; i < active.length; i++) if (active[i]) idx[j++] = i;
  return idx;
}

/** The problem restricted to the observations `idx`, with dense factor levels. */
function compact(p: PpmlProblem, idx: Int32Array) {
  const n = p.y.length,
    m = idx.length,
    k = p.names.length;
  const y = new Float64Array(m),
    w = new Float64Array(m),
    x = new Float64Array(m * k);
  for (let j = 0; j < m; j++) {
    const i = idx[j];
    y[j] = p.y[i];
    w[j] = p.weights ? p.weights[i] : 1;
    for (let c = 0; c < k; c++) x[c * m + j] = p.x[c * n + i];
  }
  const factors = p.factors.map((f) => subsetFactor(f, idx));
  const cluster = p.cluster
    ? subsetFactor({ name: 'cluster', codes: p.cluster, levels: maxCode(p.cluster) + 1 }, idx)
    : undefined;
  return { y, w, x, k, factors, cluster };
}

function maxCode(c: Int32Array): number {
  let m = -1;
  for (let i = 0; i < c.length; i++) if (c[i] > m) m = c[i];
  return m;
}

/**
 * Fits PPML with fixed effects.
 *
 * @example
 * ```ts
 * const fit = ppml({ y, x, names: ['lndist'], factors: [exporter, importer] });
 * fit.coef[0]; fit.se[0]; fit.status;
 * ```
 */
export function ppml(problem: PpmlProblem, opts: PpmlOptions = {}): PpmlFit {
  check(problem);
  const limits: IrlsLimits = {
    tol: opts.tolerance ?? 1e-10,
    target: opts.innerTolerance ?? 1e-12,
    maxIter: opts.maxIterations ?? 1000,
    maxInner: opts.maxInnerIterations ?? 50_000,
  };
  const vce = opts.vce ?? (problem.cluster ? 'cluster' : 'robust');
  if (vce === 'cluster' && !problem.cluster) throw new TypeError(msg.clusterCodesClustered());
  const { idx, dropped, reluComplete } = sample(problem, opts);
  const { y, w, x, k, factors, cluster } = compact(problem, idx);
  const n = y.length;
  const empty = (message: string) => emptyFit(k, n, dropped, reluComplete, message);
  if (n === 0) return empty(msg.observationsLeftAfter());

  const ws = workspace(n, k, x, factors);
  const sw = startValues(ws, y, w, idx, problem.y.length, opts.start);
  const r = irls(ws, y, w, limits);
  if (!r.converged) {
    const fit = empty(r.message || msg.irlsNotConverged(limits.maxIter));
    fit.coef.set(ws.b);
    fit.iterations = r.iter;
    fit.innerIterations = r.innerTotal;
    fit.deviance = r.dev;
    return fit;
  }
  const { constant, means, sOmega } = constantTerm(ws, x);
  const m = k + 1;
  let vcov: Float64Array = new Float64Array(m * m).fill(NaN);
  if (vce !== 'none') {
    const score = new Float64Array(n);
    for (let i = 0; i < n; i++) score[i] = ws.omega[i] * ws.resid[i];
    vcov = sandwich({
      n,
      k,
      xt: ws.xt,
      hInv: ws.solver.inv,
      score,
      w,
      means,
      sumOmega: sOmega,
      cluster: vce === 'cluster' ? cluster : undefined,
    });
  }
  const omitted = new Uint8Array(k);
  for (let a = 0; a < k; a++) omitted[a] = ws.solver.kept[a] ? 0 : 1;
  const se = new Float64Array(k);
  for (let a = 0; a < k; a++) se[a] = omitted[a] ? NaN : Math.sqrt(vcov[a * m + a]);
  const etaOut = new Float64Array(problem.y.length).fill(NaN);
  for (let i = 0; i < n; i++) etaOut[idx[i]] = ws.eta[i];
  return {
    status: 'converged',
    message: msg.ppmlConverged(r.iter, r.innerTotal),
    coef: ws.b.slice(),
    se,
    vcov,
    omitted,
    constant,
    constantSe: Math.sqrt(vcov[m * m - 1]),
    iterations: r.iter,
    innerIterations: r.innerTotal,
    deviance: r.dev,
    nobs: sw,
    dropped,
    separationChecked: reluComplete,
    eta: etaOut,
    ...(vce === 'cluster' && cluster ? { clusters: countLevels(cluster.codes, cluster.levels) } : {}),
  };
}

/** A fit that did not converge (every number NaN); callers fill in what they have. */
function emptyFit(
  k: number,
  n: number,
  dropped: PpmlFit['dropped'],
  separationChecked: boolean,
  message: string,
): PpmlFit {
  return {
    status: 'not-converged',
    message,
    coef: new Float64Array(k).fill(NaN),
    se: new Float64Array(k).fill(NaN),
    vcov: new Float64Array((k + 1) * (k + 1)).fill(NaN),
    omitted: new Uint8Array(k),
    constant: NaN,
    constantSe: NaN,
    iterations: 0,
    innerIterations: 0,
    deviance: NaN,
    nobs: n,
    dropped,
    separationChecked,
    eta: new Float64Array(0),
  };
}

interface IrlsLimits {
  /** Relative deviance change that ends the iteration. */
  tol: number;
  /** Tolerance of the last partialling-out sweeps. */
  target: number;
  maxIter: number;
  maxInner: number;
}

/** The arrays of one IRLS fit over n observations and k regressors (allocated once). */
interface Workspace {
  n: number;
  k: number;
  dm: Demeaner;
  solver: SpdInverse;
  mu: Float64Array;
  eta: Float64Array;
  etaOld: Float64Array;
  omega: Float64Array;
  z: Float64Array;
  zPrev: Float64Array;
  /** z and the regressors with the fixed effects partialled out (xt: column c at c·n). */
  zt: Float64Array;
  xt: Float64Array;
  x: Float64Array;
  resid: Float64Array;
  h: Float64Array;
  g: Float64Array;
  b: Float64Array;
}

function workspace(n: number, k: number, x: Float64Array, factors: Factor[]): Workspace {
  const v = () => new Float64Array(n);
  return {
    n,
    k,
    dm: new Demeaner(n, factors),
    solver: new SpdInverse(k),
    mu: v(),
    eta: v(),
    etaOld: v(),
    omega: v(),
    z: v(),
    zPrev: v(),
    zt: v(),
    xt: x.slice(),
    x,
    resid: v(),
    h: new Float64Array(k * k),
    g: new Float64Array(k),
    b: new Float64Array(k),
  };
}

/** ppmlhdfe's start, μ = (y + ȳ)/2, or the caller's η where finite; returns Σw (the weighted count). */
function startValues(
  ws: Workspace,
  y: Float64Array,
  w: Float64Array,
  idx: Int32Array,
  all: number,
  start?: Float64Array,
): number {
  const { n, eta, mu } = ws;
  let sy = 0,
    sw = 0;
  for (let i = 0; i < n; i++) {
    sy += w[i] * y[i];
    sw += w[i];
  }
  const ybar = sy / sw;
  if (start && start.length !== all) throw new TypeError(msg.startingValues(all, start.length));
  for (let i = 0; i < n; i++) {
    const s0 = start ? start[idx[i]] : NaN;
    eta[i] = Number.isFinite(s0) ? s0 : Math.log((y[i] + ybar) / 2);
    mu[i] = Math.exp(eta[i]);
  }
  return sw;
}

/** Iteratively reweighted least squares, with partialling-out tolerances tightened as it converges. */
function irls(ws: Workspace, y: Float64Array, w: Float64Array, o: IrlsLimits) {
  let dev = deviance(y, w, ws.mu);
  let inner = 1e-4;
  let innerTotal = 0;
  let iter = 0;
  let converged = false;
  let message = '';
  while (iter < o.maxIter) {
    iter++;
    const innerNow = Math.max(inner, o.target);
    workingResponse(ws, y, w, iter === 1);
    const sweeps = partialOut(ws, innerNow, o.maxInner);
    innerTotal += sweeps.iterations;
    if (!sweeps.converged) {
      message = msg.partiallingOutFixed(innerNow.toExponential(0), o.maxInner, iter);
      break;
    }
    weightedLeastSquares(ws);
    const devOld = dev;
    dev = halvingStep(ws, y, w, devOld, iter);
    if (!Number.isFinite(dev)) {
      message = msg.devianceNotFinite(dev, iter);
      break;
    }
    const eps = Math.abs(dev - devOld) / Math.max(Math.min(dev, devOld), 0.1);
    if (eps < o.tol && innerNow <= o.target) {
      converged = true;
      break;
    }
    inner = Math.min(inner, Math.max(o.target, 0.1 * eps));
    if (eps < o.tol) inner = o.target;
  }
  return { converged, message, iter, innerTotal, dev };
}

/** Weights ω = wμ and working response z = η + (y − μ)/μ; zt warm-starts from the last step. */
function workingResponse(ws: Workspace, y: Float64Array, w: Float64Array, first: boolean): void {
  const { n, omega, mu, z, eta, zt, zPrev } = ws;
  for (let i = 0; i < n; i++) {
    omega[i] = w[i] * mu[i];
    z[i] = eta[i] + (y[i] - mu[i]) / mu[i];
    // Warm start: last step's partialled-out z plus the change of z stays in z + span(D).
    zt[i] = first ? z[i] : zt[i] + (z[i] - zPrev[i]);
  }
  zPrev.set(z);
}

/** Partials the fixed effects out of zt and every regressor column (in place). */
function partialOut(ws: Workspace, tol: number, maxSweeps: number): { iterations: number; converged: boolean } {
  const { n, k, dm, zt, xt } = ws;
  dm.setWeights(ws.omega);
  let ok = true;
  let o = dm.partialOut(zt, tol, maxSweeps);
  let iterations = o.iterations;
  ok &&= o.converged;
  for (let c = 0; c < k; c++) {
    o = dm.partialOut(xt.subarray(c * n, (c + 1) * n), tol, maxSweeps);
    iterations += o.iterations;
    ok &&= o.converged;
  }
  return { iterations, converged: ok };
}

/** b from the weighted normal equations of zt on xt, and the residuals zt − xt·b. */
function weightedLeastSquares(ws: Workspace): void {
  const { n, k, xt, zt, omega, h, g, b, solver, resid } = ws;
  normalEquations(n, k, xt, zt, omega, h, g);
  // A regressor the fixed effects absorb keeps only rounding noise after partialling out: drop it
  // (zero row and column) when its within variation is below 1e-9 of its total variation.
  for (let c = 0; c < k; c++) {
    if (h[c * k + c] <= 1e-9 * weightedVariance(ws.x, c, n, omega))
      for (let a = 0; a < k; a++) {
        h[c * k + a] = 0;
        h[a * k + c] = 0;
      }
  }
  solver.invert(h);
  for (let a = 0; a < k; a++) {
    let t = 0;
    for (let c = 0; c < k; c++) t += solver.inv[a * k + c] * g[c];
    b[a] = t;
  }
  for (let i = 0; i < n; i++) {
    let r = zt[i];
    for (let c = 0; c < k; c++) r -= xt[c * n + i] * b[c];
    resid[i] = r;
  }
}

/** The new η = z − resid, halved back towards the old η while the deviance is not finite or rises. */
function halvingStep(ws: Workspace, y: Float64Array, w: Float64Array, devOld: number, iter: number): number {
  const { n, eta, etaOld, mu, z, resid } = ws;
  etaOld.set(eta);
  let halvings = 0;
  for (;;) {
    for (let i = 0; i < n; i++) {
      const e = halvings === 0 ? z[i] - resid[i] : (eta[i] + etaOld[i]) / 2;
      eta[i] = e;
      mu[i] = Math.exp(e);
    }
    const dev = deviance(y, w, mu);
    // Step-halving when the deviance is not finite or rises (ppmlhdfe's safeguard).
    if ((Number.isFinite(dev) && dev <= devOld * (1 + 1e-9) + 1e-12) || iter === 1 || halvings >= 30) return dev;
    halvings++;
  }
}

/** Constant (ppmlhdfe): ω-weighted mean of ln μ minus the ω-weighted means of X times b. */
function constantTerm(ws: Workspace, x: Float64Array): { constant: number; means: Float64Array; sOmega: number } {
  const { n, k, omega, eta, b } = ws;
  let sOmega = 0,
    sEta = 0;
  const means = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sOmega += omega[i];
    sEta += omega[i] * eta[i];
  }
  for (let c = 0; c < k; c++) {
    let t = 0;
    for (let i = 0; i < n; i++) t += omega[i] * x[c * n + i];
    means[c] = t / sOmega;
  }
  let constant = sEta / sOmega;
  for (let c = 0; c < k; c++) constant -= means[c] * b[c];
  return { constant, means, sOmega };
}

function countLevels(codes: Int32Array, levels: number): number {
  const seen = new Uint8Array(levels);
  let c = 0;
  for (let i = 0; i < codes.length; i++)
    if (!seen[codes[i]]) {
      seen[codes[i]] = 1;
      c++;
    }
  return c;
}

/** Σ ωᵢ (xᵢ − x̄)² of regressor column c (x̄ the ω-weighted mean). */
function weightedVariance(x: Float64Array, c: number, n: number, omega: Float64Array): number {
  let s = 0,
    sx = 0;
  for (let i = 0; i < n; i++) {
    s += omega[i];
    sx += omega[i] * x[c * n + i];
  }
  const mean = sx / s;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = x[c * n + i] - mean;
    v += omega[i] * d * d;
  }
  return v;
}

/** H = X̃ᵀΩX̃ (k×k), g = X̃ᵀΩz̃. */
function normalEquations(
  n: number,
  k: number,
  xt: Float64Array,
  zt: Float64Array,
  omega: Float64Array,
  h: Float64Array,
  g: Float64Array,
): void {
  for (let a = 0; a < k; a++) {
    const oa = a * n;
    let t = 0;
    for (let i = 0; i < n; i++) t += omega[i] * xt[oa + i] * zt[i];
    g[a] = t;
    for (let c = 0; c <= a; c++) {
      const oc = c * n;
      let s = 0;
      for (let i = 0; i < n; i++) s += omega[i] * xt[oa + i] * xt[oc + i];
      h[a * k + c] = s;
      h[c * k + a] = s;
    }
  }
}

/** Poisson deviance 2 Σ wᵢ [yᵢ ln(yᵢ/μᵢ) − (yᵢ − μᵢ)]. */
function deviance(y: Float64Array, w: Float64Array, mu: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    d += w[i] * ((yi > 0 ? yi * Math.log(yi / mu[i]) : 0) - (yi - mu[i]));
  }
  return 2 * d;
}
