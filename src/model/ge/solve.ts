/**
 * Solves the multi-sector equilibrium in changes (equations.ts) by one Anderson-accelerated
 * fixed point on the stacked, well-scaled state z = (ln ŵ, ln P̂, X'/s_X):
 *
 *   G(z):  ln P̂ ← eq. 2 ∘ eq. 1, applied twice (prices are the slowest block: two sweeps per
 *                  map cut the iterations by a third, for less than a third more work)
 *          π', F' ← eq. 3
 *          X'   ← eq. 4 applied once (spending given the new shares, wages and the old X')
 *          ln ŵ ← ln(VA'/VA), VA' = Σ_k γ^k Y'^k (eq. 5), then the numeraire shift (eq. 6)
 *          ln ω ← max(0, ln ω + (ln q̂ − ln s)/(1+θ))   (export-control caps, wedges.ts; only if any)
 *
 * Extensions, each switched on once per solve (the plain CP path runs the same kernels as before):
 * CES input nests (nests.ts) replace eq. (1) and make the shares of eq. (4)–(5) move with prices;
 * export taxes and caps (wedges.ts) add wedges ω to the buyers' prices, subtract their rents from
 * gross output and add the rents kept by exporters to their income (docs/controls.md).
 *
 * Each iteration evaluates every equation once (prices twice), with no nested inner solves: the
 * former nested scheme (outer wages; inner prices and spending solved to tolerance) spent ≈ 18
 * sweeps per outer step. On CP's NAFTA case: ≈ 30 iterations per solve, ≈ 7 ms.
 * X' is scaled by s_X = max(X, 10⁻³·mean X) so the three blocks weigh alike in Anderson's least
 * squares. Steps that blow the residual up or produce non-finite values, and runs that stall,
 * restart Anderson from the best iterate with halved mixing (damping).
 *
 * Convergence: the reference's measure Σ_n |VA'_n − ŵ_n VA_n| / Σ_n VA_n (reported as `residual`)
 * below `tol`, and the state a fixed point to 1% of it (max |Δ ln P̂| over one price sweep and
 * Σ|ΔX'|/Σ VA), which keeps reported percentages within ≈ 1e-9 of the exact solution.
 * Non-convergence and non-finite values are reported (status, iterations, residual, message
 * naming where), never hidden.
 */
import type { GeBaseline } from './baseline.ts';
import type { SolverReport, IterationFn } from '../result.ts';
import { Anderson } from '../numerics/anderson.ts';
import { stableShape } from '../numerics/shape.ts';
import {
  prepareSystem,
  makeWorkspace,
  logUnitCost,
  logPriceIndex,
  grossOutput,
  spendingMap,
  valueAddedOfSales,
  tradeShares,
} from './equations.ts';
import { prepareNests, nestedUnitCost, nestedShares, type GeNests } from './nests.ts';
import {
  prepareWedges,
  applyCaps,
  wedgeRents,
  capUpdate,
  capFlowAccounts,
  type CapFlowAccounts,
  type GeCaps,
  type GeLabels,
} from './wedges.ts';
import { prepareOwnership, ownershipIncome, type GeOwnership } from './ownership.ts';
import {
  prepareCapacity,
  addMarkups,
  capacityRents,
  capacityUpdate,
  type GeCapacity,
  type GeCapacitySolution,
} from './capacity.ts';
import * as msg from '../../spec/messages/model.ts';

export type { GeNests } from './nests.ts';
export type { GeCaps, GeLabels } from './wedges.ts';
export type { GeCapacity, GeCapacitySolution } from './capacity.ts';
export type { GeOwnership } from './ownership.ts';

/** A counterfactual: new tariffs (τ' = 1 + t'), optional iceberg changes, new deficits. */
export interface GeShock {
  /** τ'_ni^j, index (n*N + i)*J + j. */
  tauNew: Float64Array;
  /** d̂_ni^j (same index); absent means 1. */
  dHat?: Float64Array;
  /** D'_n in the new equilibrium (deficits, baseline units). */
  D: Float64Array;
  /** Multiplies every θ^j (short-run studies); default 1. */
  elasticityScale?: number;
  /**
   * Export-tax factors ≥ 1 (buyers pay τ'·ω·ĉ, the rent is the exporter's income), index
   * (n*N + i)*J + j; absent means 1.
   */
  exportTax?: Float64Array;
  /** Export controls: caps on real deliveries, relative to the baseline (wedges.ts). */
  caps?: GeCaps;
  /** CES input nests (nests.ts); absent means Cobb–Douglas (CP). */
  nests?: GeNests;
  /** Capacity bounds on real output of region-sectors (capacity.ts); absent means constant returns. */
  capacity?: GeCapacity;
  /**
   * Cross-border ownership of value added and kept rents (ownership.ts). With it (or with government
   * shares on caps) `D` is the baseline trade deficit and the current account T = D − NFI is held.
   */
  ownership?: GeOwnership;
}

