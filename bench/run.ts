/**
 * `npm run bench`: every speed target of the project, raced against the reference peers in the
 * same run (medians of repeated runs; the ratio is what counts on a noisy machine): first whole
 * processes as a user runs them (bench/processes.ts, the compiled CLI), then the in-process solves.
 * Writes bench/out/latest.json as well as printing a table. `LANCASTER_BENCH_ONLY=processes,cp2015`
 * runs only the named parts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCp2015 } from './cp2015.ts';
import { benchMultisector } from './multisector.ts';
import { benchOneSector2025 } from './one-sector-2025-kernel.ts';
import { benchPareto } from './pareto.ts';
import { ALL_PARTNER_WAR, benchStrategy } from './strategy.ts';
import { benchLondon, benchNegotiation } from './negotiation.ts';
import { benchProcesses, type ProcessRace } from './processes.ts';
import { benchGravity } from './gravity.ts';
import { benchReplay } from './replay.ts';
import { benchSweep } from './sweep.ts';
import { benchCriticalSupply } from './critical-supply.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Row {
  benchmark: string;
  lancaster: string;
  reference: string;
  ratio: string;
  target: string;
}
const rows: Row[] = [];
const report: Record<string, unknown> = {};
const f3 = (s: number) => `${(s * 1000).toFixed(1)} ms`;

/** Whole processes (start-up included) of the compiled CLI against the reference's whole processes. */
function processes() {
  const r = benchProcesses(7);
  report.processes = r;
  const s = (t: { medianSeconds: number }) => `${t.medianSeconds.toFixed(3)} s`;
  rows.push({
    benchmark: 'whole process: lancaster --help',
    lancaster: s(r.help),
    reference: `node -e '' ${s(r.bareNode)} (Node start-up)`,
    ratio: '—',
    target: '< 0.3 s',
  });
  const race = (name: string, x: ProcessRace, ref: string, target = '≥ 3×') =>
    rows.push({
      benchmark: name,
      lancaster: s(x.lancaster),
      reference:
        'medianSeconds' in x.reference ? `${s(x.reference)} (${ref})` : `unavailable (${x.reference.unavailable})`,
      ratio: Number.isFinite(x.ratio) ? `${x.ratio.toFixed(1)}×` : 'n/a',
      target,
    });
  race(
    'whole process: lancaster solve nafta-cp2015.yaml (zero-deficit baseline + counterfactual)',
    r.cp2015,
    'python3 cp2015_numpy.py --json',
  );
  race(
    'same, without the code cache and the baseline store (LANCASTER_CODE_CACHE=off LANCASTER_BASELINE_CACHE=off)',
    r.cp2015NoCaches,
    'python3 cp2015_numpy.py --json',
    '— (shown)',
  );
  race(
    'whole process: lancaster solve table1-case1 (one sector, 194 economies)',
    r.oneSector,
    'python3 ref_imls2025_timing.py --single',
  );
  for (const x of [r.cp2015, r.cp2015NoCaches, r.oneSector])
    for (const a of x.answers) {
      if (a.reference !== null && Math.abs(a.lancaster - a.reference) > 1e-3)
        throw new Error(
          `Expected the same ${a.field} from both sides of the race, found ${a.lancaster} and ${a.reference}`,
        );
    }
}

async function cp2015() {
  const r = await benchCp2015(7);
  report.cp2015 = r;
  const ref =
    'medianSeconds' in r.reference ? f3(r.reference.medianSeconds) : `unavailable (${r.reference.unavailable})`;
  rows.push({
    benchmark: 'CP2015 NAFTA: zero-deficit baseline + counterfactual',
    lancaster: f3(r.lancaster.medianSeconds),
    reference: `${ref} (numpy)`,
    ratio: Number.isFinite(r.ratio) ? `${r.ratio.toFixed(1)}×` : 'n/a',
    target: '≥ 10× (aim 30×)',
  });
}

async function multisector() {
  const r = await benchMultisector(7);
  report.multisector = r;
  const ref =
    'medianSeconds' in r.reference ? f3(r.reference.medianSeconds) : `unavailable (${r.reference.unavailable})`;
  rows.push({
    benchmark: `multisector-2025 with China's REE licensing (${r.lancaster.binding} binding caps)`,
    lancaster: `${f3(r.lancaster.medianSeconds)} (${r.lancaster.iterations} it.)`,
    reference: `${ref} (numpy NAFTA counterfactual)`,
    ratio: Number.isFinite(r.ratio) ? `${r.ratio.toFixed(1)}×` : 'n/a',
    target: '≥ 5×',
  });
}

