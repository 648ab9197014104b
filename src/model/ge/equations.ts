/**
 * The equilibrium conditions of the multi-sector input–output model in changes ("exact hat
 * algebra"), as flat allocation-free kernels. Numbers refer to shared/specs/model-ge.md (eq. 1–6),
 * which follow Caliendo & Parro (2015, section 3):
 *
 *   (1) ĉ_n^j = ŵ_n^{γ_n^j} Π_k (P̂_n^k)^{γ_n^{k,j}}
 *   (2) P̂_n^j = [ Σ_i π_ni^j (κ̂_ni^j ĉ_i^j)^{−θ^j} ]^{−1/θ^j}
 *   (3) π'_ni^j = π_ni^j (κ̂_ni^j ĉ_i^j / P̂_n^j)^{−θ^j}
 *   (4) X'_n^j = Σ_k γ_n^{j,k} Y'_n^k + α_n^j I'_n,  Y'_n^k = Σ_m (π'_mn^k/τ'_mn^k) X'_m^k,
 *       I'_n = ŵ_n w_n L_n + Σ_k X'_n^k (1 − F'_n^k) + D'_n,  F'_n^k = Σ_i π'_ni^k/τ'_ni^k
 *   (5) trade balance ⇔ ŵ_n w_n L_n = Σ_k γ_n^k Y'_n^k
 *   (6) numeraire Σ_n ŵ_n w_n L_n = Σ_n w_n L_n
 *
 * Work is in logs (lw = ln ŵ, lP = ln P̂, lc = ln ĉ) because exp(k·x) is cheaper than pow.
 *
 * Public index formulas (those of the dataset and of GeBaseline/GeSolution): bilateral
 * `(n*N + i)*J + j` (importer n, exporter i, sector j); region×sector `n*J + j`; input shares
 * `(n*J + k)*J + j` (region n, input k, user j).
 *
 * Internal layouts of a {@link GeSystem} (built once per solve by {@link prepareSystem}), chosen so
 * that every inner loop runs over contiguous memory and the working set stays small (≈ 0.7 MB on
 * CP's 31 × 40 data, inside a core's L2 cache):
 * - sectors are split into the T `traded` ones (some cross-border share anywhere) and the `local`
 *   ones (only domestic purchases: eq. 2 reduces to P̂ = ĉ · π_nn-term, no exp/log needed);
 * - traded bilateral terms `(n*T + t)*N + i` (importer-major, summed over exporters i):
 *   `dom` = π_ni^j κ̂_ni^{j −θ^j}, `domT` = dom/τ'_ni^j, with j = traded[t];
 * - traded workspaces `e` `t*N + i` = exp(−θ^j lc_i^j); `rs` `n*T + t` = 1/Σ_i dom e; `r` `t*N + n`.
 */

/**
 * The parts of the equilibrium system that stay fixed during one solve (see the module comment).
 *
 * A class, as is {@link GeWorkspace}, for V8's sake: every instance gets the same hidden class with
 * stable field types. An object literal does so only for its first instance; from the second on
 * its boilerplate generalises the field types, which discards every kernel optimised during the
 * first solve (a CLI run's baseline calibration) and runs the next one (the counterfactual) cold.
 */
export class GeSystem {
  constructor(
    readonly N: number,
    readonly J: number,
    /** Number of traded sectors. */
    readonly T: number,
    /** Traded sector indices j, length T. */
    readonly traded: Int32Array,
    /** Sectors with only domestic purchases. */
    readonly local: Int32Array,
    /** θ^j (effective). */
    readonly theta: Float64Array,
    /** 1/θ^j. */
    readonly invTheta: Float64Array,
    /** γ_n^j, `n*J + j`. */
    readonly B: Float64Array,
    /** γ_n^{k,j}, public layout `(n*J + k)*J + j`: eq. (1) adds rows, eq. (4) takes row dot products. */
    readonly GB: Float64Array,
    /** α_n^j, `n*J + j`. */
    readonly alpha: Float64Array,
    /** π κ̂^{−θ} of traded sectors, `(n*T + t)*N + i`. */
    readonly dom: Float64Array,
    /** dom / τ', same index. */
    readonly domT: Float64Array,
    /** Local sectors, `n*J + j`: −ln(π_nn κ̂_nn^{−θ})/θ, so that ln P̂ = ln ĉ + this. */
    readonly localShift: Float64Array,
    /** Local sectors, `n*J + j`: F' = 1/τ'_nn, or 0 when n has no supply of j (then P̂ = 1). */
    readonly localF: Float64Array,
  ) {}

