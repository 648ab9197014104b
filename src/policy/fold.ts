/**
 * The one policy fold: a scenario's `policy:` section and its timeline steps become the model's
 * input, tariff factors τ' = 1 + t' over the dataset's baseline, export controls and capacity bounds. Solves,
 * timelines, strategy and negotiation all take their policy from here.
 *
 * Every tariff entry, preset entry and export control is a layer; the policy at a date is the fold
 * of the active layers in the order they were introduced (scenario-format.md):
 *   - the `policy:` section first: `policy.preset` expanded to its entries, then `policy.tariffs`;
 *     there `add` adds to the baseline rate and a later entry overrides an earlier one;
 *   - then each timeline step: `rate` sets the rate on the flows it covers, `add` adds to the rate
 *     the fold has reached, so additions commute and one policy reached by two orders of
 *     additions is the same policy;
 *   - `suspend: [id]` switches layers off from that date, `reinstate: [id]` back on (in their
 *     original place in the fold);
 *   - controls: a later control overrides an earlier one on the flows both cover.
 * Steps must be in date order; a step that changes no policy (talks, deadlines) is marked unchanged.
 */
import type { Dataset } from '../data/dataset.ts';
import type { ExportControl, Scenario, TariffEntry, TimelineStep } from '../spec/scenario.ts';
import { applyTariffs, type PresetRate } from './tariffs.ts';
import { resolveControls, NO_CONTROLS, type GeControls } from './controls.ts';
import { resolveCapacity, type GeCapacity } from './capacity.ts';
import { PolicyError } from './errors.ts';
import * as msg from '../spec/messages/policy.ts';

type Path = (string | number)[];

/** A policy as the models take it: tariff factors τ' = 1 + t', export controls and capacity bounds. */
export interface PolicyState {
  tau: Float64Array;
  controls: GeControls;
  /** The `policy.capacity` bounds, each cell with the index of the entry that set it; undefined when none. */
  capacity: ScenarioCapacity | undefined;
}

/** Capacity bounds as the fold resolves them (the entry index points errors at the scenario's entry). */
export type ScenarioCapacity = GeCapacity & { entry: Int32Array };

/** What the fold needs to know of the scenario's model (an entry of MODEL_SPECS). */
export interface PolicyModel {
  id: string;
  /** Whether the model can apply export controls. */
  controls: boolean;
  /** Whether the model applies capacity bounds (`policy.capacity`); other models ignore them. */
  capacity: boolean;
  /** Rates of model presets (`preset:` in tariff entries), if the model has any. */
  preset?: (d: Dataset, s: Scenario) => PresetRate;
  /** Whole-policy presets (`policy.preset`), expanded to tariff entries. */
  policyPresets?: Record<string, { importer: string; exporter: string; preset: string }[]>;
}

/** The policy in force after one step of a timeline. */
export interface StepState extends PolicyState {
  step: TimelineStep;
  index: number;
  /** Whether the policy differs from the previous step's (or the starting policy). */
  changed: boolean;
  /** Ids of the layers in force. */
  active: string[];
}

interface Layer {
  ids: string[];
  tariff?: TariffEntry;
  /** What `add` adds to: the baseline (the `policy:` section) or the rate reached (timeline steps). */
  addTo: 'baseline' | 'reached';
  /**
   * A `target_average` entry becomes a fixed shift when its step is first folded: a later step that
   * suspends another layer then moves the average, as the facts do (Busan's cut of the fentanyl
   * tariff lowers the average that Geneva had set).
   */
  frozen?: TariffEntry;
  control?: ExportControl;
  /** Where the entry sits: the list's path and the entry's index in it. */
  list: Path;
  offset: number;
  active: boolean;
}

const entryPath = (l: Layer): Path => [...l.list, l.offset];

function stepLayers(
  entries: { tariffs?: TariffEntry[]; export_controls?: ExportControl[] },
  stepId: string | undefined,
  path: Path,
): Layer[] {
  const ids = (id?: string) => [id, stepId].filter((x): x is string => x !== undefined);
  return [
    ...(entries.tariffs ?? []).map(
      (t, k): Layer => ({
        ids: ids(t.id),
        tariff: t,
        addTo: 'reached',
        list: [...path, 'tariffs'],
        offset: k,
        active: true,
      }),
    ),
    ...(entries.export_controls ?? []).map(
      (c, k): Layer => ({
        ids: ids(c.id),
        control: c,
        addTo: 'reached',
        list: [...path, 'export_controls'],
        offset: k,
        active: true,
      }),
    ),
  ];
}

