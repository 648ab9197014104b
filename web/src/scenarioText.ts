/**
 * Reading and editing scenario YAML in the browser with the `yaml` Document API: the tariff
 * entries, export controls and capacity bounds the editor's form shows; setting one value and
 * appending an entry by splicing only their characters into the source (the user's formatting
 * and comments stay byte for byte),
 * the events of a timeline, and the tariff-only cut of a timeline (while a model lacks export
 * controls).
 */
import { parseDocument, isMap, isScalar, isSeq, type Document, type Scalar } from 'yaml';

export type Path = (string | number)[];

/** One tariff entry of a scenario, where it is and what it does. */
export interface TariffRow {
  path: Path;
  /** "policy" or the step's date. */
  where: string;
  importer: string;
  exporter: string;
  sectors: string;
  /** rate | add | target_average | schedule | preset */
  mode: string;
  /** The value as a fraction, when numeric. */
  value: number | null;
  raw: string;
}

const MODES = ['rate', 'add', 'target_average', 'schedule', 'preset'] as const;

function asFraction(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
    if (m) return Number(m[1]) / 100;
  }
  return null;
}

type Obj = Record<string, unknown>;
/** A YAML mapping's JS value, else undefined. */
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
/** A YAML sequence's JS value, else []. */
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The document's JS value when it is a mapping (a scenario), else undefined. */
const topLevel = (doc: Document | null): Obj | undefined => obj(doc?.toJS());

function parse(text: string): Document | null {
  const doc = parseDocument(text, { keepSourceTokens: false });
  return doc.errors.length ? null : doc;
}

function rowsOf(entries: unknown, base: Path, where: string): TariffRow[] {
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((t, i) => {
    if (!t || typeof t !== 'object') return [];
    const e = t as Record<string, unknown>;
    const mode = MODES.find((m) => e[m] !== undefined) ?? 'rate';
    return [
      {
        path: [...base, i],
        where,
        importer: String(e.importer ?? ''),
        exporter: String(e.exporter ?? ''),
        sectors: Array.isArray(e.sectors) ? e.sectors.join(', ') : 'all',
        mode,
        value: asFraction(e[mode]),
        raw: String(e[mode] ?? ''),
      },
    ];
  });
}

/** Every tariff entry (policy.tariffs and each timeline step's tariffs), or [] when the YAML does not parse. */
export function tariffRows(text: string): TariffRow[] {
  const js = topLevel(parse(text));
  if (!js) return [];
  const out = rowsOf(obj(js.policy)?.tariffs, ['policy', 'tariffs'], 'policy');
  list(js.timeline).forEach((s, k) =>
    out.push(...rowsOf(obj(s)?.tariffs, ['timeline', k, 'tariffs'], String(obj(s)?.date ?? `step ${k + 1}`))),
  );
  return out;
}

/**
 * The text of a scalar for the YAML source: a percent string ("54%") stays a percent string in the
 * same quotes, a number stays a number written without float noise.
 */
function scalarText(old: Scalar | undefined, value: unknown): string {
  if (typeof value === 'number') {
    const v = Math.round(value * 1e9) / 1e9;
    const wasPercent = old && typeof old.value === 'string' && /%\s*$/.test(old.value);
    if (!wasPercent) return String(v);
    const q = old.type === 'QUOTE_SINGLE' ? "'" : old.type === 'QUOTE_DOUBLE' ? '"' : '';
    return `${q}${Math.round(v * 100 * 1e7) / 1e7}%${q}`;
  }
  return JSON.stringify(value);
}

/**
 * Sets the value at `path` (e.g. a tariff's `add`) by replacing only that scalar's characters in
 * the source, so every other byte (comments, quotes, flow maps, blank lines, indentation) stays
 * as the user wrote it. A path without a scalar yet is set through the Document API. Unchanged text
 * when the YAML does not parse.
 *
 * @example
 * ```ts
 * setValue('a: { rate: 0.5 }  # mine\n', ['a', 'rate'], 0.25); // 'a: { rate: 0.25 }  # mine\n'
 * ```
 */
export function setValue(text: string, path: Path, value: unknown): string {
  const doc = parse(text);
  if (!doc) return text;
  const node = doc.getIn(path, true);
  if (isScalar(node) && node.range) {
    const [from, to] = node.range;
    return text.slice(0, from) + scalarText(node, value) + text.slice(to);
  }
  doc.setIn(path, value);
  return doc.toString({ lineWidth: 0 });
}

/** A flow map of an entry: `{ importer: USA, exporter: CHN, rate: 0.25 }`. */
function flowEntry(entry: Record<string, unknown>): string {
  const v = (x: unknown): string =>
    Array.isArray(x)
      ? `[${x.map(v).join(', ')}]`
      : typeof x === 'string' && /^[A-Za-z0-9_*.-]+$/.test(x)
        ? x
        : typeof x === 'number'
          ? String(Math.round(x * 1e9) / 1e9)
          : JSON.stringify(x);
  return `{ ${Object.entries(entry)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `${k}: ${v(x)}`)
    .join(', ')} }`;
}

/**
 * Appends an entry to the list at `path` (e.g. policy.tariffs) as one new flow-map line after the
 * list's last item, at its indentation; the rest of the text is kept byte for byte. A missing or
 * flow-style list is written through the Document API.
 */