  /** The same system with other input shares γ^{k,j} (CES nests move them during a solve). */
  withInputShares(GB: Float64Array): GeSystem {
    const { N, J, T, traded, local, theta, invTheta, B, alpha, dom, domT, localShift, localF } = this;
    return new GeSystem(N, J, T, traded, local, theta, invTheta, B, GB, alpha, dom, domT, localShift, localF);
  }
}

/** Workspace of the kernels for one {@link GeSystem}; allocate once per solve ({@link makeWorkspace}). */
export class GeWorkspace {
  constructor(
    /** exp(−θ^j lc_i^j) of traded sectors, `t*N + i`. */
    readonly e: Float64Array,
    /** 1/Σ_i dom e, `n*T + t` (0 when n has no supplier). */
    readonly rs: Float64Array,
    /** Sales of traded sectors before the exporter's e factor, `t*N + n`. */
    readonly r: Float64Array,
  ) {}
}

/** The sectors with a positive cross-border share anywhere in `pi` (public bilateral layout). */
function tradedSectors(N: number, J: number, pi: Float64Array): Int32Array {
  const out: number[] = [];
  for (let j = 0; j < J; j++) {
    let any = false;
    for (let n = 0; n < N && !any; n++)
      for (let i = 0; i < N; i++)
        if (i !== n && pi[(n * N + i) * J + j] > 0) {
          any = true;
          break;
        }
    if (any) out.push(j);
  }
  return Int32Array.from(out);
}

/**
 * Builds the fixed part of the system for baseline shares `pi` and tariffs `tau`, new tariffs
 * `tauNew`, optional iceberg changes `dHat` and export-tax factors `exportTax` (buyers pay
 * τ'·ω·ĉ; the baseline has none; all public bilateral layout) and elasticities `theta`.
 * Export-tax rents are not in `domT` (it stays π'/τ'): see wedges.ts.
 */
export function prepareSystem(
  N: number,
  J: number,
  theta: Float64Array,
  B: Float64Array,
  GB: Float64Array,
  alpha: Float64Array,
  pi: Float64Array,
  tau: Float64Array,
  tauNew: Float64Array,
  dHat?: Float64Array,
  exportTax?: Float64Array,
): GeSystem {
  const traded = tradedSectors(N, J, pi);
  const T = traded.length;
  const isTraded = new Uint8Array(J);
  for (let t = 0; t < T; t++) isTraded[traded[t]] = 1;
  const localList: number[] = [];
  for (let j = 0; j < J; j++) if (!isTraded[j]) localList.push(j);
  const invTheta = new Float64Array(J);
  for (let j = 0; j < J; j++) invTheta[j] = 1 / theta[j];
  // Zero shares, and entries whose tariff does not move (without iceberg or export-tax factors), are
  // what shiftedShare gives, tested inline: a fresh process spends no call per entry in cold code.
  const plain = !dHat && !exportTax;
  const dom = new Float64Array(N * T * N),
    domT = new Float64Array(N * T * N);
  for (let n = 0; n < N; n++)
    for (let t = 0; t < T; t++) {
      const j = traded[t];
      for (let i = 0; i < N; i++) {
        const q = (n * N + i) * J + j;
        const p = pi[q];
        const v =
          p === 0
            ? 0
            : plain && tauNew[q] === tau[q] && tau[q] !== 0
              ? p
              : shiftedShare(pi, tau, tauNew, dHat, exportTax, theta, q, j);
        dom[(n * T + t) * N + i] = v;
        domT[(n * T + t) * N + i] = v / tauNew[q];
      }
    }
  const localShift = new Float64Array(N * J),
    localF = new Float64Array(N * J);
  for (let n = 0; n < N; n++)
    for (const j of localList) {
      const q = (n * N + n) * J + j;
      const p = pi[q];
      const v =
        p === 0
          ? 0
          : plain && tauNew[q] === tau[q] && tau[q] !== 0
            ? p
            : shiftedShare(pi, tau, tauNew, dHat, exportTax, theta, q, j);
      if (v > 0) {
        localShift[n * J + j] = -Math.log(v) * invTheta[j];
        localF[n * J + j] = 1 / tauNew[q];
      }
    }
  return new GeSystem(
    N,
    J,
    T,
    traded,
    Int32Array.from(localList),
    theta,
    invTheta,
    B,
    GB,
    alpha,
    dom,
    domT,
    localShift,
    localF,
  );
}

