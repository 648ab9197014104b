/**
 * Speed of the strategy layer: the US–China sector tariff war on multisector-2025 (36
 * instruments, iterated best responses) on a worker pool, reporting wall time, solves per second,
 * warm starts and cache hits. Run: `npx tsx src/strategy/bench.ts [workers]`.
 */
import { fileURLToPath } from 'node:url';
import { readScenarioFile } from '../src/scenario/parse.ts';
import { prepareStrategy } from '../src/strategy/check.ts';
import { clearEvaluationCache } from '../src/strategy/evaluator.ts';
import { runStrategy, type SolveCounts } from '../src/strategy/run.ts';

const WAR_SCENARIO = fileURLToPath(new URL('../scenarios/strategy/us-china-sector-war.yaml', import.meta.url));
/** Ossa's setting: every region (the EU as one) sets one tariff per goods sector on all partners. */
export const ALL_PARTNER_WAR = fileURLToPath(new URL('../scenarios/strategy/all-partner-war.yaml', import.meta.url));

export interface StrategyBench {
  scenario: string;
  workers: number;
  instruments: number;
  converged: boolean;
  rounds: number;
  wall_seconds: number;
  solves_per_second: number;
  solves: SolveCounts;
}

/**
 * Runs the US–China sector war once from a cold cache with `workers` pool threads.
 *
 * @example
 * const b = await benchStrategy(2);
 * console.log(b.wall_seconds, b.solves_per_second);
 */
export async function benchStrategy(workers = 2, file = WAR_SCENARIO): Promise<StrategyBench> {
  clearEvaluationCache();
  const p = prepareStrategy(readScenarioFile(file));
  p.strategy.options.workers = workers;
  const t0 = performance.now();
  const o = await runStrategy(p.spec, p.strategy);
  const wall = (performance.now() - t0) / 1000;
  return {
    scenario: file,
    workers,
    instruments: p.spec.instruments.length,
    converged: o.converged,
    rounds: o.war?.rounds ?? 0,
    wall_seconds: wall,
    solves_per_second: o.solves.solves / wall,
    solves: o.solves,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const b = await benchStrategy(Number(process.argv[2] ?? 2));
  process.stdout.write(`${JSON.stringify(b, null, 2)}\n`);
}
