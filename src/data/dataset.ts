/**
 * The in-memory dataset: codes, elasticities and flat Float64Array tables.
 *
 * Index formulas (written once here, used by every kernel):
 * - bilateral arrays `flows`, `tariff`: `(n*N + i)*J + j` = importer n, exporter i, sector j
 * - region×sector arrays `vaShare`, `finalShare`: `n*J + j`
 * - input–output shares `io`: `(n*J + k)*J + j` = region n, input k, using sector j
 */
import type { DatasetManifest } from './manifest.ts';
import * as msg from '../spec/messages/data.ts';

/**
 * A loaded dataset: manifest, codes and flat tables (index formulas above). Read-only: datasets are
 * shared between solves.
 *
 * @example
 * ```ts
 * const d: Dataset = loadDataset('cp2015');
 * const usa = d.regions.indexOf('USA'), mex = d.regions.indexOf('MEX');
 * d.tariff[(usa * d.N + mex) * d.J + 0]; // US tariff on Mexican goods of sector 0, 1993
 * ```
 */
export interface Dataset {
  manifest: DatasetManifest;
  /** Where it was loaded from (folder path), for messages. */
  source: string;
  /** Content hash of the source files (data/cache.ts `contentHash`), when loaded from a folder. */
  hash?: string;
  N: number;
  J: number;
  regions: string[];
  sectors: string[];
  /** Trade elasticity θ^j per sector. */
  theta: Float64Array;
  /** Baseline flows net of tariffs, domestic sales on the diagonal (io-table layout). */
  flows: Float64Array;
  /** Baseline ad valorem tariffs as fractions. */
  tariff: Float64Array;
  /** γ_n^j, value-added share of gross output (io-table layout). */
  vaShare: Float64Array;
  /** α_n^j, share of final spending on sector j (io-table layout). */
  finalShare: Float64Array;
  /** γ_n^{k,j} / (1 − γ_n^j): share of input k in sector j's intermediate purchases (io-table layout). */
  io: Float64Array;
  /** Per-region numeric columns of region_data.csv (gravity layout: gdp). */
  regionData: Record<string, Float64Array>;
  /** Named tariff schedules (file name without .csv): rates indexed like `tariff`, `(n*N + i)*J + j`. */
  schedules: Record<string, Float64Array>;
}

/** Expands a region code or group into region indices; throws RangeError for unknown codes. */
export function resolveRegions(d: Dataset, code: string): number[] {
  const i = d.regions.indexOf(code);
  if (i >= 0) return [i];
  const g = d.manifest.groups[code];
  if (g) return g.map((m) => d.regions.indexOf(m));
  throw new RangeError(msg.unknownRegion(d.manifest.id, code));
}