/** Incomes that cross borders at a solution (ownership.ts), when the shock has ownership or government shares. */
export interface GeTransfers {
  /** NFI from ownership (O1, without government shares) at the baseline and at the solution. */
  ownershipBase: Float64Array;
  ownership: Float64Array;
  /** Government shares of licensed sales received by each region, and paid on each region's exports. */
  governmentReceived: Float64Array;
  governmentPaid: Float64Array;
  /** Rents kept by producers, by cell i*J + j (licence and capacity rents). */
  rentCell: Float64Array;
}

export interface GeSolveOptions {
  /** Convergence: Σ_n |VA'_n − ŵ_n VA_n| / Σ_n VA_n below this (the reference's measure). Default 1e-10. */
  tol?: number;
  /** Most fixed-point iterations (each one evaluation of eq. 1–5). Default 1000. */
  maxIterations?: number;
  /** Anderson memory (columns kept). Default 10: stiff cases (large θ, large shocks) need the depth. */
  memory?: number;
  /** Region and sector names for error messages. */
  labels?: GeLabels;
  /** Run the nested (CES) unit-cost code even when every elasticity is 1 (tests of the ε = 1 limit). */
  forceNests?: boolean;
  /** Called after every iteration with its residual (Σ|VA′ − ŵ·VA| / ΣVA) and `tol`. */
  onIteration?: IterationFn;
}

/** The caps of a solve: wedges, quantities and the complementarity residual. */
export interface GeCapSolution {
  /** Capped flows (bans excluded: they are zero in π'), (n*N + i)*J + j. */
  flow: Int32Array;
  approval: Float64Array;
  /** ln ω ≥ 0 of each cap (0: slack). */
  lnOmega: Float64Array;
  /** q̂: real deliveries relative to the baseline. */
  quantity: Float64Array;
  /** max |ln q̂ − ln s| over binding caps and max(0, ln q̂ − ln s) over slack ones. */
  residual: number;
  /** Caps with ω > 1. */
  binding: number;
  /** Per cap: value, rents kept, resources lost and the government share (wedges.ts). */
  accounts: CapFlowAccounts;
}

export interface GeSolution {
  report: SolverReport;
  /** ln ŵ_n. */
  lw: Float64Array;
  /** ln P̂_n^j (index n*J + j). */
  lP: Float64Array;
  /** ln ĉ_n^j. */
  lc: Float64Array;
  /** π'_ni^j. */
  piNew: Float64Array;
  /** X'_n^j. */
  X: Float64Array;
  /** Y'_n^j, gross output net of tariffs. */
  Y: Float64Array;
  /** F'_n^j = Σ_i π'_ni^j/τ'_ni^j. */
  F: Float64Array;
  /** Effective trade elasticities used. */
  theta: Float64Array;
  /** Rent income of each region from export taxes and licences it keeps (zero without wedges). */
  rents: Float64Array;
  /** The caps, when the shock has any that bind on traded flows. */
  caps?: GeCapSolution;
  /** The cost shares γ'_n^j and γ'_n^{k,j} of the solution when input nests are on. */
  shares?: { B: Float64Array; GB: Float64Array };
  /** Capacities: markups μ, real output, rents (when the shock has any). `rents` includes their rents. */
  capacity?: GeCapacitySolution;
  /** Cross-border incomes (ownership, government shares); absent when there are none. */
  transfers?: GeTransfers;
}

/** Optional warm start (a previous solution of the same baseline); cap wedges are matched by flow. */
export type GeWarmStart = Pick<GeSolution, 'lw' | 'lP' | 'X'> & Partial<Pick<GeSolution, 'caps' | 'capacity'>>;

/** Relative floor of the X' scale: entries below 10⁻³ of the mean are weighed as that. */
const X_SCALE_FLOOR = 1e-3;
/** A step whose residual exceeds this multiple of the best so far restarts Anderson from the best iterate. */
const RESTART_FACTOR = 1e3;
/** So does a run of this many iterations without a new best, or a non-finite value. */
const STALL_ITERATIONS = 40;
/** Restarts allowed; each halves Anderson's mixing β, down to MIN_MIXING. */
const MAX_RESTARTS = 12;
const MIN_MIXING = 1 / 16;
/**
 * The state must be a fixed point 100× tighter than `tol` (max |Δ ln P̂|, Σ|ΔX'|/ΣVA), floored
 * at what double precision can certify: at tol 1e-10 this keeps reported percentages within
 * ≈ 1e-9 of the exact solution on CP's data (≈ 3e-8 if the state were held only to tol).
 */
const STATE_TOL_FACTOR = 1e-2;
const STATE_TOL_FLOOR = 1e-14;
/** Largest |ln ω| and |ln μ| an iterate may take (e^30 ≈ 10¹³): a guard against overflow, never a binding bound. */
const MAX_LN_WEDGE = 30;

