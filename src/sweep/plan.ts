/**
 * A sweep file and its plan: the scenario it sweeps, the priors drawn, fixed settings and a grid
 * over any scenario field. `scenarioText(point, k)` is the scenario of grid point `point`, draw
 * `k` (k = null: the central run, no parameter drawn) as the JSON text that a job carries.
 *
 * ```yaml
 * lancaster: 1
 * name: 2025 replay, long run
 * scenario: ../scenarios/us-china-2025.yaml   # relative to this file, or an embedded id
 * draws: 100
 * seed: 2025
 * priors: [trade_elasticity, input_elasticity]   # default: every row that applies
 * set: { options.horizon: long-run }              # fixed changes
 * grid: { options.input_elasticity: [0.5, 1] }    # one point per combination
 * ```
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { z } from 'zod';
import { ScenarioError } from '../spec/errors.ts';
import { PARSE_OPTIONS } from '../spec/issues.ts';
import { parseScenarioText } from '../scenario/parse.ts';
import { drawValues } from './draws.ts';
import { priorsFor, type Prior, type RawScenario } from './priors.ts';
import * as msg from '../spec/messages/run.ts';
import * as scenarioMsg from '../spec/messages/scenario.ts';

const Field = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*(\.([A-Za-z0-9_*:-]+))*$/, { error: (iss) => scenarioMsg.dottedScenarioPath(iss.input) });
const Value = z.union([z.number(), z.string(), z.boolean(), z.record(z.string(), z.unknown()), z.array(z.unknown())]);

/** The sweep file (one zod definition: types, validation). */
export const SweepFileSchema = z
  .object({
    lancaster: z.literal(1, { error: (iss) => scenarioMsg.formatVersion(iss.input) }),
    name: z.string().min(1),
    description: z.string().optional(),
    scenario: z.string().min(1).meta({ description: 'Scenario file (relative to the sweep file) or embedded scenario id' }),
    draws: z.number().int().min(1).max(100_000),
    seed: z.number().int().min(0).max(2 ** 31 - 1),
    priors: z.array(z.string()).optional().meta({ description: 'Prior rows to draw (src/sweep/priors.ts); default every row that applies' }),
    set: z.record(Field, Value).optional().meta({ description: 'Scenario fields set before drawing' }),
    grid: z.record(Field, z.array(Value).min(1)).optional().meta({ description: 'Scenario field → values; the sweep runs every combination' }),
  })
  .strict();

export type SweepFile = z.output<typeof SweepFileSchema>;

/** One grid point: field → value (empty without a grid). */
export type GridPoint = Record<string, unknown>;

export interface SweepPlan {
  file: string;
  spec: SweepFile;
  scenarioFile: string;
  /** The scenario as written, with `set` applied. */
  base: RawScenario;
  priors: Prior[];
  points: GridPoint[];
  /** values[p][k]: prior p's value in draw k. */
  values: number[][];
  /** Scenario text of grid point `point`, draw `k` (null: central). */
  scenarioText(point: number, k: number | null): string;
}

/** Sets a dotted path in a raw scenario; the parent must exist (numbers index arrays). */
export function setField(s: unknown, field: string, value: unknown): void {
  const keys = field.split('.');
  let node = s as Record<string, unknown>;
  keys.slice(0, -1).forEach((k, i) => {
    const next = node[k];
    if (next === undefined && !Array.isArray(node)) node[k] = {};
    else if (next === null || typeof next !== 'object') throw new RangeError(msg.notAnObject(keys.slice(0, i + 1).join('.'), JSON.stringify(next)));
    node = node[k] as Record<string, unknown>;
  });
  const last = keys[keys.length - 1];
  if (Array.isArray(node) && !(Number(last) in node)) throw new RangeError(msg.badIndex(keys.slice(0, -1).join('.'), node.length - 1, last));
  node[last] = value;
}

function product(grid: Record<string, unknown[]>): GridPoint[] {
  let out: GridPoint[] = [{}];
  for (const [f, vals] of Object.entries(grid)) out = out.flatMap((p) => vals.map((v) => ({ ...p, [f]: v })));
  return out;
}

