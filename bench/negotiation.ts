/**
 * Negotiation benchmarks: the Pareto frontier of a 10⁶-outcome linear-additive domain (6 issues ×
 * 10 values), and the exhaustive map of a 10⁴-deal trade domain on multisector-2025 (4 issues × 10
 * values on the London state of 9 June 2025: US and Chinese tariff shifts, China's REE approval,
 * US chip-control easing), solved on a worker pool. Prints and returns the figures.
 *
 * Run: npx tsx bench/negotiation.ts [workers=2] [values=10]
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { benchPareto } from './pareto.ts';
import { parseScenarioText } from '../src/scenario/parse.ts';
import { allDeals, setupTradeNegotiation } from '../src/negotiate/trade/run.ts';
import { TradeEvaluator, clearTradeCache } from '../src/negotiate/trade/evaluator.ts';
import { paretoIndices } from '../src/negotiate/pareto.ts';

const grid = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, k) => +(lo + ((hi - lo) * k) / (n - 1)).toFixed(6));

/** The 10⁴-deal trade domain (values per issue configurable) as scenario text. */
function benchTradeScenario(values = 10): string {
  const issues = [
    { id: 'us_tariff', owner: 'USA', tariffs: [{ importer: 'USA', exporter: 'CHN', sectors: ['goods'] }], mode: 'add', grid: [...grid(-0.45, 0, values)] },
    { id: 'chn_tariff', owner: 'CHN', tariffs: [{ importer: 'CHN', exporter: 'USA', sectors: ['goods'] }], mode: 'add', grid: [...grid(-0.27, 0, values)] },
    { id: 'ree', owner: 'CHN', export_controls: [{ origin: 'CHN', destination: '*', sectors: ['REE'] }], mode: 'set', grid: [...grid(0.25, 1, values)] },
    { id: 'chips', owner: 'USA', export_controls: [{ origin: 'TWN', destination: 'CHN', sectors: ['SEMI'] }, { origin: 'USA', destination: 'CHN', sectors: ['SEMI'] }], mode: 'add', grid: [...grid(-0.27, 0.17, values - 1), 0].sort((a, b) => a - b) },
  ];
  return JSON.stringify({
    lancaster: 1, name: 'bench: 10^4-deal US–China trade domain', model: 'multisector', dataset: 'multisector-2025',
    options: { baseline: 'keep-deficits', horizon: 'short-run', critical_inputs: { inputs: ['REE'], users: ['c13', 'c14', 'c15', 'c31'], elasticity: 0.1 } },
    negotiation: {
      deadline: { rounds: 10 },
      domain: { current_state: { scenario: 'us-china-2025', date: '2025-06-09' }, issues },
      parties: {
        USA: { delegation: [{ name: 'USTR' }], objective: { security: { REE: 0.05 }, security_of: { CHN: { SEMI: -0.01 } } } },
        CHN: { delegation: [{ name: 'MOFCOM' }], objective: { security: { SEMI: 0.01 } } },
      },
    },
  });
}

/** Result of {@link benchNegotiation}. */
export interface NegotiationBench {
  pareto: { outcomes: number; paretoSize: number; seconds: number };
  trade: { deals: number; solves: number; cacheHits: number; failed: number; workers: number; seconds: number; secondsPerSolve: number; paretoSize: number };
}

/**
 * Runs both benchmarks.
 *
 * @example
 * const r = await benchNegotiation(2);
 * r.trade.solves; // 10 000 (or fewer when deals share a policy)
 */
export async function benchNegotiation(workers = 2, values = 10): Promise<NegotiationBench> {
  const pareto = benchPareto();
  console.log(`Pareto frontier, 10^6-outcome linear-additive domain: ${pareto.outcomes} outcomes, ${pareto.paretoSize} Pareto-optimal, ${(pareto.seconds * 1000).toFixed(1)} ms`);
  const setup = setupTradeNegotiation(parseScenarioText(benchTradeScenario(values), 'bench-trade.json'));
  const deals = allDeals(setup.spec.issues);
  clearTradeCache();
  const ev = new TradeEvaluator(setup.spec, workers);
  let last = 0;
  const t0 = performance.now();
  const maps = await ev.map(deals, (done, total) => {
    if (done - last >= total / 10 || done === total) {
      last = done;
      console.error(`  ${done}/${total} solves, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
  });
  const front = paretoIndices(maps[0], maps[1]);
  const s = ev.stats;
  const trade = { deals: deals.length, solves: s.solves, cacheHits: s.cacheHits, failed: s.failed, workers, seconds: s.seconds, secondsPerSolve: s.seconds / Math.max(1, s.solves), paretoSize: front.length };
  console.log(`Trade domain map: ${trade.deals} deals, ${trade.solves} solves (${trade.cacheHits} cache hits), ${trade.seconds.toFixed(1)} s wall on ${workers} workers (${(trade.secondsPerSolve * 1000).toFixed(1)} ms per solve), frontier ${trade.paretoSize} deals`);
  return { pareto, trade };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [w, v] = process.argv.slice(2).map(Number);
  benchNegotiation(Number.isFinite(w) ? w : 2, Number.isFinite(v) ? v : 10).then((r) => console.log(JSON.stringify(r)));
}
