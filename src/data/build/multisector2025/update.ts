/**
 * The WIOD 2011 table of 19 regions × 35 sectors, and its update to 2023 levels.
 *
 * Update (documented in docs/datasets-multisector-2025.md):
 * 1. Cross-border goods flows (c1–c16) of every (exporter, importer) pair are scaled by one factor so
 *    that the pair's goods total equals BACI 2023; Taiwan's pairs (Taiwan is not in the BACI file)
 *    by the growth of the partner's goods imports from (or exports to) everyone else.
 * 2. Cross-border services flows are scaled by √(ĝ_n ĝ_i), the geometric mean of the two regions'
 *    nominal GDP growth (no bilateral services data for 2023 in the raw inputs).
 * 3. Re-balancing, region by region (a demand-driven Leontief update): WIOD 2011 technical
 *    coefficients a_kj = use/output and value-added ratios are kept, final demand is the 2011 mix φ
 *    times FT = GDP_2023 + D_2023 (D = imports − exports after steps 1–2), and domestic sales d solve
 *    (I − A) d = A·E + φ·FT − M. Then every row and column identity holds, and value added adds up to
 *    GDP exactly. Where d_k would fall below 5% of its GDP-scaled 2011 level (imports outgrowing
 *    use), the final-demand share φ_k is raised by the shortfall and φ renormalised (iterated).
 */
import { join } from 'node:path';
import type { IoValues } from '../../split.ts';
import { outputs, tableResiduals } from '../../split.ts';
import { REGION_CODES, WIOD_DIR, readCsv, num, wiodSectors } from './raw.ts';
import * as msg from '../../../spec/messages/data.ts';

export const GOODS = 16;

/** WIOD 2013 (year 2011) aggregated to 19 regions, million USD; value added = output − inputs. */
export function wiod2011(): { table: IoValues; vaFileGap: number } {
  const sectors = wiodSectors();
  const J = sectors.length,
    N = REGION_CODES.length;
  const R = new Map(REGION_CODES.map((c, n) => [c, n]));
  const S = new Map(sectors.map(([c], j) => [c, j]));
  const t: IoValues = {
    regions: [...REGION_CODES],
    sectors: sectors.map(([c]) => c),
    names: sectors.map(([, n]) => n),
    trade: new Float64Array(N * N * J),
    tariff: new Float64Array(N * N * J),
    use: new Float64Array(N * J * J),
    final: new Float64Array(N * J),
    va: new Float64Array(N * J),
  };
  const idx = (m: Map<string, number>, c: string) => {
    const v = m.get(c);
    if (v === undefined) throw new RangeError(msg.wiodRegionSector(c));
    return v;
  };
  for (const r of readCsv(join(WIOD_DIR, 'agg_19x35', 'intermediate_use_long.csv'))) {
    const i = idx(R, r.src_region),
      k = idx(S, r.src_sector),
      n = idx(R, r.dst_region),
      j = idx(S, r.dst_sector);
    const v = num(r.value_musd, 'WIOD intermediate use');
    t.trade[(n * N + i) * J + k] += v;
    t.use[(n * J + k) * J + j] += v;
  }
  for (const r of readCsv(join(WIOD_DIR, 'agg_19x35', 'final_demand_long.csv'))) {
    const i = idx(R, r.src_region),
      k = idx(S, r.src_sector),
      n = idx(R, r.dst_region);
    const v = num(r.value_musd, 'WIOD final demand');
    t.trade[(n * N + i) * J + k] += v;
    t.final[n * J + k] += v;
  }
  // A few flows are negative in WIOD (inventory changes in final demand): set them to 0 and add the
  // amount back to the importer's final demand, so its row still balances (the exporter's value added
  // below absorbs the change in its output).
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++)
      for (let k = 0; k < J; k++) {
        const q = (n * N + i) * J + k;
        if (t.trade[q] < 0) {
          t.final[n * J + k] -= t.trade[q];
          t.trade[q] = 0;
        }
      }
  const y = outputs(t);
  let vaFileGap = 0;
  const fileVa = new Map<string, number>();
  for (const r of readCsv(join(WIOD_DIR, 'agg_19x35', 'output_va.csv')))
    fileVa.set(`${r.region}.${r.sector}`, num(r.value_added_musd, 'WIOD VA'));
  for (let n = 0; n < N; n++)
    for (let j = 0; j < J; j++) {
      let inputs = 0;
      for (let k = 0; k < J; k++) inputs += t.use[(n * J + k) * J + j];
      t.va[n * J + j] = y[n * J + j] - inputs;
      vaFileGap = Math.max(vaFileGap, Math.abs(t.va[n * J + j] - (fileVa.get(`${t.regions[n]}.${t.sectors[j]}`) ?? 0)));
    }
  return { table: t, vaFileGap };
}

export interface UpdateReport {
  gdpGrowth: number[];
  twnGdpGrowth: number;
  /** Region-sectors whose final-demand share was raised, with the largest raise (share points). */
  finalMixAdjusted: number;
  largestFinalMixShift: number;
  /** Largest |row − column| identity gap after balancing (million USD), and relative. */
  residual: ReturnType<typeof tableResiduals>;
  /** Largest relative gap between a pair's goods total and BACI (BACI pairs only). */
  baciGap: number;
}