export function appendEntry(text: string, path: Path, entry: Record<string, unknown>): string {
  const doc = parse(text);
  if (!doc) return text;
  const seq = doc.getIn(path, true);
  if (isSeq(seq) && !seq.flow && seq.items.length) {
    const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] };
    const first = seq.items[0] as { range?: [number, number, number] };
    if (last.range && first.range) {
      const lineStart = text.lastIndexOf('\n', first.range[0]) + 1;
      const dash = text.lastIndexOf('-', first.range[0]);
      const indent = text.slice(lineStart, dash);
      // After the last item's value (before its trailing comment and newline): the end of that line.
      const eol = text.indexOf('\n', last.range[1] - 1);
      const at = eol < 0 ? text.length : eol;
      return `${text.slice(0, at)}\n${indent}- ${flowEntry(entry)}${text.slice(at)}`;
    }
  }
  const node = doc.createNode(entry);
  node.flow = true;
  if (!isSeq(seq)) doc.setIn(path, doc.createNode([]));
  (doc.getIn(path) as { add(n: unknown): void }).add(node);
  return doc.toString({ lineWidth: 0 });
}

/** Appends a tariff entry to policy.tariffs. */
export function addPolicyTariff(text: string, entry: Record<string, unknown>): string {
  return appendEntry(text, ['policy', 'tariffs'], entry);
}

/** Appends an export control to policy.export_controls. */
export function addPolicyControl(text: string, entry: Record<string, unknown>): string {
  return appendEntry(text, ['policy', 'export_controls'], entry);
}

/** One export control of a scenario (policy or a timeline step), where it is and what it allows. */
export interface ControlRow {
  path: Path;
  where: string;
  origin: string;
  destination: string;
  except: string[];
  sectors: string[];
  /** Share of baseline volume allowed (0 = ban), when numeric. */
  approval: number | null;
  rents: string;
  government_share: number | null;
}

function controlsOf(entries: unknown, base: Path, where: string): ControlRow[] {
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((c, i) => {
    if (!c || typeof c !== 'object') return [];
    const e = c as Record<string, unknown>;
    return [
      {
        path: [...base, i],
        where,
        origin: String(e.origin ?? ''),
        destination: String(e.destination ?? ''),
        except: Array.isArray(e.except) ? e.except.map(String) : [],
        sectors: Array.isArray(e.sectors) ? e.sectors.map(String) : [],
        approval: asFraction(e.approval),
        rents: String(e.rents ?? 'exporter'),
        government_share: typeof e.government_share === 'number' ? e.government_share : null,
      },
    ];
  });
}

/** Every export control (policy.export_controls and each timeline step's), or [] when the YAML does not parse. */
export function controlRows(text: string): ControlRow[] {
  const js = topLevel(parse(text));
  if (!js) return [];
  const out = controlsOf(obj(js.policy)?.export_controls, ['policy', 'export_controls'], 'policy');
  list(js.timeline).forEach((s, k) =>
    out.push(
      ...controlsOf(
        obj(s)?.export_controls,
        ['timeline', k, 'export_controls'],
        String(obj(s)?.date ?? `step ${k + 1}`),
      ),
    ),
  );
  return out;
}

/** One capacity bound (policy.capacity): a cap on a region-sector's real output. */
export interface CapacityRow {
  path: Path;
  region: string;
  sectors: string[];
  limit: number | null;
  source: string;
}

/** Every capacity bound of the policy, or []. */
export function capacityRows(text: string): CapacityRow[] {
  const caps = list(obj(topLevel(parse(text))?.policy)?.capacity);
  return caps.flatMap((v, i) => {
    const c = obj(v);
    return c
      ? [
          {
            path: ['policy', 'capacity', i],
            region: String(c.region ?? ''),
            sectors: list(c.sectors).map(String),
            limit: typeof c.limit === 'number' ? c.limit : null,
            source: String(c.source ?? ''),
          },
        ]
      : [];
  });
}

/** What a timeline step does, for the event strip. */
export interface StepActions {
  tariffsBy: string[];
  controlsBy: string[];
  suspends: string[];
  hasControls: boolean;
}

/** Per timeline step: who raises tariffs (importers), who imposes controls (origins), what is suspended. */
export function stepActions(text: string): StepActions[] {
  return list(topLevel(parse(text))?.timeline).map((v) => {
    const s = obj(v) ?? {};
    const controls = list(s.export_controls);
    return {
      tariffsBy: [...new Set(list(s.tariffs).map((t) => String(obj(t)?.importer)))],
      controlsBy: [...new Set(controls.map((c) => String(obj(c)?.origin)))],
      suspends: list(s.suspend).map(String),
      hasControls: controls.length > 0,
    };
  });
}

/**
 * The scenario without export controls: removes every `export_controls` list, then the suspend and
 * reinstate ids that named only export-control layers. Used to show the tariff part of the 2025
 * story while the model cannot apply controls; the page says so.
 */
export function withoutExportControls(text: string): string {
  const doc = parse(text);
  if (!doc) return text;
  if (doc.hasIn(['policy', 'export_controls'])) doc.deleteIn(['policy', 'export_controls']);
  const tl = doc.get('timeline');
  if (!isSeq(tl)) return doc.toString({ lineWidth: 0 });
  const known = new Set<string>();
  tl.items.forEach((_, k) => {
    const step = doc.getIn(['timeline', k]);
    if (!isMap(step)) return;
    step.delete('export_controls');
    const tariffs = list(obj(step.toJSON())?.tariffs);
    const stepId = step.get('id');
    if (tariffs.length && typeof stepId === 'string') known.add(stepId);
    for (const t of tariffs) {
      const id = obj(t)?.id;
      if (typeof id === 'string') known.add(id);
    }
    for (const key of ['suspend', 'reinstate']) {
      const ids = step.get(key);
      if (!isSeq(ids)) continue;
      const keep = ids.items.filter((n) => known.has(String((n as { value?: unknown }).value ?? n)));
      if (keep.length) ids.items = keep;
      else step.delete(key);
    }
  });
  return doc.toString({ lineWidth: 0 });
}
