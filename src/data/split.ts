/**
 * Carving a sector out of an input–output table, and merging two sectors back together.
 *
 * The table is the region-level form that the `io-table` datasets are made from (values, not
 * shares). Index formulas (as in src/data/dataset.ts):
 * - `trade`, `tariff`: `(n*N + i)*J + k` = importer n, exporter i, sector k (domestic sales on n = i)
 * - `use`: `(n*J + k)*J + j` = region n, input k, using sector j (purchases from all origins)
 * - `final`, `va`: `n*J + k`
 *
 * Totals (the identities a balanced table satisfies; `tableResiduals` measures them):
 * - row:    absorption Σ_i trade[n,i,k] = Σ_j use[n,k,j] + final[n,k]
 * - column: output Σ_m trade[m,n,j] = va[n,j] + Σ_k use[n,k,j]
 *
 * `splitSector` moves part of sector k into a new sector k′ (appended last) using shares of output,
 * of bilateral trade and of each user's purchases; every row and column total of the table is kept
 * (the two parts add up to the parent). `mergeSectors` adds one sector into another. A split
 * followed by a merge returns the original table bit for bit: every carved amount b of a cell a is
 * rounded to a multiple of ulp(a), so a − b and (a − b) + b are exact in floating point, and the
 * merge adds user columns before input rows (the reverse of the split's order).
 */
import * as msg from '../spec/messages/data.ts';

/** An input–output table in values (one currency unit throughout). */
export interface IoValues {
  regions: string[];
  sectors: string[];
  /** Sector names, same order as `sectors` (optional). */
  names?: string[];
  trade: Float64Array;
  tariff: Float64Array;
  use: Float64Array;
  final: Float64Array;
  va: Float64Array;
}

/** How to carve sector `sector` into itself and a new sector `code`. */
export interface SplitSpec {
  /** The parent sector's code. */
  sector: string;
  /** The new sector's code (appended after the last sector). */
  code: string;
  name?: string;
  /** Share of region i's output of the parent that belongs to the new sector, in [0, 1]. */
  outputShare: (i: number) => number;
  /** Share of the cross-border flow from exporter i to importer n (n ≠ i) that is the new sector's, in [0, 1]. */
  tradeShare: (n: number, i: number) => number;
  /**
   * Relative purchase intensities in region n of user j (j = J for final demand): user j buys the new
   * good as the fraction λ_n·w of its purchases of the parent, with λ_n set so that the new good's
   * uses add up to its absorption (imports plus domestic sales). Must give fractions ≤ 1.
   */
  purchaseWeight: (n: number, j: number) => number;
  /** Tariff on the new sector's flow from i to n; default: the parent's. */
  tariff?: (n: number, i: number) => number;
}

const dims = (t: IoValues) => ({ N: t.regions.length, J: t.sectors.length });

/**
 * The part b of a cell a that is closest to x with a − b exact: b is a multiple of ulp(a) and lies
 * between 0 and a (same sign as a). Then (a − b) + b === a.
 */
export function carvedPart(a: number, x: number): number {
  if (a === 0 || x === 0 || !Number.isFinite(x)) return 0;
  const s = a < 0 ? -1 : 1;
  const A = Math.abs(a);
  const X = x * s;
  if (X <= 0) return 0;
  if (X >= A) return a;
  let e = Math.floor(Math.log2(A));
  if (2 ** e > A) e--;
  if (2 ** (e + 1) <= A) e++;
  const q = Math.max(2 ** (e - 52), Number.MIN_VALUE); // subnormals: every multiple of the smallest double is exact
  const b = Math.min(A, Math.round(X / q) * q);
  return s * b;
}

/** Output Σ_m trade[m,n,j] of every region and sector, index n*J + j. */
export function outputs(t: IoValues): Float64Array {
  const { N, J } = dims(t);
  const y = new Float64Array(N * J);
  for (let m = 0; m < N; m++)
    for (let n = 0; n < N; n++) for (let j = 0; j < J; j++) y[n * J + j] += t.trade[(m * N + n) * J + j];
  return y;
}

