/**
 * Export wedges (shared/specs/model-ge.md, extension 2; the accounting is in docs/controls.md):
 * plain export taxes and export controls as quantity caps, on the sparse list of flows they touch.
 *
 * A wedge ω_ni^j ≥ 1 multiplies the price buyers in n pay for sector-j goods from i:
 *   buyer price  τ'_ni ω_ni ĉ_i,  so eq. (2)–(3) use κ̂_ni = τ̂_ni d̂_ni ω_ni.
 * With V = π'_ni X'_n / τ'_ni the value of the flow at prices net of tariffs (what eq. 4's F' counts):
 *   - rents to the exporter (export taxes; licences whose rents i keeps): the producer receives
 *     V/ω; the rent V(1 − 1/ω) is income of i (I'_i gains it, like tariff revenue).
 *   - rents lost (delays): ω is an iceberg cost — i ships ω units per unit delivered and is paid V,
 *     so its producer revenue is V and nobody receives a rent (the resources are dissipated).
 * Gross output net of wedges Y'_i^j = Σ_n V_ni^j − R_i^j, R = Σ_n V(1 − 1/ρ) with ρ the rent-bearing
 * part of the wedge; value added Σ_j γ^j Y'^j, and with R in i's income every region's trade balance
 * holds at prices net of tariffs (docs/controls.md derives it). Real deliveries: q = V/(ω ĉ_i).
 *
 * A cap q̂ ≤ s is solved jointly with the equilibrium as a complementarity problem: ln ω ≥ 0,
 * ln q̂ ≤ ln s, (ln ω)(ln s − ln q̂) = 0, by the projected update ln ω ← max(0, ln ω + (ln q̂ − ln s)/(1+θ))
 * (a Newton step of partial equilibrium: d ln q/d ln ω = −(1+θ) at given P̂, X'), which the solver
 * stacks into its Anderson state. A ban (s = 0) zeroes the flow in π directly.
 *
 * Layouts: wedge flows k = 0..K−1 (public index `flow[k]` = (n*N + i)*J + j, row in the system's
 * traded arrays `row[k]` = (n*T + t)*N + i); caps c = 0..C−1 point at wedge flows `capOf[c]`.
 */
import type { GeSystem, GeWorkspace } from './equations.ts';
import * as msg from '../../spec/messages/model.ts';

/** Export controls as the solver takes them (src/policy/controls.ts builds them from a scenario). */
export interface GeCaps {
  /** Controlled flows, (n*N + i)*J + j (importer n = destination, exporter i = origin), no duplicates. */
  flow: Int32Array;
  /** Approval s ∈ [0, 1]: share of the baseline real quantity allowed (0 = ban). */
  approval: Float64Array;
  /** 1: licence rents are income of the origin; 0: they are lost (iceberg). */
  rentsToExporter: Uint8Array;
  /**
   * Share g ∈ [0, 1) of the licensed sales V that a government takes (the August 2025 US arrangement:
   * 15% of H20/MI308 sales): an export tax whose revenue gV is income of `government`, not of the
   * exporter. Absent or 0: none.
   */
  governmentShare?: Float64Array;
  /** Region receiving the government share of each cap (−1 or absent: none). */
  government?: Int32Array;
}

/** Names for messages (regions and sectors of the dataset). */
export interface GeLabels {
  regions: readonly string[];
  sectors: readonly string[];
}

export interface WedgeSystem {
  K: number;
  flow: Int32Array;
  row: Int32Array;
  /** Exporter i, importer n, sector j, traded index t of each wedge flow. */
  i: Int32Array;
  n: Int32Array;
  j: Int32Array;
  t: Int32Array;
  /** dom and domT of the flow without the cap wedge (they include the static export tax). */
  dom0: Float64Array;
  domT0: Float64Array;
  /** ln of the static export tax (rents to the exporter). */
  lnTax: Float64Array;
  /** ln 1/(1 − g) of a government share of licensed sales (0: none), and the receiving region. */
  lnGov: Float64Array;
  govTo: Int32Array;
  /** Whether any flow has a government share. */
  hasGov: boolean;
  /** Cap index of each wedge flow, −1 if none. */
  capIdx: Int32Array;
  C: number;
  capOf: Int32Array;
  lnS: Float64Array;
  approval: Float64Array;
  rents: Uint8Array;
  /** θ of the cap's sector, and 1/(1+θ). */
  theta: Float64Array;
  step: Float64Array;
  /** Baseline real quantity π X/τ (ĉ = ω = 1 in the baseline). */
  q0: Float64Array;
}

