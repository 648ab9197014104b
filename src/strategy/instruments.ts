/**
 * Instruments as optimisation variables: each scenario instrument resolves, against a dataset,
 * to the bilateral cells `(n*N + i)*J + j` (importer n, exporter i, sector j) it writes one common
 * value to. Kinds are pluggable ({@link INSTRUMENT_KINDS}): `tariff` writes τ = 1 + t, and
 * `export_control` sets the approval share of its controlled flows in {@link ModelPolicy.controls}
 * (the flat GeControls of src/policy/controls.ts, merged over the scenario's own controls), which
 * the model applies when it supports export controls (`MODEL_SPECS[model].controls`).
 */
import type { Dataset } from '../data/dataset.ts';
import { coveredFlows } from '../policy/select.ts';
import { PolicyError } from '../policy/errors.ts';
import { controlIndex, type GeControls } from '../policy/controls.ts';
import type { ScenarioCapacity } from '../policy/fold.ts';
import type { InstrumentDef, Strategy } from '../spec/strategy.ts';
import * as msg from '../spec/messages/scenario.ts';

type Path = (string | number)[];

/** What a model solve receives (the scenario layer's PolicyState): tariff factors and export controls. */
export interface ModelPolicy {
  /** τ' = 1 + t', index (n*N + i)*J + j. */
  tau: Float64Array;
  /** Controlled flows (importer n = destination, exporter i = origin), sorted by flow index. */
  controls: GeControls;
  /** The scenario's capacity bounds (the fold's; instruments do not change them). */
  capacity: ScenarioCapacity | undefined;
}

/** An instrument resolved against a dataset: the common value of `cells` is one optimisation variable. */
export interface ResolvedInstrument {
  id: string;
  /** Player (region or group code) who controls it. */
  player: string;
  kind: InstrumentKindName;
  /** Bilateral cells (n*N + i)*J + j written with the common value. */
  cells: Int32Array;
  lo: number;
  hi: number;
  start: number;
  /** Path of the instrument in the scenario, for messages. */
  path: Path;
  /** Baseline value of the flows it covers (trade weights of reported mean tariffs). */
  weight: number;
  /** Export controls: 1 if licence rents are income of the origin, 0 if lost. */
  rentsToExporter?: number;
}

/** How one kind of instrument finds its cells and writes its value. */
export interface InstrumentKind {
  /** Cells covered and the value they carry now (for the default start). */
  resolve(
    d: Dataset,
    def: InstrumentDef,
    player: string,
    base: ModelPolicy,
    path: Path,
  ): { cells: Int32Array; current: number };
  /** Writes `value` into `policy` for instrument `r` (`controls` is a mutable map flow → control). */
  write(
    policy: ModelPolicy,
    r: ResolvedInstrument,
    value: number,
    controls: Map<number, { approval: number; rents: number }>,
  ): void;
}

function cellsOf(
  d: Dataset,
  levier: string,
  other: string,
  levierIsImporter: boolean,
  except: string[] | undefined,
  sectors: string[] | undefined,
  path: Path,
): Int32Array {
  return coveredFlows(d, levier, other, levierIsImporter, except, sectors, path, 'instrument');
}

function weightedMean(d: Dataset, cells: Int32Array, value: (q: number) => number): number {
  let s = 0,
    w = 0;
  for (const q of cells) {
    s += d.flows[q] * value(q);
    w += d.flows[q];
  }
  if (w > 0) return s / w;
  let t = 0;
  for (const q of cells) t += value(q);
  return t / cells.length;
}