/** Largest violations of the row and column identities, absolute and relative to the larger side. */
export function tableResiduals(t: IoValues): { row: number; column: number; rowRel: number; columnRel: number } {
  const { N, J } = dims(t);
  const y = outputs(t);
  let row = 0,
    column = 0,
    rowRel = 0,
    columnRel = 0;
  for (let n = 0; n < N; n++)
    for (let k = 0; k < J; k++) {
      let a = 0,
        u = t.final[n * J + k],
        c = t.va[n * J + k];
      for (let i = 0; i < N; i++) a += t.trade[(n * N + i) * J + k];
      for (let j = 0; j < J; j++) {
        u += t.use[(n * J + k) * J + j];
        c += t.use[(n * J + j) * J + k];
      }
      const r = Math.abs(a - u),
        q = Math.abs(y[n * J + k] - c);
      row = Math.max(row, r);
      column = Math.max(column, q);
      if (r > 0) rowRel = Math.max(rowRel, r / Math.max(Math.abs(a), Math.abs(u)));
      if (q > 0) columnRel = Math.max(columnRel, q / Math.max(Math.abs(y[n * J + k]), Math.abs(c)));
    }
  return { row, column, rowRel, columnRel };
}

/** Copies `t` with one extra sector (zeros) appended. */
function widen(t: IoValues, code: string, name: string): IoValues {
  const { N, J } = dims(t);
  const K = J + 1;
  const trade = new Float64Array(N * N * K),
    tariff = new Float64Array(N * N * K);
  const use = new Float64Array(N * K * K),
    final = new Float64Array(N * K),
    va = new Float64Array(N * K);
  for (let p = 0; p < N * N; p++)
    for (let k = 0; k < J; k++) {
      trade[p * K + k] = t.trade[p * J + k];
      tariff[p * K + k] = t.tariff[p * J + k];
    }
  for (let n = 0; n < N; n++)
    for (let k = 0; k < J; k++) {
      final[n * K + k] = t.final[n * J + k];
      va[n * K + k] = t.va[n * J + k];
      for (let j = 0; j < J; j++) use[(n * K + k) * K + j] = t.use[(n * J + k) * J + j];
    }
  const names = t.names ? [...t.names, name] : undefined;
  return { regions: [...t.regions], sectors: [...t.sectors, code], names, trade, tariff, use, final, va };
}

/** Where a split happens: the parent sector `k` and the new one `s` of the widened table `r` (K sectors). */
interface SplitAt {
  t: IoValues;
  r: IoValues;
  spec: SplitSpec;
  N: number;
  J: number;
  K: number;
  k: number;
  s: number;
}

function unit(v: number, what: string): number {
  if (!(v >= 0 && v <= 1)) throw new RangeError(`Expected ${what} in [0, 1], found ${v}`);
  return v;
}

/** Step 1 of a split, the trade: cross-border shares, then the domestic sales that give the wanted output. */
function splitTrade({ t, r, spec, N, J, K, k, s }: SplitAt, y0: Float64Array): void {
  for (let i = 0; i < N; i++) {
    let exportsNew = 0;
    for (let n = 0; n < N; n++) {
      if (n === i) continue;
      const p = (n * N + i) * K;
      const a = r.trade[p + k];
      const b = carvedPart(a, a * unit(spec.tradeShare(n, i), `the trade share of ${t.regions[i]} → ${t.regions[n]}`));
      r.trade[p + k] = a - b;
      r.trade[p + s] = b;
      r.tariff[p + s] = spec.tariff ? spec.tariff(n, i) : r.tariff[p + k];
      exportsNew += b;
    }
    const want = y0[i * J + k] * unit(spec.outputShare(i), `the output share of ${t.regions[i]}`);
    const p = (i * N + i) * K;
    const dom = r.trade[p + k];
    const need = want - exportsNew;
    const tol = 1e-9 * Math.max(1, y0[i * J + k]);
    if (need < -tol || need > dom + tol) {
      throw new RangeError(msg.newSectorNeed(spec.code, t.regions[i], dom, need, want, exportsNew));
    }
    const b = carvedPart(dom, Math.min(Math.max(need, 0), dom));
    r.trade[p + k] = dom - b;
    r.trade[p + s] = b;
    r.tariff[p + s] = 0;
  }
}

