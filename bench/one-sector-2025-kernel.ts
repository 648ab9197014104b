/**
 * Benchmark: one 194-country equilibrium solve of Table 1 case 1 (USTR tariffs, income-tax
 * relief) from the default start, median of 15 repetitions after one warm-up. Compare with
 * `python3 bench/ref_imls2025_timing.py` (the numpy reference, same case, same protocol).
 */
import { loadDataset } from '../src/data/load.ts';
import type { Dataset } from '../src/data/dataset.ts';
import { solveOneSector2025 } from '../src/model/oneSector2025/solve.ts';
import { buildTariffMatrix, PAPER_CASES } from '../src/model/oneSector2025/tariffs.ts';
import type { OneSector2025Options } from '../src/model/oneSector2025/economy.ts';

/**
 * Times the solve (wall clock of {@link solveOneSector2025}, including the per-solve setup and
 * the indicators; the dataset load and baseline calibration are cached by the warm-up).
 *
 * @example
 * const { seconds, iterations } = await benchOneSector2025(); // seconds ≈ 0.005
 */
export async function benchOneSector2025(
  d: Dataset = loadDataset('world-2023'),
  reps = 15,
): Promise<{ seconds: number; iterations: number }> {
  const opts: OneSector2025Options = { revenue: 'income-tax-relief', variant: 'baseline' };
  const t = buildTariffMatrix(d, opts, PAPER_CASES.ustr);
  let iterations = solveOneSector2025(d, t, opts).result.iterations; // warm-up
  const times: number[] = [];
  for (let r = 0; r < Math.max(5, reps); r++) {
    const t0 = performance.now();
    const s = solveOneSector2025(d, t, opts);
    times.push((performance.now() - t0) / 1000);
    if (s.result.status !== 'converged')
      throw new RangeError(`Expected the benchmark solve to converge, found ${s.result.status}: ${s.result.message}`);
    iterations = s.result.iterations;
  }
  times.sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], iterations };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchOneSector2025().then((r) => console.log(JSON.stringify(r)));
}
