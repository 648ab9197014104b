/**
 * The flow panel of a gravity scenario: one CSV, read once per process and kept as columns.
 * The file is looked up under the data folder (`data/`), so API runs cannot read anything else;
 * the CLI may also name a file relative to the scenario file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { DATA_DIR } from '../../data/load.ts';
import { parseCsv, type CsvTable } from '../../data/csv.ts';
import { DataError } from '../../data/errors.ts';
import { ScenarioError } from '../../spec/errors.ts';
import type { GravityScenario } from './schema.ts';
import * as msg from '../../spec/messages/scenario.ts';
import * as dataMsg from '../../spec/messages/data.ts';

/** A panel of flows: n rows, string keys and numeric columns. */
export interface Panel {
  file: string;
  /** SHA-256 of the file's text (results carry it in provenance). */
  hash?: string;
  n: number;
  exporter: string[];
  importer: string[];
  year?: string[];
  flow: Float64Array;
  /** The file's 1-based line of each row, for messages. */
  lines: Int32Array;
  /** Any other column, as text. */
  text(column: string): string[];
  /** Any other column, as finite numbers (DataError naming file:line otherwise). */
  numbers(column: string): Float64Array;
}

/** Where the scenario may read its CSV from. */
export interface DataAccess {
  /** Folder of the scenario file, when run from the CLI (relative paths are tried there first). */
  scenarioDir?: string;
  /** Locates `data.file` in the scenario text, for messages. */
  where?: { line: number; col: number };
  scenarioFile?: string;
}

/** Resolves `data.file` to a readable path (data folder, or the scenario's folder in the CLI). */
function resolveDataFile(file: string, access: DataAccess): string {
  const fail = (message: string) =>
    new ScenarioError(access.scenarioFile ?? 'scenario', [
      { path: ['data', 'file'], message, ...(access.where ?? {}) },
    ]);
  if (access.scenarioDir) {
    const local = isAbsolute(file) ? file : resolve(access.scenarioDir, file);
    if (existsSync(local) && statSync(local).isFile()) return local;
  }
  const rel = normalize(file);
  if (isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw fail(msg.csvFileInside(file));
  }
  const inData = join(DATA_DIR, rel);
  if (!inData.startsWith(DATA_DIR + sep) || !existsSync(inData) || !statSync(inData).isFile()) {
    throw fail(msg.csvFileData(access.scenarioDir ? ' or next to the scenario' : '', file));
  }
  return inData;
}

const cache = new Map<string, { mtime: number; table: CsvTable; hash: string }>();

function table(path: string): { table: CsvTable; hash: string } {
  const mtime = statSync(path).mtimeMs;
  const hit = cache.get(path);
  if (hit && hit.mtime === mtime) return hit;
  const text = readFileSync(path, 'utf8');
  const entry = { mtime, table: parseCsv(text, path, []), hash: createHash('sha256').update(text).digest('hex') };
  cache.set(path, entry);
  return entry;
}

/**
 * Reads the panel of `scenario` (columns checked against the file's header).
 *
 * @example
 * ```ts
 * const panel = readPanel(scenario, { scenarioDir: 'scenarios/gravity' });
 * panel.numbers('eu_enlargement');
 * ```
 */
export function readPanel(s: GravityScenario, access: DataAccess = {}): Panel {
  const path = resolveDataFile(s.data.file, access);
  const { table: t, hash } = table(path);
  const shown = s.data.file;
  const need = [s.data.exporter, s.data.importer, s.data.flow, ...(s.data.year ? [s.data.year] : [])];
  for (const c of need) {
    if (!t.header.includes(c))
      throw new DataError(dataMsg.expectedColumn(shown, c, t.header.map((h) => `"${h}"`).join(', ')));
  }
  const idx = (c: string) => {
    const k = t.header.indexOf(c);
    if (k < 0) throw new DataError(dataMsg.expectedColumn(shown, c, t.header.map((h) => `"${h}"`).join(', ')));
    return k;
  };
  const text = (c: string) => {
    const k = idx(c);
    return t.rows.map((r) => r.cells[k].trim());
  };
  const numbers = (c: string) => {
    const k = idx(c);
    const out = new Float64Array(t.rows.length);
    for (let i = 0; i < t.rows.length; i++) {
      const raw = t.rows[i].cells[k].trim();
      const v = Number(raw);
      if (raw === '' || !Number.isFinite(v))
        throw new DataError(dataMsg.fieldExpectedFinite(shown, t.rows[i].line, c, raw));
      out[i] = v;
    }
    return out;
  };
  const flow = numbers(s.data.flow);
  for (let i = 0; i < flow.length; i++) {
    if (flow[i] < 0) throw new DataError(dataMsg.fieldExpectedFlow(shown, t.rows[i].line, s.data.flow, flow[i]));
  }
  return {
    file: shown,
    hash,
    n: t.rows.length,
    exporter: text(s.data.exporter),
    importer: text(s.data.importer),
    ...(s.data.year ? { year: text(s.data.year) } : {}),
    flow,
    lines: Int32Array.from(t.rows, (r) => r.line),
    text,
    numbers,
  };
}

/** The folder of a scenario file given on the command line. */
export function scenarioDirOf(file: string): string {
  return dirname(resolve(file));
}