/**
 * π κ̂^{−θ} of entry q (sector j): exact π where κ̂ = 1 (most pairs), so a zero shock reproduces the
 * baseline bit for bit (τ'/τ is exactly 1 when τ' = τ, so that division is skipped; κ̂ is otherwise
 * computed as written). A module function, not a closure: one call target in every solve.
 */
function shiftedShare(
  pi: Float64Array,
  tau: Float64Array,
  tauNew: Float64Array,
  dHat: Float64Array | undefined,
  exportTax: Float64Array | undefined,
  theta: Float64Array,
  q: number,
  j: number,
): number {
  const p = pi[q];
  if (p === 0) return 0;
  const tn = tauNew[q],
    tb = tau[q];
  const kappa = (tn === tb && tb !== 0 ? 1 : tn / tb) * (dHat ? dHat[q] : 1) * (exportTax ? exportTax[q] : 1);
  return kappa === 1 ? p : p * Math.exp(-theta[j] * Math.log(kappa));
}

/** Allocates the kernels' workspace for `sys`. */
export function makeWorkspace(sys: GeSystem): GeWorkspace {
  const { N, T } = sys;
  return new GeWorkspace(new Float64Array(T * N), new Float64Array(N * T), new Float64Array(T * N));
}

/**
 * Eq. (1), Cobb–Douglas in logs: out[n*J + j] = γ_n^j lw[n] + Σ_k γ_n^{k,j} lP[n*J + k], with
 * `GB` index `(n*J + k)*J + j` (input k, user j). Rows of GB are added eight inputs at a time
 * (two groups of four, added to the running sum one after the other: the same operations in the
 * same order as four at a time, so results are bit for bit those of a four-input pass, with half
 * the loads and stores of out). Writes and returns `out`.
 */
export function logUnitCost(
  N: number,
  J: number,
  B: Float64Array,
  GB: Float64Array,
  lw: Float64Array,
  lP: Float64Array,
  out: Float64Array,
): Float64Array {
  const J4 = J - (J % 4),
    J8 = J - (J % 8);
  for (let n = 0; n < N; n++) {
    const o = n * J;
    const w = lw[n];
    let k = 0;
    for (; k < J8; k += 8) {
      const p0 = lP[o + k],
        p1 = lP[o + k + 1],
        p2 = lP[o + k + 2],
        p3 = lP[o + k + 3];
      const p4 = lP[o + k + 4],
        p5 = lP[o + k + 5],
        p6 = lP[o + k + 6],
        p7 = lP[o + k + 7];
      const r0 = (o + k) * J,
        r1 = r0 + J,
        r2 = r1 + J,
        r3 = r2 + J,
        r4 = r3 + J,
        r5 = r4 + J,
        r6 = r5 + J,
        r7 = r6 + J;
      if (k === 0) {
        for (let j = 0; j < J; j++) {
          let v = B[o + j] * w;
          v += GB[r0 + j] * p0 + GB[r1 + j] * p1 + (GB[r2 + j] * p2 + GB[r3 + j] * p3);
          out[o + j] = v + (GB[r4 + j] * p4 + GB[r5 + j] * p5 + (GB[r6 + j] * p6 + GB[r7 + j] * p7));
        }
      } else {
        for (let j = 0; j < J; j++) {
          let v = out[o + j];
          v += GB[r0 + j] * p0 + GB[r1 + j] * p1 + (GB[r2 + j] * p2 + GB[r3 + j] * p3);
          out[o + j] = v + (GB[r4 + j] * p4 + GB[r5 + j] * p5 + (GB[r6 + j] * p6 + GB[r7 + j] * p7));
        }
      }
    }
    if (k === 0) for (let j = 0; j < J; j++) out[o + j] = B[o + j] * w;
    for (; k < J4; k += 4) {
      const p0 = lP[o + k],
        p1 = lP[o + k + 1],
        p2 = lP[o + k + 2],
        p3 = lP[o + k + 3];
      const r0 = (o + k) * J,
        r1 = r0 + J,
        r2 = r1 + J,
        r3 = r2 + J;
      for (let j = 0; j < J; j++) out[o + j] += GB[r0 + j] * p0 + GB[r1 + j] * p1 + (GB[r2 + j] * p2 + GB[r3 + j] * p3);
    }
    for (; k < J; k++) {
      const p0 = lP[o + k];
      const r0 = (o + k) * J;
      for (let j = 0; j < J; j++) out[o + j] += GB[r0 + j] * p0;
    }
  }
  return out;
}

