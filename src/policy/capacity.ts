/**
 * Capacity entries of a scenario (`policy.capacity`) → the solver's bounds on real output
 * (src/model/ge/capacity.ts). Later entries override earlier ones on the region-sectors both cover.
 */
import type { Dataset } from '../data/dataset.ts';
import type { CapacityEntry } from '../spec/scenario.ts';
import { selectSide, selectSectors } from './select.ts';
import { PolicyError } from './errors.ts';
import * as msg from '../spec/messages/policy.ts';

/** Capacities as the solver takes them (built here from a scenario; solved in model/ge/capacity.ts). */
export interface GeCapacity {
  /** Region-sectors n*J + j, no duplicates. */
  cell: Int32Array;
  /** Bound k on real output relative to the baseline (≥ 0; Infinity: no bound). */
  limit: Float64Array;
  /** Supply elasticity η below the bound (> 0; Infinity: constant returns, the CP default). */
  elasticity: Float64Array;
}

/**
 * Resolves `entries` (at `path` in the scenario) to capacity cells `n*J + j`, sorted. A bound below
 * 1 on a region-sector without baseline output is rejected (nothing to bound).
 */
export function resolveCapacity(
  d: Dataset,
  entries: readonly CapacityEntry[],
  path: (string | number)[],
): GeCapacity & { entry: Int32Array } {
  const { N, J } = d;
  const out = new Map<number, { limit: number; eta: number; entry: number }>();
  const produced = new Float64Array(N * J);
  for (let m = 0; m < N; m++)
    for (let i = 0; i < N; i++) for (let j = 0; j < J; j++) produced[i * J + j] += d.flows[(m * N + i) * J + j];
  entries.forEach((e, k) => {
    const at = [...path, k];
    const regions = selectSide(
      d,
      e.region,
      '*',
      e.region === '*' || d.manifest.groups[e.region] ? e.except : undefined,
      [...at, 'region'],
      [...at, 'except'],
    );
    const sectors = selectSectors(d, e.sectors, [...at, 'sectors']);
    for (const n of regions)
      for (const j of sectors) {
        if (!(produced[n * J + j] > 0)) continue; // no producer there: nothing to bound (imports only)
        out.set(n * J + j, { limit: e.limit, eta: e.supply_elasticity ?? Infinity, entry: k });
      }
  });
  if (entries.length && !out.size) throw new PolicyError(path, msg.capacityEntriesCover());
  const cells = [...out.keys()].sort((a, b) => a - b);
  return {
    cell: Int32Array.from(cells),
    limit: Float64Array.from(cells, (q) => out.get(q)!.limit),
    elasticity: Float64Array.from(cells, (q) => out.get(q)!.eta),
    entry: Int32Array.from(cells, (q) => out.get(q)!.entry),
  };
}

/**
 * Rejects a configuration without an equilibrium: an importer that buys a sector in the baseline and
 * has no supplier left — every origin banned (approval 0) or bounded at zero capacity — and no stock
 * to draw on. The error points at the capacity entry that removed the last supplier (or the export
 * controls when bans alone did it), so the CLI names the scenario line.
 */
export function checkSupplyFeasible(
  d: Dataset,
  controls: { flow: Int32Array; approval: Float64Array },
  capacity: (GeCapacity & { entry?: Int32Array }) | undefined,
  stocked: ReadonlySet<number>,
  capacityPath: (string | number)[],
  controlsPath: (string | number)[],
): void {
  const { N, J } = d;
  const banned = new Set<number>();
  controls.flow.forEach((q, c) => {
    if (controls.approval[c] === 0) banned.add(q);
  });
  const zeroCap = new Map<number, number>();
  capacity?.cell.forEach((q, c) => {
    if (capacity.limit[c] === 0) zeroCap.set(q, capacity.entry?.[c] ?? 0);
  });
  if (!zeroCap.size) return; // bans alone are checked where the controls are resolved
  for (let n = 0; n < N; n++)
    for (let j = 0; j < J; j++) {
      let spending = 0,
        supply = 0,
        lastCap = -1;
      for (let i = 0; i < N; i++) {
        const f = d.flows[(n * N + i) * J + j];
        if (!(f > 0)) continue;
        spending += f;
        const cap = zeroCap.get(i * J + j);
        if (cap !== undefined) lastCap = cap;
        if (!banned.has((n * N + i) * J + j) && cap === undefined) supply += f;
      }
      if (spending > 0 && !(supply > 0) && lastCap >= 0) {
        const stock = stocked.has(n * J + j)
          ? ' (its stock runs out while the restriction lasts)'
          : ' and no stock to draw on';
        throw new PolicyError(
          lastCap >= 0 ? [...capacityPath, lastCap] : controlsPath,
          msg.importerKeepSupplier(d.regions[n], d.sectors[j], stock),
        );
      }
    }
}