/** The layers of the `policy:` section: its preset's entries, its tariffs, its controls. */
function policyLayers(model: PolicyModel, s: Scenario): Layer[] {
  const out: Layer[] = [];
  if (s.policy.preset !== undefined) {
    const cases = model.policyPresets ?? {};
    const c = cases[s.policy.preset];
    if (!c)
      throw new PolicyError(
        ['policy', 'preset'],
        msg.policyPresetModel(model.id, Object.keys(cases).join(', ') || 'none', s.policy.preset),
      );
    c.forEach((e, k) =>
      out.push({ ids: [], tariff: { ...e }, addTo: 'baseline', list: ['policy', 'preset'], offset: k, active: true }),
    );
  }
  for (const l of stepLayers(s.policy, undefined, ['policy'])) out.push({ ...l, addTo: 'baseline' });
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

/** Folds the active layers over the baseline into a policy state. */
function fold(
  d: Dataset,
  model: PolicyModel,
  s: Scenario,
  layers: Layer[],
  capacity: ScenarioCapacity | undefined,
): PolicyState {
  // A loop, not Float64Array.from with a callback: ~40,000 calls of a closure cost ~10 ms in a fresh process.
  const base = new Float64Array(d.tariff.length);
  for (let q = 0; q < base.length; q++) base[q] = 1 + d.tariff[q];
  const tau = Float64Array.from(base);
  const preset = model.preset?.(d, s);
  const controls: Layer[] = [];
  for (const l of layers) {
    if (!l.active) continue;
    if (l.control) controls.push(l);
    if (!l.tariff) continue;
    const ref = l.addTo === 'baseline' ? base : tau;
    const ctx = { addTo: ref, preset, path: l.list, offset: l.offset };
    if (l.tariff.target_average !== undefined && !l.frozen) {
      const before = Float64Array.from(tau);
      applyTariffs(d, tau, [l.tariff], ctx);
      const q = firstChanged(before, tau);
      const { target_average: _, ...rest } = l.tariff;
      l.frozen = { ...rest, add: q < 0 ? 0 : tau[q] - (l.addTo === 'baseline' ? base[q] : before[q]) };
    } else applyTariffs(d, tau, [l.frozen ?? l.tariff], ctx);
  }
  if (controls.length && !model.controls)
    throw new PolicyError(controls[0].list, msg.noExportControls(model.id, controls.length));
  // All controls in force at once, a later one overriding an earlier one; errors name each entry.
  const resolved = controls.length
    ? resolveControls(
        d,
        controls.map((l) => l.control!),
        (k) => entryPath(controls[k]),
      )
    : NO_CONTROLS;
  return { tau, controls: resolved, capacity };
}

const NONE = new Float64Array(0);

function samePolicy(a: PolicyState, b: PolicyState): boolean {
  const x = a.controls,
    y = b.controls;
  return (
    sameArray(a.tau, b.tau) &&
    sameArray(x.flow, y.flow) &&
    sameArray(x.approval, y.approval) &&
    sameArray(x.rentsToExporter, y.rentsToExporter) &&
    sameArray(x.governmentShare ?? NONE, y.governmentShare ?? NONE) &&
    sameArray(x.government ?? NONE, y.government ?? NONE)
  );
}

/**
 * The policy of the `policy:` section: what a single solve solves, and where a timeline starts.
 * Throws PolicyError (with the path of the entry at fault) for entries the dataset or model refuse.
 */
export function policyStart(d: Dataset, model: PolicyModel, s: Scenario): PolicyState {
  return fold(d, model, s, policyLayers(model, s), capacityOf(d, model, s));
}

/**
 * The scenario's capacity bounds (`policy.capacity`), resolved once: timeline steps cannot change
 * them (scenario-format.md), so every state of a scenario shares them. Unknown codes are PolicyErrors.
 */
export function capacityOf(d: Dataset, model: PolicyModel, s: Scenario): ScenarioCapacity | undefined {
  const e = s.policy.capacity;
  return model.capacity && e?.length ? resolveCapacity(d, e, ['policy', 'capacity']) : undefined;
}

/** The policy in force at each step of the scenario's timeline, after the starting policy. */
export function timelineStates(
  d: Dataset,
  model: PolicyModel,
  s: Scenario,
): { start: PolicyState; steps: StepState[] } {
  const layers = policyLayers(model, s);
  const capacity = capacityOf(d, model, s);
  const start = fold(d, model, s, layers, capacity);
  const steps: StepState[] = [];
  let prev = start;
  const timeline = s.timeline ?? [];
  timeline.forEach((step, k) => {
    const at: Path = ['timeline', k];
    if (step.announced !== undefined && step.announced > step.date)
      throw new PolicyError([...at, 'announced'], msg.announcementBeforeStep(step.date, step.announced));
    if (k > 0 && step.date < timeline[k - 1].date)
      throw new PolicyError([...at, 'date'], msg.stepsInDateOrder(step.date, timeline[k - 1].date));
    switchLayers(layers, step.suspend, false, [...at, 'suspend']);
    switchLayers(layers, step.reinstate, true, [...at, 'reinstate']);
    layers.push(...stepLayers(step, step.id, at));
    const state = fold(d, model, s, layers, capacity);
    for (let q = 0; q < state.tau.length; q++) {
      if (state.tau[q] < 1 - 1e-12)
        throw new PolicyError(at, msg.ratesLeastAfter((state.tau[q] - 1).toFixed(4), d.sectors[q % d.J]));
    }
    steps.push({
      ...state,
      step,
      index: k,
      changed: !samePolicy(state, prev),
      active: [...new Set(layers.filter((l) => l.active).flatMap((l) => l.ids))],
    });
    prev = state;
  });
  return { start, steps };
}

/** `suspend` (on = false) or `reinstate` (on = true) the layers of each id. */
function switchLayers(layers: Layer[], ids: string[] | undefined, on: boolean, at: Path): void {
  (ids ?? []).forEach((id, m) => {
    const hit = layers.filter((l) => l.active !== on && l.ids.includes(id));
    if (!hit.length) {
      const known = layers.some((l) => l.ids.includes(id));
      const expected = on ? 'the id of a suspended layer' : 'the id of a layer in force';
      const state = on ? 'in force' : 'already suspended';
      throw new PolicyError([...at, m], `expected ${expected}, found "${id}" (${known ? state : 'no such id'})`);
    }
    for (const l of hit) l.active = on;
  });
}
