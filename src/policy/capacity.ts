/**
 * Capacity entries of a scenario (`policy.capacity`) → the solver's bounds on real output
 * (src/model/ge/capacity.ts). Later entries override earlier ones on the region-sectors both cover.
 */
import type { Dataset } from '../data/dataset.ts';
import type { CapacityEntry } from '../scenario/schema.ts';
import type { GeCapacity } from '../model/ge/capacity.ts';
import { selectSide, selectSectors } from './select.ts';
import { PolicyError } from './errors.ts';

/**
 * Resolves `entries` (at `path` in the scenario) to capacity cells `n*J + j`, sorted. A bound below
 * 1 on a region-sector without baseline output is rejected (nothing to bound).
 */
export function resolveCapacity(d: Dataset, entries: readonly CapacityEntry[], path: (string | number)[]): GeCapacity {
  const { N, J } = d;
  const out = new Map<number, { limit: number; eta: number; entry: number }>();
  const produced = new Float64Array(N * J);
  for (let m = 0; m < N; m++) for (let i = 0; i < N; i++) for (let j = 0; j < J; j++) produced[i * J + j] += d.flows[(m * N + i) * J + j];
  entries.forEach((e, k) => {
    const at = [...path, k];
    const regions = selectSide(d, e.region, '*', e.region === '*' || d.manifest.groups[e.region] ? e.except : undefined, [...at, 'region'], [...at, 'except']);
    const sectors = selectSectors(d, e.sectors, [...at, 'sectors']);
    for (const n of regions)
      for (const j of sectors) {
        if (!(produced[n * J + j] > 0)) continue; // no producer there: nothing to bound (imports only)
        out.set(n * J + j, { limit: e.limit, eta: e.supply_elasticity ?? Infinity, entry: k });
      }
  });
  if (entries.length && !out.size) throw new PolicyError(path, 'expected the capacity entries to cover at least one region-sector with baseline output, found none');
  const cells = [...out.keys()].sort((a, b) => a - b);
  return {
    cell: Int32Array.from(cells),
    limit: Float64Array.from(cells, (q) => out.get(q)!.limit),
    elasticity: Float64Array.from(cells, (q) => out.get(q)!.eta),
  };
}
