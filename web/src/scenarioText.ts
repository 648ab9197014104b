/**
 * Reading and editing scenario YAML in the browser with the `yaml` Document API, which keeps
 * comments and layout: the list of tariff entries the editor's form shows, setting one value,
 * the events of a timeline, and the tariff-only cut of a timeline (while a model lacks export
 * controls).
 */
import { parseDocument, isMap, isSeq, type Document } from 'yaml';

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
    return [{
      path: [...base, i], where,
      importer: String(e.importer ?? ''), exporter: String(e.exporter ?? ''),
      sectors: Array.isArray(e.sectors) ? e.sectors.join(', ') : 'all',
      mode, value: asFraction(e[mode]), raw: String(e[mode] ?? ''),
    }];
  });
}

/** Every tariff entry (policy.tariffs and each timeline step's tariffs), or [] when the YAML does not parse. */
export function tariffRows(text: string): TariffRow[] {
  const doc = parse(text);
  if (!doc) return [];
  const js = doc.toJS() as Record<string, any> | null;
  if (!js || typeof js !== 'object') return [];
  const out = rowsOf(js.policy?.tariffs, ['policy', 'tariffs'], 'policy');
  if (Array.isArray(js.timeline)) js.timeline.forEach((s: any, k: number) => out.push(...rowsOf(s?.tariffs, ['timeline', k, 'tariffs'], String(s?.date ?? `step ${k + 1}`))));
  return out;
}

/** Sets the value at `path` (e.g. a tariff's `add`), keeping comments and layout; unchanged text when it does not parse. */
export function setValue(text: string, path: Path, value: unknown): string {
  const doc = parse(text);
  if (!doc) return text;
  doc.setIn(path, value);
  return doc.toString({ lineWidth: 0 });
}

/** Appends a tariff entry to policy.tariffs. */
export function addPolicyTariff(text: string, entry: Record<string, unknown>): string {
  const doc = parse(text);
  if (!doc) return text;
  const node = doc.createNode(entry);
  node.flow = true;
  if (!doc.hasIn(['policy', 'tariffs'])) doc.setIn(['policy', 'tariffs'], doc.createNode([]));
  (doc.getIn(['policy', 'tariffs']) as { add(n: unknown): void }).add(node);
  return doc.toString({ lineWidth: 0 });
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
  const doc = parse(text);
  const tl = (doc?.toJS() as any)?.timeline;
  if (!Array.isArray(tl)) return [];
  return tl.map((s: any) => ({
    tariffsBy: [...new Set<string>((s.tariffs ?? []).map((t: any) => String(t.importer)))],
    controlsBy: [...new Set<string>((s.export_controls ?? []).map((c: any) => String(c.origin)))],
    suspends: (s.suspend ?? []).map(String),
    hasControls: Array.isArray(s.export_controls) && s.export_controls.length > 0,
  }));
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
    const tariffs = (step.toJSON() as any).tariffs as any[] | undefined;
    const stepId = step.get('id');
    if (tariffs?.length && typeof stepId === 'string') known.add(stepId);
    for (const t of tariffs ?? []) if (typeof t.id === 'string') known.add(t.id);
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