/** Step 2, the rows: users' purchases (and final demand) of the parent, in each region. */
function splitPurchases({ t, r, spec, N, J, K, k, s }: SplitAt): void {
  for (let n = 0; n < N; n++) {
    let absorption = 0;
    for (let i = 0; i < N; i++) absorption += r.trade[(n * N + i) * K + s];
    let weighted = 0;
    const w = new Float64Array(J + 1);
    for (let j = 0; j <= J; j++) {
      w[j] = spec.purchaseWeight(n, j);
      if (!(w[j] >= 0 && Number.isFinite(w[j]))) throw new RangeError(msg.nonNegativePurchase(w[j], t.regions[n], j));
      weighted += w[j] * (j < J ? t.use[(n * J + k) * J + j] : t.final[n * J + k]);
    }
    if (absorption === 0) continue;
    if (!(weighted > 0)) throw new RangeError(msg.usersPositivePurchase(spec.sector, t.regions[n], absorption));
    const lambda = absorption / weighted;
    for (let j = 0; j <= J; j++) {
      const f = lambda * w[j];
      if (f > 1 + 1e-12)
        throw new RangeError(
          msg.newSectorTake(spec.code, t.regions[n], j < J ? t.sectors[j] : 'final demand', spec.sector, f),
        );
      if (j < J) {
        const a = r.use[(n * K + k) * K + j];
        const b = carvedPart(a, a * f);
        r.use[(n * K + k) * K + j] = a - b;
        r.use[(n * K + s) * K + j] = b;
      } else {
        const a = r.final[n * K + k];
        const b = carvedPart(a, a * f);
        r.final[n * K + k] = a - b;
        r.final[n * K + s] = b;
      }
    }
  }
}

/** Step 3, the columns: the new sector's costs are the same fraction of the parent's as its output. */
function splitCosts({ r, N, K, k, s }: SplitAt): void {
  const y1 = outputs(r);
  for (let n = 0; n < N; n++) {
    const total = y1[n * K + k] + y1[n * K + s];
    const c = total === 0 ? 0 : y1[n * K + s] / total;
    for (let m = 0; m < K; m++) {
      const a = r.use[(n * K + m) * K + k];
      const b = carvedPart(a, a * c);
      r.use[(n * K + m) * K + k] = a - b;
      r.use[(n * K + m) * K + s] = b;
    }
    const a = r.va[n * K + k];
    const b = carvedPart(a, a * c);
    r.va[n * K + k] = a - b;
    r.va[n * K + s] = b;
  }
}

/**
 * Splits sector `spec.sector` of every region into itself and the new sector `spec.code`.
 *
 * Trade: the new sector's flow from i to n ≠ i is tradeShare(n, i) of the parent's; its domestic
 * sales make its output outputShare(i) of the parent's output (a RangeError if that needs more than
 * the parent's domestic sales or a negative amount). Rows: each user's purchases (and final demand)
 * of the parent are split by the purchase weights, scaled to the new good's absorption. Columns: the
 * new sector has the parent's cost structure (its inputs and value added are the same fraction of
 * the parent's as its output).
 *
 * @example
 * const t2 = splitSector(t, { sector: 'c14', code: 'SEMI', outputShare: () => 0.1,
 *   tradeShare: () => 0.1, purchaseWeight: () => 1 });
 * mergeSectors(t2, 'c14', 'SEMI'); // equals t exactly
 */
export function splitSector(t: IoValues, spec: SplitSpec): IoValues {
  const { N, J } = dims(t);
  const k = t.sectors.indexOf(spec.sector);
  if (k < 0) throw new RangeError(msg.sectorCodeOfTable(spec.sector));
  if (t.sectors.includes(spec.code)) throw new RangeError(msg.newSectorCode(spec.code));
  const y0 = outputs(t);
  const r = widen(t, spec.code, spec.name ?? spec.code);
  const at: SplitAt = { t, r, spec, N, J, K: J + 1, k, s: J }; // s: the new sector's index
  splitTrade(at, y0);
  splitPurchases(at);
  splitCosts(at);
  return r;
}

/**
 * Adds sector `from` into sector `into` and removes `from` (user columns first, then input rows).
 * The merged tariff is the trade-weighted mean of the two (or their common value when equal).
 */