/**
 * Solves the equilibrium of `shock` relative to baseline `b`.
 *
 * @example
 * const sol = solveGe(b, { tauNew, D: b.D });
 * if (sol.report.status !== 'converged') throw new Error(sol.report.message);
 */
export function solveGe(b: GeBaseline, shock: GeShock, opts: GeSolveOptions = {}, warm?: GeWarmStart): GeSolution {
  const t0 = performance.now();
  const { N, J } = b;
  const NJ = N * J;
  const tol = opts.tol ?? 1e-10;
  const maxIt = opts.maxIterations ?? 1000;
  const stateTol = Math.max(STATE_TOL_FACTOR * tol, STATE_TOL_FLOOR);
  const scale = shock.elasticityScale ?? 1;
  const theta = new Float64Array(J);
  for (let j = 0; j < J; j++) theta[j] = b.theta[j] * scale;
  const badInput = firstNonFiniteInput(b, shock, theta);
  if (badInput) {
    const nan = (k: number) => new Float64Array(k).fill(NaN);
    const report: SolverReport = {
      status: 'not-converged',
      iterations: 0,
      residual: NaN,
      seconds: (performance.now() - t0) / 1000,
      message: msg.nonFiniteInput(badInput),
    };
    return {
      report,
      lw: nan(N),
      lP: nan(NJ),
      lc: nan(NJ),
      piNew: nan(N * N * J),
      X: nan(NJ),
      Y: nan(NJ),
      F: nan(NJ),
      theta,
      rents: nan(N),
    };
  }
  const k = prepareKernel(b, shock, opts, theta, warm);
  const r = iterate(k, tol, maxIt, stateTol, opts.onIteration);
  const { C, KC } = k;
  let message = r.message;
  if (!r.converged && !message)
    message = msg.fixedPointDid(
      tol,
      maxIt,
      r.residual.toExponential(2),
      C ? r.capResidual.toExponential(2) : undefined,
      KC ? r.capacityResidual.toExponential(2) : undefined,
    );
  // The solution: wages of the last state, and the prices, shares and spending they imply
  // (lc is the unit cost behind π' and lP, from the second price sweep).
  const lwOut = Float64Array.from(k.lw);
  const lPOut = Float64Array.from(k.gP);
  tradeShares(k.sys, k.ws, k.piNew);
  const report: SolverReport = {
    status: r.converged ? 'converged' : 'not-converged',
    iterations: r.iterations,
    residual: r.residual,
    seconds: (performance.now() - t0) / 1000,
    ...(message && !r.converged ? { message } : {}),
  };
  const caps = k.wsys && C ? capsSolution(k, k.wsys, r.capResidual) : undefined;
  const capacity = k.csys ? capacitySolution(k, k.csys, r.capacityResidual) : undefined;
  const crossBorder = k.transfer ? transfersSolution(k) : undefined;
  return {
    report,
    lw: lwOut,
    lP: lPOut,
    lc: k.lc,
    piNew: k.piNew,
    X: k.Xn,
    Y: k.Y,
    F: k.F,
    theta,
    rents: k.rentful ? k.rentOut : k.rent,
    ...(caps ? { caps } : {}),
    ...(k.nest ? { shares: { B: k.Beff, GB: k.GBeff } } : {}),
    ...(capacity ? { capacity } : {}),
    ...(crossBorder ? { transfers: crossBorder } : {}),
  };
}

/** Everything one solve works on: the prepared system, its extensions and the stacked state. */
type Kernel = ReturnType<typeof prepareKernel>;

/**
 * Kernels are built with one hidden class, so that a process's second solve reuses the first one's
 * optimised code (../numerics/shape.ts).
 */
const kernelShape = stableShape();

/**
 * The prepared CP system with its wedges (export taxes, caps; bans zeroed in sys) and CES nests;
 * null when absent, so the CP path is unchanged.
 */
function systemOf(b: GeBaseline, shock: GeShock, opts: GeSolveOptions, theta: Float64Array) {
  const { N, J } = b;
  const sys = prepareSystem(N, J, theta, b.B, b.GB, b.alpha, b.pi, b.tau, shock.tauNew, shock.dHat, shock.exportTax);
  const ws = makeWorkspace(sys);
  const wsys = prepareWedges(sys, N, J, b.pi, b.tau, b.X, shock.exportTax, shock.caps, opts.labels);
  const C = wsys ? wsys.C : 0;
  const nest = prepareNests(N, J, b.B, b.GB, shock.nests, opts.forceNests);
  const Beff = nest ? Float64Array.from(b.B) : sys.B;
  const GBeff = nest ? Float64Array.from(b.GB) : sys.GB;
  const sysS = nest ? sys.withInputShares(GBeff) : sys;
  return { sys, ws, wsys, C, nest, Beff, GBeff, sysS };
}

