/**
 * Who bears the cost of a chip control (issue 13; docs/controls.md "Incidence"): the change from one
 * policy state to another — a scenario against the baseline, or a timeline step against the step
 * before — in every region's real income, GDP and income from abroad (million USD a year at 2023
 * levels), the income of the US chip firms (US SEMI value added and rents plus the US-owned SEMI
 * value added abroad), and each controlled flow's lost sales, rents and government revenue.
 *
 * Run: `npx tsx src/report/chips.ts FILE [STEP_ID]` (prints the tables; `--json` for JSON).
 */
import { pathToFileURL } from 'node:url';
import type { ParsedScenario } from '../scenario/parse.ts';
import { readScenarioFile } from '../scenario/parse.ts';
import { scenarioDataset, policyState } from '../scenario/solve.ts';
import { timelineStates } from '../scenario/timeline.ts';
import {
  MODEL_SPECS,
  type PolicyState,
  type Solved,
  type GeModelResult,
  type ControlledFlowResult,
} from '../model/registry.ts';
import { NO_CONTROLS } from '../policy/controls.ts';
import type { Dataset } from '../data/dataset.ts';
import type { GeRun } from '../model/ge/run.ts';
import * as msg from '../spec/messages/run.ts';

export interface IncidenceRow {
  region: string;
  /** Change in real income (percentage points) and in million USD a year at baseline prices. */
  real_income_pp: number;
  real_income_musd: number;
  real_gdp_pp: number;
  /** Change in net income from abroad, million USD a year. */
  income_from_abroad_musd: number;
}

export interface ChipIncidence {
  from: string;
  to: string;
  rows: IncidenceRow[];
  /**
   * US chip firms: US SEMI value added + kept rents, and US-owned SEMI value added + rents abroad
   * (million USD a year).
   */
  us_chip_firms: { domestic_musd: number; abroad_musd: number; total_musd: number };
  /**
   * The controlled flows of the later state (value, quantity, rents, government revenue), with
   * their sales in the earlier state.
   */
  flows: (ControlledFlowResult & { value_earlier: number })[];
}

/**
 * Income of `owner`'s firms in sector `code`: domestic value added and rents (less foreign owners'
 * part) plus owned shares abroad.
 */
function firmIncome(
  d: Dataset,
  run: GeRun | undefined,
  owner: string,
  code: string,
): { domestic: number; abroad: number } {
  const { J } = d;
  const m = d.regions.indexOf(owner),
    j = d.sectors.indexOf(code);
  const own = d.manifest.ownership ?? [];
  if (!run) return { domestic: 0, abroad: 0 };
  const { baseline: b, solution: sol } = run;
  const B = sol.shares?.B ?? b.B;
  const rentCell = sol.transfers?.rentCell;
  const live = run.shock.ownership !== undefined;
  const cellIncome = (q: number) => B[q] * sol.Y[q] + (rentCell ? rentCell[q] : 0);
  const foreign = live
    ? own.filter((l) => l.region === owner && l.sector === code).reduce((s, l) => s + l.share, 0)
    : 0;
  const domestic = cellIncome(m * J + j) * (1 - foreign);
  const abroad = live
    ? own
        .filter((l) => l.owner === owner && l.sector === code)
        .reduce((s, l) => s + l.share * cellIncome(d.regions.indexOf(l.region) * J + j), 0)
    : 0;
  return { domestic, abroad };
}

function solve(p: ParsedScenario, d: Dataset, state: PolicyState): Solved {
  const s = MODEL_SPECS[p.scenario.model].solve(d, p.scenario, state);
  if (s.result.status !== 'converged') throw new RangeError(msg.solveDidNotConverge(s.result.message));
  return s;
}

/**
 * The incidence of `stepId` (a timeline step against the step before it) or, without it, of the
 * scenario's policy against the baseline (no tariff change, no controls).
 */