function criticalSupply() {
  const r = benchCriticalSupply();
  report.criticalSupply = r;
  const row = (what: string, x: { medianSeconds: number; iterations: number }) =>
    `${what} ${f3(x.medianSeconds)} (${x.iterations} it.)`;
  rows.push({
    benchmark:
      "multisector-2025, China's REE licensing at 25%, σ = 0.1: with capacities outside China and stocks (a mid-path span: US and EU users still drawing) vs the same without either",
    lancaster: row('with', r.withStocks),
    reference: row('without', r.without),
    ratio: `${r.ratioStocks.toFixed(2)}×`,
    target: '≤ 2×',
  });
  rows.push({
    benchmark: 'same, with capacities and every stock run out (the hardest state: all bounds bind)',
    lancaster: row('with', r.withCapacity),
    reference: row('without', r.without),
    ratio: `${r.ratioCapacity.toFixed(2)}× (per iteration ${r.ratioPerIteration.toFixed(2)}×)`,
    target: '≤ 2×',
  });
}

async function oneSector() {
  const ours = await benchOneSector2025();
  const script = join(ROOT, 'bench', 'ref_imls2025_timing.py');
  const refRun = existsSync(resolve(ROOT, '..', 'shared', 'reference', 'imls2025.py'))
    ? spawnSync('python3', [script], { encoding: 'utf8', cwd: ROOT })
    : undefined;
  let refSeconds = NaN;
  if (refRun?.status === 0) refSeconds = JSON.parse(refRun.stdout.trim().split('\n').pop()!).seconds;
  report.oneSector2025 = { lancaster: ours, referenceSeconds: refSeconds };
  rows.push({
    benchmark: 'one-sector-2025: one 194-country solve (Table 1 case 1)',
    lancaster: `${f3(ours.seconds)} (${ours.iterations} it.)`,
    reference: Number.isFinite(refSeconds) ? `${f3(refSeconds)} (numpy/scipy, no start-up)` : 'unavailable',
    ratio: Number.isFinite(refSeconds) ? `${(refSeconds / ours.seconds).toFixed(1)}×` : 'n/a',
    target: '≥ 5×',
  });
}

function pareto() {
  const times: number[] = [];
  let last = benchPareto();
  for (let k = 0; k < 5; k++) {
    last = benchPareto();
    times.push(last.seconds);
  }
  times.sort((a, b) => a - b);
  const med = times[2];
  report.pareto = { ...last, medianSeconds: med };
  rows.push({
    benchmark: `Pareto frontier, ${last.outcomes.toLocaleString('en')} outcomes (${last.paretoSize} on the frontier)`,
    lancaster: f3(med),
    reference: '5.7 s (NegMAS, stated in the issue)',
    ratio: `${(5.7 / med).toFixed(0)}×`,
    target: '< 2 s',
  });
}

async function strategy() {
  const r = await benchStrategy(2);
  report.strategy = r;
  rows.push({
    benchmark: `US–China tariff war by goods sector, multisector-2025 (${r.instruments} tariffs, 2 workers)`,
    lancaster: `${r.wall_seconds.toFixed(1)} s, ${r.solves.solves} solves (${r.solves_per_second.toFixed(0)}/s), ${r.rounds} rounds, ${r.converged ? 'converged' : 'NOT converged'}`,
    reference: '—',
    ratio: '—',
    target: '< 10 min',
  });
}

async function allPartnerWar() {
  const r = await benchStrategy(2, ALL_PARTNER_WAR);
  report.allPartnerWar = r;
  rows.push({
    benchmark: `All-partner tariff war (Ossa setting), multisector-2025 (${r.instruments} tariffs, 2 workers)`,
    lancaster: `${r.wall_seconds.toFixed(1)} s, ${r.solves.solves} solves (${r.solves_per_second.toFixed(0)}/s), ${r.rounds} rounds, ${r.converged ? 'converged' : 'NOT converged'}`,
    reference: '—',
    ratio: '—',
    target: '< 10 min',
  });
}

async function negotiation() {
  const r = await benchNegotiation(2, 10);
  report.negotiation = r;
  const t = r.trade;
  rows.push({
    benchmark: `Trade-domain map, London state, ${t.deals.toLocaleString('en')} deals (2 workers)`,
    lancaster: `${t.seconds.toFixed(1)} s, ${t.solves} solves (${(1000 * t.secondsPerSolve).toFixed(1)} ms each), ${t.cacheHits} cached, ${t.failed} failed; frontier ${t.paretoSize}`,
    reference: '—',
    ratio: '—',
    target: 'printed',
  });
}

