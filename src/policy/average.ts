/**
 * Trade-weighted average tariff of one region on another, with the dataset's baseline flows as
 * fixed weights (as PIIE's averages use pre-war trade weights), over a set of sectors.
 */
import type { Dataset } from '../data/dataset.ts';

/** Average of t = τ − 1 on importer n's flows from exporter i, weighted by baseline flows, in percent. */
export function averageTariffPct(
  d: Dataset,
  tau: Float64Array,
  n: number,
  i: number,
  sectors?: readonly number[],
): number {
  const { N, J } = d;
  let w = 0,
    s = 0;
  const js = sectors ?? d.sectors.map((_, j) => j);
  for (const j of js) {
    const q = (n * N + i) * J + j;
    w += d.flows[q];
    s += d.flows[q] * (tau[q] - 1);
  }
  return w > 0 ? (100 * s) / w : NaN;
}
