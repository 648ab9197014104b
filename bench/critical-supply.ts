/**
 * Benchmark (issue 12): a multisector-2025 solve with capacities and stocks against the same
 * scenario without them, in one run. The scenario is scenarios/controls/china-ree-licensing-2025.yaml
 * (caps on China's RES and MAG exports at 25%, θ × 0.4, critical nest σ = 0.1). Timed states:
 * - without: the caps alone (no capacity bounds, no stocks);
 * - with stocks: capacity bounds outside China and a mid-path stock state (US and EU users still
 *   drawing on stocks, so the caps on flows to them do not bind: one span of the weekly clock);
 * - with capacity: the bounds and every stock run out (all bounds bind: the hardest equilibrium).
 *
 * Run: `npx tsx bench/critical-supply.ts [reps]` (default 9), or import `benchCriticalSupply`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readScenarioFile } from '../src/scenario/parse.ts';
import { scenarioDataset, policyState } from '../src/scenario/solve.ts';
import { runGe, type GeRunOptions } from '../src/model/ge/run.ts';
import { geNests } from '../src/model/registry.ts';
import { exemptCovered } from '../src/model/inventory.ts';
import { median } from './reference.ts';

const FILE = resolve(fileURLToPath(new URL('../scenarios/controls/china-ree-licensing-2025.yaml', import.meta.url)));

export interface Timed {
  medianSeconds: number;
  iterations: number;
  runs: number[];
}
export interface CriticalSupplyBench {
  without: Timed;
  withStocks: Timed;
  withCapacity: Timed;
  ratioStocks: number;
  ratioCapacity: number;
  ratioPerIteration: number;
}

/** Solves of each state timed before any is: the JIT is still tiering up for several solves after the first. */
const WARM_UP_ROUNDS = 5;

/**
 * Times `reps` solves of each state, the states taken in turn within each round (a load change hits
 * all three alike), after {@link WARM_UP_ROUNDS} untimed rounds of all three. With one warm-up solve
 * each, the state timed first paid the JIT's tier-up: its first timed solves ran 5–10× slower, so its
 * median, the ratios' denominator, swung with the machine (ratio 0.75–2.4× on the same code).
 */
export function benchCriticalSupply(reps = 9): CriticalSupplyBench {
  const p = readScenarioFile(FILE);
  const d = scenarioDataset(p);
  const st = policyState(p, d);
  const base: GeRunOptions = {
    baseline: 'keep-deficits',
    publishedWelfare: false,
    elasticityScale: 0.4,
    nests: geNests(d, p.scenario),
    labels: { regions: d.regions, sectors: d.sectors },
  };
  const capacity = st.capacity!;
  const { J } = d;
  const covered = new Set<number>();
  for (const r of ['USA', 'DEU', 'FRA', 'ITA', 'EUR'])
    for (const s of ['RES', 'MAG']) covered.add(d.regions.indexOf(r) * J + d.sectors.indexOf(s));
  const states: GeRunOptions[] = [
    { ...base, controls: st.controls },
    { ...base, capacity, controls: exemptCovered(st.controls, covered, d.N, J) },
    { ...base, capacity, controls: st.controls },
  ];
  const timed = states.map(() => ({ runs: [] as number[], iterations: 0 }));
  for (let w = 0; w < WARM_UP_ROUNDS; w++) for (const opts of states) runGe(d, 'multisector', st.tau, opts);
  for (let k = 0; k < reps; k++)
    states.forEach((opts, i) => {
      const t0 = performance.now();
      const r = runGe(d, 'multisector', st.tau, opts);
      timed[i].runs.push((performance.now() - t0) / 1000);
      if (r.result.status !== 'converged')
        throw new Error(`Expected the benchmark solve to converge, found ${r.result.message}`);
      timed[i].iterations = r.result.iterations;
    });
  const [without, withStocks, withCapacity] = timed.map((t): Timed => ({ medianSeconds: median(t.runs), ...t }));
  return {
    without,
    withStocks,
    withCapacity,
    ratioStocks: withStocks.medianSeconds / without.medianSeconds,
    ratioCapacity: withCapacity.medianSeconds / without.medianSeconds,
    ratioPerIteration:
      withCapacity.medianSeconds / withCapacity.iterations / (without.medianSeconds / without.iterations),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = benchCriticalSupply(Number(process.argv[2] ?? 9));
  const ms = (t: Timed) => `${(1000 * t.medianSeconds).toFixed(1)} ms (${t.iterations} it.)`;
  console.log(`without capacities or stocks    ${ms(r.without)}`);
  console.log(`with capacities and stocks      ${ms(r.withStocks)}   ratio ${r.ratioStocks.toFixed(2)}×   target ≤ 2×`);
  console.log(
    `with capacities, stocks run out ${ms(r.withCapacity)}   ratio ${r.ratioCapacity.toFixed(2)}× (per iteration ${r.ratioPerIteration.toFixed(2)}×)`,
  );
}
