/**
 * Carving Vietnam (VNM) and the rest of ASEAN (ASN) out of ROW, after the table is built (2023
 * levels, satellites, tariffs), with the general region split of src/data/split.ts.
 *
 * Sourced: each carved region's goods trade with every other region (BACI 2023 pair totals, the
 * countries mapped by `regionOfCarved`), including its trade with the rest of ROW and between VNM
 * and ASN, and its GDP (WDI, the Liberation Day files).
 *
 * Assumed (no sector-level trade or input–output table for these countries in the raw data):
 * - the sector mix of every goods flow of a carved region is China's on the same pair (a named
 *   proxy: China's exports to, or imports from, the partner; China's trade with the world for the
 *   pair with China): the BACI pair total spread like China's flow, no cell above OUTSIDE_CAP of
 *   ROW's (the excess goes to the pair's other goods in proportion to what is left of ROW's);
 *   Taiwan (not in BACI) gets the carved region's share of ROW's goods trade with the others;
 * - cross-border services with the other regions are the GDP share of ROW's; services trade with
 *   the rest of ROW is 0 (it was ROW's domestic sales; no source);
 * - trade with the rest of ROW: BACI totals, spread like China's trade with ROW, at most
 *   INSIDE_CAP of ROW's own sales of a good;
 * - ROW's input–output structure: its technical coefficients, value-added ratios and final-demand
 *   mix (the split keeps the parent's cost structure), domestic sales solved so that the table
 *   balances and value added equals the region's GDP (a demand-driven Leontief step, as in the
 *   2023 update). Domestic sales below 5% of the GDP-scaled parent's own sales raise the good's
 *   final-demand share (up to FINAL_CAP of the parent's), else cut its imports; above DOMESTIC_CAP of
 *   what is left of the parent's own sales they lower it (to 0), else raise its imports (spread
 *   like the parent's imports). Exports stay at BACI;
 * - tariffs: ROW's on every pair (the 2014 applied rates are by the 19 regions only); 0 inside the
 *   old ROW, as before.
 */
import { outputs, splitRegion, type IoValues } from '../../split.ts';
import { solveDense } from './update.ts';
import * as msg from '../../../spec/messages/data.ts';

/**
 * Largest share of the parent's own sales of a good that the carved region's trade with the rest
 * may take, each way.
 */
export const INSIDE_CAP = 0.3;
/**
 * Largest share of the parent's own sales left (after the trade with the rest) that the carved
 * region's domestic sales may take.
 */
export const DOMESTIC_CAP = 0.5;
/** Largest share of the parent's final demand of a good that the carved region's may take. */
export const FINAL_CAP = 0.9;
/** Largest share of the parent's flow with a partner, in one goods sector, that one carve may take. */
export const OUTSIDE_CAP = 0.9;

/**
 * Spreads `total` over the cells in proportion to `w`, none above its cap (the excess goes to the
 * others in proportion, repeatedly); undefined when the caps hold less than the total.
 */
export function spreadCapped(total: number, w: Float64Array, cap: Float64Array): Float64Array | undefined {
  const J = w.length,
    out = new Float64Array(J),
    fixed = new Uint8Array(J);
  let left = total;
  for (let round = 0; round <= J; round++) {
    let ws = 0;
    for (let k = 0; k < J; k++) if (!fixed[k] && cap[k] > 0) ws += Math.max(0, w[k]);
    if (!(ws > 0)) return left <= 1e-9 * Math.max(1, total) ? out : undefined;
    let over = false;
    for (let k = 0; k < J; k++) {
      if (fixed[k] || !(cap[k] > 0)) continue;
      out[k] = (left * Math.max(0, w[k])) / ws;
      if (out[k] > cap[k]) over = true;
    }
    if (!over) return out;
    for (let k = 0; k < J; k++)
      if (!fixed[k] && out[k] > cap[k]) {
        out[k] = cap[k];
        fixed[k] = 1;
        left -= cap[k];
      }
    for (let k = 0; k < J; k++) if (!fixed[k]) out[k] = 0;
  }
  return undefined;
}

/**
 * `spreadCapped` by the weights; when the weighted cells cannot hold the total, they are filled to
 * their caps and the rest goes to the other cells in proportion to their room (undefined when all
 * caps together hold less than the total).
 */
