/**
 * Tariff scenarios of the paper: the USTR schedule of 2 April 2025, the optimal US tariff
 * (Tables 1 and 2), reciprocal and optimal retaliation (Table 2), as named presets the scenario
 * layer can apply to tariff entries.
 *
 * Index formula: `n*N + i` = importer n (who levies), exporter i.
 */
import type { Dataset } from '../../data/dataset.ts';
import { resolveRegions } from '../../data/dataset.ts';
import { aggregateTwoRegions } from './baseline.ts';
import { modelParams, type ModelParams, type OneSector2025Options } from './economy.ts';
import { baselineOf } from './cache.ts';
import * as msg from '../../spec/messages/model.ts';

/** Preset names accepted in `tariffs` entries of scenario files. */
export const TARIFF_PRESETS = [
  'ustr-2025-04-02',
  'us-optimal',
  'us-optimal-table2',
  'reciprocal-retaliation',
  'optimal-retaliation',
] as const;
export type TariffPreset = (typeof TARIFF_PRESETS)[number];

/**
 * δ_i = Σ_{k≠i} X_ik (1 − ν_k)(1 − λ_ik) / ((1 − ν_i)(D_i − X_ii)), D = E (Table 1) or Y (Table 2 (4));
 * X_ik = flow from i to k, λ_ik = i's share in k's spending.
 */
function optimalTariffDelta(p: ModelParams, i: number, denominator: 'E' | 'Y'): number {
  const { N, X, lam, nu } = p;
  let s = 0;
  for (let k = 0; k < N; k++) if (k !== i) s += X[k * N + i] * (1 - nu[k]) * (1 - lam[k * N + i]);
  const D = denominator === 'E' ? p.E[i] : p.Y[i];
  return s / ((1 - nu[i]) * (D - X[i * N + i]));
}

/**
 * The optimal uniform US tariff without retaliation, t* = 1/((1 + δ_US ε) φ_US − 1):
 * `table1` uses δ with E in the denominator (≈ 21.8%, Table 1 case 3), `table2` with Y (≈ 18.5%, Table 2 (4)).
 *
 * @example
 * const opts = { revenue: 'income-tax-relief', variant: 'baseline' } as const;
 * usOptimalTariff(loadDataset('world-2023'), opts, 'table1'); // ≈ 0.217988
 */
export function usOptimalTariff(d: Dataset, opts: OneSector2025Options, variant: 'table1' | 'table2'): number {
  const p = modelParams(d, baselineOf(d), opts);
  const delta = optimalTariffDelta(p, p.us, variant === 'table1' ? 'E' : 'Y');
  return 1 / ((1 + delta * p.eps) * p.phi[p.us] - 1);
}

/**
 * The optimal uniform tariff of all other countries on US goods: the same formula on the
 * two-region aggregate (0 = rest of the world, 1 = US) with Y in the denominator and the non-US φ
 * (≈ 22.7%, Table 2 (3) and (4)).
 *
 * @example
 * const opts = { revenue: 'income-tax-relief', variant: 'baseline' } as const;
 * optimalRetaliationTariff(loadDataset('world-2023'), opts); // ≈ 0.227422
 */
export function optimalRetaliationTariff(d: Dataset, opts: OneSector2025Options): number {
  const p = modelParams(d, baselineOf(d), opts);
  const { xa, ya } = aggregateTwoRegions(p.N, p.us, p.X, p.Y);
  // xa[r*2 + c] = exports of r to c; λ_rc = xa[r*2+c] / Σ_r' xa[r'*2+c].
  const col = (c: number) => xa[c] + xa[2 + c];
  const lam01 = xa[1] / col(1);
  const delta0 = (xa[1] * (1 - p.nuEq[1]) * (1 - lam01)) / ((1 - p.nuEq[0]) * (ya[0] - xa[0]));
  const nonUs = p.us === 0 ? 1 : 0;
  return 1 / ((1 + delta0 * p.eps) * p.phi[nonUs] - 1);
}

/** One preset entry: the preset's rate on every pair importer × exporter ("*" = all others). */
export interface PresetEntry {
  importer: string;
  exporter: string;
  preset: TariffPreset;
  except?: string[];
}

