/**
 * Worked example (docs/strategy.md): the US–China tariff war by goods sector on multisector-2025
 * and the agreements both prefer to it. Prints Markdown tables. Run:
 *   npx tsx src/strategy/examples/us-china-war.ts [workers]
 * (about 2–3 minutes on 2 cores with 2 workers).
 */
import { fileURLToPath } from 'node:url';
import { readScenarioFile } from '../../scenario/parse.ts';
import { prepareStrategy } from '../check.ts';
import { runStrategy } from '../run.ts';

const FILE = fileURLToPath(new URL('../../../scenarios/strategy/us-china-sector-talks.yaml', import.meta.url));
const p = prepareStrategy(readScenarioFile(FILE));
p.strategy.options.workers = Number(process.argv[2] ?? 2);
const o = await runStrategy(p.spec, p.strategy);
const d = p.dataset;
const { N, J } = d;
const us = d.regions.indexOf('USA'),
  cn = d.regions.indexOf('CHN');
const nb = o.agreements!['nash-bargaining'],
  eg = o.agreements!['equal-gains'];
const pct = (v: number) => (100 * v).toFixed(1);
const sectors = p.spec.instruments.filter((r) => r.player === 'USA').map((r) => d.sectors[r.cells[0] % J]);

const lines: string[] = [];
lines.push(
  '| sector | θ | US on CHN: 20 Jan 2025 | war | Nash bargaining | equal gains | CHN ' +
    'on US: 20 Jan 2025 | war | Nash bargaining | equal gains |',
);
lines.push('|---|---|---|---|---|---|---|---|---|---|');
const avg = { us: [0, 0, 0, 0, 0], cn: [0, 0, 0, 0, 0] };
for (const s of sectors) {
  const j = d.sectors.indexOf(s);
  const u = `us_${s}`,
    c = `cn_${s}`;
  const wu = d.flows[(us * N + cn) * J + j],
    wc = d.flows[(cn * N + us) * J + j];
  const row = (id: string) => [o.start.policy[id], o.war!.policy[id], nb.policy[id], eg.policy[id]];
  row(u).forEach((v, k) => (avg.us[k] += wu * v));
  row(c).forEach((v, k) => (avg.cn[k] += wc * v));
  avg.us[4] += wu;
  avg.cn[4] += wc;
  lines.push(`| ${s} | ${d.theta[j].toFixed(2)} | ${row(u).map(pct).join(' | ')} | ${row(c).map(pct).join(' | ')} |`);
}
const w = (a: number[]) => a.slice(0, 4).map((v) => pct(v / a[4]));
lines.push(`| **trade-weighted mean** | | ${w(avg.us).join(' | ')} | ${w(avg.cn).join(' | ')} |`);
const simple = (pre: string, pick: (id: string) => number) =>
  pct(sectors.reduce((a, s) => a + pick(`${pre}_${s}`), 0) / sectors.length);
const policies = [o.start.policy, o.war!.policy, nb.policy, eg.policy];
const means = (pre: string) => policies.map((q) => simple(pre, (id) => q[id])).join(' | ');
lines.push(`| simple mean | | ${means('us')} | ${means('cn')} |`);
lines.push('');
lines.push('| outcome | USA real income % | CHN real income % | USA gain over war % | CHN gain over war % |');
lines.push('|---|---|---|---|---|');
const f = (v: number | undefined) => (v === undefined ? '' : v.toFixed(3));
lines.push(`| 20 Jan 2025 tariffs (start) | ${f(o.start.objectives.USA)} | ${f(o.start.objectives.CHN)} | | |`);
lines.push(
  `| trade war (Nash, ${o.war!.rounds} rounds) | ${f(o.war!.objectives.USA)} | ${f(o.war!.objectives.CHN)} | 0 | 0 |`,
);
lines.push(
  `| Nash bargaining | ${f(nb.objectives.USA)} | ${f(nb.objectives.CHN)} | ${f(nb.gains.USA)} | ${f(nb.gains.CHN)} |`,
);
lines.push(
  `| equal proportional gains | ${f(eg.objectives.USA)} | ` +
    `${f(eg.objectives.CHN)} | ${f(eg.gains.USA)} | ${f(eg.gains.CHN)} |`,
);
for (const a of o.frontier ?? [])
  lines.push(
    `| frontier ω = (${f(a.weights?.USA)}, ${f(a.weights?.CHN)}) | ${f(a.objectives.USA)} | ` +
      `${f(a.objectives.CHN)} | ${f(a.gains.USA)} | ${f(a.gains.CHN)} |`,
  );
lines.push('');
lines.push(
  `War path (mean absolute tariff change per round): ${o
    .war!.path.slice(1)
    .map((r) => `${r.round}: ${r.change.toExponential(2)}`)
    .join(', ')}`,
);
lines.push('');
const s = o.solves;
lines.push(
  `${o.converged ? 'Converged' : 'NOT converged'}: ${o.message}. ${s.requested} evaluations, ${s.solves} solves ` +
    `(${s.warmStarts} warm-started, ${s.cacheHits} cache hits), ${s.solves_per_second.toFixed(0)} solves/s, ` +
    `${s.wall_seconds.toFixed(0)} s wall with ${p.strategy.options.workers} workers.`,
);
process.stdout.write(`${lines.join('\n')}\n`);
if (!o.converged) process.exitCode = 1;