export function spreadOrFill(total: number, w: Float64Array, cap: Float64Array): Float64Array | undefined {
  const first = spreadCapped(total, w, cap);
  if (first) return first;
  const out = Float64Array.from(cap, (c, k) => (w[k] > 0 ? c : 0));
  const room = Float64Array.from(cap, (c, k) => (w[k] > 0 ? 0 : c));
  const rest = spreadCapped(total - out.reduce((a, v) => a + v, 0), room, room);
  if (!rest) return undefined;
  for (let k = 0; k < out.length; k++) out[k] += rest[k];
  return out;
}

export interface CarveReport {
  code: string;
  /** GDP (million USD, WDI) and the parent's value added before the carve. */
  gdp: number;
  parentGdp: number;
  /** Goods exports and imports with all other regions incl. the rest of ROW (million USD, BACI). */
  goodsExports: number;
  goodsImports: number;
  /** Goods sectors whose trade with the rest of the parent was capped at INSIDE_CAP of the parent's own sales. */
  insideCapped: string[];
  /**
   * Goods whose imports were cut (factor < 1) or raised (> 1) to what the region's inputs need (the
   * parent has no final demand of them), with the factor.
   */
  importsCut: [string, number][];
  /** Final-demand shares raised to keep domestic sales at their floor. */
  finalMixAdjusted: string[];
  /**
   * Final-demand shares lowered (domestic sales at DOMESTIC_CAP), and goods whose imports were
   * raised instead (no final demand to lower).
   */
  finalMixLowered: string[];
  importsRaised: string[];
  /** Largest share of the parent's output the carved region takes in one sector (code, share). */
  largestOutputShare: [string, number];
}

/**
 * The parent's technical coefficients A (L = I − A), its final-demand mix φ and each good's floor
 * of domestic sales.
 */
function parentStructure(t: IoValues, p: number, y: Float64Array, s: number) {
  const N = t.regions.length,
    J = t.sectors.length;
  const A = new Float64Array(J * J),
    L = new Float64Array(J * J),
    phi = new Float64Array(J),
    floor = new Float64Array(J);
  let f0 = 0;
  for (let k = 0; k < J; k++) f0 += t.final[p * J + k];
  for (let j = 0; j < J; j++) {
    const Y = y[p * J + j];
    for (let k = 0; k < J; k++) A[k * J + j] = Y > 0 ? t.use[(p * J + k) * J + j] / Y : 0;
    phi[j] = t.final[p * J + j] / f0;
    // No final demand to raise where the parent has none.
    floor[j] = phi[j] > 0 ? 0.05 * s * t.trade[(p * N + p) * J + j] : 0;
  }
  for (let k = 0; k < J; k++) for (let j = 0; j < J; j++) L[k * J + j] = (k === j ? 1 : 0) - A[k * J + j];
  return { A, L, phi, floor };
}

/** What domesticSales moves: the final mix, imports and the trade deficit, and the goods it touched. */
interface SalesState {
  phi: Float64Array;
  Mt: Float64Array;
  deficit: number;
  touched: Set<number>;
  lowered: Set<number>;
  raised: Set<number>;
}

/**
 * Moves good k's domestic sales `dk` towards its bounds: below its floor, final demand raised (up
 * to the cap `fcapK`), else imports cut; above its ceiling, final demand lowered (to 0), else
 * imports raised. Returns whether anything moved.
 */
function moveToBounds(
  st: SalesState,
  k: number,
  dk: number,
  floorK: number,
  ceilingK: number,
  fcapK: number,
  FT: number,
) {
  const tol = 1e-9 * Math.max(1, floorK, ceilingK);
  const { phi, Mt } = st;
  if (dk < floorK - tol) {
    let gap = floorK - dk;
    const room = Math.max(0, fcapK - phi[k] * FT);
    if (room > 0) {
      const r = Math.min(room, gap);
      phi[k] += r / FT;
      gap -= r;
      st.touched.add(k);
    }
    if (gap > tol) {
      const m = Math.max(0, Mt[k] - gap);
      st.deficit += m - Mt[k];
      Mt[k] = m;
    }
    return true;
  }
  if (dk > ceilingK + tol) {
    let over = dk - ceilingK;
    const f = Math.min(Math.max(phi[k], 0) * FT, over);
    if (f > 0) {
      phi[k] -= f / FT;
      over -= f;
      st.lowered.add(k);
    }
    if (over > tol) {
      Mt[k] += over;
      st.deficit += over;
      st.raised.add(k);
    }
    return true;
  }
  return false;
}

