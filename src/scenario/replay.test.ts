import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readScenarioFile } from './parse.ts';
import { runTimeline } from './runTimeline.ts';
import { scenarioDataset } from './solve.ts';
import { monthlyPath, pathOver, periodGrid } from './replay.ts';
import { months } from '../policy/clock.ts';
import { fitWithinYear } from './fit.ts';
import { windowMean } from '../report/series.ts';
import { SCENARIO_DIR } from '../cli/run.ts';
import { OBSERVED_CHN_USA_MONTHLY } from '../data/observed.ts';
import { adjustmentMonths } from '../model/dynamics/adjust.ts';

const p = readScenarioFile(join(SCENARIO_DIR, 'us-china-2025.yaml'));
const run = runTimeline(p);
const d = scenarioDataset(p);
const pairs = Object.keys(run.steps[0].trade!);

describe('the 2025 replay in time', () => {
  it('reports every report.trade pair at every step, and the average tariff of each report country on all partners', () => {
    expect(pairs).toEqual(p.scenario.report!.trade);
    for (const s of run.steps) {
      for (const k of pairs) expect(Number.isFinite(s.trade![k]), `${s.date} ${k}`).toBe(true);
      for (const c of p.scenario.report!.countries!)
        expect(Number.isFinite(s.average_tariffs[`${c}<-*`]), `${s.date} ${c}<-*`).toBe(true);
    }
  });

  it("with adjustment switched off equals today's sequence of equilibria, month by month", () => {
    const path = monthlyPath(run, ['USA', 'CHN'], 0);
    const grid = months('2025-01-01', '2025-12-31');
    path.forEach((pt, m) => {
      const from = `${grid.labels[m]}-01`;
      const to = new Date((grid.end[m] - 1) * 86_400_000).toISOString().slice(0, 10);
      for (const k of pairs)
        expect(pt.trade[k], `${k} ${pt.period}`).toBeCloseTo(
          windowMean(run.steps, from, to, (s) => s.trade![k]),
          9,
        );
      expect(pt.countries.USA.real_income_pct).toBeCloseTo(
        windowMean(run.steps, from, to, (s) => s.countries.USA.real_income_pct!),
        9,
      );
    });
  });

  it('converges to the long-run equilibrium of the last step when the policy stays', () => {
    const last = run.steps[run.steps.length - 1];
    const far = pathOver(run, ['USA', 'CHN'], periodGrid('2080-01-01', '2080-01-31'), adjustmentMonths(0.38))[0];
    for (const k of pairs) expect(far.trade[k], k).toBeCloseTo(last.trade![k], 6);
    expect(far.countries.CHN.prices_pct).toBeCloseTo(last.countries.CHN.prices_pct!, 6);
  });

  it('moves trade less than the equilibria within months of a change, in the same direction', () => {
    const adj = monthlyPath(run, [], adjustmentMonths(0.38));
    const eq = monthlyPath(run, [], 0);
    const may = adj.findIndex((x) => x.period === '2025-05');
    expect(adj[may].trade['CHN->USA']).toBeLessThan(0);
    expect(adj[may].trade['CHN->USA']).toBeGreaterThan(eq[may].trade['CHN->USA']);
  });

  it('fits the within-a-year elasticity on the first half only and marks the second half predicted', () => {
    const fit = fitWithinYear(run, d);
    expect(fit.rows.filter((r) => r.role === 'fitted').map((r) => r.period)).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(fit.out_of_sample.points).toBe(6);
    expect(fit.fitted.ratio).toBeGreaterThan(0);
    expect(fit.fitted.ratio).toBeLessThan(1);
    // the second half never enters the estimate
    const moved = OBSERVED_CHN_USA_MONTHLY.map((o) => (o.period > '2025-06' ? { ...o, pct: o.pct - 20 } : o));
    expect(fitWithinYear(run, d, '2025-06', 'CHN->USA', moved).fitted.ratio).toBeCloseTo(fit.fitted.ratio, 12);
  });
});

describe('anticipation', () => {
  it('moves flows against an announced change before its date, and changes nothing after the policy settles', () => {
    const k = run.steps.findIndex((s) => s.announced === '2025-04-02');
    expect(k).toBeGreaterThan(0);
    const T = adjustmentMonths(0.38);
    const grid = periodGrid('2025-04-02', '2025-04-08');
    const off = pathOver(run, [], grid, T, 0)[0],
      on = pathOver(run, [], grid, T, 0.3)[0];
    // the 9 April step cuts China's exports to the US: with anticipation they rise before it
    expect(run.steps[k].trade!['CHN->USA']).toBeLessThan(run.steps[k - 1].trade!['CHN->USA']);
    expect(on.trade['CHN->USA']).toBeGreaterThan(off.trade['CHN->USA']);
    const far = periodGrid('2080-01-01', '2080-01-31');
    expect(pathOver(run, [], far, T, 0.3)[0].trade['CHN->USA']).toBeCloseTo(
      pathOver(run, [], far, T, 0)[0].trade['CHN->USA'],
      9,
    );
  });
});
