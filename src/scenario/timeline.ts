/**
 * Timeline semantics (scenario-format.md): dated steps applied cumulatively. Every tariff entry
 * and export control becomes a layer; the policy at a date is the fold of the active layers, in
 * the order they were introduced, over the dataset's baseline:
 *   - `rate` sets the rate on the flows it covers, `add` adds to the rate the fold has reached, so
 *     additions commute and one policy reached by two orders of additions is the same policy;
 *   - `suspend: [id]` switches layers off from that date, `reinstate: [id]` back on (in their
 *     original place in the fold);
 *   - controls: a later control overrides an earlier one on the flows both cover.
 * Steps must be in date order; a step that changes no policy (talks, deadlines) is not re-solved.
 */
import type { Dataset } from '../data/dataset.ts';
import type { ParsedScenario } from './parse.ts';
import type { ExportControl, TariffEntry, TimelineStep } from '../spec/scenario.ts';
import { applyTariffs } from '../policy/tariffs.ts';
import { resolveControls, mergeControls, NO_CONTROLS } from '../policy/controls.ts';
import { PolicyError } from '../policy/errors.ts';
import { MODEL_SPECS, type PolicyState } from '../model/registry.ts';

interface Layer {
  ids: string[];
  tariff?: TariffEntry;
  /**
   * A `target_average` entry becomes a fixed shift when its step is first folded: a later step that
   * suspends another layer then moves the average, as the facts do (Busan's cut of the fentanyl
   * tariff lowers the average that Geneva had set).
   */
  frozen?: TariffEntry;
  control?: ExportControl;
  path: (string | number)[];
  active: boolean;
}

/** The policy in force after one step. */
export interface StepState extends PolicyState {
  step: TimelineStep;
  index: number;
  /** Whether the policy differs from the previous step's (or the starting policy). */
  changed: boolean;
  /** Ids of the layers in force. */
  active: string[];
}

function layersOf(entries: { tariffs?: TariffEntry[]; export_controls?: ExportControl[] }, stepId: string | undefined, path: (string | number)[]): Layer[] {
  const out: Layer[] = [];
  const ids = (id?: string) => [id, stepId].filter((x): x is string => x !== undefined);
  (entries.tariffs ?? []).forEach((t, k) => out.push({ ids: ids(t.id), tariff: t, path: [...path, 'tariffs', k], active: true }));
  (entries.export_controls ?? []).forEach((c, k) => out.push({ ids: ids(c.id), control: c, path: [...path, 'export_controls', k], active: true }));
  return out;
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function firstChanged(a: Float64Array, b: Float64Array): number {
  for (let q = 0; q < a.length; q++) if (a[q] !== b[q]) return q;
  return -1;
}

/** Folds the active layers into a policy state. */
function fold(d: Dataset, p: ParsedScenario, layers: Layer[]): PolicyState {
  const spec = MODEL_SPECS[p.scenario.model];
  const tau = Float64Array.from(d.tariff, (t) => 1 + t);
  const preset = spec.preset?.(d, p.scenario);
  const controls: ExportControl[] = [];
  const controlPaths: (string | number)[][] = [];
  for (const l of layers) {
    if (!l.active) continue;
    if (l.tariff) {
      const ctx = { addTo: tau, preset, path: l.path.slice(0, -1), offset: Number(l.path[l.path.length - 1]) };
      if (l.tariff.target_average !== undefined && !l.frozen) {
        const before = Float64Array.from(tau);
        applyTariffs(d, tau, [l.tariff], ctx);
        const q = firstChanged(before, tau);
        const { target_average: _, ...rest } = l.tariff;
        l.frozen = { ...rest, add: q < 0 ? 0 : tau[q] - before[q] };
      } else applyTariffs(d, tau, [l.frozen ?? l.tariff], ctx);
    }
    if (l.control) { controls.push(l.control); controlPaths.push(l.path); }
  }
  if (controls.length && !spec.controls) throw new PolicyError(controlPaths[0], `expected no export controls: model ${p.scenario.model} cannot apply them (use model multisector)`);
  // Controls are resolved one by one so errors point at the right entry; later ones override.
  let resolved = NO_CONTROLS;
  if (controls.length) {
    resolved = mergeControls(controls.map((c, k) => resolveControls(d, [c], controlPaths[k].slice(0, -1))));
  }
  return { tau, controls: resolved };
}

/** The policy in force at each step of the scenario's timeline (the starting policy first). */
export function timelineStates(p: ParsedScenario, d: Dataset): { start: PolicyState; steps: StepState[] } {
  const s = p.scenario;
  const layers = layersOf(s.policy, undefined, ['policy']);
  const start = fold(d, p, layers);
  const steps: StepState[] = [];
  let prev = start;
  (s.timeline ?? []).forEach((step, k) => {
    const at: (string | number)[] = ['timeline', k];
    if (step.announced !== undefined && step.announced > step.date) throw new PolicyError([...at, 'announced'], `expected an announcement on or before the step's date ${step.date}, found ${step.announced}`);
    if (k > 0 && step.date < s.timeline![k - 1].date) throw new PolicyError([...at, 'date'], `expected steps in date order, found ${step.date} after ${s.timeline![k - 1].date}`);
    (step.suspend ?? []).forEach((id, m) => {
      const hit = layers.filter((l) => l.active && l.ids.includes(id));
      if (!hit.length) throw new PolicyError([...at, 'suspend', m], `expected the id of a layer in force, found "${id}" (${layers.some((l) => l.ids.includes(id)) ? 'already suspended' : 'no such id'})`);
      hit.forEach((l) => (l.active = false));
    });
    (step.reinstate ?? []).forEach((id, m) => {
      const hit = layers.filter((l) => !l.active && l.ids.includes(id));
      if (!hit.length) throw new PolicyError([...at, 'reinstate', m], `expected the id of a suspended layer, found "${id}" (${layers.some((l) => l.ids.includes(id)) ? 'in force' : 'no such id'})`);
      hit.forEach((l) => (l.active = true));
    });
    layers.push(...layersOf(step, step.id, at));
    const state = fold(d, p, layers);
    for (let q = 0; q < state.tau.length; q++) {
      if (state.tau[q] < 1 - 1e-12) throw new PolicyError(at, `expected rates of at least 0 after this step, found ${(state.tau[q] - 1).toFixed(4)} on a flow of sector ${d.sectors[q % d.J]}`);
    }
    const changed = !sameArray(state.tau, prev.tau) || !sameArray(state.controls.flow, prev.controls.flow) || !sameArray(state.controls.approval, prev.controls.approval) || !sameArray(state.controls.rentsToExporter, prev.controls.rentsToExporter)
      || !sameArray(state.controls.governmentShare ?? new Float64Array(0), prev.controls.governmentShare ?? new Float64Array(0)) || !sameArray(state.controls.government ?? new Int32Array(0), prev.controls.government ?? new Int32Array(0));
    steps.push({ ...state, step, index: k, changed, active: [...new Set(layers.filter((l) => l.active).flatMap((l) => l.ids))] });
    prev = state;
  });
  return { start, steps };
}
