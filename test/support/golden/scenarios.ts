/**
 * The example scenarios the golden test runs, each with the CLI command its kind calls
 * (`solve` for single solves and timelines, `strategy`, `negotiate`), and how their `--json`
 * output is made comparable: wall-clock fields dropped, numbers rounded.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioKind } from '../../../src/scenario/kind.ts';
import { RESULT_SCHEMAS, type ResultKind } from '../../../src/contract/schema.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCENARIOS = join(ROOT, 'scenarios');
export const GOLDEN_DIR = join(ROOT, 'test', 'golden');

export type Command = 'solve' | 'strategy' | 'negotiate' | 'gravity';

export interface GoldenCase {
  /** Path under scenarios/, e.g. `liberation-day/table1-case1-ustr-income-tax-relief.yaml`. */
  file: string;
  command: Command;
  /** The golden file name under test/golden/. */
  golden: string;
  /** Set when the case is too slow for `npm test`; `npm run golden:record -- --slow` still records it. */
  slow?: string;
}

/**
 * Scenarios left out of `npm test` because one run takes minutes on 2 shared cores.
 * They are still recorded and checked with `--slow`.
 */
const SLOW: Record<string, string> = {
  'strategy/us-china-sector-talks.yaml':
    'cooperative search over 36 multisector instruments: over 5 minutes on 2 cores',
  'strategy/all-partner-optimal.yaml': 'all-partner sector tariffs on multisector-2025: over 4 minutes on 2 cores',
  'strategy/all-partner-war.yaml':
    'Nash war of every region over sector tariffs on all partners: longer than all-partner-optimal',
  'strategy/all-partner-talks.yaml': 'trade talks from the all-partner war: longer than the war',
};

function walk(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : /\.(ya?ml|json)$/.test(name) ? [p] : [];
    })
    .sort();
}

/** The command a scenario file's kind calls (src/scenario/kind.ts): gravity, negotiate, strategy, else solve (timelines too). */
function commandOf(text: string): Command {
  const kind = scenarioKind(text);
  return kind === 'negotiation' ? 'negotiate' : kind === 'timeline' ? 'solve' : kind;
}

/** Every example scenario under scenarios/, in path order. */
export function goldenCases(readText: (p: string) => string): GoldenCase[] {
  return walk(SCENARIOS).map((p) => {
    const file = relative(SCENARIOS, p).split('\\').join('/');
    return {
      file,
      command: commandOf(readText(p)),
      golden: `${file.replace(/\.(ya?ml|json)$/, '').replaceAll('/', '__')}.json`,
      slow: SLOW[file],
    };
  });
}

/** Fields that measure the machine, not the model: wall-clock times, the worker count, the git commit of the code (provenance.code.commit). */
const VOLATILE = new Set(['seconds', 'wall_seconds', 'solves_per_second', 'workers', 'commit']);

/** Numbers below 1e3 rounded to 1e-9; larger ones to 12 significant digits (float noise of sums). */
function roundNumber(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.abs(x) < 1e3 ? Math.round(x * 1e9) / 1e9 : Number(x.toPrecision(12));
  return r === 0 ? 0 : r; // no -0
}

/** A result with the volatile fields dropped and every number rounded (see roundNumber). */
function normalize(value: unknown): unknown {
  if (typeof value === 'number') return roundNumber(value);
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!VOLATILE.has(k)) out[k] = normalize(v);
    return out;
  }
  return value;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `lancaster <command> <file> --json` in a child process, as a user would. Strategy and
 * negotiation run with `--workers 0`: on worker threads, which solve warm-starts from which
 * depends on scheduling, so numbers move within the solver tolerance from run to run.
 */
function runCli(c: GoldenCase): Promise<CliRun> {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const args = [tsx, join(ROOT, 'src', 'cli', 'main.ts'), c.command, join(SCENARIOS, c.file), '--json'];
  if (c.command === 'strategy' || c.command === 'negotiate') args.push('--workers', '0');
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

/** The result schema of a case's output (docs/results.md): a solve of a scenario with a timeline is a timeline result. */
function resultKind(c: GoldenCase, output: unknown): ResultKind {
  if (c.command === 'negotiate') return 'negotiation';
  if (c.command === 'solve') return output && typeof output === 'object' && 'steps' in output ? 'timeline' : 'solve';
  return c.command;
}

/** Problems of a raw result against its result schema, one line each (none when it validates). */
export function contractProblems(c: GoldenCase, output: unknown): string[] {
  const r = RESULT_SCHEMAS[resultKind(c, output)].safeParse(output);
  return r.success ? [] : r.error.issues.slice(0, 20).map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** The `--json` result of one case, raw and normalized; throws with the CLI's stderr when it fails. */
export async function goldenRun(c: GoldenCase): Promise<{ raw: unknown; normalized: unknown }> {
  const r = await runCli(c);
  if (r.code !== 0) throw new Error(`lancaster ${c.command} ${c.file} exited ${r.code}:\n${r.stderr}`);
  const raw: unknown = JSON.parse(r.stdout);
  return { raw, normalized: normalize(raw) };
}

/** The normalized `--json` result of one case; throws with the CLI's stderr when it fails. */
export async function goldenOutput(c: GoldenCase): Promise<unknown> {
  return (await goldenRun(c)).normalized;
}

/** The golden file text of a normalized result: stable key order as produced, two-space JSON. */
export function goldenText(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