export function mergeSectors(t: IoValues, into: string, from: string): IoValues {
  const { N, J } = dims(t);
  const a = t.sectors.indexOf(into),
    b = t.sectors.indexOf(from);
  if (a < 0 || b < 0 || a === b) throw new RangeError(msg.twoDistinctSector(into, from));
  const use = Float64Array.from(t.use),
    final = Float64Array.from(t.final),
    va = Float64Array.from(t.va);
  const trade = Float64Array.from(t.trade),
    tariff = Float64Array.from(t.tariff);
  for (let p = 0; p < N * N; p++) {
    const ta = trade[p * J + a],
      tb = trade[p * J + b];
    const ra = tariff[p * J + a],
      rb = tariff[p * J + b];
    tariff[p * J + a] = ra === rb ? ra : ta + tb > 0 ? (ta * ra + tb * rb) / (ta + tb) : ra;
    trade[p * J + a] = ta + tb;
  }
  for (let n = 0; n < N; n++) {
    for (let m = 0; m < J; m++) use[(n * J + m) * J + a] += use[(n * J + m) * J + b];
    for (let j = 0; j < J; j++) use[(n * J + a) * J + j] += use[(n * J + b) * J + j];
    final[n * J + a] += final[n * J + b];
    va[n * J + a] += va[n * J + b];
  }
  const keep = t.sectors.map((_, j) => j).filter((j) => j !== b);
  const K = J - 1;
  const r: IoValues = {
    regions: [...t.regions],
    sectors: keep.map((j) => t.sectors[j]),
    names: t.names ? keep.map((j) => t.names![j]) : undefined,
    trade: new Float64Array(N * N * K),
    tariff: new Float64Array(N * N * K),
    use: new Float64Array(N * K * K),
    final: new Float64Array(N * K),
    va: new Float64Array(N * K),
  };
  if (!r.names) delete r.names;
  for (let p = 0; p < N * N; p++)
    keep.forEach((j, q) => {
      r.trade[p * K + q] = trade[p * J + j];
      r.tariff[p * K + q] = tariff[p * J + j];
    });
  for (let n = 0; n < N; n++)
    keep.forEach((k, q) => {
      r.final[n * K + q] = final[n * J + k];
      r.va[n * K + q] = va[n * J + k];
      keep.forEach((j, qq) => (r.use[(n * K + q) * K + qq] = use[(n * J + k) * J + j]));
    });
  return r;
}

/** Renames sector `code` (e.g. after merging carved pieces into one satellite). */
export function renameSector(t: IoValues, code: string, to: string, name?: string): IoValues {
  const k = t.sectors.indexOf(code);
  if (k < 0) throw new RangeError(msg.sectorCodeOfTable2(code));
  const sectors = [...t.sectors];
  sectors[k] = to;
  const names = t.names ? [...t.names] : undefined;
  if (names && name) names[k] = name;
  return { ...t, sectors, ...(names ? { names } : {}) };
}

/**
 * Redirects purchases of input `good` in region `region` to user `to` from the other users (and final
 * demand), in proportion to what they buy of it, and sends as much of `to`'s other inputs the other way
 * (in proportion to `to`'s purchases of each, `exclude` and `good` left out): user j gives up δ_j of
 * `good` and gets δ_j of that mix; `to` gets Σδ_j of `good` and buys as much less of the mix. Every
 * row total (each input's uses) and every column total (each user's costs) is kept. Used to link a
 * supply chain's stages (separation buys ore, magnets buy oxides) after carving. Returns the amount
 * moved: `amount`, or less when the others buy less of `good` or `to` buys less of everything else.
 */
