/**
 * Benchmark: Lancaster's multi-sector solver against the numpy reference on Caliendo & Parro's
 * NAFTA case (zero-deficit baseline solve + NAFTA 2005 tariff counterfactual), in one run.
 *
 * Run: `npx tsx bench/cp2015.ts [reps]` (prints a table), or import `benchCp2015`.
 */
import { timeCp2015Reference, median } from './reference.ts';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../src/data/load.ts';
import type { Dataset } from '../src/data/dataset.ts';
import { baselineFromDataset } from '../src/model/ge/baseline.ts';
import { solveGe, type GeSolution } from '../src/model/ge/solve.ts';
import { asBaseline } from '../src/model/ge/outputs.ts';

export interface Cp2015Bench {
  lancaster: {
    medianSeconds: number;
    minSeconds: number;
    baselineSeconds: number;
    counterfactualSeconds: number;
    iterations: { baseline: number; counterfactual: number };
    runs: number[];
  };
  reference: { medianSeconds: number; runs: number[] } | { unavailable: string };
  /** Reference median over Lancaster median (higher is better); NaN if the reference is unavailable. */
  ratio: number;
  peakRssMB: number;
}

/** τ' of the NAFTA experiment: 1993 tariffs, with the 2005 schedule on the six NAFTA pairs. */
function naftaTau(d: Dataset): Float64Array {
  const nafta = ['CAN', 'MEX', 'USA'].map((c) => d.regions.indexOf(c));
  const tau = Float64Array.from(d.tariff, (t) => 1 + t);
  const sched = d.schedules['tariffs-2005'];
  for (const n of nafta)
    for (const i of nafta)
      if (n !== i) for (let j = 0; j < d.J; j++) tau[(n * d.N + i) * d.J + j] = 1 + sched[(n * d.N + i) * d.J + j];
  return tau;
}

/** One baseline + counterfactual solve; returns the two solutions and their seconds. */
function solveNafta(d: Dataset, tauNew: Float64Array): { base: GeSolution; cf: GeSolution; s0: number; s1: number } {
  const t0 = performance.now();
  const raw = baselineFromDataset(d);
  const shock0 = { tauNew: raw.tau, D: new Float64Array(raw.N) };
  const base = solveGe(raw, shock0);
  const b = asBaseline(raw, shock0, base);
  const t1 = performance.now();
  const cf = solveGe(b, { tauNew, D: b.D });
  const t2 = performance.now();
  if (base.report.status !== 'converged' || cf.report.status !== 'converged')
    throw new Error(`Expected both solves to converge, found ${base.report.status} / ${cf.report.status}`);
  return { base, cf, s0: (t1 - t0) / 1000, s1: (t2 - t1) / 1000 };
}

/** Untimed runs before the timed ones. */
const WARMUP_RUNS = 5;

/** Runs Lancaster `reps` times (after 5 untimed warm-up runs) and the numpy reference `reps` times, in one process run. */
export async function benchCp2015(reps = 7): Promise<Cp2015Bench> {
  const d = loadDataset('cp2015');
  const tau = naftaTau(d);
  let last = solveNafta(d, tau);
  for (let w = 1; w < WARMUP_RUNS; w++) last = solveNafta(d, tau); // warm-up: let the JIT reach its optimised code
  const runs: number[] = [];
  let s0 = 0,
    s1 = 0;
  for (let r = 0; r < reps; r++) {
    last = solveNafta(d, tau);
    runs.push(last.s0 + last.s1);
    s0 += last.s0;
    s1 += last.s1;
  }
  const lancaster = {
    medianSeconds: median(runs),
    minSeconds: Math.min(...runs),
    baselineSeconds: s0 / reps,
    counterfactualSeconds: s1 / reps,
    iterations: { baseline: last.base.report.iterations, counterfactual: last.cf.report.iterations },
    runs,
  };
  const reference = timeCp2015Reference(reps, (s) => s.zero_deficit_baseline + s.counterfactual);
  const ratio = 'medianSeconds' in reference ? reference.medianSeconds / lancaster.medianSeconds : NaN;
  return { lancaster, reference, ratio, peakRssMB: process.resourceUsage().maxRSS / 1024 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const reps = Number(process.argv[2] ?? 7);
  void benchCp2015(reps).then((r) => printTable(r, reps));
}

function printTable(r: Cp2015Bench, reps: number): void {
  const ms = (s: number) => (1000 * s).toFixed(1);
  const L = r.lancaster;
  console.log(`cp2015 NAFTA: zero-deficit baseline + counterfactual, median of ${reps}`);
  console.log(
    `  lancaster   ${ms(L.medianSeconds).padStart(8)} ms  (min ${ms(L.minSeconds)}; baseline ${ms(L.baselineSeconds)} + counterfactual ${ms(L.counterfactualSeconds)}; iterations ${L.iterations.baseline} + ${L.iterations.counterfactual})`,
  );
  if ('medianSeconds' in r.reference) console.log(`  numpy ref   ${ms(r.reference.medianSeconds).padStart(8)} ms`);
  else console.log(`  numpy ref   unavailable (${r.reference.unavailable})`);
  console.log(
    `  ratio       ${Number.isNaN(r.ratio) ? 'n/a' : `${r.ratio.toFixed(1)}×`}   peak RSS ${r.peakRssMB.toFixed(0)} MB`,
  );
}