const label = (L: GeLabels | undefined, kind: 'regions' | 'sectors', k: number) =>
  L ? `${L[kind][k]}` : `${kind === 'regions' ? 'region' : 'sector'} ${k}`;

/**
 * Validates `caps`, zeroes banned flows in `sys` (dom, domT) and builds the wedge list of static
 * export taxes `exportTax` (factors, public layout; the system's dom must already include them) and
 * caps. Throws RangeError for malformed caps and for a ban that leaves an importer with no supplier
 * of a sector it buys.
 */
export function prepareWedges(
  sys: GeSystem,
  N: number,
  J: number,
  pi: Float64Array,
  tau: Float64Array,
  X: Float64Array,
  exportTax: Float64Array | undefined,
  caps: GeCaps | undefined,
  labels?: GeLabels,
): WedgeSystem | null {
  const tIndex = new Int32Array(J).fill(-1);
  for (let t = 0; t < sys.T; t++) tIndex[sys.traded[t]] = t;
  const where = (q: number) =>
    `from ${label(labels, 'regions', Math.floor(q / J) % N)} to ` +
    `${label(labels, 'regions', Math.floor(q / (N * J)))} in ${label(labels, 'sectors', q % J)}`;
  const g: Geometry = { N, J, T: sys.T, tIndex, labels, where };
  const capAt = caps ? checkCaps(g, caps) : new Map<number, number>();
  const banned = applyBans(g, sys, pi, X, caps, capAt);
  const list = wedgeFlows(g, pi, exportTax, capAt, banned);
  if (!list.length) return null;
  return wedgeSystem(g, sys, pi, tau, X, exportTax, caps, capAt, list);
}

/** Sizes and labels shared by the steps of prepareWedges. */
interface Geometry {
  N: number;
  J: number;
  T: number;
  /** Traded index of each sector, −1 for a non-traded one. */
  tIndex: Int32Array;
  labels: GeLabels | undefined;
  /** "from A to B in S" for flow q. */
  where: (q: number) => string;
}

/** Validates the caps; returns the first cap of each controlled flow (flow → index into caps). */
function checkCaps(g: Geometry, caps: GeCaps): Map<number, number> {
  const { N, J, labels, where } = g;
  const NNJ = N * N * J;
  const capAt = new Map<number, number>();
  if (caps.approval.length !== caps.flow.length || caps.rentsToExporter.length !== caps.flow.length) {
    throw new TypeError(msg.exportControlArrays(caps.flow.length, caps.approval.length, caps.rentsToExporter.length));
  }
  for (let c = 0; c < caps.flow.length; c++) {
    const q = caps.flow[c],
      s = caps.approval[c];
    if (!Number.isInteger(q) || q < 0 || q >= NNJ) throw new RangeError(msg.controlledFlows(NNJ - 1, q));
    if (Math.floor(q / (N * J)) === Math.floor(q / J) % N)
      throw new RangeError(
        msg.exportControlsCross(label(labels, 'regions', Math.floor(q / J) % N), label(labels, 'sectors', q % J)),
      );
    if (!(s >= 0 && s <= 1)) throw new RangeError(msg.approvalBetween(s, where(q)));
    const gs = caps.governmentShare?.[c] ?? 0,
      gr = caps.government?.[c] ?? -1;
    if (!(gs >= 0 && gs < 1)) throw new RangeError(msg.governmentShareLicensed(gs, where(q)));
    if (gs > 0 && !(Number.isInteger(gr) && gr >= 0 && gr < N))
      throw new RangeError(msg.regionReceivingGovernment(where(q), gr));
    const prev = capAt.get(q);
    if (prev !== undefined) {
      if (caps.approval[prev] !== s || caps.rentsToExporter[prev] !== caps.rentsToExporter[c])
        throw new RangeError(msg.oneControlFlow(caps.approval[prev], s, where(q)));
      continue;
    }
    capAt.set(q, c);
  }
  return capAt;
}

/**
 * Bans (approval 0): zeroes the flow in dom and domT, then checks every importer keeps a supplier
 * of each sector it buys.
 */
