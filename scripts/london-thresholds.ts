/**
 * Sensitivity of the London answer to the leaders' thresholds, within the bounds the 2025
 * approvals imply (docs/london-2025.md "Ratification calibrated"). One map of the deals (cached in
 * this process), then the linkage summary for each threshold setting.
 * Run: `npx tsx scripts/london-thresholds.ts [scenarios/negotiation/london-2025.yaml]`.
 */
import { readScenarioFile } from '../src/scenario/parse.ts';
import { runTradeNegotiation } from '../src/negotiate/trade/run.ts';

const file = process.argv[2] ?? 'scenarios/negotiation/london-2025.yaml';
const base = readScenarioFile(file);
const neg = base.scenario.negotiation as {
  parties: Record<string, { leader?: { threshold: unknown } }>;
  replications: number;
};
neg.replications = 1;
const first = await runTradeNegotiation(base);
const bounds = first.calibration!.leaders.map((l) => l.bound);
const parties = first.parties;
const rows: [string, unknown, unknown][] = [
  ['file', neg.parties[parties[0]].leader?.threshold, neg.parties[parties[1]].leader?.threshold],
  [
    'earlier stated prior Normal(0.005, 0.01)',
    { kind: 'normal', mean: 0.005, sd: 0.01 },
    { kind: 'normal', mean: 0.005, sd: 0.01 },
  ],
  ['θ at the bounds', { kind: 'known', value: bounds[0] }, { kind: 'known', value: bounds[1] }],
  ['θ = bound − 0.05 pp', { kind: 'known', value: bounds[0] - 0.05 }, { kind: 'known', value: bounds[1] - 0.05 }],
  [
    'θ uniform on [bound − 0.1, bound]',
    { kind: 'uniform', min: bounds[0] - 0.1, max: bounds[0] },
    { kind: 'uniform', min: bounds[1] - 0.1, max: bounds[1] },
  ],
  ['θ = 0 (both)', { kind: 'known', value: 0 }, { kind: 'known', value: 0 }],
];
console.log(
  `bounds from the approvals: ${parties.map((p, k) => `${p} θ ≤ ${bounds[k].toFixed(4)} pp (${first.calibration!.leaders[k].binding})`).join(', ')}`,
);
console.log('| thresholds | separate | linked | full | win-sets USA/CHN (full) |\n|---|---|---|---|---|');
for (const [label, a, b] of rows) {
  neg.parties[parties[0]].leader!.threshold = a;
  neg.parties[parties[1]].leader!.threshold = b;
  const r = await runTradeNegotiation(base);
  const l = r.linkage;
  console.log(
    `| ${label} | ${l.separate.ratifiable} | ${l.linked.ratifiable} | ${l.full.ratifiable} | ${(l.full as unknown as { win_sets: { count: number[] } }).win_sets.count.join(' / ')} |`,
  );
}
