/**
 * Benchmark: one multisector-2025 counterfactual with an export control (China's REE licensing,
 * approval 0.25 to every destination, solved jointly with its wedges) against the numpy
 * reference's NAFTA counterfactual solve (seconds.counterfactual of cp2015_numpy.py --json), in one
 * run. The issue's target: ours ≥ 5× faster.
 *
 * Run: `npx tsx bench/multisector.ts [reps]`, or import `benchMultisector`.
 */
import { timeCp2015Reference, median } from './reference.ts';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../src/data/load.ts';
import { calibratedBaseline } from '../src/model/ge/run.ts';
import { solveGe, type GeShock } from '../src/model/ge/solve.ts';

export interface MultisectorBench {
  lancaster: { medianSeconds: number; minSeconds: number; iterations: number; binding: number; runs: number[] };
  reference: { medianSeconds: number; runs: number[] } | { unavailable: string };
  /** Reference median over Lancaster median (higher is better); NaN if the reference is unavailable. */
  ratio: number;
}

/** The REE-licensing shock on the calibrated (keep-deficits) multisector-2025 baseline. */
function reeLicensingShock() {
  const d = loadDataset('multisector-2025');
  const b = calibratedBaseline(d, 'keep-deficits');
  const { N, J } = b;
  const chn = d.regions.indexOf('CHN');
  // The rare-earth chain's controlled stages (separated products and magnets; the REE group since v1.1).
  const ree = (d.manifest.sector_groups?.REE ? ['RES', 'MAG'] : ['REE']).map((c) => d.sectors.indexOf(c));
  const flows: number[] = [];
  for (let n = 0; n < N; n++) if (n !== chn) for (const j of ree) flows.push((n * N + chn) * J + j);
  const shock: GeShock = {
    tauNew: b.tau,
    D: b.D,
    caps: {
      flow: Int32Array.from(flows),
      approval: new Float64Array(flows.length).fill(0.25),
      rentsToExporter: new Uint8Array(flows.length).fill(1),
    },
  };
  return { b, shock };
}

/** Times `reps` Lancaster solves (after warm-up) and `reps` runs of the numpy reference. */
export async function benchMultisector(reps = 7): Promise<MultisectorBench> {
  const { b, shock } = reeLicensingShock();
  for (let w = 0; w < 5; w++) solveGe(b, shock); // warm-up: let the JIT reach its optimised code
  const runs: number[] = [];
  let last = solveGe(b, shock);
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    last = solveGe(b, shock);
    runs.push((performance.now() - t0) / 1000);
    if (last.report.status !== 'converged')
      throw new Error(`Expected the benchmark solve to converge, found ${last.report.message}`);
  }
  const reference = timeCp2015Reference(reps, (s) => s.counterfactual);
  const lancaster = {
    medianSeconds: median(runs),
    minSeconds: Math.min(...runs),
    iterations: last.report.iterations,
    binding: last.caps?.binding ?? 0,
    runs,
  };
  return {
    lancaster,
    reference,
    ratio: 'medianSeconds' in reference ? reference.medianSeconds / lancaster.medianSeconds : NaN,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const reps = Number(process.argv[2] ?? 7);
  void benchMultisector(reps).then((r) => {
    const ms = (s: number) => (1000 * s).toFixed(1);
    console.log(`multisector-2025 counterfactual with China's REE licensing (36 caps: RES and MAG), median of ${reps}`);
    console.log(
      `  lancaster   ${ms(r.lancaster.medianSeconds).padStart(8)} ms  (min ${ms(r.lancaster.minSeconds)}; ${r.lancaster.iterations} iterations; ${r.lancaster.binding} caps binding)`,
    );
    if ('medianSeconds' in r.reference)
      console.log(`  numpy ref   ${ms(r.reference.medianSeconds).padStart(8)} ms  (cp2015 NAFTA counterfactual)`);
    else console.log(`  numpy ref   unavailable (${r.reference.unavailable})`);
    console.log(`  ratio       ${Number.isNaN(r.ratio) ? 'n/a' : `${r.ratio.toFixed(1)}×`}   target ≥ 5×`);
  });
}