function side(d: Dataset, code: string, other: string, except: readonly string[]): number[] {
  const drop = new Set(except.flatMap((c) => resolveRegions(d, c)));
  if (code === '*') {
    const o = other === '*' ? new Set<number>() : new Set(resolveRegions(d, other));
    return d.regions.map((_, k) => k).filter((k) => !o.has(k) && !drop.has(k));
  }
  return resolveRegions(d, code).filter((k) => !drop.has(k));
}

/**
 * Sets, in place, the rate of `entry.preset` on every covered pair of `t` (diagonal skipped):
 * `ustr-2025-04-02` the dataset schedule; `us-optimal` / `us-optimal-table2` {@link usOptimalTariff};
 * `reciprocal-retaliation` importer n levies on exporter i the rate i currently levies on n;
 * `optimal-retaliation` {@link optimalRetaliationTariff}.
 */
function applyTariffPreset(d: Dataset, opts: OneSector2025Options, t: Float64Array, entry: PresetEntry): Float64Array {
  const { N } = d;
  const imps = side(d, entry.importer, entry.exporter, entry.importer === '*' ? (entry.except ?? []) : []);
  const exps = side(d, entry.exporter, entry.importer, entry.exporter === '*' ? (entry.except ?? []) : []);
  let rate: (n: number, i: number) => number;
  switch (entry.preset) {
    case 'ustr-2025-04-02': {
      const s = d.schedules['ustr-2025-04-02'];
      if (!s)
        throw new RangeError(msg.scheduleUstrDataset(d.manifest.id, Object.keys(d.schedules).join(', ') || 'none'));
      rate = (n, i) => s[n * N + i];
      break;
    }
    case 'us-optimal':
    case 'us-optimal-table2': {
      const r = usOptimalTariff(d, opts, entry.preset === 'us-optimal' ? 'table1' : 'table2');
      rate = () => r;
      break;
    }
    case 'optimal-retaliation': {
      const r = optimalRetaliationTariff(d, opts);
      rate = () => r;
      break;
    }
    case 'reciprocal-retaliation': {
      const prev = Float64Array.from(t);
      rate = (n, i) => prev[i * N + n];
      break;
    }
    default:
      throw new RangeError(msg.tariffPreset(TARIFF_PRESETS.join(', '), String(entry.preset)));
  }
  for (const n of imps) for (const i of exps) if (n !== i) t[n * N + i] = rate(n, i);
  return t;
}

/**
 * Builds an N×N tariff matrix (zeros, or a copy of `base`) by applying `entries` in order.
 *
 * @example
 * // Table 2 (1): USTR tariffs and reciprocal retaliation
 * const t = buildTariffMatrix(d, opts, [
 *   { importer: 'USA', exporter: '*', preset: 'ustr-2025-04-02' },
 *   { importer: '*', exporter: 'USA', preset: 'reciprocal-retaliation' },
 * ]);
 */
export function buildTariffMatrix(
  d: Dataset,
  opts: OneSector2025Options,
  entries: readonly PresetEntry[],
  base?: Float64Array,
): Float64Array {
  const t = base ? Float64Array.from(base) : new Float64Array(d.N * d.N);
  for (const e of entries) applyTariffPreset(d, opts, t, e);
  return t;
}

/** The paper's tariff cases by name (US side, then the retaliation), for scenarios and tests. */
export const PAPER_CASES: Record<string, PresetEntry[]> = {
  ustr: [{ importer: 'USA', exporter: '*', preset: 'ustr-2025-04-02' }],
  'us-optimal': [{ importer: 'USA', exporter: '*', preset: 'us-optimal' }],
  'ustr+reciprocal-retaliation': [
    { importer: 'USA', exporter: '*', preset: 'ustr-2025-04-02' },
    { importer: '*', exporter: 'USA', preset: 'reciprocal-retaliation' },
  ],
  'ustr+optimal-retaliation': [
    { importer: 'USA', exporter: '*', preset: 'ustr-2025-04-02' },
    { importer: '*', exporter: 'USA', preset: 'optimal-retaliation' },
  ],
  'us-optimal-table2+optimal-retaliation': [
    { importer: 'USA', exporter: '*', preset: 'us-optimal-table2' },
    { importer: '*', exporter: 'USA', preset: 'optimal-retaliation' },
  ],
};
