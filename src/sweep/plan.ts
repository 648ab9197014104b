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
import { fileURLToPath } from 'node:url';
import { LineCounter, isNode, parse, parseDocument } from 'yaml';
import { z } from 'zod';
import { ScenarioError } from '../spec/errors.ts';
import { issueAt, PARSE_OPTIONS } from '../spec/issues.ts';
import { parseScenarioText, type ParsedScenario } from '../scenario/parse.ts';
import { parseServedScenario } from '../scenario/served.ts';
import { ALIAS_BOMB, SCENARIO_LIMITS, checkDocument, checkText } from '../scenario/limits.ts';
import { drawValues } from './draws.ts';
import { priorsFor, type Prior, type RawScenario } from './priors.ts';
import * as msg from '../spec/messages/run.ts';
import * as scenarioMsg from '../spec/messages/scenario.ts';

const Field = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*(\.([A-Za-z0-9_*:-]+))*$/, {
  error: (iss) => scenarioMsg.dottedScenarioPath(iss.input),
});
const Value = z.union([z.number(), z.string(), z.boolean(), z.record(z.string(), z.unknown()), z.array(z.unknown())]);

/** The sweep file (one zod definition: types, validation). */
export const SweepFileSchema = z
  .object({
    lancaster: z.literal(1, { error: (iss) => scenarioMsg.formatVersion(iss.input) }),
    name: z.string().min(1),
    description: z.string().optional(),
    scenario: z
      .union([z.string().min(1), z.record(z.string(), z.unknown())], {
        error: (iss) => scenarioMsg.sweepScenarioField(iss.input),
      })
      .meta({
        description:
          'Scenario file (relative to the sweep file; not over the API), embedded scenario id ' +
          '(e.g. us-china-2025), or the scenario itself written inline',
      }),
    draws: z.number().int().min(1).max(100_000),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    priors: z
      .array(z.string())
      .optional()
      .meta({ description: 'Prior rows to draw (src/sweep/priors.ts); default every row that applies' }),
    set: z.record(Field, Value).optional().meta({ description: 'Scenario fields set before drawing' }),
    grid: z
      .record(Field, z.array(Value).min(1))
      .optional()
      .meta({ description: 'Scenario field → values; the sweep runs every combination' }),
  })
  .strict();

export type SweepFile = z.output<typeof SweepFileSchema>;

/** One grid point: field → value (empty without a grid). */
export type GridPoint = Record<string, unknown>;

export interface SweepPlan {
  file: string;
  spec: SweepFile;
  /**
   * The scenario's name in messages and results: its file, `scenarios/<id>.yaml` over the API, or
   * the sweep file when written inline.
   */
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
    else if (next === null || typeof next !== 'object')
      throw new RangeError(msg.notAnObject(keys.slice(0, i + 1).join('.'), JSON.stringify(next)));
    node = node[k] as Record<string, unknown>;
  });
  const last = keys[keys.length - 1];
  if (Array.isArray(node) && !(Number(last) in node))
    throw new RangeError(msg.badIndex(keys.slice(0, -1).join('.'), node.length - 1, last));
  node[last] = value;
}

function product(grid: Record<string, unknown[]>): GridPoint[] {
  let out: GridPoint[] = [{}];
  for (const [f, vals] of Object.entries(grid)) out = out.flatMap((p) => vals.map((v) => ({ ...p, [f]: v })));
  return out;
}

/** Options of {@link parseSweepText} and {@link readSweepFile}. */
export interface SweepReadOptions {
  /** Override the file's draw count and seed (--draws, --seed). */
  draws?: number;
  seed?: number;
  /**
   * A sweep sent to the server: its `scenario` is an embedded scenario id or written inline (never a
   * path), its datasets are embedded ids, and it may ask for at most {@link SERVED_LIMITS} runs.
   */
  served?: boolean;
}

/** Limits of a sweep sent to the server: the bands hold every draw of every measure in memory until the sweep ends. */
const SERVED_LIMITS = { runs: 10_001 } as const;

/** Grid points of any sweep (the combinations are listed before anything runs). */
const MAX_POINTS = 10_000;

/** The repository's scenarios folder (sources and build alike: src/sweep, dist/sweep). */
const SCENARIOS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

/** An embedded scenario id: a path under scenarios/ without the extension, no `..`, no leading slash. */
const SCENARIO_ID = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;