/**
 * Rents, capacities (capacity.ts: producer prices μĉ in eq. (2)–(3)) and ownership with government
 * shares (ownership.ts: income crosses borders; the current account T = D − NFI₀ is held); null
 * when absent (the CP path unchanged).
 */
function extensionsOf(
  b: GeBaseline,
  shock: GeShock,
  opts: GeSolveOptions,
  theta: Float64Array,
  wsys: ReturnType<typeof prepareWedges>,
) {
  const { N, J } = b;
  const NJ = N * J;
  const rent = new Float64Array(N),
    rentOut = new Float64Array(N),
    Dx = new Float64Array(N);
  const D = shock.D;
  const csys = shock.capacity?.cell.length
    ? prepareCapacity(N, J, theta, baselineOutput(b), shock.capacity, opts.labels)
    : null;
  const KC = csys ? csys.K : 0;
  const osys = prepareOwnership(N, J, shock.ownership, opts.labels);
  const transfer = osys !== null || (wsys?.hasGov ?? false);
  const rentful = wsys !== null || csys !== null || transfer;
  const rentCell = transfer ? new Float64Array(NJ) : null,
    capRent = transfer && csys ? new Float64Array(KC) : null;
  const gov = transfer ? new Float64Array(N) : null,
    nfi = new Float64Array(N),
    T = Float64Array.from(D);
  const nfi0 = new Float64Array(N);
  if (osys) {
    ownershipIncome(osys, b.B, baselineOutput(b), null, nfi0);
    for (let n = 0; n < N; n++) T[n] = D[n] - nfi0[n];
  }
  return { rent, rentOut, Dx, D, csys, KC, osys, transfer, rentful, rentCell, capRent, gov, nfi, T, nfi0 };
}

/** The stacked state z = (ln ŵ, ln P̂, X'/sX, ln ω, ln μ) and its image G(z), as views of one buffer each. */
function stackedState(N: number, NJ: number, C: number, KC: number) {
  const Z = N + 2 * NJ + C + KC;
  const z = new Float64Array(Z),
    gz = new Float64Array(Z),
    zBest = new Float64Array(Z);
  const lw = z.subarray(0, N),
    lP = z.subarray(N, N + NJ),
    xs = z.subarray(N + NJ, N + 2 * NJ),
    lo = z.subarray(N + 2 * NJ, N + 2 * NJ + C),
    lm = z.subarray(N + 2 * NJ + C);
  const gw = gz.subarray(0, N),
    gP = gz.subarray(N, N + NJ),
    gx = gz.subarray(N + NJ, N + 2 * NJ),
    go = gz.subarray(N + 2 * NJ, N + 2 * NJ + C),
    gm = gz.subarray(N + 2 * NJ + C);
  return { z, gz, zBest, lw, lP, xs, lo, lm, gw, gP, gx, go, gm };
}

/**
 * The scale sX of each spending cell in the state (|X| of the baseline, floored at a share of the
 * mean) and its inverse.
 */
function spendingScale(X: Float64Array, NJ: number) {
  const sX = new Float64Array(NJ);
  let meanX = 0;
  for (let q = 0; q < NJ; q++) meanX += Math.abs(X[q]) / NJ;
  for (let q = 0; q < NJ; q++) sX[q] = Math.max(Math.abs(X[q]), X_SCALE_FLOOR * meanX) || 1;
  const invSX = new Float64Array(NJ);
  for (let q = 0; q < NJ; q++) invSX[q] = 1 / sX[q];
  return { sX, invSX };
}

/**
 * The start of the iteration in the state: a previous solution's markups, wedges, wages, prices and
 * spending where there is one; else no markup, the partial-equilibrium guess of each capped flow's
 * wedge, the baseline.
 */
function startState(
  st: ReturnType<typeof stackedState>,
  ext: ReturnType<typeof extensionsOf>,
  wsys: ReturnType<typeof prepareWedges>,
  b: GeBaseline,
  sX: Float64Array,
  warm?: GeWarmStart,
) {
  const { lw, lP, xs, lo, lm } = st;
  const { csys, KC } = ext;
  if (csys && warm?.capacity) {
    const prev = new Map<number, number>();
    warm.capacity.cell.forEach((q, c) => prev.set(q, warm.capacity!.lnMu[c]));
    for (let c = 0; c < KC; c++) lm[c] = prev.get(csys.cell[c]) ?? 0;
  }
  if (wsys) {
    // ln ω: a previous solution's wedge where the flow was capped, else the partial-equilibrium guess.
    const prev = new Map<number, number>();
    warm?.caps?.flow.forEach((q, c) => prev.set(q, warm.caps!.lnOmega[c]));
    for (let c = 0; c < wsys.C; c++)
      lo[c] =
        prev.get(wsys.flow[wsys.capOf[c]]) ?? Math.max(0, -wsys.lnS[c] * wsys.step[c] - wsys.lnGov[wsys.capOf[c]]);
  }
  const X0 = warm ? warm.X : b.X;
  for (let q = 0; q < xs.length; q++) xs[q] = X0[q] / sX[q];
  if (warm) {
    lw.set(warm.lw);
    lP.set(warm.lP);
  }
}

