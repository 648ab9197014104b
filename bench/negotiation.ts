/**
 * Negotiation benchmarks: the Pareto frontier of a 10⁶-outcome linear-additive domain (6 issues ×
 * 10 values), the exhaustive map of a 10⁴-deal trade domain on multisector-2025 (4 issues × 10
 * values on the London state of 9 June 2025: US and Chinese tariff shifts, China's REE approval,
 * US chip-control easing), solved on a worker pool, and the London negotiation as a user runs it
 * (`lancaster negotiate scenarios/negotiation/london-2025.yaml`, a whole process of the compiled
 * CLI: current state, calibration, the 225-deal map on 2 workers, ratification, sessions; target
 * under 10 s). Prints and returns the figures.
 *
 * Run: npx tsx bench/negotiation.ts [workers=2] [values=10], or `npx tsx bench/negotiation.ts london [reps=3]`
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { median } from './reference.ts';
import { benchPareto } from './pareto.ts';
import { parseScenarioText } from '../src/scenario/parse.ts';
import { allDeals, setupTradeNegotiation } from '../src/negotiate/trade/run.ts';
import { TradeEvaluator, clearTradeCache } from '../src/negotiate/trade/evaluator.ts';
import { paretoIndices } from '../src/negotiate/pareto.ts';

const grid = (lo: number, hi: number, n: number) =>
  Array.from({ length: n }, (_, k) => +(lo + ((hi - lo) * k) / (n - 1)).toFixed(6));

/** The 10⁴-deal trade domain (values per issue configurable) as scenario text. */
function benchTradeScenario(values = 10): string {
  const issues = [
    {
      id: 'us_tariff',
      owner: 'USA',
      tariffs: [{ importer: 'USA', exporter: 'CHN', sectors: ['goods'] }],
      mode: 'add',
      grid: [...grid(-0.45, 0, values)],
    },
    {
      id: 'chn_tariff',
      owner: 'CHN',
      tariffs: [{ importer: 'CHN', exporter: 'USA', sectors: ['goods'] }],
      mode: 'add',
      grid: [...grid(-0.27, 0, values)],
    },
    {
      id: 'ree',
      owner: 'CHN',
      export_controls: [{ origin: 'CHN', destination: '*', sectors: ['REE'] }],
      mode: 'set',
      grid: [...grid(0.25, 1, values)],
    },
    {
      id: 'chips',
      owner: 'USA',
      export_controls: [
        { origin: 'TWN', destination: 'CHN', sectors: ['SEMI'] },
        { origin: 'USA', destination: 'CHN', sectors: ['SEMI'] },
      ],
      mode: 'add',
      grid: [...grid(-0.27, 0.17, values - 1), 0].sort((a, b) => a - b),
    },
  ];
  return JSON.stringify({
    lancaster: 1,
    name: 'bench: 10^4-deal US–China trade domain',
    model: 'multisector',
    dataset: 'multisector-2025',
    options: {
      baseline: 'keep-deficits',
      horizon: 'short-run',
      critical_inputs: { inputs: ['REE'], users: ['c13', 'c14', 'c15', 'c31'], elasticity: 0.1 },
    },
    negotiation: {
      deadline: { rounds: 10 },
      domain: { current_state: { scenario: 'us-china-2025', date: '2025-06-09' }, issues },
      parties: {
        USA: {
          delegation: [{ name: 'USTR' }],
          objective: { security: { REE: 0.05 }, security_of: { CHN: { SEMI: -0.01 } } },
        },
        CHN: { delegation: [{ name: 'MOFCOM' }], objective: { security: { SEMI: 0.01 } } },
      },
    },
  });
}

