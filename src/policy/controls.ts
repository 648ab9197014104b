/**
 * Export controls as quantity limits (model-ge.md, extension 2): scenario entries become a flat
 * list of controlled bilateral flows, each with its approval rate s (share of the baseline real
 * quantity allowed; 0 is a ban) and who receives the licence rents.
 */
import type { Dataset } from '../data/dataset.ts';
import type { ExportControl } from '../scenario/schema.ts';
import { selectSide, selectSectors } from './select.ts';

/**
 * Controlled flows, flat: `flow[k]` is a bilateral index (n*N + i)*J + j (importer n = destination,
 * exporter i = origin), `approval[k]` ∈ [0, 1], `rentsToExporter[k]` 1 if licence rents are income of
 * the origin, 0 if they are lost (as with delays).
 */
export interface GeControls {
  flow: Int32Array;
  approval: Float64Array;
  rentsToExporter: Uint8Array;
}

/** No controls. */
export const NO_CONTROLS: GeControls = { flow: new Int32Array(0), approval: new Float64Array(0), rentsToExporter: new Uint8Array(0) };

/**
 * Resolves entries in order; a later entry overrides an earlier one on the flows both cover.
 * A coalition is several origins in one entry (a list in `origin` is not allowed; use a group or
 * several entries): each origin's flow is capped at the same share of its own baseline.
 */
export function resolveControls(d: Dataset, entries: readonly ExportControl[], path: (string | number)[]): GeControls {
  const { N, J } = d;
  const byFlow = new Map<number, { approval: number; rents: number }>();
  entries.forEach((e, k) => {
    const at = [...path, k];
    const origins = selectSide(d, e.origin, e.destination, e.origin === '*' || d.manifest.groups[e.origin] ? e.except : undefined, [...at, 'origin'], [...at, 'except']);
    const dests = selectSide(d, e.destination, e.origin, e.destination === '*' || d.manifest.groups[e.destination] ? e.except : undefined, [...at, 'destination'], [...at, 'except']);
    const sectors = selectSectors(d, e.sectors, [...at, 'sectors']);
    for (const i of origins)
      for (const n of dests) {
        if (n === i) continue;
        for (const j of sectors) byFlow.set((n * N + i) * J + j, { approval: e.approval, rents: e.rents === 'lost' ? 0 : 1 });
      }
  });
  const keys = [...byFlow.keys()].sort((a, b) => a - b);
  return {
    flow: Int32Array.from(keys),
    approval: Float64Array.from(keys, (q) => byFlow.get(q)!.approval),
    rentsToExporter: Uint8Array.from(keys, (q) => byFlow.get(q)!.rents),
  };
}