/** Prepares the system, wedges, nests, capacities and ownership of `shock`, and the start of the iteration. */
function prepareKernel(b: GeBaseline, shock: GeShock, opts: GeSolveOptions, theta: Float64Array, warm?: GeWarmStart) {
  const { N, J } = b;
  const NJ = N * J;
  const lc = new Float64Array(NJ),
    F = new Float64Array(NJ),
    Y = new Float64Array(NJ),
    X = new Float64Array(NJ),
    Xn = new Float64Array(NJ);
  const piNew = new Float64Array(N * N * J);
  const sy = systemOf(b, shock, opts, theta);
  const ext = extensionsOf(b, shock, opts, theta, sy.wsys);
  const lcp = ext.csys ? new Float64Array(NJ) : lc;
  const st = stackedState(N, NJ, sy.C, ext.KC);
  const { sX, invSX } = spendingScale(b.X, NJ);
  startState(st, ext, sy.wsys, b, sX, warm);
  const wVA = new Float64Array(N),
    VAs = new Float64Array(N);
  const aa = new Anderson(st.z.length, opts.memory ?? 10);
  let worldVA = 0;
  for (let n = 0; n < N; n++) worldVA += b.VA[n];
  normalise(st.lw, b.VA, worldVA);
  // One order of fields for every solve (kernelShape: one hidden class): b … NJ, the system, its
  // extensions, the buffers, the state.
  return kernelShape({
    b,
    N,
    J,
    NJ,
    ...sy,
    ...ext,
    lc,
    lcp,
    F,
    Y,
    X,
    Xn,
    piNew,
    ...st,
    sX,
    invSX,
    wVA,
    VAs,
    aa,
    worldVA,
    /** [cap residual, capacity residual] of the last evaluation (written by rentfulSpending). */
    residuals: new Float64Array(2),
  });
}

/**
 * Eq. (1) at prices `P` into k.lc: CES nests when the shock has them, else Cobb–Douglas (a
 * function, not a per-solve closure: one call target in every solve).
 */
function unitCost(k: Kernel, P: Float64Array): void {
  if (k.nest) nestedUnitCost(k.nest, k.lw, P, k.lc);
  else logUnitCost(k.N, k.J, k.sys.B, k.sys.GB, k.lw, P, k.lc);
}

/** Spending transfers of eq. (4) given rents (and, with ownership, gross output Y net of rents), into k.Dx. */
function transfers(k: Kernel, rentIn: Float64Array, Yv: Float64Array): void {
  const { N, KC, D, Dx, T, csys, osys, rentCell, capRent, gov, nfi } = k;
  if (!k.transfer) {
    for (let n = 0; n < N; n++) Dx[n] = D[n] + rentIn[n];
    return;
  }
  if (capRent) for (let c = 0; c < KC; c++) rentCell![csys!.cell[c]] += capRent[c];
  if (osys) ownershipIncome(osys, k.Beff, Yv, rentCell, nfi);
  for (let n = 0; n < N; n++) Dx[n] = T[n] + rentIn[n] + gov![n] + nfi[n];
}

/** The iteration's safeguard: the best merit so far (its iterate is k.zBest), iterations since, restarts used. */
class Safeguard {
  best = Infinity;
  sinceBest = 0;
  restarts = 0;
}

/** Back to the best iterate with a fresh, more damped Anderson; false when out of restarts. */
function restart(k: Kernel, sg: Safeguard): boolean {
  if (sg.best === Infinity || sg.restarts >= MAX_RESTARTS) return false;
  sg.restarts++;
  k.aa.reset();
  k.aa.beta = Math.max(k.aa.beta / 2, MIN_MIXING);
  k.z.set(k.zBest);
  sg.sinceBest = 0;
  return true;
}

/**
 * G(z)'s first price sweep, eq. (1)–(2) into gP; returns the largest change of ln P̂, NaN when a
 * change is not finite.
 */
function firstPriceSweep(k: Kernel): number {
  const { NJ, sys, ws, csys, lc, lcp, lm, lP, gP } = k;
  unitCost(k, lP);
  if (csys) addMarkups(csys, lc, lm, lcp);
  logPriceIndex(sys, ws, lcp, gP, null);
  let dP = 0,
    sumP = 0;
  for (let q = 0; q < NJ; q++) {
    const a = Math.abs(gP[q] - lP[q]);
    sumP += a;
    if (a > dP) dP = a;
  }
  return Number.isFinite(sumP) ? dP : NaN;
}

/**
 * The rest of G(z): eq. (1)–(2) again (prices are the slowest block), eq. (3), eq. (4) once (with
 * rents, caps and capacities when there are: their residuals in k.residuals), and the value added
 * of sales into k.VAs.
 */