function applyBans(
  g: Geometry,
  sys: GeSystem,
  pi: Float64Array,
  X: Float64Array,
  caps: GeCaps | undefined,
  capAt: Map<number, number>,
): Set<number> {
  const { N, J, T, tIndex, labels } = g;
  const banned = new Set<number>();
  for (const [q, c] of capAt) {
    const t = tIndex[q % J];
    if (caps!.approval[c] !== 0 || t < 0 || pi[q] === 0) continue;
    const n = Math.floor(q / (N * J)),
      i = Math.floor(q / J) % N;
    const r = (n * T + t) * N + i;
    sys.dom[r] = 0;
    sys.domT[r] = 0;
    banned.add(q);
  }
  const checked = new Set<number>();
  for (const q of banned) {
    const n = Math.floor(q / (N * J)),
      j = q % J,
      t = tIndex[j];
    if (checked.has(n * J + j)) continue;
    checked.add(n * J + j);
    let s = 0;
    for (let i = 0; i < N; i++) s += sys.dom[(n * T + t) * N + i];
    if (!(s > 0) && X[n * J + j] > 0) {
      throw new RangeError(msg.importerKeepSupplier(label(labels, 'regions', n), label(labels, 'sectors', j)));
    }
  }
  return banned;
}

/** The wedge list, sorted: flows with a static export tax or a non-ban cap, in traded sectors with trade. */
function wedgeFlows(
  g: Geometry,
  pi: Float64Array,
  exportTax: Float64Array | undefined,
  capAt: Map<number, number>,
  banned: Set<number>,
): number[] {
  const { N, J, tIndex, where } = g;
  const list: number[] = [];
  const seen = new Set<number>();
  const consider = (q: number) => {
    if (seen.has(q)) return;
    seen.add(q);
    const t = tIndex[q % J];
    if (t < 0 || pi[q] === 0 || banned.has(q)) return;
    list.push(q);
  };
  if (exportTax) {
    for (let q = 0; q < N * N * J; q++) {
      const e = exportTax[q];
      if (e === 1) continue;
      if (!(e >= 1) || !Number.isFinite(e)) throw new RangeError(msg.exportTaxFactors(e, where(q)));
      consider(q);
    }
  }
  for (const q of capAt.keys()) consider(q);
  return list.sort((a, b) => a - b);
}

/** A WedgeSystem of K flows before any is placed: no caps yet (their arrays are set by capParameters). */
function emptyWedges(list: number[]): WedgeSystem {
  const K = list.length;
  return {
    K,
    flow: Int32Array.from(list),
    row: new Int32Array(K),
    i: new Int32Array(K),
    n: new Int32Array(K),
    j: new Int32Array(K),
    t: new Int32Array(K),
    dom0: new Float64Array(K),
    domT0: new Float64Array(K),
    lnTax: new Float64Array(K),
    lnGov: new Float64Array(K),
    govTo: new Int32Array(K).fill(-1),
    hasGov: false,
    capIdx: new Int32Array(K).fill(-1),
    C: 0,
    capOf: new Int32Array(0),
    lnS: new Float64Array(0),
    approval: new Float64Array(0),
    rents: new Uint8Array(0),
    theta: new Float64Array(0),
    step: new Float64Array(0),
    q0: new Float64Array(0),
  };
}

/**
 * Places wedge k on flow q: its indices and row of dom; a government share of licensed sales as a
 * static wedge in the buyers' price (eq. 2–3 use κ̂ω_g), taken out of dom and domT; its export tax.
 */
function placeFlow(
  w: WedgeSystem,
  k: number,
  g: Geometry,
  sys: GeSystem,
  exportTax: Float64Array | undefined,
  caps: GeCaps | undefined,
  src: number | undefined,
): void {
  const { N, J, T, tIndex } = g;
  const q = w.flow[k];
  const n = Math.floor(q / (N * J)),
    i = Math.floor(q / J) % N,
    j = q % J,
    t = tIndex[j];
  w.n[k] = n;
  w.i[k] = i;
  w.j[k] = j;
  w.t[k] = t;
  w.row[k] = (n * T + t) * N + i;
  const gs = src === undefined ? 0 : (caps!.governmentShare?.[src] ?? 0);
  if (gs > 0) {
    w.lnGov[k] = -Math.log1p(-gs);
    w.govTo[k] = caps!.government![src!];
    w.hasGov = true;
    const f = Math.exp(-sys.theta[j] * w.lnGov[k]);
    sys.dom[w.row[k]] *= f;
    sys.domT[w.row[k]] *= f;
  }
  w.dom0[k] = sys.dom[w.row[k]];
  w.domT0[k] = sys.domT[w.row[k]];
  w.lnTax[k] = exportTax ? Math.log(exportTax[q]) : 0;
}