/**
 * Eq. (2) for every sector, and F' of eq. (4) (F'_n^j = Σ_i π'_ni^j/τ'_ni^j, by eq. 3), given
 * unit costs `lc` (`n*J + j`). Writes the workspace `e`, `rs` (traded sectors), `lP` and, unless
 * null, `F` (`n*J + j`). A region with no supplier of a sector gets lP = 0, F = 0. Returns `lP`.
 *
 * Three passes: the exponentials, the bilateral sums (no calls, so V8 keeps the accumulators in
 * registers: fusing the logarithms into this loop made it ≈ 1.6× slower), then the logarithms.
 */
export function logPriceIndex(
  sys: GeSystem,
  ws: GeWorkspace,
  lc: Float64Array,
  lP: Float64Array,
  F: Float64Array | null,
): Float64Array {
  if (F) priceSweepF(sys, ws, lc, lP, F);
  else priceSweep(sys, ws, lc, lP);
  return lP;
}

function priceSweep(sys: GeSystem, ws: GeWorkspace, lc: Float64Array, lP: Float64Array): void {
  exporterTerms(sys, ws, lc);
  bilateralSums(sys, ws);
  finishPrices(sys, ws, lc, lP);
}

function priceSweepF(sys: GeSystem, ws: GeWorkspace, lc: Float64Array, lP: Float64Array, F: Float64Array): void {
  exporterTerms(sys, ws, lc);
  bilateralSumsF(sys, ws, F);
  finishPricesF(sys, ws, lc, lP, F);
}

/** From the sums in `rs`: rs ← 1/rs, ln P̂ of traded sectors, and ln P̂ of local ones. */
function finishPrices(sys: GeSystem, ws: GeWorkspace, lc: Float64Array, lP: Float64Array): void {
  const { N, J, T, traded, invTheta, local, localShift, localF } = sys;
  const { rs } = ws;
  for (let n = 0; n < N; n++) {
    for (let t = 0; t < T; t++) {
      const j = traded[t];
      const s = rs[n * T + t];
      rs[n * T + t] = s > 0 ? 1 / s : 0;
      lP[n * J + j] = s > 0 ? -Math.log(s) * invTheta[j] : 0;
    }
    for (let u = 0; u < local.length; u++) {
      const q = n * J + local[u];
      lP[q] = localF[q] > 0 ? lc[q] + localShift[q] : 0;
    }
  }
}

/** {@link finishPrices}, and F ← F/Σ (traded) or 1/τ' (local). */
function finishPricesF(sys: GeSystem, ws: GeWorkspace, lc: Float64Array, lP: Float64Array, F: Float64Array): void {
  const { N, J, T, traded, invTheta, local, localShift, localF } = sys;
  const { rs } = ws;
  for (let n = 0; n < N; n++) {
    for (let t = 0; t < T; t++) {
      const j = traded[t];
      const q = n * J + j;
      const s = rs[n * T + t];
      if (s > 0) {
        const inv = 1 / s;
        rs[n * T + t] = inv;
        lP[q] = -Math.log(s) * invTheta[j];
        F[q] *= inv;
      } else {
        rs[n * T + t] = 0;
        lP[q] = 0;
        F[q] = 0;
      }
    }
    for (let u = 0; u < local.length; u++) {
      const q = n * J + local[u];
      const f = localF[q];
      lP[q] = f > 0 ? lc[q] + localShift[q] : 0;
      F[q] = f;
    }
  }
}

/** e[t*N + i] = exp(−θ^j lc_i^j) of the traded sectors j = traded[t]. */
function exporterTerms(sys: GeSystem, ws: GeWorkspace, lc: Float64Array): void {
  const { N, J, T, traded, theta } = sys;
  const { e } = ws;
  for (let t = 0; t < T; t++) {
    const j = traded[t];
    const th = -theta[j];
    const eo = t * N;
    for (let i = 0; i < N; i++) e[eo + i] = Math.exp(th * lc[i * J + j]);
  }
}