function imageAfterPrices(k: Kernel): void {
  const { N, J, sys, ws, nest, Beff, GBeff, sysS, D, csys, rentful, lc, lcp, F, Y, X, Xn, lw, lm, gP, wVA, VAs } = k;
  unitCost(k, gP);
  if (csys) addMarkups(csys, lc, lm, lcp);
  logPriceIndex(sys, ws, lcp, gP, F);
  if (nest) nestedShares(nest, lw, gP, lc, Beff, GBeff);
  grossOutput(sys, ws, X, Y);
  if (rentful) rentfulSpending(k);
  else {
    spendingMap(sysS, F, wVA, D, X, Y, Xn);
    grossOutput(sys, ws, Xn, Y);
  }
  valueAddedOfSales(N, J, Beff, Y, VAs);
}

/** The Anderson-accelerated fixed-point iteration z ← G(z), with restarts from the best iterate. */
function iterate(k: Kernel, tol: number, maxIt: number, stateTol: number, onIteration?: IterationFn) {
  const { N, NJ, J, rentful } = k;
  const { X, Xn, z, gz, lw, gP, wVA, VAs, aa, worldVA } = k;
  let residual = Infinity;
  let capResidual = 0;
  let capacityResidual = 0;
  const sg = new Safeguard();
  let iterations = 0;
  let converged = false;
  let message: string | undefined;
  for (let it = 1; it <= maxIt; it++) {
    iterations = it;
    unpack(k);
    // G(z): eq. (1)–(2) twice (prices are the slowest block), eq. (3), eq. (4) once, eq. (5).
    const dP = firstPriceSweep(k);
    if (!Number.isFinite(dP)) {
      if (restart(k, sg)) continue;
      message = msg.nonFiniteValue(it, firstNonFinite(lw, gP, X, VAs.fill(0), J));
      break;
    }
    imageAfterPrices(k);
    if (rentful) {
      capResidual = k.residuals[0];
      capacityResidual = k.residuals[1];
    }
    let res = 0,
      sumVA = 0;
    for (let n = 0; n < N; n++) {
      res += Math.abs(VAs[n] - wVA[n]);
      sumVA += VAs[n];
    }
    res /= worldVA;
    let dX = 0;
    for (let q = 0; q < NJ; q++) dX += Math.abs(Xn[q] - X[q]);
    dX /= worldVA;
    residual = res;
    if (onIteration) onIteration(it, res, tol);
    if (!Number.isFinite(res + dX + capResidual + capacityResidual) || !(sumVA > 0)) {
      if (restart(k, sg)) continue;
      message = msg.nonFiniteValue(it, firstNonFinite(lw, gP, Xn, VAs, J));
      break;
    }
    if (res < tol && dP < stateTol && dX < stateTol && capResidual < tol && capacityResidual < tol) {
      converged = true;
      break;
    }
    // Safeguards: a blown-up or stalled run restarts from the best iterate, more damped.
    const merit = Math.max(res, dP, dX, capResidual, capacityResidual);
    if (merit < sg.best) {
      sg.best = merit;
      k.zBest.set(z);
      sg.sinceBest = 0;
    } else if ((merit > RESTART_FACTOR * sg.best || ++sg.sinceBest > STALL_ITERATIONS) && restart(k, sg)) continue;
    writeImage(k, sumVA);
    aa.next(z, gz, z);
    normalise(lw, k.b.VA, worldVA);
    project(k);
  }
  return { residual, capResidual, capacityResidual, iterations, converged, message };
}

/** The state's spending X = sX·x, wage bills ŵVA and, with caps, the wedges in dom. */
function unpack(k: Kernel): void {
  const { b, N, NJ, X, xs, sX, wVA, lw, wsys, sys, lo } = k;
  for (let q = 0; q < NJ; q++) X[q] = xs[q] * sX[q];
  for (let n = 0; n < N; n++) wVA[n] = Math.exp(lw[n]) * b.VA[n];
  if (wsys) applyCaps(wsys, sys, lo);
}

/** The wage and spending blocks of G(z) (the price block gP is written in place): ln ŵ from value added, normalised. */
function writeImage(k: Kernel, sumVA: number): void {
  const { b, N, NJ, gw, gx, VAs, Xn, invSX, worldVA } = k;
  const shift = Math.log(worldVA / sumVA);
  for (let n = 0; n < N; n++) gw[n] = Math.log(VAs[n] / b.VA[n]) + shift;
  for (let q = 0; q < NJ; q++) gx[q] = Xn[q] * invSX[q];
}

/**
 * Eq. (3)–(4) with rents: Y net of wedge and capacity rents (rents kept by exporters and capacity
 * owners are their income; with ownership, foreign owners' shares of value added and kept rents are
 * theirs, O1–O3), spending X' and output at X'; the cap and capacity residuals go to k.residuals.
 */