/**
 * The caps among the wedges (`capList`: wedge indices): approval, ln s, rents, θ, the step 1/(1+θ)
 * and the baseline flow.
 */
function capParameters(
  w: WedgeSystem,
  capList: number[],
  sys: GeSystem,
  pi: Float64Array,
  tau: Float64Array,
  X: Float64Array,
  J: number,
  caps: GeCaps | undefined,
  capAt: Map<number, number>,
): void {
  const C = capList.length;
  w.C = C;
  w.capOf = Int32Array.from(capList);
  w.lnS = new Float64Array(C);
  w.approval = new Float64Array(C);
  w.rents = new Uint8Array(C);
  w.theta = new Float64Array(C);
  w.step = new Float64Array(C);
  w.q0 = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const k = capList[c],
      q = w.flow[k],
      src = capAt.get(q)!;
    w.approval[c] = caps!.approval[src];
    w.lnS[c] = Math.log(w.approval[c]);
    w.rents[c] = caps!.rentsToExporter[src] ? 1 : 0;
    w.theta[c] = sys.theta[w.j[k]];
    w.step[c] = 1 / (1 + w.theta[c]);
    w.q0[c] = (pi[q] / tau[q]) * X[w.n[k] * J + w.j[k]];
  }
}

/** The WedgeSystem of the flows in `list`; government shares of licensed sales go into dom and domT. */
function wedgeSystem(
  g: Geometry,
  sys: GeSystem,
  pi: Float64Array,
  tau: Float64Array,
  X: Float64Array,
  exportTax: Float64Array | undefined,
  caps: GeCaps | undefined,
  capAt: Map<number, number>,
  list: number[],
): WedgeSystem {
  const w = emptyWedges(list);
  const capList: number[] = [];
  for (let k = 0; k < w.K; k++) {
    const q = list[k];
    placeFlow(w, k, g, sys, exportTax, caps, capAt.get(q));
    if (capAt.has(q)) {
      w.capIdx[k] = capList.length;
      capList.push(k);
    }
  }
  capParameters(w, capList, sys, pi, tau, X, g.J, caps, capAt);
  return w;
}

/** Puts the cap wedges ln ω (`lnOmega`, one per cap) into the system's dom and domT. */
export function applyCaps(w: WedgeSystem, sys: GeSystem, lnOmega: Float64Array): void {
  const { capOf, row, dom0, domT0, theta } = w;
  for (let c = 0; c < w.C; c++) {
    const k = capOf[c];
    const f = lnOmega[c] === 0 ? 1 : Math.exp(-theta[c] * lnOmega[c]);
    sys.dom[row[k]] = dom0[k] * f;
    sys.domT[row[k]] = domT0[k] * f;
  }
}

/**
 * Rents of the wedges at spending `X` and the shares of the last price sweep: subtracts each flow's
 * rent from the exporter's gross output `Y` (`i*J + j`, as written by grossOutput) and writes each
 * exporter's kept rent income to `rent` (length N, overwritten). With government shares, the part
 * gV = V(1 − 1/ω_g) of the rent is the government's (`gov`, by receiving region) and the rest
 * V(1 − 1/ρ) − gV the exporter's; `rentCell` (`i*J + j`, unless null) gets the kept rents by
 * producing cell (for ownership). Both are overwritten. Returns the world total of all rents.
 */
export function wedgeRents(
  w: WedgeSystem,
  sys: GeSystem,
  ws: GeWorkspace,
  lnOmega: Float64Array,
  X: Float64Array,
  Y: Float64Array,
  rent: Float64Array,
  rentCell: Float64Array | null = null,
  gov: Float64Array | null = null,
): number {
  const { N, J, T } = sys;
  const { e, rs } = ws;
  rent.fill(0);
  if (rentCell) rentCell.fill(0);
  if (gov) gov.fill(0);
  if (w.hasGov && !gov) throw new TypeError(msg.arrayGovernmentRevenue());
  let total = 0;
  for (let k = 0; k < w.K; k++) {
    const c = w.capIdx[k];
    const lnG = w.lnGov[k];
    const lnRho = w.lnTax[k] + lnG + (c >= 0 && w.rents[c] ? lnOmega[c] : 0);
    if (lnRho === 0) continue;
    const n = w.n[k],
      i = w.i[k],
      t = w.t[k],
      j = w.j[k];
    const V = sys.domT[w.row[k]] * e[t * N + i] * rs[n * T + t] * X[n * J + j];
    const r = V * -Math.expm1(-lnRho);
    Y[i * J + j] -= r;
    total += r;
    if (lnG !== 0) {
      const g = V * -Math.expm1(-lnG);
      gov![w.govTo[k]] += g;
      rent[i] += r - g;
      if (rentCell) rentCell[i * J + j] += r - g;
    } else {
      rent[i] += r;
      if (rentCell) rentCell[i * J + j] += r;
    }
  }
  return total;
}

