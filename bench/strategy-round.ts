/**
 * CPU time of one best-response round of the all-partner tariff war (scenarios/strategy/
 * all-partner-war.yaml: every region, the EU as one, one tariff per goods sector), solved inline
 * (no worker threads) from a cold evaluation cache. CPU time rather than wall time, so the figure
 * means something on a loaded machine. Run: `npx tsx bench/strategy-round.ts`.
 */
import { fileURLToPath } from 'node:url';
import { readScenarioFile } from '../src/scenario/parse.ts';
import { prepareStrategy } from '../src/strategy/check.ts';
import { clearEvaluationCache } from '../src/strategy/evaluator.ts';
import { runStrategy } from '../src/strategy/run.ts';
import { ALL_PARTNER_WAR } from './strategy.ts';

export interface RoundBench {
  regions: number;
  instruments: number;
  rounds: number;
  solves: number;
  cpu_seconds: number;
  wall_seconds: number;
}

/** One best-response round (max_rounds 1, inline) of the all-partner war; CPU and wall seconds. */
export async function benchStrategyRound(file = ALL_PARTNER_WAR): Promise<RoundBench> {
  clearEvaluationCache();
  const p = prepareStrategy(readScenarioFile(file));
  p.strategy.options.workers = 0;
  p.strategy.options.max_rounds = 1;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const o = await runStrategy(p.spec, p.strategy);
  const c = process.cpuUsage(c0);
  return {
    regions: p.spec.players.length,
    instruments: p.spec.instruments.length,
    rounds: o.war?.rounds ?? 0,
    solves: o.solves.solves,
    cpu_seconds: (c.user + c.system) / 1e6,
    wall_seconds: (performance.now() - t0) / 1000,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(await benchStrategyRound(), null, 2)}\n`);
}