/**
 * rs[n*T + t] = Σ_i dom e (the reciprocal is taken by the caller). Two importers per pass share
 * the loads of e; each keeps its own two accumulators, in the same order as one at a time.
 */
function bilateralSums(sys: GeSystem, ws: GeWorkspace): void {
  const { N, T, dom } = sys;
  const { e, rs } = ws;
  const N2 = N - (N % 2);
  const TN = T * N;
  let n = 0;
  for (; n + 1 < N; n += 2) {
    for (let t = 0; t < T; t++) {
      const row = (n * T + t) * N,
        rowB = row + TN;
      const eo = t * N;
      let s0 = 0,
        s1 = 0,
        u0 = 0,
        u1 = 0;
      let i = 0;
      for (; i < N2; i += 2) {
        const e0 = e[eo + i],
          e1 = e[eo + i + 1];
        s0 += dom[row + i] * e0;
        s1 += dom[row + i + 1] * e1;
        u0 += dom[rowB + i] * e0;
        u1 += dom[rowB + i + 1] * e1;
      }
      if (i < N) {
        const e0 = e[eo + i];
        s0 += dom[row + i] * e0;
        u0 += dom[rowB + i] * e0;
      }
      rs[n * T + t] = s0 + s1;
      rs[(n + 1) * T + t] = u0 + u1;
    }
  }
  for (; n < N; n++) {
    for (let t = 0; t < T; t++) {
      const row = (n * T + t) * N;
      const eo = t * N;
      let s0 = 0,
        s1 = 0;
      let i = 0;
      for (; i < N2; i += 2) {
        s0 += dom[row + i] * e[eo + i];
        s1 += dom[row + i + 1] * e[eo + i + 1];
      }
      if (i < N) s0 += dom[row + i] * e[eo + i];
      rs[n * T + t] = s0 + s1;
    }
  }
}

/** {@link bilateralSums}, and F[n*J + j] = Σ_i domT e (not yet divided by the sum). */
function bilateralSumsF(sys: GeSystem, ws: GeWorkspace, F: Float64Array): void {
  const { N, J, T, traded, dom, domT } = sys;
  const { e, rs } = ws;
  const N2 = N - (N % 2);
  const TN = T * N;
  let n = 0;
  for (; n + 1 < N; n += 2) {
    for (let t = 0; t < T; t++) {
      const row = (n * T + t) * N,
        rowB = row + TN;
      const eo = t * N;
      let s0 = 0,
        s1 = 0,
        f0 = 0,
        f1 = 0,
        u0 = 0,
        u1 = 0,
        g0 = 0,
        g1 = 0;
      let i = 0;
      for (; i < N2; i += 2) {
        const e0 = e[eo + i],
          e1 = e[eo + i + 1];
        s0 += dom[row + i] * e0;
        f0 += domT[row + i] * e0;
        s1 += dom[row + i + 1] * e1;
        f1 += domT[row + i + 1] * e1;
        u0 += dom[rowB + i] * e0;
        g0 += domT[rowB + i] * e0;
        u1 += dom[rowB + i + 1] * e1;
        g1 += domT[rowB + i + 1] * e1;
      }
      if (i < N) {
        const e0 = e[eo + i];
        s0 += dom[row + i] * e0;
        f0 += domT[row + i] * e0;
        u0 += dom[rowB + i] * e0;
        g0 += domT[rowB + i] * e0;
      }
      const j = traded[t];
      rs[n * T + t] = s0 + s1;
      F[n * J + j] = f0 + f1;
      rs[(n + 1) * T + t] = u0 + u1;
      F[(n + 1) * J + j] = g0 + g1;
    }
  }
  for (; n < N; n++) {
    for (let t = 0; t < T; t++) {
      const row = (n * T + t) * N;
      const eo = t * N;
      let s0 = 0,
        s1 = 0,
        f0 = 0,
        f1 = 0;
      let i = 0;
      for (; i < N2; i += 2) {
        const e0 = e[eo + i],
          e1 = e[eo + i + 1];
        s0 += dom[row + i] * e0;
        f0 += domT[row + i] * e0;
        s1 += dom[row + i + 1] * e1;
        f1 += domT[row + i + 1] * e1;
      }
      if (i < N) {
        const e0 = e[eo + i];
        s0 += dom[row + i] * e0;
        f0 += domT[row + i] * e0;
      }
      rs[n * T + t] = s0 + s1;
      F[n * J + traded[t]] = f0 + f1;
    }
  }
}

