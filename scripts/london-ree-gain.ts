/**
 * With security weights 0 (the file's objectives: real income only), what China's raising its
 * rare-earth approval rate from 25% to 60% is worth to each side, every other issue at the London
 * state (docs/london-2025.md): the file's negotiation with its domain cut to that one move, so the
 * map solves exactly the two states with the file's model, capacity bounds and objectives.
 * Run: `npx tsx scripts/london-ree-gain.ts [scenarios/negotiation/london-2025.yaml]`.
 */
import { readScenarioFile } from '../src/scenario/parse.ts';
import { runTradeNegotiation } from '../src/negotiate/trade/run.ts';

const file = process.argv[2] ?? 'scenarios/negotiation/london-2025.yaml';
const base = readScenarioFile(file);
const neg = base.scenario.negotiation as {
  replications: number;
  domain: { issues: { id: string; grid: number[] }[]; calibration?: unknown; linkage?: unknown };
};
neg.replications = 1;
for (const issue of neg.domain.issues) issue.grid = issue.id === 'ree' ? [0.25, 0.6] : [0];
const r = await runTradeNegotiation(base);
// Two deals: the London state itself (utility 0 to both by construction) and the move.
const moved = r.analysis.pareto.filter((u) => u.some((v) => v !== 0));
if (r.analysis.outcomes !== 2 || moved.length !== 1)
  throw new Error(
    `expected 2 deals, one of them the move, found ${r.analysis.outcomes} deals and ${moved.length} moves`,
  );
const [us, cn] = moved[0];
console.log(
  `China's REE approval 25% → 60% (others at the London state, security weights 0, ${r.provenance.dataset.id} v${r.provenance.dataset.version}): ${r.parties[0]} ${us >= 0 ? '+' : ''}${us.toFixed(3)} pp, ${r.parties[1]} ${cn >= 0 ? '+' : ''}${cn.toFixed(3)} pp of real income`,
);