/**
 * The carved region's domestic sales: the parent's coefficients and final mix, value added = GDP
 * (Leontief step), with the final mix and imports moved until every domestic sale lies between its
 * floor and its ceiling. Returns the sales, the imports before and after, and the goods moved.
 */
function domesticSales(
  t: IoValues,
  p: number,
  y: Float64Array,
  c: { code: string; gdp: number; s: number },
  E: Float64Array,
  M: Float64Array,
  toRest: Float64Array,
  fromRest: Float64Array,
) {
  const N = t.regions.length,
    J = t.sectors.length;
  const { code, gdp, s } = c;
  const own = (k: number) => t.trade[(p * N + p) * J + k];
  const { A, L, phi, floor } = parentStructure(t, p, y, s);
  const X = new Float64Array(J),
    Mt = new Float64Array(J);
  let deficit = 0;
  for (let k = 0; k < J; k++) {
    X[k] = E[k] + toRest[k];
    Mt[k] = M[k] + fromRest[k];
    deficit += Mt[k] - X[k];
  }
  const Mt0 = Float64Array.from(Mt);
  const st: SalesState = { phi, Mt, deficit, touched: new Set(), lowered: new Set(), raised: new Set() };
  const fcap = Float64Array.from({ length: J }, (_, k) => FINAL_CAP * Math.max(0, t.final[p * J + k]));
  const ceiling = Float64Array.from({ length: J }, (_, k) => DOMESTIC_CAP * (own(k) - toRest[k] - fromRest[k]));
  let d: Float64Array = new Float64Array(J);
  for (let iter = 0; ; iter++) {
    const FT = gdp + st.deficit;
    const rhs = new Float64Array(J);
    for (let k = 0; k < J; k++) {
      let ax = 0;
      for (let j = 0; j < J; j++) ax += A[k * J + j] * X[j];
      rhs[k] = ax + phi[k] * FT - Mt[k];
    }
    d = solveDense(L, rhs, J);
    let moved = false;
    for (let k = 0; k < J; k++) if (moveToBounds(st, k, d[k], floor[k], ceiling[k], fcap[k], FT)) moved = true;
    if (!moved) break;
    let sum = 0;
    for (let k = 0; k < J; k++) sum += phi[k];
    for (let k = 0; k < J; k++) phi[k] /= sum;
    if (iter === 500) throw new RangeError(msg.balancingFinalMix(code));
  }
  return { d, Mt, Mt0, touched: st.touched, lowered: st.lowered, raised: st.raised };
}

/** A carve in progress: the table, the parent p, the proxy q, Taiwan's index, which sectors are goods. */
interface Carve {
  t: IoValues;
  N: number;
  J: number;
  p: number;
  q: number;
  TWN: number;
  G: boolean[];
  at: (n: number, i: number, k: number) => number;
}

/** The proxy's sector mix of its goods exports to partner n (to the world when n is the proxy itself). */
function proxyExportMix({ t, N, J, q, G, at }: Carve, n: number) {
  return Float64Array.from({ length: J }, (_, k) => {
    if (!G[k]) return 0;
    if (n !== q) return t.trade[at(n, q, k)];
    let v = 0;
    for (let m = 0; m < N; m++) if (m !== q) v += t.trade[at(m, q, k)];
    return v;
  });
}

/** The proxy's sector mix of its goods imports from partner i (from the world when i is the proxy itself). */
function proxyImportMix({ t, N, J, q, G, at }: Carve, i: number) {
  return Float64Array.from({ length: J }, (_, k) => {
    if (!G[k]) return 0;
    if (i !== q) return t.trade[at(q, i, k)];
    let v = 0;
    for (let m = 0; m < N; m++) if (m !== q) v += t.trade[at(q, m, k)];
    return v;
  });
}

/** Goods trade of importer n from exporter i. */
function goodsOf({ t, J, G, at }: Carve, n: number, i: number) {
  let s = 0;
  for (let k = 0; k < J; k++) if (G[k]) s += t.trade[at(n, i, k)];
  return s;
}