export function redirectPurchases(
  t: IoValues,
  region: string,
  good: string,
  to: string,
  amount: number,
  exclude: readonly string[] = [],
): number {
  const { J } = dims(t);
  const n = t.regions.indexOf(region);
  const g = t.sectors.indexOf(good),
    u = t.sectors.indexOf(to);
  if (n < 0 || g < 0 || u < 0 || g === u) throw new RangeError(msg.regionTwoDistinct(region, good, to));
  const at = (k: number, j: number) => (n * J + k) * J + j;
  const skip = new Set([g, ...exclude.map((c) => t.sectors.indexOf(c))]);
  let others = Math.max(0, t.final[n * J + g]);
  for (let j = 0; j < J; j++) if (j !== u) others += Math.max(0, t.use[at(g, j)]);
  let mix = 0;
  for (let k = 0; k < J; k++) if (!skip.has(k)) mix += Math.max(0, t.use[at(k, u)]);
  const moved = Math.max(0, Math.min(amount, others, mix));
  if (!(moved > 0)) return 0;
  // The mix: shares of `to`'s other purchases.
  const w = new Float64Array(J);
  for (let k = 0; k < J; k++) if (!skip.has(k)) w[k] = Math.max(0, t.use[at(k, u)]) / mix;
  const give = (j: number, d: number, final: boolean) => {
    for (let k = 0; k < J; k++) {
      if (w[k] === 0) continue;
      if (final) t.final[n * J + k] += d * w[k];
      else t.use[at(k, j)] += d * w[k];
    }
  };
  const f = moved / others;
  for (let j = 0; j < J; j++) {
    if (j === u || !(t.use[at(g, j)] > 0)) continue;
    const d = t.use[at(g, j)] * f;
    t.use[at(g, j)] -= d;
    give(j, d, false);
  }
  if (t.final[n * J + g] > 0) {
    const d = t.final[n * J + g] * f;
    t.final[n * J + g] -= d;
    give(-1, d, true);
  }
  t.use[at(g, u)] += moved;
  for (let k = 0; k < J; k++) if (w[k] !== 0) t.use[at(k, u)] -= moved * w[k];
  return moved;
}

/**
 * How to carve region `code` out of region `region` (the parent). Region indices n, i are the
 * parent table's. The new region is appended after the last region; the parent keeps its code and
 * holds the rest.
 */
export interface RegionSplitSpec {
  region: string;
  code: string;
  /** Share of the parent's flow to importer n (n ≠ parent) in sector k that is the new region's export, in [0, 1]. */
  exportShare: (n: number, k: number) => number;
  /**
   * Share of the flow from exporter i (i ≠ parent) into the parent, sector k, that the new region
   * imports, in [0, 1].
   */
  importShare: (i: number, k: number) => number;
  /**
   * Amounts carved from the parent's own sales of sector k (its diagonal, which holds trade between
   * its members): the new region's domestic sales, its exports to the rest, its imports from the rest.
   * Their sum must not exceed the diagonal.
   */
  inside: (k: number) => { domestic: number; toRest: number; fromRest: number };
}

/** Copies `t` with one extra region (zeros) appended. */
function widenRegions(t: IoValues, code: string): IoValues {
  const { N, J } = dims(t);
  const M = N + 1;
  const trade = new Float64Array(M * M * J),
    tariff = new Float64Array(M * M * J);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++)
      for (let k = 0; k < J; k++) {
        trade[(n * M + i) * J + k] = t.trade[(n * N + i) * J + k];
        tariff[(n * M + i) * J + k] = t.tariff[(n * N + i) * J + k];
      }
  const use = new Float64Array(M * J * J),
    final = new Float64Array(M * J),
    va = new Float64Array(M * J);
  use.set(t.use);
  final.set(t.final);
  va.set(t.va);
  return {
    regions: [...t.regions, code],
    sectors: [...t.sectors],
    ...(t.names ? { names: [...t.names] } : {}),
    trade,
    tariff,
    use,
    final,
    va,
  };
}

/**
 * Splits region `spec.region` into itself (the rest) and the new region `spec.code`, appended last.
 *
 * Trade: the new region's flows with every other region are the given shares of the parent's; inside
 * the parent, its domestic sales and its trade with the rest are carved from the parent's diagonal
 * (in the order domestic, to the rest, from the rest). Columns: the new region has the parent's cost
 * structure (every input and value added the same fraction of the parent's as its output of the
 * sector), so its technical coefficients and value-added ratios are the parent's. Rows: its final
 * demand of each good is what its absorption leaves after those inputs (the free margin; a
 * RangeError unless it lies between 0 and the parent's). Every cell is carved with `carvedPart`, so
 * the two regions add up to the parent and `mergeRegions` restores it bit for bit.
 *
 * @example
 * const t2 = splitRegion(t, { region: 'ROW', code: 'VNM', exportShare: () => 0.1, importShare: () => 0.1,
 *   inside: (k) => ({ domestic: 0.01 * d[k], toRest: 0.09 * d[k], fromRest: 0.09 * d[k] }) });
 * mergeRegions(t2, 'ROW', 'VNM'); // equals t exactly
 */