/** Reads a sweep file into a plan; every problem is a ScenarioError with the sweep file's line:col. */
export function readSweepFile(file: string, override: { draws?: number; seed?: number } = {}): SweepPlan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(file, [{ path: [], message: scenarioMsg.unreadableSweepFile((e as NodeJS.ErrnoException).code ?? (e as Error).message) }]);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const at = (path: (string | number)[]) => {
    for (let k = path.length; k >= 0; k--) {
      const n = doc.getIn(path.slice(0, k), true);
      if (isNode(n) && n.range) return lc.linePos(n.range[0]);
    }
    return undefined;
  };
  const fail = (path: (string | number)[], message: string): never => {
    const pos = at(path);
    throw new ScenarioError(file, [{ path, message, ...(pos ? { line: pos.line, col: pos.col } : {}) }]);
  };
  if (doc.errors.length) fail([], scenarioMsg.notYaml(doc.errors[0].message.split('\n')[0]));
  const r = SweepFileSchema.safeParse(doc.toJS(), PARSE_OPTIONS);
  if (!r.success) {
    const iss = r.error.issues[0];
    const path = iss.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    fail(iss.code === 'unrecognized_keys' ? [...path, iss.keys[0]] : path, iss.message);
  }
  const spec = { ...r.data!, ...(override.draws !== undefined ? { draws: override.draws } : {}), ...(override.seed !== undefined ? { seed: override.seed } : {}) };
  const local = isAbsolute(spec.scenario) ? spec.scenario : resolve(dirname(file), spec.scenario);
  const embedded = join(dirname(new URL(import.meta.url).pathname), '..', '..', 'scenarios', `${spec.scenario}.yaml`);
  const scenarioFile = existsSync(local) ? local : existsSync(embedded) ? embedded : fail(['scenario'], scenarioMsg.unknownSweepScenario(spec.scenario));
  return buildPlan(file, spec, scenarioFile, fail);
}

/**
 * The plan of a sweep over one scenario file without a sweep file (`lancaster run --draws N`):
 * every prior that applies, `set` applied first; problems are ScenarioErrors of the scenario file.
 *
 * @example
 * ```ts
 * const plan = scenarioSweepPlan('scenarios/us-china-2025.yaml', { draws: 100, seed: 2025, set: { 'options.horizon': 'long-run' } });
 * ```
 */
export function scenarioSweepPlan(scenarioFile: string, o: { name?: string; draws: number; seed: number; set?: Record<string, unknown> }): SweepPlan {
  const spec: SweepFile = { lancaster: 1, name: o.name ?? scenarioFile, scenario: scenarioFile, draws: o.draws, seed: o.seed, ...(o.set ? { set: o.set as SweepFile['set'] } : {}) };
  const fail = (path: (string | number)[], message: string): never => {
    throw new ScenarioError(scenarioFile, [{ path, message }]);
  };
  return buildPlan(scenarioFile, spec, resolve(scenarioFile), fail);
}

/** The plan of a validated sweep spec over `scenarioFile`; `fail` reports a problem at a path of the spec. */
function buildPlan(file: string, spec: SweepFile, scenarioFile: string, fail: (path: (string | number)[], message: string) => never): SweepPlan {
  const scenarioSource = readFileSync(scenarioFile, 'utf8');
  parseScenarioText(scenarioSource, scenarioFile); // the scenario as written must be valid
  const base = parseDocument(scenarioSource).toJS() as RawScenario;
  for (const [f, v] of Object.entries(spec.set ?? {})) {
    try {
      setField(base, f, v);
    } catch (e) {
      fail(['set', f], (e as Error).message);
    }
  }
  let priors: Prior[] = [];
  try {
    priors = priorsFor(base, spec.priors);
  } catch (e) {
    fail(['priors'], (e as Error).message);
  }
  const points = product(spec.grid ?? {});
  const values = priors.map((p) => drawValues(p, spec.seed, spec.draws));
  const scenarioText = (point: number, k: number | null): string => {
    const s = structuredClone(base);
    for (const [f, v] of Object.entries(points[point])) setField(s, f, v);
    if (k !== null) priors.forEach((p, i) => p.apply(s, values[i][k]));
    return JSON.stringify(s);
  };
  // Every grid point must give a valid scenario (checked once, central and first draw).
  points.forEach((pt, i) => {
    for (const k of [null, 0]) {
      let t: string;
      try {
        t = scenarioText(i, k);
      } catch (e) {
        return fail(['grid', Object.keys(pt)[0] ?? ''], (e as Error).message);
      }
      try {
        parseScenarioText(t, scenarioFile);
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        const where = Object.entries(pt).map(([f, v]) => `${f} = ${JSON.stringify(v)}`).join(', ');
        fail(Object.keys(pt).length ? ['grid', Object.keys(pt)[0]] : ['set'], scenarioMsg.invalidSweptScenario(where, k !== null, e.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')));
      }
    }
  });
  return { file, spec, scenarioFile, base, priors, points, values, scenarioText };
}