/**
 * The carved region's goods flows with every partner outside the parent: the BACI pair total
 * spread like the proxy's, each cell at most OUTSIDE_CAP of the parent's; Taiwan (not in BACI)
 * gets the region's BACI share of the parent's goods trade with the others.
 */
function partnerFlows(cv: Carve, code: string, parent: string, b: (i: string, n: string) => number) {
  const { t, N, J, p, TWN, G, at } = cv;
  let bx = 0,
    wx = 0,
    bm = 0,
    wm = 0;
  for (let n = 0; n < N; n++) {
    if (n === p || n === TWN) continue;
    bx += b(code, t.regions[n]);
    wx += goodsOf(cv, n, p);
    bm += b(t.regions[n], code);
    wm += goodsOf(cv, p, n);
  }
  const xOut = new Float64Array(N * J),
    mOut = new Float64Array(N * J);
  for (let n = 0; n < N; n++) {
    if (n === p) continue;
    const totX = n === TWN ? (goodsOf(cv, n, p) * bx) / wx : b(code, t.regions[n]);
    const totM = n === TWN ? (goodsOf(cv, p, n) * bm) / wm : b(t.regions[n], code);
    const capX = Float64Array.from({ length: J }, (_, k) => (G[k] ? OUTSIDE_CAP * t.trade[at(n, p, k)] : 0));
    const capM = Float64Array.from({ length: J }, (_, k) => (G[k] ? OUTSIDE_CAP * t.trade[at(p, n, k)] : 0));
    const x = spreadOrFill(totX, proxyExportMix(cv, n), capX),
      m = spreadOrFill(totM, proxyImportMix(cv, n), capM);
    if (!x || !m) throw new RangeError(msg.baciGoodsTrade(code, t.regions[n], OUTSIDE_CAP, parent, totX, totM));
    xOut.set(x, n * J);
    mOut.set(m, n * J);
  }
  return { xOut, mOut };
}

/** The carved region's total exports E and imports M of each good with the regions outside the parent. */
function outsideTotals(
  { t, N, J, p, at }: Carve,
  expShare: (n: number, k: number) => number,
  impShare: (n: number, k: number) => number,
) {
  const E = new Float64Array(J),
    M = new Float64Array(J);
  for (let n = 0; n < N; n++) {
    if (n === p) continue;
    for (let k = 0; k < J; k++) {
      E[k] += expShare(n, k) * t.trade[at(n, p, k)];
      M[k] += impShare(n, k) * t.trade[at(p, n, k)];
    }
  }
  return { E, M };
}

/**
 * Trade with the rest of the parent: BACI totals spread like the proxy's trade with the parent, at
 * most INSIDE_CAP of its own sales.
 */
function restTrade(cv: Carve, code: string, parent: string, inside: string[], b: (i: string, n: string) => number) {
  const { t, J, p, G, at } = cv;
  const toRestTotal = inside.reduce((a, r) => a + b(code, r), 0),
    fromRestTotal = inside.reduce((a, r) => a + b(r, code), 0);
  const cap = Float64Array.from({ length: J }, (_, k) => (G[k] ? INSIDE_CAP * t.trade[at(p, p, k)] : 0));
  const toRest = spreadOrFill(toRestTotal, proxyExportMix(cv, p), cap),
    fromRest = spreadOrFill(fromRestTotal, proxyImportMix(cv, p), cap);
  if (!toRest || !fromRest)
    throw new RangeError(msg.baciTradeRest(code, parent, INSIDE_CAP, toRestTotal, fromRestTotal));
  return { toRestTotal, fromRestTotal, cap, toRest, fromRest };
}

/**
 * The factors on the carved region's imports: a cut (mu < 1) scales all imports of the good; a
 * raise falls on imports from outside the parent only, spread like the parent's imports (one
 * share `uniform` of all its imports of the good).
 */
function importFactors({ t, N, J, p, at }: Carve, Mt: Float64Array, Mt0: Float64Array, fromRest: Float64Array) {
  const mu = Float64Array.from(Mt, (m, k) => (Mt0[k] > 0 ? m / Mt0[k] : 1));
  const muIn = Float64Array.from(mu, (m) => Math.min(m, 1));
  const parentImports = Float64Array.from({ length: J }, (_, k) => {
    let v = 0;
    for (let n = 0; n < N; n++) if (n !== p) v += t.trade[at(p, n, k)];
    return v;
  });
  const uniform = Float64Array.from(mu, (m, k) => (m > 1 ? (Mt[k] - fromRest[k]) / parentImports[k] : NaN));
  return { mu, muIn, uniform };
}