function london() {
  const r = benchLondon(3, 2);
  report.london = r;
  rows.push({
    benchmark: `whole process: lancaster negotiate london-2025.yaml (${r.deals}-deal map on ${r.workers} workers, calibration, ratification, sessions)`,
    lancaster: `${r.medianSeconds.toFixed(2)} s (map ${r.mapSeconds.toFixed(2)} s, ${r.solves} solves, ${r.solvesPerSecond.toFixed(0)}/s)`,
    reference: '—',
    ratio: '—',
    target: '< 10 s',
  });
}

function gravity() {
  const r = benchGravity(7);
  report.gravity = r;
  const ref = 'ppmlSeconds' in r.reference ? r.reference : undefined;
  rows.push({
    benchmark: `Three-way PPML, ${r.ppml.observations.toLocaleString('en')} flows of the 7,744-row WIOD panel (ge_gravity example)`,
    lancaster: `${f3(r.ppml.medianSeconds)} (${r.ppml.iterations} it., ${r.ppml.sweeps} sweeps)`,
    reference: ref
      ? `${f3(ref.ppmlSeconds)} (numpy IRLS + plain alternating projections)`
      : `unavailable (${(r.reference as { unavailable: string }).unavailable})`,
    ratio: ref ? `${(ref.ppmlSeconds / r.ppml.medianSeconds).toFixed(1)}×` : 'n/a',
    target: 'printed',
  });
  rows.push({
    benchmark: 'GE gravity counterfactual, 44 countries (EU enlargements, θ = 4)',
    lancaster: `${f3(r.ge.medianSeconds)} (${r.ge.iterations} it.); bootstrap ${f3(r.bootstrapSecondsPerReplication)}/replication`,
    reference: ref ? `${f3(ref.geSeconds)} (numpy ge_gravity loop)` : 'unavailable',
    ratio: ref ? `${(ref.geSeconds / r.ge.medianSeconds).toFixed(1)}×` : 'n/a',
    target: 'printed',
  });
}

function replay() {
  const r = benchReplay(3);
  report.replay = r;
  rows.push({
    benchmark: `2025 replay, all partners: ${r.steps} steps, ${r.solves} solves (long run, ×0.4, BLP levels), monthly paths, fit (${r.status})`,
    lancaster: `${r.medianSeconds.toFixed(2)} s`,
    reference: '— (no peer replays a timeline)',
    ratio: '—',
    target: '< 10 s',
  });
}

async function sweep() {
  const r = await benchSweep();
  report.sweep = r;
  const rate = (e: string, n: number) => r.runs.find((x) => x.executor === e && x.workers === n);
  for (const n of [1, 2]) {
    const t = rate('threads', n)!,
      q = rate('queue', n);
    rows.push({
      benchmark: `Sweep of the 2025 replay (long run), ${r.draws} draws + central, ${n} worker${n > 1 ? 's' : ''}`,
      lancaster: q
        ? `BullMQ ${q.runsPerSecond.toFixed(3)} runs/s (${q.seconds.toFixed(0)} s, CPU ${q.cpuSecondsPerRun.toFixed(2)} s/run)`
        : `BullMQ unavailable (${r.unavailable})`,
      reference: `threads ${t.runsPerSecond.toFixed(3)} runs/s (${t.seconds.toFixed(0)} s, CPU ${t.cpuSecondsPerRun.toFixed(2)} s/run)`,
      ratio: q ? `${(n === 1 ? r.ratio1 : r.ratio2).toFixed(2)}×` : 'n/a',
      target: '≥ 0.9× of threads',
    });
  }
}

// LANCASTER_BENCH_ONLY=processes,cp2015 runs only the named parts (a quick re-check of one target);
// the full run is the default and the one the targets are read from.
const parts: Record<string, () => unknown> = {
  processes,
  cp2015,
  multisector,
  replay,
  criticalSupply,
  oneSector,
  pareto,
  strategy,
  allPartnerWar,
  negotiation,
  london,
  gravity,
  sweep,
};
const only = process.env.LANCASTER_BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const name of only ?? []) {
  if (!(name in parts))
    throw new Error(`Expected LANCASTER_BENCH_ONLY to name parts of ${Object.keys(parts).join(', ')}, found "${name}"`);
}
report.parts = only ?? Object.keys(parts);
for (const [name, run] of Object.entries(parts)) if (!only || only.includes(name)) await run();
const rss = process.resourceUsage().maxRSS / 1024;
report.peakRssMB = rss;
const widths = (Object.keys(rows[0]) as (keyof Row)[]).map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
console.log(line(Object.keys(rows[0])));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(Object.values(r)));
console.log(`peak memory (RSS) of the Lancaster process: ${rss.toFixed(0)} MB`);
mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'out', 'latest.json'), JSON.stringify(report, null, 2));
