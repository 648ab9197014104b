/**
 * Instruments as optimisation variables: each scenario instrument resolves, against a dataset,
 * to the bilateral cells `(n*N + i)*J + j` (importer n, exporter i, sector j) it writes one common
 * value to. Kinds are pluggable ({@link INSTRUMENT_KINDS}): `tariff` writes τ = 1 + t, and
 * `export_control` appends a scenario-format export-control entry (`approval` = the value) to
 * {@link ModelPolicy.exportControls}, which a model adapter hands to the model when it supports
 * export controls (models.ts, `EXPORT_CONTROLS`).
 */
import type { Dataset } from '../data/dataset.ts';
import { selectSide, selectSectors } from '../policy/select.ts';
import { PolicyError } from '../policy/errors.ts';
import type { ExportControl } from '../scenario/schema.ts';
import type { InstrumentDef, Strategy } from './schema.ts';

type Path = (string | number)[];

/** What a model solve receives: tariff factors and, if any instrument sets one, approval shares. */
export interface ModelPolicy {
  /** τ' = 1 + t', index (n*N + i)*J + j. */
  tau: Float64Array;
  /** Export controls in scenario form (policy.export_controls), in order; absent when none is in play. */
  exportControls?: ExportControl[];
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
  /** Export controls: the entry the value is written into as `approval`. */
  control?: Omit<ExportControl, 'approval'>;
}

/** How one kind of instrument finds its cells and writes its value. */
export interface InstrumentKind {
  /** Cells covered and the value they carry now (for the default start). */
  resolve(d: Dataset, def: InstrumentDef, player: string, base: ModelPolicy, path: Path): { cells: Int32Array; current: number };
  /** Writes `value` into `policy` for instrument `r`. */
  write(policy: ModelPolicy, r: ResolvedInstrument, value: number): void;
}

function cellsOf(d: Dataset, levier: string, other: string, levierIsImporter: boolean, except: string[] | undefined, sectors: string[] | undefined, path: Path): Int32Array {
  const { N, J } = d;
  const ex = (code: string) => (code === '*' || d.manifest.groups[code] ? except : undefined);
  const lev = selectSide(d, levier, other, ex(levier), [...path, levierIsImporter ? 'importer' : 'origin'], [...path, 'except']);
  const oth = selectSide(d, other, levier, ex(other), [...path, levierIsImporter ? 'exporter' : 'destination'], [...path, 'except']);
  const js = selectSectors(d, sectors, [...path, 'sectors']);
  const out: number[] = [];
  for (const a of lev)
    for (const b of oth) {
      if (a === b) continue;
      const [n, i] = levierIsImporter ? [a, b] : [b, a];
      for (const j of js) out.push((n * N + i) * J + j);
    }
  if (out.length === 0) throw new PolicyError(path, 'expected the instrument to cover at least one cross-border flow, found none');
  return Int32Array.from(out);
}

function weightedMean(d: Dataset, cells: Int32Array, value: (q: number) => number): number {
  let s = 0, w = 0;
  for (const q of cells) { s += d.flows[q] * value(q); w += d.flows[q]; }
  if (w > 0) return s / w;
  let t = 0;
  for (const q of cells) t += value(q);
  return t / cells.length;
}

/** The instrument kinds; add a kind here (and to the schema) to make a new lever optimisable. */
export const INSTRUMENT_KINDS: Record<InstrumentKindName, InstrumentKind> = {
  tariff: {
    resolve(d, def, player, base, path) {
      const t = def.tariff!;
      if (t.importer !== player) throw new PolicyError([...path, 'tariff', 'importer'], `expected importer ${player} (a player sets its own tariffs), found "${t.importer}"`);
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
      if (e.origin !== player) throw new PolicyError([...path, 'export_control', 'origin'], `expected origin ${player} (a player licenses its own exports), found "${e.origin}"`);
      const cells = cellsOf(d, e.origin, e.destination, false, e.except, e.sectors, [...path, 'export_control']);
      return { cells, current: 1 };
    },
    write(policy, r, value) {
      (policy.exportControls ??= []).push({ ...r.control!, approval: value });
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
        if (prev !== undefined) throw new PolicyError(path, `expected instruments to cover disjoint flows, found "${def.id}" overlapping with "${prev}"`);
        owner.set(key, def.id);
      }
      const start = def.start ?? Math.min(def.max, Math.max(def.min, current));
      const r: ResolvedInstrument = { id: def.id, player, kind, cells, lo: def.min, hi: def.max, start, path };
      if (def.export_control) r.control = { ...def.export_control };
      out.push(r);
    });
  }
  return out;
}

/** The model policy for instrument values `x` (one per instrument, same order) on top of `base`. */
export function applyInstruments(base: ModelPolicy, ins: readonly ResolvedInstrument[], x: ArrayLike<number>): ModelPolicy {
  const policy: ModelPolicy = { tau: Float64Array.from(base.tau) };
  if (base.exportControls) policy.exportControls = base.exportControls.map((e) => ({ ...e }));
  ins.forEach((r, k) => INSTRUMENT_KINDS[r.kind].write(policy, r, x[k]));
  return policy;
}