function rentfulSpending(k: Kernel): void {
  const {
    J,
    sys,
    ws,
    wsys,
    C,
    csys,
    sysS,
    F,
    wVA,
    X,
    Xn,
    Y,
    lo,
    lm,
    lc,
    lcp,
    go,
    gm,
    rent,
    rentOut,
    rentCell,
    capRent,
    gov,
  } = k;
  if (wsys) wedgeRents(wsys, sys, ws, lo, X, Y, rent, rentCell, gov);
  else {
    rent.fill(0);
    rentCell?.fill(0);
    gov?.fill(0);
  }
  if (csys) capacityRents(csys, J, lm, Y, rent, capRent);
  transfers(k, rent, Y);
  spendingMap(sysS, F, wVA, k.Dx, X, Y, Xn);
  grossOutput(sys, ws, Xn, Y);
  if (wsys) wedgeRents(wsys, sys, ws, lo, Xn, Y, rentOut, rentCell, gov);
  else {
    rentOut.fill(0);
    rentCell?.fill(0);
    gov?.fill(0);
  }
  if (csys) capacityRents(csys, J, lm, Y, rentOut, capRent);
  if (C) k.residuals[0] = capUpdate(wsys!, sys, ws, lo, Xn, lcp, go, null);
  if (csys) k.residuals[1] = capacityUpdate(csys, lm, Y, lc, gm, null);
}

/**
 * Projections: ω ≥ 1, μ ≥ 1 with constant returns; both below e^MAX_LN_WEDGE, so that an
 * extrapolated step cannot overflow the exponentials (no equilibrium here needs a larger wedge).
 */
function project(k: Kernel): void {
  const { C, KC, csys, lo, lm } = k;
  // biome-ignore lint/complexity/useMathMinMax: the clamp keeps a NaN visible and costs no call in the loop
  for (let c = 0; c < C; c++) lo[c] = lo[c] < 0 ? 0 : lo[c] > MAX_LN_WEDGE ? MAX_LN_WEDGE : lo[c];
  for (let c = 0; c < KC; c++) {
    if (csys!.invEta[c] === 0 && lm[c] < 0) lm[c] = 0;
    else if (lm[c] > MAX_LN_WEDGE) lm[c] = MAX_LN_WEDGE;
    else if (lm[c] < -MAX_LN_WEDGE) lm[c] = -MAX_LN_WEDGE;
  }
}

/** Caps at the solution: wedges, quantities, how many bind, and the flows' accounts. */
function capsSolution(k: Kernel, wsys: NonNullable<Kernel['wsys']>, capResidual: number): GeCapSolution {
  const { C, sys, ws, lo, Xn, lcp } = k;
  const quantity = new Float64Array(C),
    lnOmega = Float64Array.from(lo),
    scratch = new Float64Array(C);
  capUpdate(wsys, sys, ws, lnOmega, Xn, lcp, scratch, quantity);
  let binding = 0;
  for (let c = 0; c < C; c++) if (lnOmega[c] > 0) binding++;
  return {
    flow: Int32Array.from(wsys.capOf, (k) => wsys.flow[k]),
    approval: Float64Array.from(wsys.approval),
    lnOmega,
    quantity,
    residual: capResidual,
    binding,
    accounts: capFlowAccounts(wsys, sys, ws, lnOmega, Xn),
  };
}

/** Capacities at the solution: rents and quantities (Y is net of them), recomputed from gross sales. */
function capacitySolution(k: Kernel, csys: NonNullable<Kernel['csys']>, capacityResidual: number): GeCapacitySolution {
  const { N, J, KC, lm, Y, lc } = k;
  // Rents and quantities at the solution (Y is net of them): recompute from gross sales.
  const lnMu = Float64Array.from(lm),
    quantity = new Float64Array(KC),
    rentCell = new Float64Array(KC),
    byRegion = new Float64Array(N),
    scratch = new Float64Array(KC);
  capacityUpdate(csys, lnMu, Y, lc, scratch, quantity);
  let binding = 0;
  for (let c = 0; c < KC; c++) {
    const q = csys.cell[c];
    const r = Y[q] * Math.exp(lnMu[c]) * -Math.expm1(-lnMu[c]);
    rentCell[c] = r;
    byRegion[Math.floor(q / J)] += r;
    const b = csys.invEta[c] === 0 ? 0 : Math.min(Math.log(quantity[c]), csys.lnK[c]) * csys.invEta[c];
    if (lnMu[c] - b > 1e-12) binding++;
  }
  return {
    cell: csys.cell,
    limit: csys.limit,
    elasticity: csys.elasticity,
    lnMu,
    quantity,
    rent: rentCell,
    rentByRegion: byRegion,
    residual: capacityResidual,
    binding,
  };
}

