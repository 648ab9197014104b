/**
 * Whole-process races: what a user waits for at the terminal, start-up included.
 *
 * - `lancaster --help` (target < 0.3 s), with a bare `node -e ''` for the floor of Node's start-up;
 * - `lancaster solve scenarios/nafta-cp2015.yaml --json` (Caliendo–Parro NAFTA, zero-deficit
 *   baseline + counterfactual) against `python3 ../shared/reference/cp2015_numpy.py --json`;
 * - `lancaster solve scenarios/liberation-day/table1-case1-….yaml --json` (one-sector, 194
 *   economies) against `python3 bench/ref_imls2025_timing.py --single` (load, calibrate, solve case 1).
 *
 * Both sides run as fresh processes, alternately (so both see the same machine load), after one
 * untimed run each (file cache, dataset cache). The medians are compared; each pair's answers are
 * printed side by side so a fast wrong answer cannot pass. `lancaster` is the compiled bin
 * (bin/lancaster.js → dist/), as installed.
 *
 * Run: `npx tsx bench/processes.ts [reps]`, or import `benchProcesses`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './reference.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'lancaster.js');
const NAFTA = join(ROOT, 'scenarios', 'nafta-cp2015.yaml');
const CASE1 = join(ROOT, 'scenarios', 'liberation-day', 'table1-case1-ustr-income-tax-relief.yaml');
const CP_REF = resolve(ROOT, '..', 'shared', 'reference', 'cp2015_numpy.py');
const IMLS_REF = resolve(ROOT, '..', 'shared', 'reference', 'imls2025.py');

/** One timed process: wall seconds and its stdout. */
function timed(cmd: string, args: string[], env: Record<string, string> = {}): { seconds: number; stdout: string } {
  const t0 = performance.now();
  const p = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (p.status !== 0)
    throw new Error(
      `Expected ${cmd} ${args.join(' ')} to exit 0, found ${p.status ?? p.signal}: ${(p.stderr || String(p.error ?? '')).slice(0, 300)}`,
    );
  return { seconds, stdout: p.stdout };
}

/** Timings of one side of a race. */
export interface ProcessTiming {
  command: string;
  medianSeconds: number;
  runs: number[];
}

/** A race of two whole processes, with both answers. */
export interface ProcessRace {
  lancaster: ProcessTiming;
  reference: ProcessTiming | { unavailable: string };
  /** Reference median over Lancaster median (higher is better); NaN without the reference. */
  ratio: number;
  /** The compared numbers of both sides (same quantity), and their largest gap. */
  answers: { field: string; lancaster: number; reference: number | null }[];
}

/** Everything {@link benchProcesses} measures. */
export interface ProcessBench {
  help: ProcessTiming;
  bareNode: ProcessTiming;
  cp2015: ProcessRace;
  /** The same race with {@link NO_START_CACHES}. */
  cp2015NoCaches: ProcessRace;
  oneSector: ProcessRace;
}

/** A command, its arguments and extra environment. */
type Cmd = [string, string[], Record<string, string>?];

/**
 * Turns off the two caches a first solve writes (bin/code-cache.js: V8's code cache of the CLI
 * bundle; model/ge/baselineStore.ts: calibrated baselines): every start then compiles the bundle
 * and solves the calibration again, as the first solve after an install would without them.
 */
export const NO_START_CACHES = { LANCASTER_CODE_CACHE: 'off', LANCASTER_BASELINE_CACHE: 'off' };

/** Runs `a` and `b` alternately `reps` times after one untimed run each; b may be absent. */
function race(a: Cmd, b: Cmd | undefined, reps: number) {
  const first = { a: timed(...a), b: b && timed(...b) };
  const ra: number[] = [],
    rb: number[] = [];
  for (let k = 0; k < reps; k++) {
    ra.push(timed(...a).seconds);
    if (b) rb.push(timed(...b).seconds);
  }
  const t = (c: Cmd, runs: number[]): ProcessTiming => ({
    command: [c[0] === process.execPath ? 'node' : c[0], ...c[1].map((s) => s.replace(`${ROOT}/`, ''))].join(' '),
    medianSeconds: median(runs),
    runs,
  });
  return { a: t(a, ra), b: b && t(b, rb), out: { a: first.a.stdout, b: first.b?.stdout } };
}

