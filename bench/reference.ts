/**
 * Runs the numpy Caliendo–Parro reference (../shared/reference/cp2015_numpy.py --json) `reps`
 * times and reads the seconds it reports for itself (Python start-up excluded), so Lancaster and
 * the reference are timed in the same benchmark run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CP2015_REFERENCE = resolve(ROOT, '..', 'shared', 'reference', 'cp2015_numpy.py');

export type ReferenceTiming = { medianSeconds: number; runs: number[] } | { unavailable: string };

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median over `reps` runs of `pick(seconds)` from the reference's JSON, or why it is unavailable. */
export function timeCp2015Reference(
  reps: number,
  pick: (s: { zero_deficit_baseline: number; counterfactual: number }) => number,
): ReferenceTiming {
  if (!existsSync(CP2015_REFERENCE)) return { unavailable: `${CP2015_REFERENCE} not found` };
  const runs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const p = spawnSync('python3', [join('..', 'shared', 'reference', 'cp2015_numpy.py'), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (p.status !== 0)
      return {
        unavailable: `python3 exited with ${p.status ?? p.signal}: ${(p.stderr || String(p.error ?? '')).slice(0, 200)}`,
      };
    try {
      runs.push(
        pick((JSON.parse(p.stdout) as { seconds: { zero_deficit_baseline: number; counterfactual: number } }).seconds),
      );
    } catch (e) {
      return { unavailable: `unreadable reference output: ${(e as Error).message}` };
    }
  }
  return { medianSeconds: median(runs), runs };
}