/** The carved region's largest share of the parent's output in one sector (code, share). */
function largestOutputShare(t: IoValues, table: IoValues, p: number, y: Float64Array): [string, number] {
  const J = t.sectors.length;
  const y1 = outputs(table);
  const c = t.regions.length;
  let largest: [string, number] = ['', 0];
  for (let j = 0; j < J; j++) {
    const v = y1[c * J + j] / y[p * J + j];
    if (v > largest[1]) largest = [t.sectors[j], v];
  }
  return largest;
}

/**
 * Carves region `code` out of `parent`. `baci` is keyed `exporter>importer` over the final regions;
 * `inside` lists the final regions still in the parent besides `code` (its "rest").
 */
export function carveRegion(
  t: IoValues,
  parent: string,
  code: string,
  proxy: string,
  baci: Map<string, number>,
  gdp: number,
  inside: string[],
  goods: (sector: string) => boolean,
): { table: IoValues; report: CarveReport } {
  const N = t.regions.length,
    J = t.sectors.length;
  const p = t.regions.indexOf(parent);
  if (p < 0) throw new RangeError(msg.regionTable(parent, t.regions.join(', ')));
  const at = (n: number, i: number, k: number) => (n * N + i) * J + k;
  const G = t.sectors.map((c) => goods(c));
  const b = (i: string, n: string) => baci.get(`${i}>${n}`) ?? 0;
  let parentGdp = 0;
  for (let j = 0; j < J; j++) parentGdp += t.va[p * J + j];
  const s = gdp / parentGdp;
  const TWN = t.regions.indexOf('TWN'),
    q = t.regions.indexOf(proxy);
  if (q < 0 || q === p) throw new RangeError(msg.proxyRegionOther(parent, proxy));
  const cv: Carve = { t, N, J, p, q, TWN, G, at };
  const { xOut, mOut } = partnerFlows(cv, code, parent, b);
  const expShare = (n: number, k: number) =>
    G[k] ? (t.trade[at(n, p, k)] > 0 ? xOut[n * J + k] / t.trade[at(n, p, k)] : 0) : s;
  const impShare = (n: number, k: number) =>
    G[k] ? (t.trade[at(p, n, k)] > 0 ? mOut[n * J + k] / t.trade[at(p, n, k)] : 0) : s;
  const { E, M } = outsideTotals(cv, expShare, impShare);
  let ge = 0,
    gm = 0;
  for (let k = 0; k < J; k++)
    if (G[k]) {
      ge += E[k];
      gm += M[k];
    }
  const { toRestTotal, fromRestTotal, cap, toRest, fromRest } = restTrade(cv, code, parent, inside, b);
  const y = outputs(t);
  const { d, Mt, Mt0, touched, lowered, raised } = domesticSales(t, p, y, { code, gdp, s }, E, M, toRest, fromRest);
  const { mu, muIn, uniform } = importFactors(cv, Mt, Mt0, fromRest);
  const table = splitRegion(t, {
    region: parent,
    code,
    exportShare: expShare,
    importShare: (n, k) => (mu[k] > 1 ? uniform[k] : impShare(n, k) * mu[k]),
    inside: (k) => ({ domestic: Math.max(0, d[k]), toRest: toRest[k], fromRest: fromRest[k] * muIn[k] }),
  });
  return {
    table,
    report: {
      code,
      gdp,
      parentGdp,
      goodsExports: ge + toRestTotal,
      goodsImports: gm + fromRestTotal,
      insideCapped: t.sectors.filter(
        (_, k) => G[k] && (toRest[k] >= cap[k] * (1 - 1e-12) || fromRest[k] >= cap[k] * (1 - 1e-12)) && cap[k] > 0,
      ),
      importsCut: t.sectors.map((c, k): [string, number] => [c, mu[k]]).filter(([, m]) => m !== 1),
      finalMixAdjusted: [...touched].map((k) => t.sectors[k]),
      finalMixLowered: [...lowered].map((k) => t.sectors[k]),
      importsRaised: [...raised].map((k) => t.sectors[k]),
      largestOutputShare: largestOutputShare(t, table, p, y),
    },
  };
}