function python(): string | undefined {
  const p = spawnSync('python3', ['-c', 'import numpy, scipy'], { encoding: 'utf8' });
  return p.status === 0
    ? undefined
    : `python3 with numpy and scipy not available: ${(p.stderr || String(p.error ?? '')).trim().split('\n').pop()}`;
}

/** Races the whole processes (`reps` timed runs of each side). */
export function benchProcesses(reps = 7): ProcessBench {
  if (!existsSync(join(ROOT, 'dist', '.built')))
    throw new Error('Expected the compiled build (dist/), found none: run npm run build');
  const node = process.execPath;
  const help = race([node, [BIN, '--help']], undefined, reps).a;
  const bareNode = race([node, ['-e', '']], undefined, reps).a;
  const noPython = python();

  const cpRef: Cmd | undefined = !noPython && existsSync(CP_REF) ? ['python3', [CP_REF, '--json']] : undefined;
  const cpRace = (env: Record<string, string>): ProcessRace => {
    const cp = race([node, [BIN, 'solve', NAFTA, '--json'], env], cpRef, reps);
    const cpOurs = JSON.parse(cp.out.a) as { status: string; countries: Record<string, { welfare_pct: number }> };
    const cpTheirs = cp.out.b
      ? (JSON.parse(cp.out.b) as { countries: Record<string, { welfare_pct: number }> })
      : undefined;
    if (cpOurs.status !== 'converged') throw new Error(`Expected the NAFTA solve to converge, found ${cpOurs.status}`);
    return {
      lancaster: cp.a,
      reference: cp.b ?? { unavailable: noPython ?? `${CP_REF} not found` },
      ratio: cp.b ? cp.b.medianSeconds / cp.a.medianSeconds : NaN,
      answers: ['MEX', 'CAN', 'USA'].map((c) => ({
        field: `${c} welfare %`,
        lancaster: cpOurs.countries[c].welfare_pct,
        reference: cpTheirs?.countries[c].welfare_pct ?? null,
      })),
    };
  };
  const cp2015 = cpRace({});
  const cp2015NoCaches = cpRace(NO_START_CACHES);

  const imlsRef: Cmd | undefined =
    !noPython && existsSync(IMLS_REF)
      ? ['python3', [join(ROOT, 'bench', 'ref_imls2025_timing.py'), '--single']]
      : undefined;
  const one = race([node, [BIN, 'solve', CASE1, '--json']], imlsRef, reps);
  const oneOurs = JSON.parse(one.out.a) as { status: string; countries: Record<string, { welfare_pct: number }> };
  if (oneOurs.status !== 'converged')
    throw new Error(`Expected the Table 1 case 1 solve to converge, found ${oneOurs.status}`);
  const oneTheirs = one.out.b ? (JSON.parse(one.out.b) as { usa_welfare_pct: number }) : undefined;
  const oneSector: ProcessRace = {
    lancaster: one.a,
    reference: one.b ?? { unavailable: noPython ?? `${IMLS_REF} not found` },
    ratio: one.b ? one.b.medianSeconds / one.a.medianSeconds : NaN,
    answers: [
      {
        field: 'USA welfare %',
        lancaster: oneOurs.countries.USA.welfare_pct,
        reference: oneTheirs?.usa_welfare_pct ?? null,
      },
    ],
  };
  return { help, bareNode, cp2015, cp2015NoCaches, oneSector };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const reps = Number(process.argv[2] ?? 7);
  const r = benchProcesses(reps);
  const s = (t: ProcessTiming) => `${t.medianSeconds.toFixed(3)} s`;
  console.log(`whole processes, median of ${reps} (alternating runs)`);
  console.log(`  lancaster --help        ${s(r.help)}   (node -e '' ${s(r.bareNode)})   target < 0.3 s`);
  for (const [name, race] of [
    ['cp2015 NAFTA solve', r.cp2015],
    ['  without start caches', r.cp2015NoCaches],
    ['Table 1 case 1 solve', r.oneSector],
  ] as const) {
    const ref = 'medianSeconds' in race.reference ? s(race.reference) : `unavailable (${race.reference.unavailable})`;
    console.log(
      `  ${name.padEnd(22)}  lancaster ${s(race.lancaster)}  reference ${ref}  ratio ${Number.isFinite(race.ratio) ? `${race.ratio.toFixed(1)}×` : 'n/a'}   target ≥ 3×`,
    );
    for (const a of race.answers)
      console.log(`      ${a.field}: lancaster ${a.lancaster.toFixed(4)}  reference ${a.reference?.toFixed(4) ?? '—'}`);
  }
}