/** Solves A x = b (dense, partial pivoting; A and b are copied). */
export function solveDense(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const M = Float64Array.from(A),
    x = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r * n + c]) > Math.abs(M[p * n + c])) p = r;
    if (M[p * n + c] === 0) throw new RangeError(msg.nonSingularLeontief());
    if (p !== c) {
      for (let k = 0; k < n; k++) [M[c * n + k], M[p * n + k]] = [M[p * n + k], M[c * n + k]];
      [x[c], x[p]] = [x[p], x[c]];
    }
    for (let r = c + 1; r < n; r++) {
      const f = M[r * n + c] / M[c * n + c];
      if (f === 0) continue;
      for (let k = c; k < n; k++) M[r * n + k] -= f * M[c * n + k];
      x[r] -= f * x[c];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c];
    for (let k = c + 1; k < n; k++) s -= M[c * n + k] * x[k];
    x[c] = s / M[c * n + c];
  }
  return x;
}

/**
 * GDP growth 2011 → 2023 per region; Taiwan's (absent from the WDI file) is the world's nominal
 * growth without Taiwan.
 */
function gdpGrowth(t0: IoValues, gdp: Map<string, number>, va0: Float64Array, TWN: number): Float64Array {
  const N = t0.regions.length;
  const g = new Float64Array(N);
  let w23 = 0,
    w11 = 0;
  for (let n = 0; n < N; n++) {
    if (n === TWN) continue;
    const v = gdp.get(t0.regions[n]);
    if (v === undefined) throw new RangeError(msg.gdp(t0.regions[n]));
    g[n] = v / va0[n];
    w23 += v;
    w11 += va0[n];
  }
  g[TWN] = w23 / w11;
  return g;
}

/** Growth of goods trade per pair (importer n, exporter i) to BACI 2023; Taiwan's pairs from its partners' totals. */
function pairFactors(t0: IoValues, baci: Map<string, number>, TWN: number): Float64Array {
  const N = t0.regions.length,
    J = t0.sectors.length;
  const goods = (n: number, i: number) => {
    let s = 0;
    for (let k = 0; k < GOODS; k++) s += t0.trade[(n * N + i) * J + k];
    return s;
  };
  const pairFactor = new Float64Array(N * N);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) {
      if (n === i || n === TWN || i === TWN) continue;
      const w = goods(n, i);
      pairFactor[n * N + i] = w > 0 ? (baci.get(`${t0.regions[i]}>${t0.regions[n]}`) ?? 0) / w : 0;
    }
  for (let m = 0; m < N; m++) {
    if (m === TWN) continue;
    let bi = 0,
      wi = 0,
      be = 0,
      we = 0;
    for (let o = 0; o < N; o++) {
      if (o === m || o === TWN) continue;
      bi += baci.get(`${t0.regions[o]}>${t0.regions[m]}`) ?? 0;
      wi += goods(m, o);
      be += baci.get(`${t0.regions[m]}>${t0.regions[o]}`) ?? 0;
      we += goods(o, m);
    }
    pairFactor[m * N + TWN] = bi / wi; // Taiwan → m: m's import growth from the others
    pairFactor[TWN * N + m] = be / we; // m → Taiwan: m's export growth to the others
  }
  return pairFactor;
}

/** Where region n's rebalancing writes, and what it reads (the 2011 table, its outputs, growth). */
interface Rebalance {
  t0: IoValues;
  t: IoValues;
  trade: Float64Array;
  y0: Float64Array;
  g: Float64Array;
  gdp23: number[];
}

/**
 * Rebalances region n at 2023 levels: domestic sales from the Leontief system, the final-demand mix
 * raised where domestic sales would fall below 5% of their grown 2011 level. Returns the mix
 * entries adjusted and the largest shift of a share.
 */