/**
 * Gross output (sales net of tariffs) Y[n*J + k] = Σ_m (π'_mn^k/τ'_mn^k) X[m*J + k], with π' from
 * the last {@link logPriceIndex} call (workspace `e`, `rs`): for traded k = traded[t],
 * Y = e[t*N + n] Σ_m domT[(m*T + t)*N + n] X[m*J + k] rs[m*T + t], accumulated importer by importer
 * into `ws.r` (`t*N + n`, overwritten). Returns `Y`.
 */
export function grossOutput(sys: GeSystem, ws: GeWorkspace, X: Float64Array, Y: Float64Array): Float64Array {
  const { N, J, T, traded, domT, local, localF } = sys;
  const { e, rs, r } = ws;
  r.fill(0);
  const N4 = N - (N % 4),
    N8 = N - (N % 8);
  const TN = T * N;
  let m = 0;
  // Eight importers per pass: two groups of four added one after the other (the same operations,
  // in the same order, as four per pass, with half the loads and stores of r).
  for (; m < N8; m += 8) {
    for (let t = 0; t < T; t++) {
      const j = traded[t];
      const x0 = X[m * J + j] * rs[m * T + t],
        x1 = X[(m + 1) * J + j] * rs[(m + 1) * T + t];
      const x2 = X[(m + 2) * J + j] * rs[(m + 2) * T + t],
        x3 = X[(m + 3) * J + j] * rs[(m + 3) * T + t];
      const x4 = X[(m + 4) * J + j] * rs[(m + 4) * T + t],
        x5 = X[(m + 5) * J + j] * rs[(m + 5) * T + t];
      const x6 = X[(m + 6) * J + j] * rs[(m + 6) * T + t],
        x7 = X[(m + 7) * J + j] * rs[(m + 7) * T + t];
      const row0 = (m * T + t) * N,
        row1 = row0 + TN,
        row2 = row1 + TN,
        row3 = row2 + TN;
      const row4 = row3 + TN,
        row5 = row4 + TN,
        row6 = row5 + TN,
        row7 = row6 + TN;
      const ro = t * N;
      for (let n = 0; n < N; n++) {
        let v = r[ro + n];
        v += domT[row0 + n] * x0 + domT[row1 + n] * x1 + (domT[row2 + n] * x2 + domT[row3 + n] * x3);
        r[ro + n] = v + (domT[row4 + n] * x4 + domT[row5 + n] * x5 + (domT[row6 + n] * x6 + domT[row7 + n] * x7));
      }
    }
  }
  for (; m < N4; m += 4) {
    for (let t = 0; t < T; t++) {
      const j = traded[t];
      const x0 = X[m * J + j] * rs[m * T + t],
        x1 = X[(m + 1) * J + j] * rs[(m + 1) * T + t];
      const x2 = X[(m + 2) * J + j] * rs[(m + 2) * T + t],
        x3 = X[(m + 3) * J + j] * rs[(m + 3) * T + t];
      const row0 = (m * T + t) * N,
        row1 = row0 + TN,
        row2 = row1 + TN,
        row3 = row2 + TN;
      const ro = t * N;
      for (let n = 0; n < N; n++)
        r[ro + n] += domT[row0 + n] * x0 + domT[row1 + n] * x1 + (domT[row2 + n] * x2 + domT[row3 + n] * x3);
    }
  }
  for (; m < N; m++) {
    for (let t = 0; t < T; t++) {
      const x0 = X[m * J + traded[t]] * rs[m * T + t];
      const row0 = (m * T + t) * N;
      const ro = t * N;
      for (let n = 0; n < N; n++) r[ro + n] += domT[row0 + n] * x0;
    }
  }
  for (let t = 0; t < T; t++) {
    const j = traded[t];
    const ro = t * N;
    for (let n = 0; n < N; n++) Y[n * J + j] = e[ro + n] * r[ro + n];
  }
  for (let n = 0; n < N; n++) {
    for (let u = 0; u < local.length; u++) {
      const q = n * J + local[u];
      Y[q] = X[q] * localF[q];
    }
  }
  return Y;
}

