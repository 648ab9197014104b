/**
 * Applies scenario tariff entries to a tariff-factor array τ = 1 + t (index (n*N + i)*J + j),
 * in order, so a later entry overrides an earlier one on the flows both cover. Domestic flows
 * (n = i) never carry a tariff.
 */
import type { Dataset } from '../data/dataset.ts';
import type { TariffEntry } from '../spec/scenario.ts';
import { selectSide, selectSectors } from './select.ts';
import { PolicyError } from './errors.ts';
import * as msg from '../spec/messages/policy.ts';

/** Computes a model preset's rate for importer n and exporter i, given the current factors. */
export type PresetRate = (preset: string, n: number, i: number, tau: Float64Array, path: (string | number)[]) => number;

export interface ApplyContext {
  /** Factors that `add` is relative to (the baseline in a policy; the current state in a timeline). */
  addTo: Float64Array;
  preset?: PresetRate;
  /** Path of the entry list in the scenario, for messages. */
  path: (string | number)[];
  /** Index of the first entry within that list (when applying a slice). Default 0. */
  offset?: number;
}

/** Applies `entries` to `tau` in place and returns it. */
export function applyTariffs(
  d: Dataset,
  tau: Float64Array,
  entries: readonly TariffEntry[],
  ctx: ApplyContext,
): Float64Array {
  const { N, J } = d;
  entries.forEach((e, k) => {
    const at = [...ctx.path, k + (ctx.offset ?? 0)];
    const imps = selectSide(
      d,
      e.importer,
      e.exporter,
      e.importer === '*' || d.manifest.groups[e.importer] ? e.except : undefined,
      [...at, 'importer'],
      [...at, 'except'],
    );
    const exps = selectSide(
      d,
      e.exporter,
      e.importer,
      e.exporter === '*' || d.manifest.groups[e.exporter] ? e.except : undefined,
      [...at, 'exporter'],
      [...at, 'except'],
    );
    const sectors = selectSectors(d, e.sectors, [...at, 'sectors']);
    if (!imps.some((n) => exps.some((i) => i !== n))) {
      throw new PolicyError([...at, 'exporter'], msg.exporterOtherImporter(e.exporter));
    }
    let schedule: Float64Array | undefined;
    if (e.schedule !== undefined) {
      schedule = d.schedules[e.schedule];
      if (!schedule)
        throw new PolicyError(
          [...at, 'schedule'],
          msg.scheduleDataset(d.manifest.id, Object.keys(d.schedules).join(', ') || 'none', e.schedule),
        );
    }
    if (e.preset !== undefined && !ctx.preset) throw new PolicyError([...at, 'preset'], msg.noPresetModel(e.preset));
    if (e.target_average !== undefined) {
      shiftToAverage(d, tau, imps, exps, sectors, e.target_average, at);
      return;
    }
    const snapshot = e.preset !== undefined ? Float64Array.from(tau) : tau;
    for (const n of imps)
      for (const i of exps) {
        if (n === i) continue;
        const presetRate = e.preset !== undefined ? ctx.preset!(e.preset, n, i, snapshot, [...at, 'preset']) : 0;
        for (const j of sectors) {
          const q = (n * N + i) * J + j;
          if (e.rate !== undefined) tau[q] = 1 + e.rate;
          else if (e.add !== undefined) tau[q] = ctx.addTo[q] + e.add;
          else if (schedule) tau[q] = 1 + schedule[q];
          else tau[q] = 1 + presetRate;
        }
      }
  });
  return tau;
}

/**
 * Adds one amount to every covered rate so that their average, weighted by baseline flows (net of
 * tariffs), equals `target`: the level comes from the average, the pattern across flows is kept.
 */
function shiftToAverage(
  d: Dataset,
  tau: Float64Array,
  imps: number[],
  exps: number[],
  sectors: number[],
  target: number,
  at: (string | number)[],
) {
  const { N, J } = d;
  let w = 0,
    s = 0;
  for (const n of imps)
    for (const i of exps)
      if (n !== i)
        for (const j of sectors) {
          const q = (n * N + i) * J + j;
          w += d.flows[q];
          s += d.flows[q] * (tau[q] - 1);
        }
  if (!(w > 0)) throw new PolicyError([...at, 'target_average'], msg.flowsBaselineTrade());
  const shift = target - s / w;
  for (const n of imps)
    for (const i of exps)
      if (n !== i)
        for (const j of sectors) {
          const q = (n * N + i) * J + j;
          if (tau[q] + shift < 1 - 1e-12)
            throw new PolicyError(
              [...at, 'target_average'],
              msg.averageReachableWithout(
                (100 * target).toFixed(1),
                (100 * shift).toFixed(1),
                (100 * (tau[q] - 1)).toFixed(1),
              ),
            );
          tau[q] += shift;
        }
}