/** Result of {@link benchNegotiation}. */
export interface NegotiationBench {
  pareto: { outcomes: number; paretoSize: number; seconds: number };
  trade: {
    deals: number;
    solves: number;
    cacheHits: number;
    failed: number;
    workers: number;
    seconds: number;
    secondsPerSolve: number;
    paretoSize: number;
  };
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
  console.log(
    `Pareto frontier, 10^6-outcome linear-additive domain: ${pareto.outcomes} outcomes, ${pareto.paretoSize} Pareto-optimal, ${(pareto.seconds * 1000).toFixed(1)} ms`,
  );
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
  const trade = {
    deals: deals.length,
    solves: s.solves,
    cacheHits: s.cacheHits,
    failed: s.failed,
    workers,
    seconds: s.seconds,
    secondsPerSolve: s.seconds / Math.max(1, s.solves),
    paretoSize: front.length,
  };
  console.log(
    `Trade domain map: ${trade.deals} deals, ${trade.solves} solves (${trade.cacheHits} cache hits), ${trade.seconds.toFixed(1)} s wall on ${workers} workers (${(trade.secondsPerSolve * 1000).toFixed(1)} ms per solve), frontier ${trade.paretoSize} deals`,
  );
  return { pareto, trade };
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LONDON = join(ROOT, 'scenarios', 'negotiation', 'london-2025.yaml');

/** Result of {@link benchLondon}: whole-process wall seconds and what the run reported. */
export interface LondonBench {
  command: string;
  /** Median wall time of the whole process (start-up included), and every run. */
  medianSeconds: number;
  runs: number[];
  /** CPU seconds (user + system, all threads) of each run. */
  cpuSeconds: number[];
  deals: number;
  solves: number;
  cacheHits: number;
  /** The run's own timing of the deal map (s) and of the whole negotiation (s), from the median run. */
  mapSeconds: number;
  runSeconds: number;
  solvesPerSecond: number;
  workers: number;
}

/**
 * Runs `lancaster negotiate scenarios/negotiation/london-2025.yaml --json --workers 2` as fresh
 * processes of the compiled CLI (`reps` timed runs after one untimed run) and reads the run's
 * counters from its JSON.
 *
 * @example
 * const r = benchLondon(3);
 * r.medianSeconds; // target < 10
 */
export function benchLondon(reps = 3, workers = 2): LondonBench {
  if (!existsSync(join(ROOT, 'dist', '.built')))
    throw new Error('Expected the compiled build (dist/), found none: run npm run build');
  const args = [join(ROOT, 'bin', 'lancaster.js'), 'negotiate', LONDON, '--json', '--workers', String(workers)];
  const once = () => {
    const t0 = performance.now();
    const p = spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const seconds = (performance.now() - t0) / 1000;
    if (p.status !== 0)
      throw new Error(
        `Expected lancaster negotiate london-2025.yaml to exit 0, found ${p.status ?? p.signal}: ${(p.stderr || String(p.error ?? '')).slice(0, 300)}`,
      );
    const out = JSON.parse(p.stdout) as {
      seconds: number;
      evaluation: { deals: number; solves: number; cacheHits: number; seconds: number; workers: number };
    };
    return { seconds, out };
  };
  once();
  const runs: ReturnType<typeof once>[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < reps; k++) {
    const before = childCpu();
    runs.push(once());
    cpu.push(childCpu() - before);
  }
  const med = median(runs.map((r) => r.seconds));
  const mid = runs.find((r) => r.seconds === med) ?? runs[0];
  const e = mid.out.evaluation;
  return {
    command: `node bin/lancaster.js negotiate scenarios/negotiation/london-2025.yaml --json --workers ${workers}`,
    medianSeconds: med,
    runs: runs.map((r) => r.seconds),
    cpuSeconds: cpu,
    deals: e.deals,
    solves: e.solves,
    cacheHits: e.cacheHits,
    mapSeconds: e.seconds,
    runSeconds: mid.out.seconds,
    solvesPerSecond: e.solves / Math.max(e.seconds, 1e-9),
    workers: e.workers,
  };
}

/** CPU seconds used so far by this process's finished children (Linux /proc; NaN elsewhere). */
function childCpu(): number {
  if (!existsSync(`/proc/${process.pid}/stat`)) return NaN;
  const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of /proc/PID/stat; f[0] is field 3 (the state). Clock ticks of 1/100 s.
  return (Number(f[13]) + Number(f[14])) / 100;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (process.argv[2] === 'london') {
    const reps = Number(process.argv[3] ?? 3);
    const r = benchLondon(Number.isFinite(reps) ? reps : 3);
    console.log(
      `London negotiation (whole process, ${r.workers} workers): median ${r.medianSeconds.toFixed(2)} s of ${r.runs.map((s) => s.toFixed(2)).join(', ')}; CPU ${r.cpuSeconds.map((s) => s.toFixed(2)).join(', ')} s; map of ${r.deals} deals ${r.mapSeconds.toFixed(2)} s, ${r.solves} solves (${r.solvesPerSecond.toFixed(0)}/s), ${r.cacheHits} cache hits; target < 10 s`,
    );
  } else {
    const [w, v] = process.argv.slice(2).map(Number);
    benchNegotiation(Number.isFinite(w) ? w : 2, Number.isFinite(v) ? v : 10).then((r) =>
      console.log(JSON.stringify(r)),
    );
  }
}