/** The file of embedded scenario `id` (scenarios/<id>.yaml), or undefined. */
function embeddedScenarioFile(id: string): string | undefined {
  if (!SCENARIO_ID.test(id)) return undefined;
  const f = join(SCENARIOS_DIR, `${id}.yaml`);
  return existsSync(f) ? f : undefined;
}

/**
 * Whether a text is a sweep file rather than a scenario: a mapping with `scenario` and `draws`
 * (no scenario has either field). False when it does not parse.
 */
export function isSweepText(text: string): boolean {
  try {
    const d = parse(text, { maxAliasCount: SCENARIO_LIMITS.aliases }) as unknown;
    return !!d && typeof d === 'object' && !Array.isArray(d) && 'scenario' in d && 'draws' in d;
  } catch {
    return false;
  }
}

/** Reads a sweep file into a plan; every problem is a ScenarioError with the sweep file's line:col. */
export function readSweepFile(file: string, override: SweepReadOptions = {}): SweepPlan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(file, [
      { path: [], message: scenarioMsg.unreadableSweepFile((e as NodeJS.ErrnoException).code ?? (e as Error).message) },
    ]);
  }
  return parseSweepText(text, file, override);
}

/**
 * Parses a sweep file's text (YAML or JSON, the guards of scenario files first) into a plan; `file`
 * names it in messages and, unless `served`, is the folder a relative `scenario:` path starts from.
 * Every problem is a ScenarioError at the sweep file's line:col; a scenario written inline is
 * checked in place, so its issues point into the sweep file too.
 *
 * @example
 * ```ts
 * const text = 'lancaster: 1\nname: s\nscenario: nafta-cp2015\ndraws: 10\nseed: 1\n';
 * const plan = parseSweepText(text, 'sweep', { served: true });
 * ```
 */
export function parseSweepText(text: string, file: string, opts: SweepReadOptions = {}): SweepPlan {
  const { value, at, fail } = readSweepDocument(text, file);
  const r = SweepFileSchema.safeParse(value, PARSE_OPTIONS);
  if (!r.success) {
    const issue = issueAt(r.error.issues[0]);
    fail(issue.path, issue.message);
  }
  const spec = {
    ...r.data!,
    ...(opts.draws !== undefined ? { draws: opts.draws } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  };
  const parse = opts.served ? parseServedScenario : parseScenarioText;
  const source =
    typeof spec.scenario !== 'string'
      ? inlineScenario(spec.scenario, file, at, parse)
      : namedScenario(spec.scenario, file, opts, fail, parse);
  const points = gridSize(spec.grid ?? {});
  if (points > MAX_POINTS) fail(['grid'], scenarioMsg.tooManyGridPoints(MAX_POINTS, points));
  const runs = points * (spec.draws + 1);
  if (opts.served && runs > SERVED_LIMITS.runs)
    fail(['draws'], scenarioMsg.tooManyServedRuns(SERVED_LIMITS.runs, points, spec.draws));
  return buildPlan(file, spec, source, fail, parse);
}

type SweepPath = (string | number)[];
/** Where a path of the sweep file is written (line:col of the nearest node that has a place). */
type Locate = (path: SweepPath) => { line: number; col: number } | undefined;
/** Throws a ScenarioError at a path of the sweep file. */
type Fail = (path: SweepPath, message: string) => never;
type ParseScenario = (text: string, label: string) => ParsedScenario;

/** The sweep file's text read as YAML (or JSON) under the scenario files' guards: its value and its places. */
function readSweepDocument(text: string, file: string): { value: unknown; at: Locate; fail: Fail } {
  const raw = checkText(text);
  if (raw) throw new ScenarioError(file, [raw]);
  const lc = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lc,
    uniqueKeys: true,
    prettyErrors: false,
    schema: 'core',
    merge: false,
  });
  const at: Locate = (path) => {
    for (let k = path.length; k >= 0; k--) {
      const n = doc.getIn(path.slice(0, k), true);
      if (isNode(n) && n.range) return lc.linePos(n.range[0]);
    }
    return undefined;
  };
  const fail: Fail = (path, message) => {
    const pos = at(path);
    throw new ScenarioError(file, [{ path, message, ...(pos ? { line: pos.line, col: pos.col } : {}) }]);
  };
  if (doc.errors.length) fail([], scenarioMsg.notYaml(doc.errors[0].message.split('\n')[0]));
  const guarded = checkDocument(doc, lc);
  if (guarded.length) throw new ScenarioError(file, guarded);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: SCENARIO_LIMITS.aliases });
  } catch (e) {
    if (e instanceof ReferenceError) fail([], ALIAS_BOMB);
    throw e;
  }
  return { value, at, fail };
}

