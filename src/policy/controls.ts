/**
 * Export controls as quantity limits (model-ge.md, extension 2): scenario entries become a flat
 * list of controlled bilateral flows, each with its approval rate s (share of the baseline real
 * quantity allowed; 0 is a ban) and who receives the licence rents.
 */
import type { Dataset } from '../data/dataset.ts';
import type { ExportControl } from '../spec/scenario.ts';
import { selectSide, selectSectors } from './select.ts';
import { PolicyError } from './errors.ts';
import * as msg from '../spec/messages/policy.ts';

/**
 * Controlled flows, flat: `flow[k]` is a bilateral index (n*N + i)*J + j (importer n = destination,
 * exporter i = origin), `approval[k]` ∈ [0, 1], `rentsToExporter[k]` 1 if licence rents are income of
 * the origin, 0 if they are lost (as with delays).
 */
export interface GeControls {
  flow: Int32Array;
  approval: Float64Array;
  rentsToExporter: Uint8Array;
  /**
   * Share of licensed sales taken by a government, and that government's region (−1: none); absent
   * when no entry has one.
   */
  governmentShare?: Float64Array;
  government?: Int32Array;
}

/** No controls. */
export const NO_CONTROLS: GeControls = {
  flow: new Int32Array(0),
  approval: new Float64Array(0),
  rentsToExporter: new Uint8Array(0),
};

/**
 * Resolves entries in order; a later entry overrides an earlier one on the flows both cover.
 * `path` is the list's path (entry k at `[...path, k]`) or, for entries gathered from several
 * lists (the policy fold), the path of each entry.
 * A coalition is several origins in one entry (a list in `origin` is not allowed; use a group or
 * several entries): each origin's flow is capped at the same share of its own baseline.
 */
export function resolveControls(
  d: Dataset,
  entries: readonly ExportControl[],
  path: (string | number)[] | ((k: number) => (string | number)[]),
): GeControls {
  const { N, J } = d;
  const entryPath = typeof path === 'function' ? path : (k: number) => [...path, k];
  const byFlow = new Map<number, { approval: number; rents: number; entry: number; gov: number; govTo: number }>();
  let anyGov = false;
  entries.forEach((e, k) => {
    const at = entryPath(k);
    const origins = selectSide(
      d,
      e.origin,
      e.destination,
      e.origin === '*' || d.manifest.groups[e.origin] ? e.except : undefined,
      [...at, 'origin'],
      [...at, 'except'],
    );
    const dests = selectSide(
      d,
      e.destination,
      e.origin,
      e.destination === '*' || d.manifest.groups[e.destination] ? e.except : undefined,
      [...at, 'destination'],
      [...at, 'except'],
    );
    const sectors = selectSectors(d, e.sectors, [...at, 'sectors']);
    const gov = e.government_share ?? 0;
    const govTo = gov > 0 ? d.regions.indexOf(e.government!) : -1;
    if (gov > 0 && govTo < 0)
      throw new PolicyError([...at, 'government'], msg.regionCodeOfDataset2(d.manifest.id, e.government));
    if (gov > 0) anyGov = true;
    if (!origins.some((i) => dests.some((n) => n !== i))) {
      throw new PolicyError(
        at,
        msg.controlCrossBorder(e.origin, e.destination, origins.length === 1 ? ` (${d.regions[origins[0]]})` : 's'),
      );
    }
    for (const i of origins)
      for (const n of dests) {
        if (n === i) continue;
        for (const j of sectors) {
          byFlow.set((n * N + i) * J + j, {
            approval: e.approval,
            rents: e.rents === 'lost' ? 0 : 1,
            entry: k,
            gov,
            govTo,
          });
        }
      }
  });
  const keys = [...byFlow.keys()].sort((a, b) => a - b);
  checkSupply(d, keys, (q) => byFlow.get(q)!, entryPath);
  return {
    flow: Int32Array.from(keys),
    approval: Float64Array.from(keys, (q) => byFlow.get(q)!.approval),
    rentsToExporter: Uint8Array.from(keys, (q) => byFlow.get(q)!.rents),
    ...(anyGov
      ? {
          governmentShare: Float64Array.from(keys, (q) => byFlow.get(q)!.gov),
          government: Int32Array.from(keys, (q) => byFlow.get(q)!.govTo),
        }
      : {}),
  };
}

/**
 * Rejects bans (approval 0) that leave an importer with no supplier of a sector it buys (every
 * origin with baseline sales to it, its own producers included, banned): that equilibrium does not
 * exist. The error names the importer, the sector and the entry that banned the last supplier.
 */
function checkSupply(
  d: Dataset,
  flows: number[],
  at: (q: number) => { approval: number; entry: number },
  entryPath: (k: number) => (string | number)[],
): void {
  const { N, J } = d;
  const banned = new Set(flows.filter((q) => at(q).approval === 0));
  const seen = new Set<number>();
  for (const q of banned) {
    const n = Math.floor(q / (N * J)),
      j = q % J;
    if (seen.has(n * J + j)) continue;
    seen.add(n * J + j);
    let supply = 0,
      spending = 0;
    for (let i = 0; i < N; i++) {
      const f = d.flows[(n * N + i) * J + j];
      spending += f;
      if (!banned.has((n * N + i) * J + j)) supply += f;
    }
    if (spending > 0 && !(supply > 0)) {
      throw new PolicyError(entryPath(at(q).entry), msg.importerKeepSupplierSector(d.regions[n], d.sectors[j]));
    }
  }
}

/** Merges resolved controls in order: a later part overrides an earlier one on the flows both cover. */
export function mergeControls(parts: readonly GeControls[]): GeControls {
  const byFlow = new Map<number, [number, number, number, number]>();
  let anyGov = false;
  for (const r of parts) {
    if (r.governmentShare) anyGov = true;
    r.flow.forEach((q, m) =>
      byFlow.set(q, [r.approval[m], r.rentsToExporter[m], r.governmentShare?.[m] ?? 0, r.government?.[m] ?? -1]),
    );
  }
  const keys = [...byFlow.keys()].sort((a, b) => a - b);
  const col = (k: number) => keys.map((q) => byFlow.get(q)![k]);
  return {
    flow: Int32Array.from(keys),
    approval: Float64Array.from(col(0)),
    rentsToExporter: Uint8Array.from(col(1)),
    ...(anyGov ? { governmentShare: Float64Array.from(col(2)), government: Int32Array.from(col(3)) } : {}),
  };
}

/** Position of bilateral cell `q` in `c.flow` (sorted), or −1 if the flow is not controlled. */
export function controlIndex(c: GeControls, q: number): number {
  const a = c.flow;
  let lo = 0,
    hi = a.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    if (a[m] === q) return m;
    if (a[m] < q) lo = m + 1;
    else hi = m - 1;
  }
  return -1;
}