/** Per-cap accounts at a solution: value of the flow, rents kept, resources lost, government revenue. */
export interface CapFlowAccounts {
  /** V: value at buyers' prices net of tariffs (dataset units). */
  value: Float64Array;
  /** Rent kept by the exporter's producers (and their owners). */
  kept: Float64Array;
  /** Value of the resources dissipated by a lost-rent (iceberg) wedge. */
  lost: Float64Array;
  /** Government share gV and its receiving region (−1: none). */
  government: Float64Array;
  governmentRegion: Int32Array;
}

/** {@link CapFlowAccounts} of every cap at spending `X` (the shares of the last price sweep). */
export function capFlowAccounts(
  w: WedgeSystem,
  sys: GeSystem,
  ws: GeWorkspace,
  lnOmega: Float64Array,
  X: Float64Array,
): CapFlowAccounts {
  const { N, J, T } = sys;
  const { e, rs } = ws;
  const C = w.C;
  const a: CapFlowAccounts = {
    value: new Float64Array(C),
    kept: new Float64Array(C),
    lost: new Float64Array(C),
    government: new Float64Array(C),
    governmentRegion: new Int32Array(C).fill(-1),
  };
  for (let c = 0; c < C; c++) {
    const k = w.capOf[c];
    const n = w.n[k],
      i = w.i[k],
      t = w.t[k],
      j = w.j[k];
    const V = sys.domT[w.row[k]] * e[t * N + i] * rs[n * T + t] * X[n * J + j];
    const lnG = w.lnGov[k],
      lo = lnOmega[c];
    a.value[c] = V;
    a.government[c] = V * -Math.expm1(-lnG);
    a.governmentRegion[c] = w.govTo[k];
    // What is left after the government's share and any static export tax, split by the cap wedge.
    const net = V * Math.exp(-lnG - w.lnTax[k]);
    const capPart = net * -Math.expm1(-lo);
    if (w.rents[c]) a.kept[c] = capPart + V * Math.exp(-lnG) * -Math.expm1(-w.lnTax[k]);
    else {
      a.lost[c] = capPart;
      a.kept[c] = V * Math.exp(-lnG) * -Math.expm1(-w.lnTax[k]);
    }
  }
  return a;
}

/**
 * The projected cap update at spending `X` (and the shares and unit costs `lc` of the last price
 * sweep): writes max(0, ln ω + (ln q̂ − ln s)/(1+θ)) to `out` and q̂ to `qHat` (unless null), and
 * returns the cap residual: max over caps of |ln q̂ − ln s| where ω > 1, of max(0, ln q̂ − ln s) where ω = 1.
 */
export function capUpdate(
  w: WedgeSystem,
  sys: GeSystem,
  ws: GeWorkspace,
  lnOmega: Float64Array,
  X: Float64Array,
  lc: Float64Array,
  out: Float64Array,
  qHat: Float64Array | null,
): number {
  const { N, J, T } = sys;
  const { e, rs } = ws;
  let res = 0;
  for (let c = 0; c < w.C; c++) {
    const k = w.capOf[c];
    const n = w.n[k],
      i = w.i[k],
      t = w.t[k],
      j = w.j[k];
    const V = sys.domT[w.row[k]] * e[t * N + i] * rs[n * T + t] * X[n * J + j];
    // An extrapolated iterate can make X' (hence V) negative: read it as a vanishing flow, not a NaN.
    const lq = Math.log(Math.max(V, Number.MIN_VALUE) / w.q0[c]) - w.lnTax[k] - w.lnGov[k] - lnOmega[c] - lc[i * J + j];
    if (qHat) qHat[c] = Math.exp(lq);
    const gap = lq - w.lnS[c];
    const r = lnOmega[c] > 0 ? Math.abs(gap) : Math.max(0, gap);
    if (r > res || Number.isNaN(r)) res = r; // a NaN sticks (never masked by a later finite value)
    out[c] = Math.max(0, lnOmega[c] + gap * w.step[c]);
  }
  return res;
}