export function splitRegion(t: IoValues, spec: RegionSplitSpec): IoValues {
  const { N, J } = dims(t);
  const p = t.regions.indexOf(spec.region);
  if (p < 0) throw new RangeError(msg.regionCodeTable(spec.region));
  if (t.regions.includes(spec.code)) throw new RangeError(msg.newRegionCode(spec.code));
  const y0 = outputs(t);
  const r = widenRegions(t, spec.code);
  const M = N + 1;
  const sp: RegionSplit = { t, r, spec, N, J, M, p, c: N, at: (n, i, k) => (n * M + i) * J + k };
  carveOutsideTrade(sp);
  carveInsideTrade(sp);
  const y1 = outputs(r);
  carveCostColumns(sp, y0, y1);
  carveFinalDemand(sp, y1);
  return r;
}

/** A region split in progress: the parent table t, the widened copy r, parent p and new region c = N. */
interface RegionSplit {
  t: IoValues;
  r: IoValues;
  spec: RegionSplitSpec;
  N: number;
  J: number;
  M: number;
  p: number;
  c: number;
  /** The cell of importer n, exporter i, sector k in r. */
  at: (n: number, i: number, k: number) => number;
}

const unitShare = (v: number, what: string) => {
  if (!(v >= 0 && v <= 1)) throw new RangeError(`Expected ${what} in [0, 1], found ${v}`);
  return v;
};

/** 1. Trade with the other regions: the new region's exports and imports are the given shares of the parent's. */
function carveOutsideTrade({ t, r, spec, N, J, p, c, at }: RegionSplit) {
  for (let n = 0; n < N; n++) {
    if (n === p) continue;
    for (let k = 0; k < J; k++) {
      let a = r.trade[at(n, p, k)];
      let b = carvedPart(
        a,
        a * unitShare(spec.exportShare(n, k), `the export share of ${spec.code} → ${t.regions[n]}, ${t.sectors[k]}`),
      );
      r.trade[at(n, p, k)] = a - b;
      r.trade[at(n, c, k)] = b;
      r.tariff[at(n, c, k)] = r.tariff[at(n, p, k)];
      a = r.trade[at(p, n, k)];
      b = carvedPart(
        a,
        a * unitShare(spec.importShare(n, k), `the import share of ${t.regions[n]} → ${spec.code}, ${t.sectors[k]}`),
      );
      r.trade[at(p, n, k)] = a - b;
      r.trade[at(c, n, k)] = b;
      r.tariff[at(c, n, k)] = r.tariff[at(p, n, k)];
    }
  }
}

/**
 * 2. Inside the parent: domestic sales, exports to the rest (importer p), imports from the rest,
 * carved in that order.
 */
function carveInsideTrade({ t, r, spec, J, p, c, at }: RegionSplit) {
  for (let k = 0; k < J; k++) {
    const q = spec.inside(k);
    const cells: [number, number][] = [
      [at(c, c, k), q.domestic],
      [at(p, c, k), q.toRest],
      [at(c, p, k), q.fromRest],
    ];
    const what = ['domestic sales', 'exports to the rest', 'imports from the rest'];
    cells.forEach(([cell, want], w) => {
      const a = r.trade[at(p, p, k)];
      if (!(want >= 0 && want <= a * (1 + 1e-12)))
        throw new RangeError(msg.betweenWhatLeft(spec.code, what[w], t.sectors[k], spec.region, a, want));
      const b = carvedPart(a, Math.min(want, a));
      r.trade[at(p, p, k)] = a - b;
      r.trade[cell] = b;
      r.tariff[cell] = r.tariff[at(p, p, k)];
    });
  }
}

/** 3. Columns: the parent's cost structure (inputs and value added), in proportion to the new region's output. */
function carveCostColumns({ t, r, spec, J, p, c }: RegionSplit, y0: Float64Array, y1: Float64Array) {
  const frac = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    const Y = y0[p * J + j];
    frac[j] = Y === 0 ? 0 : y1[c * J + j] / Y;
    if (!(frac[j] >= 0 && frac[j] <= 1 + 1e-12))
      throw new RangeError(msg.outputBetween(spec.code, t.sectors[j], spec.region, Y, y1[c * J + j]));
    for (let k = 0; k < J; k++) {
      const a = r.use[(p * J + k) * J + j],
        b = carvedPart(a, a * frac[j]);
      r.use[(p * J + k) * J + j] = a - b;
      r.use[(c * J + k) * J + j] = b;
    }
    const a = r.va[p * J + j],
      b = carvedPart(a, a * frac[j]);
    r.va[p * J + j] = a - b;
    r.va[c * J + j] = b;
  }
}