/** A scenario written inline: checked as a scenario, its issues moved to their place in the sweep file. */
function inlineScenario(scenario: unknown, file: string, at: Locate, parse: ParseScenario): ScenarioSource {
  return {
    label: file,
    text: JSON.stringify(scenario),
    check: (t) => {
      try {
        return parse(t, file);
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        throw new ScenarioError(
          file,
          e.issues.map((i) => {
            const path = ['scenario', ...i.path];
            const pos = at(path);
            return { path, message: i.message, ...(pos ? { line: pos.line, col: pos.col } : {}) };
          }),
        );
      }
    },
  };
}

/**
 * A scenario named by `id`: a file beside the sweep file (or an absolute path), else an embedded
 * scenario; a server reads embedded scenarios only.
 */
function namedScenario(
  id: string,
  file: string,
  opts: SweepReadOptions,
  fail: Fail,
  parse: ParseScenario,
): ScenarioSource {
  const local = opts.served ? undefined : isAbsolute(id) ? id : resolve(dirname(file), id);
  const embedded = embeddedScenarioFile(id);
  const found = local && existsSync(local) ? local : embedded;
  if (!found)
    fail(
      ['scenario'],
      opts.served ? scenarioMsg.unknownServedScenario(id.slice(0, 100)) : scenarioMsg.unknownSweepScenario(id),
    );
  // A server names its own files by id only: messages and results say scenarios/<id>.yaml, not
  // where the server keeps it.
  const label = found === embedded && opts.served ? `scenarios/${id}.yaml` : found!;
  return { label, text: readFileSync(found!, 'utf8'), check: (t) => parse(t, label) };
}

/** The number of grid points (combinations) of a grid. */
function gridSize(grid: Record<string, unknown[]>): number {
  return Object.values(grid).reduce((n, v) => n * v.length, 1);
}

/** Where a sweep's scenario comes from: its label in messages and results, its text, and the check of that text. */
interface ScenarioSource {
  label: string;
  text: string;
  check(text: string): ParsedScenario;
}

/**
 * The plan of a sweep over one scenario file without a sweep file (`lancaster run --draws N`):
 * every prior that applies, `set` applied first; problems are ScenarioErrors of the scenario file.
 *
 * @example
 * ```ts
 * const set = { 'options.horizon': 'long-run' };
 * const plan = scenarioSweepPlan('scenarios/us-china-2025.yaml', { draws: 100, seed: 2025, set });
 * ```
 */
export function scenarioSweepPlan(
  scenarioFile: string,
  o: { name?: string; draws: number; seed: number; set?: Record<string, unknown> },
): SweepPlan {
  const spec: SweepFile = {
    lancaster: 1,
    name: o.name ?? scenarioFile,
    scenario: scenarioFile,
    draws: o.draws,
    seed: o.seed,
    ...(o.set ? { set: o.set as SweepFile['set'] } : {}),
  };
  const fail = (path: (string | number)[], message: string): never => {
    throw new ScenarioError(scenarioFile, [{ path, message }]);
  };
  const label = resolve(scenarioFile);
  return buildPlan(
    scenarioFile,
    spec,
    { label, text: readFileSync(label, 'utf8'), check: (t) => parseScenarioText(t, label) },
    fail,
    parseScenarioText,
  );
}

/**
 * The plan of a validated sweep spec over its scenario; `fail` reports a problem at a path of the
 * spec, `parse` checks a swept scenario text (the API's: datasets by id only).
 */
function buildPlan(
  file: string,
  spec: SweepFile,
  source: ScenarioSource,
  fail: (path: (string | number)[], message: string) => never,
  parse: (text: string, label: string) => ParsedScenario,
): SweepPlan {
  const scenarioFile = source.label;
  source.check(source.text); // the scenario as written must be valid
  const base = parseDocument(source.text).toJS() as RawScenario;
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
        parse(t, scenarioFile);
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        const where = Object.entries(pt)
          .map(([f, v]) => `${f} = ${JSON.stringify(v)}`)
          .join(', ');
        fail(
          Object.keys(pt).length ? ['grid', Object.keys(pt)[0]] : ['set'],
          scenarioMsg.invalidSweptScenario(
            where,
            k !== null,
            e.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '),
          ),
        );
      }
    }
  });
  return { file, spec, scenarioFile, base, priors, points, values, scenarioText };
}