export function chipIncidence(p: ParsedScenario, stepId?: string): ChipIncidence {
  const d = scenarioDataset(p);
  let before: PolicyState, after: PolicyState, from: string, to: string;
  if (stepId) {
    const { start, steps } = timelineStates(p, d);
    const k = steps.findIndex((s) => s.step.id === stepId);
    if (k < 0)
      throw new RangeError(msg.unknownStep(stepId, p.file, steps.map((s) => s.step.id).filter(Boolean) as string[]));
    before = k > 0 ? steps[k - 1] : start;
    after = steps[k];
    from = k > 0 ? `${steps[k - 1].step.date} (before)` : 'start';
    to = `${steps[k].step.date} ${stepId}`;
  } else {
    after = policyState(p, d);
    before = { tau: Float64Array.from(d.tariff, (t) => 1 + t), controls: NO_CONTROLS, capacity: after.capacity };
    from = 'baseline';
    to = p.scenario.name;
  }
  const s0 = solve(p, d, before),
    s1 = solve(p, d, after);
  const r0 = s0.result.countries,
    r1 = s1.result.countries;
  const b = s1.ge!.baseline;
  const rows: IncidenceRow[] = d.regions.map((code, n) => {
    let I0 = b.VA[n] + b.D[n];
    for (let i = 0; i < d.N; i++)
      for (let j = 0; j < d.J; j++) {
        const q = (n * d.N + i) * d.J + j;
        I0 += b.X[n * d.J + j] * b.pi[q] * (1 - 1 / b.tau[q]);
      }
    const dri = (r1[code].real_income_pct ?? 0) - (r0[code].real_income_pct ?? 0);
    const nfi = (s: Solved) => {
      const t = s.ge?.solution.transfers;
      return t ? t.ownership[n] + t.governmentReceived[n] - t.governmentPaid[n] : 0;
    };
    return {
      region: code,
      real_income_pp: dri,
      real_income_musd: (dri / 100) * I0,
      real_gdp_pp: (r1[code].real_gdp_pct ?? 0) - (r0[code].real_gdp_pct ?? 0),
      income_from_abroad_musd: nfi(s1) - nfi(s0),
    };
  });
  // Firm income before: the earlier state's solve, or the baseline when it has no policy.
  const f0 = firmIncome(d, s0.ge, 'USA', 'SEMI');
  const f1 = firmIncome(d, s1.ge, 'USA', 'SEMI');
  const dom = f1.domestic - f0.domestic,
    abr = f1.abroad - f0.abroad;
  const g0 = s0.ge!.solution,
    tau0 = s0.ge!.shock.tauNew;
  const flows = ((s1.result as GeModelResult).export_controls ?? []).map((c) => {
    const n = d.regions.indexOf(c.destination),
      i = d.regions.indexOf(c.origin),
      j = d.sectors.indexOf(c.sector);
    const q = (n * d.N + i) * d.J + j;
    return { ...c, value_earlier: (g0.piNew[q] / tau0[q]) * g0.X[n * d.J + j] };
  });
  return { from, to, rows, us_chip_firms: { domestic_musd: dom, abroad_musd: abr, total_musd: dom + abr }, flows };
}

/** The incidence as text tables. */
function formatIncidence(
  x: ChipIncidence,
  regions = ['USA', 'CHN', 'TWN', 'KOR', 'JPN', 'EUR'],
  sectors = ['SEMI', 'c30'],
): string {
  const f = (v: number, k = 3) => (v >= 0 ? '+' : '') + v.toFixed(k);
  const lines = [
    `${x.to} vs ${x.from}`,
    'region  real income (pp)  ($m/yr)   real GDP (pp)  income from abroad ($m/yr)',
  ];
  for (const r of x.rows.filter((r) => regions.includes(r.region)))
    lines.push(
      `${r.region.padEnd(6)}  ${f(r.real_income_pp).padStart(14)}  ${f(r.real_income_musd, 0).padStart(8)}  ` +
        `${f(r.real_gdp_pp, 4).padStart(13)}  ${f(r.income_from_abroad_musd, 0).padStart(10)}`,
    );
  const u = x.us_chip_firms;
  lines.push(
    `US chip firms' income ($m/yr): ${f(u.total_musd, 0)} (US SEMI value added and rents ` +
      `${f(u.domestic_musd, 0)}, US-owned SEMI value added abroad ${f(u.abroad_musd, 0)})`,
  );
  const bn = (musd: number) => `$${(musd / 1000).toFixed(2)}bn`;
  for (const c of x.flows.filter((c) => sectors.includes(c.sector))) {
    const kept = JSON.stringify(Object.fromEntries(Object.entries(c.rent_to).map(([k, v]) => [k, Math.round(v)])));
    const government = c.government ? `, ${c.government} government $${c.government_revenue!.toFixed(0)}m` : '';
    lines.push(
      `flow ${c.origin}→${c.destination} ${c.sector}: approval ${c.approval}, rents ${c.rents}, ` +
        `quantity ${f(c.quantity_pct, 2)}%, sales ${bn(c.value_before)} (baseline), ` +
        `${bn(c.value_earlier)} (earlier state) → ${bn(c.value_after)}, rent kept $${c.rent.toFixed(0)}m ${kept}, ` +
        `lost $${c.rent_lost.toFixed(0)}m${government}`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2).filter((a) => a !== '--json');
  if (!args[0]) {
    console.error(msg.usageTsxSrc());
    process.exit(2);
  }
  const x = chipIncidence(readScenarioFile(args[0]), args[1]);
  console.log(process.argv.includes('--json') ? JSON.stringify(x, null, 2) : formatIncidence(x));
}