/** The instrument kinds; add a kind here (and to the schema) to make a new lever optimisable. */
const INSTRUMENT_KINDS: Record<InstrumentKindName, InstrumentKind> = {
  tariff: {
    resolve(d, def, player, base, path) {
      const t = def.tariff!;
      if (t.importer !== player)
        throw new PolicyError([...path, 'tariff', 'importer'], msg.importerPlayerSets(player, t.importer));
      const cells = cellsOf(d, t.importer, t.exporter, true, t.except, t.sectors, [...path, 'tariff']);
      return { cells, current: weightedMean(d, cells, (q) => base.tau[q] - 1) };
    },
    write(policy, r, value) {
      for (const q of r.cells) policy.tau[q] = 1 + value;
    },
  },
  export_control: {
    resolve(d, def, player, base, path) {
      const e = def.export_control!;
      if (e.origin !== player)
        throw new PolicyError([...path, 'export_control', 'origin'], msg.originPlayerLicenses(player, e.origin));
      const cells = cellsOf(d, e.origin, e.destination, false, e.except, e.sectors, [...path, 'export_control']);
      let s = 0;
      for (const q of cells) {
        const k = controlIndex(base.controls, q);
        s += k >= 0 ? base.controls.approval[k] : 1;
      }
      return { cells, current: s / cells.length };
    },
    write(_policy, r, value, controls) {
      for (const q of r.cells) controls.set(q, { approval: value, rents: r.rentsToExporter ?? 1 });
    },
  },
};

export type InstrumentKindName = 'tariff' | 'export_control';

/**
 * Resolves every player's instruments against `d` (players in the order given). Throws
 * PolicyError with the path under `strategy` for unknown codes, empty or overlapping instruments.
 *
 * @example
 * const ins = resolveInstruments(d, strategy, { tau: baseTau });
 * ins[0].cells; // the cells of the first player's first instrument
 */
export function resolveInstruments(d: Dataset, s: Strategy, base: ModelPolicy): ResolvedInstrument[] {
  const out: ResolvedInstrument[] = [];
  const owner = new Map<number, string>();
  for (const [player, p] of Object.entries(s.players)) {
    p.instruments.forEach((def, k) => {
      const path: Path = ['players', player, 'instruments', k];
      const kind: InstrumentKindName = def.tariff ? 'tariff' : 'export_control';
      const { cells, current } = INSTRUMENT_KINDS[kind].resolve(d, def, player, base, path);
      for (const q of cells) {
        const key = kind === 'tariff' ? q : -1 - q;
        const prev = owner.get(key);
        if (prev !== undefined) throw new PolicyError(path, msg.instrumentsCoverDisjoint(def.id, prev));
        owner.set(key, def.id);
      }
      const start = def.start ?? Math.min(def.max, Math.max(def.min, current));
      let weight = 0;
      for (const q of cells) weight += d.flows[q];
      const r: ResolvedInstrument = { id: def.id, player, kind, cells, lo: def.min, hi: def.max, start, path, weight };
      if (def.export_control) r.rentsToExporter = def.export_control.rents === 'lost' ? 0 : 1;
      out.push(r);
    });
  }
  return out;
}

/** The model policy for instrument values `x` (one per instrument, same order) on top of `base`. */
export function applyInstruments(
  base: ModelPolicy,
  ins: readonly ResolvedInstrument[],
  x: ArrayLike<number>,
): ModelPolicy {
  const policy: ModelPolicy = { tau: Float64Array.from(base.tau), controls: base.controls, capacity: base.capacity };
  const hasControls = ins.some((r) => r.kind === 'export_control');
  const controls = new Map<number, { approval: number; rents: number }>();
  if (hasControls)
    base.controls.flow.forEach((q, k) =>
      controls.set(q, { approval: base.controls.approval[k], rents: base.controls.rentsToExporter[k] }),
    );
  ins.forEach((r, k) => INSTRUMENT_KINDS[r.kind].write(policy, r, x[k], controls));
  if (hasControls) {
    const keys = [...controls.keys()].sort((a, b) => a - b);
    policy.controls = {
      flow: Int32Array.from(keys),
      approval: Float64Array.from(keys, (q) => controls.get(q)!.approval),
      rentsToExporter: Uint8Array.from(keys, (q) => controls.get(q)!.rents),
    };
  }
  return policy;
}