/** Ownership income and government shares at the solution (Y, rentCell and gov hold the last evaluation at X'). */
function transfersSolution(k: Kernel): GeTransfers {
  const { N, C, KC, csys, osys, wsys, sys, ws, lo, Xn, Y, Beff, rentCell, capRent, gov, nfi0 } = k;
  // At the solution (Y, rentCell and gov hold the last evaluation at X'): ownership income and government shares.
  if (capRent) for (let c = 0; c < KC; c++) rentCell![csys!.cell[c]] += capRent[c];
  const own = new Float64Array(N);
  if (osys) ownershipIncome(osys, Beff, Y, rentCell, own);
  const paid = new Float64Array(N);
  if (wsys?.hasGov) {
    const acc = capFlowAccounts(wsys, sys, ws, lo, Xn);
    for (let c = 0; c < C; c++) paid[wsys.i[wsys.capOf[c]]] += acc.government[c];
  }
  return {
    ownershipBase: nfi0,
    ownership: own,
    governmentReceived: Float64Array.from(gov!),
    governmentPaid: paid,
    rentCell: Float64Array.from(rentCell!),
  };
}

/** Baseline gross output Y_i^j = Σ_m π_mi^j X_m^j / τ_mi^j, index i*J + j. */
export function baselineOutput(b: GeBaseline): Float64Array {
  const { N, J } = b;
  const y = new Float64Array(N * J);
  for (let m = 0; m < N; m++)
    for (let i = 0; i < N; i++) {
      const o = (m * N + i) * J;
      for (let j = 0; j < J; j++) y[i * J + j] += (b.pi[o + j] / b.tau[o + j]) * b.X[m * J + j];
    }
  return y;
}

/** Eq. (6): rescales ŵ so that world value added is unchanged. */
function normalise(lw: Float64Array, VA: Float64Array, worldVA: number) {
  let s = 0;
  for (let n = 0; n < lw.length; n++) s += Math.exp(lw[n]) * VA[n];
  const shift = Math.log(worldVA / s);
  for (let n = 0; n < lw.length; n++) lw[n] += shift;
}

function firstNonFinite(lw: Float64Array, lP: Float64Array, X: Float64Array, VA: Float64Array, J: number): string {
  const n = lw.findIndex((v) => !Number.isFinite(v));
  if (n >= 0) return `wage of region ${n}`;
  const q = lP.findIndex((v) => !Number.isFinite(v));
  if (q >= 0) return `price index of region ${Math.floor(q / J)}, sector ${q % J}`;
  const x = X.findIndex((v) => !Number.isFinite(v));
  if (x >= 0) return `spending of region ${Math.floor(x / J)}, sector ${x % J}`;
  const v = VA.findIndex((v) => !Number.isFinite(v));
  if (v >= 0) return `value added of region ${v}`;
  return 'residual';
}

/** Names the first non-finite baseline or shock value, or returns undefined. */
function firstNonFiniteInput(b: GeBaseline, shock: GeShock, theta: Float64Array): string | undefined {
  const { N, J } = b;
  const bilateral = (q: number) =>
    `importer ${Math.floor(q / (N * J))}, exporter ${Math.floor(q / J) % N}, sector ${q % J}`;
  const regionSector = (q: number) => `region ${Math.floor(q / J)}, sector ${q % J}`;
  const inputShare = (q: number) =>
    `region ${Math.floor(q / (J * J))}, input ${Math.floor(q / J) % J}, sector ${q % J}`;
  const checks: [string, Float64Array | undefined, (q: number) => string][] = [
    ['trade elasticity θ', theta, (q) => `sector ${q}`],
    ['baseline share π', b.pi, bilateral],
    ['baseline tariff factor τ', b.tau, bilateral],
    ["new tariff factor τ'", shock.tauNew, bilateral],
    ['export-tax factor', shock.exportTax, bilateral],
    ['iceberg change d̂', shock.dHat, bilateral],
    ['baseline spending X', b.X, regionSector],
    ['value-added share γ', b.B, regionSector],
    ['final-spending share α', b.alpha, regionSector],
    ['input share γ^{k,j}', b.GB, inputShare],
    ['value added wL', b.VA, (q) => `region ${q}`],
    ["new deficit D'", shock.D, (q) => `region ${q}`],
  ];
  for (const [what, a, where] of checks) {
    if (!a || allFinite(a)) continue;
    for (let q = 0; q < a.length; q++) if (!Number.isFinite(a[q])) return `${what} is ${a[q]} at ${where(q)}`;
  }
  return undefined;
}

/** Whether every entry is finite: x·0 is NaN exactly for ±∞ and NaN, so one sum tells. */
function allFinite(a: Float64Array): boolean {
  let s0 = 0,
    s1 = 0;
  const n2 = a.length - (a.length % 2);
  for (let q = 0; q < n2; q += 2) {
    s0 += a[q] * 0;
    s1 += a[q + 1] * 0;
  }
  if (n2 < a.length) s0 += a[n2] * 0;
  return s0 + s1 === 0;
}