function rebalanceRegion(
  { t0, t, trade, y0, g, gdp23 }: Rebalance,
  n: number,
): { adjusted: number; largestShift: number } {
  const N = t0.regions.length,
    J = t0.sectors.length;
  const E = new Float64Array(J),
    M = new Float64Array(J);
  let D = 0;
  for (let k = 0; k < J; k++)
    for (let m = 0; m < N; m++) {
      if (m === n) continue;
      E[k] += trade[(m * N + n) * J + k];
      M[k] += trade[(n * N + m) * J + k];
    }
  for (let k = 0; k < J; k++) D += M[k] - E[k];
  const FT = gdp23[n] + D;
  const A = new Float64Array(J * J),
    v = new Float64Array(J),
    phi = new Float64Array(J),
    floor = new Float64Array(J);
  let f0 = 0;
  for (let k = 0; k < J; k++) f0 += t0.final[n * J + k];
  for (let j = 0; j < J; j++) {
    const y = y0[n * J + j];
    for (let k = 0; k < J; k++) A[k * J + j] = y > 0 ? t0.use[(n * J + k) * J + j] / y : 0;
    v[j] = y > 0 ? t0.va[n * J + j] / y : 1;
    phi[j] = t0.final[n * J + j] / f0;
    floor[j] = 0.05 * t0.trade[(n * N + n) * J + j] * g[n];
  }
  const phi0 = Float64Array.from(phi);
  const L = new Float64Array(J * J); // I − A
  for (let k = 0; k < J; k++) for (let j = 0; j < J; j++) L[k * J + j] = (k === j ? 1 : 0) - A[k * J + j];
  let d: Float64Array = new Float64Array(J);
  const touched = new Set<number>();
  for (let iter = 0; iter < 200; iter++) {
    const rhs = new Float64Array(J);
    for (let k = 0; k < J; k++) {
      let ae = 0;
      for (let j = 0; j < J; j++) ae += A[k * J + j] * E[j];
      rhs[k] = ae + phi[k] * FT - M[k];
    }
    d = solveDense(L, rhs, J);
    let low = false;
    for (let k = 0; k < J; k++)
      if (d[k] < floor[k] - 1e-9 * Math.max(1, floor[k])) {
        low = true;
        touched.add(k);
        phi[k] += (floor[k] - d[k]) / FT;
      }
    if (!low) break;
    let s = 0;
    for (let k = 0; k < J; k++) s += phi[k];
    for (let k = 0; k < J; k++) phi[k] /= s;
    if (iter === 199) throw new RangeError(msg.finalDemandAdjustment(t0.regions[n]));
  }
  for (let j = 0; j < J; j++) {
    trade[(n * N + n) * J + j] = Math.max(0, d[j]);
    const y = d[j] + E[j];
    t.va[n * J + j] = v[j] * y;
    t.final[n * J + j] = phi[j] * FT;
    for (let k = 0; k < J; k++) t.use[(n * J + k) * J + j] = A[k * J + j] * y;
  }
  let largestShift = 0;
  for (const k of touched) largestShift = Math.max(largestShift, Math.abs(phi[k] - phi0[k]));
  return { adjusted: touched.size, largestShift };
}

/** Largest relative gap between the updated goods pair totals and BACI 2023 (Taiwan left out). */
function baciGapOf(t: IoValues, trade: Float64Array, baci: Map<string, number>, TWN: number): number {
  const N = t.regions.length,
    J = t.sectors.length;
  let baciGap = 0;
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) {
      if (n === i || n === TWN || i === TWN) continue;
      const b = baci.get(`${t.regions[i]}>${t.regions[n]}`) ?? 0;
      let s = 0;
      for (let k = 0; k < GOODS; k++) s += trade[(n * N + i) * J + k];
      if (b > 0) baciGap = Math.max(baciGap, Math.abs(s - b) / b);
    }
  return baciGap;
}

/** Moves the 2011 table to 2023 (see the module comment). `baci` keyed `exporter>importer`, million USD. */
export function updateTo2023(
  t0: IoValues,
  baci: Map<string, number>,
  gdp: Map<string, number>,
): { table: IoValues; report: UpdateReport } {
  const N = t0.regions.length,
    J = t0.sectors.length;
  const TWN = t0.regions.indexOf('TWN');
  const y0 = outputs(t0);
  const va0 = new Float64Array(N);
  for (let n = 0; n < N; n++) for (let j = 0; j < J; j++) va0[n] += t0.va[n * J + j];
  const g = gdpGrowth(t0, gdp, va0, TWN);
  const gdp23 = Array.from(g, (x, n) => x * va0[n]);
  const pairFactor = pairFactors(t0, baci, TWN);
  const trade = new Float64Array(N * N * J);
  for (let n = 0; n < N; n++)
    for (let i = 0; i < N; i++) {
      if (n === i) continue;
      for (let k = 0; k < J; k++)
        trade[(n * N + i) * J + k] =
          t0.trade[(n * N + i) * J + k] * (k < GOODS ? pairFactor[n * N + i] : Math.sqrt(g[n] * g[i]));
    }
  const t: IoValues = {
    regions: [...t0.regions],
    sectors: [...t0.sectors],
    names: t0.names ? [...t0.names] : undefined,
    trade,
    tariff: new Float64Array(N * N * J),
    use: new Float64Array(N * J * J),
    final: new Float64Array(N * J),
    va: new Float64Array(N * J),
  };
  let adjusted = 0,
    largestShift = 0;
  for (let n = 0; n < N; n++) {
    const r = rebalanceRegion({ t0, t, trade, y0, g, gdp23 }, n);
    adjusted += r.adjusted;
    largestShift = Math.max(largestShift, r.largestShift);
  }
  const baciGap = baciGapOf(t, trade, baci, TWN);
  return {
    table: t,
    report: {
      gdpGrowth: Array.from(g),
      twnGdpGrowth: g[TWN],
      finalMixAdjusted: adjusted,
      largestFinalMixShift: largestShift,
      residual: tableResiduals(t),
      baciGap,
    },
  };
}