/**
 * Eq. (4) applied once: out[n*J + j] = Σ_k γ_n^{j,k} Y[n*J + k] + α_n^j I_n with
 * I_n = wVA[n] + Σ_k X[n*J + k](1 − F[n*J + k]) + D[n]; `Y` must hold gross output of `X`
 * ({@link grossOutput}). Returns `out` (must not alias `X`).
 */
export function spendingMap(
  sys: GeSystem,
  F: Float64Array,
  wVA: Float64Array,
  D: Float64Array,
  X: Float64Array,
  Y: Float64Array,
  out: Float64Array,
): Float64Array {
  const { N, J, GB, alpha } = sys;
  const J4 = J - (J % 4);
  for (let n = 0; n < N; n++) {
    const o = n * J;
    let income = wVA[n] + D[n];
    for (let k = 0; k < J; k++) income += X[o + k] * (1 - F[o + k]);
    // Two rows per pass share the loads of Y; each keeps its own four accumulators, in order.
    let j = 0;
    for (; j + 1 < J; j += 2) {
      const row = (o + j) * J,
        rowB = row + J;
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0,
        b0 = 0,
        b1 = 0,
        b2 = 0,
        b3 = 0;
      let k = 0;
      for (; k < J4; k += 4) {
        const y0 = Y[o + k],
          y1 = Y[o + k + 1],
          y2 = Y[o + k + 2],
          y3 = Y[o + k + 3];
        a0 += GB[row + k] * y0;
        a1 += GB[row + k + 1] * y1;
        a2 += GB[row + k + 2] * y2;
        a3 += GB[row + k + 3] * y3;
        b0 += GB[rowB + k] * y0;
        b1 += GB[rowB + k + 1] * y1;
        b2 += GB[rowB + k + 2] * y2;
        b3 += GB[rowB + k + 3] * y3;
      }
      for (; k < J; k++) {
        a0 += GB[row + k] * Y[o + k];
        b0 += GB[rowB + k] * Y[o + k];
      }
      out[o + j] = alpha[o + j] * income + (a0 + a1 + (a2 + a3));
      out[o + j + 1] = alpha[o + j + 1] * income + (b0 + b1 + (b2 + b3));
    }
    for (; j < J; j++) {
      const row = (o + j) * J;
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0;
      let k = 0;
      for (; k < J4; k += 4) {
        a0 += GB[row + k] * Y[o + k];
        a1 += GB[row + k + 1] * Y[o + k + 1];
        a2 += GB[row + k + 2] * Y[o + k + 2];
        a3 += GB[row + k + 3] * Y[o + k + 3];
      }
      for (; k < J; k++) a0 += GB[row + k] * Y[o + k];
      out[o + j] = alpha[o + j] * income + (a0 + a1 + (a2 + a3));
    }
  }
  return out;
}

/** Eq. (5): value added implied by sales, out[n] = Σ_k γ_n^k Y[n*J + k]. Returns `out`. */
export function valueAddedOfSales(
  N: number,
  J: number,
  B: Float64Array,
  Y: Float64Array,
  out: Float64Array,
): Float64Array {
  for (let n = 0; n < N; n++) {
    let v = 0;
    for (let k = 0; k < J; k++) v += B[n * J + k] * Y[n * J + k];
    out[n] = v;
  }
  return out;
}

/**
 * Eq. (3): new shares π' in the public bilateral layout `(n*N + i)*J + j`, from the last
 * {@link logPriceIndex} call. Entries that are structurally zero stay zero. Returns `piNew`.
 */
export function tradeShares(sys: GeSystem, ws: GeWorkspace, piNew: Float64Array): Float64Array {
  const { N, J, T, traded, dom, local, localF } = sys;
  const { e, rs } = ws;
  piNew.fill(0);
  for (let n = 0; n < N; n++) {
    for (let t = 0; t < T; t++) {
      const j = traded[t];
      const row = (n * T + t) * N;
      const inv = rs[n * T + t];
      for (let i = 0; i < N; i++) piNew[(n * N + i) * J + j] = dom[row + i] * e[t * N + i] * inv;
    }
    for (let u = 0; u < local.length; u++) {
      const j = local[u];
      if (localF[n * J + j] > 0) piNew[(n * N + n) * J + j] = 1;
    }
  }
  return piNew;
}