/** 4. Rows: final demand is the new region's absorption less its purchases of each good. */
function carveFinalDemand({ t, r, spec, J, M, p, c, at }: RegionSplit, y1: Float64Array) {
  for (let k = 0; k < J; k++) {
    let want = 0;
    for (let i = 0; i < M; i++) want += r.trade[at(c, i, k)];
    for (let j = 0; j < J; j++) want -= r.use[(c * J + k) * J + j];
    const a = r.final[p * J + k];
    const f = a === 0 ? (Math.abs(want) <= 1e-9 * Math.max(1, y1[c * J + k]) ? 0 : NaN) : want / a;
    if (!(f >= -1e-12 && f <= 1 + 1e-12))
      throw new RangeError(msg.finalDemandBetween(spec.code, t.sectors[k], spec.region, a, want));
    const b = carvedPart(a, a * Math.min(1, Math.max(0, f)));
    r.final[p * J + k] = a - b;
    r.final[c * J + k] = b;
  }
}

/**
 * Adds region `from` into region `into` and removes `from`: the reverse of `splitRegion` (the
 * parent's diagonal is re-assembled in the reverse order of the carve, so a split followed by a
 * merge returns the table bit for bit). The merged tariff on a partner is the trade-weighted mean
 * of the two (or their common value when equal); inside the merged region it is `into`'s own.
 */
export function mergeRegions(t: IoValues, into: string, from: string): IoValues {
  const { N, J } = dims(t);
  const a = t.regions.indexOf(into),
    b = t.regions.indexOf(from);
  if (a < 0 || b < 0 || a === b) throw new RangeError(msg.twoDistinctRegion(into, from));
  const at = (n: number, i: number, k: number) => (n * N + i) * J + k;
  const trade = Float64Array.from(t.trade),
    tariff = Float64Array.from(t.tariff);
  const use = Float64Array.from(t.use),
    final = Float64Array.from(t.final),
    va = Float64Array.from(t.va);
  const add = (to: number, fromCell: number) => {
    const ta = trade[to],
      tb = trade[fromCell],
      ra = tariff[to],
      rb = tariff[fromCell];
    tariff[to] = ra === rb ? ra : ta + tb > 0 ? (ta * ra + tb * rb) / (ta + tb) : ra;
    trade[to] = ta + tb;
  };
  for (let k = 0; k < J; k++) {
    for (let n = 0; n < N; n++) {
      if (n === a || n === b) continue;
      add(at(n, a, k), at(n, b, k));
      add(at(a, n, k), at(b, n, k));
    }
    trade[at(a, a, k)] = trade[at(a, a, k)] + trade[at(b, a, k)] + trade[at(a, b, k)] + trade[at(b, b, k)];
  }
  for (let j = 0; j < J; j++) {
    for (let k = 0; k < J; k++) use[(a * J + k) * J + j] += use[(b * J + k) * J + j];
    va[a * J + j] += va[b * J + j];
    final[a * J + j] += final[b * J + j];
  }
  const keep = t.regions.map((_, n) => n).filter((n) => n !== b);
  const K = N - 1;
  const r: IoValues = {
    regions: keep.map((n) => t.regions[n]),
    sectors: [...t.sectors],
    ...(t.names ? { names: [...t.names] } : {}),
    trade: new Float64Array(K * K * J),
    tariff: new Float64Array(K * K * J),
    use: new Float64Array(K * J * J),
    final: new Float64Array(K * J),
    va: new Float64Array(K * J),
  };
  keep.forEach((n, nn) => {
    keep.forEach((i, ii) => {
      for (let k = 0; k < J; k++) {
        r.trade[(nn * K + ii) * J + k] = trade[at(n, i, k)];
        r.tariff[(nn * K + ii) * J + k] = tariff[at(n, i, k)];
      }
    });
    r.use.set(use.subarray(n * J * J, (n + 1) * J * J), nn * J * J);
    r.final.set(final.subarray(n * J, (n + 1) * J), nn * J);
    r.va.set(va.subarray(n * J, (n + 1) * J), nn * J);
  });
  return r;
}
