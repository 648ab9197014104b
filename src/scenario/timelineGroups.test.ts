import { describe, expect, it } from 'vitest';
import { parseScenarioText } from './parse.ts';
import { runTimeline } from './runTimeline.ts';
import { scenarioDataset, solveScenario } from './solve.ts';
import { monthlyPath } from './replay.ts';
import { months } from '../policy/clock.ts';
import { windowMean } from '../report/series.ts';
import { TimelineRunSchema } from '../contract/result.ts';

// Two tariff steps on the 2025 dataset, reporting the EU (a dataset group: DEU, FRA, ITA, EUR).
const text = `lancaster: 1
name: report groups
model: multisector
dataset: multisector-2025
options: { baseline: keep-deficits }
report: { countries: [USA, EU, CHN] }
timeline:
  - { date: 2025-02-04, label: a, source: s, tariffs: [ { importer: USA, exporter: CHN, add: 0.2 } ] }
  - { date: 2025-04-09, label: b, source: s, tariffs: [ { importer: USA, exporter: CHN, add: 0.5 } ] }
`;
const p = parseScenarioText(text, 'groups.yaml');
const members = scenarioDataset(p).manifest.groups.EU;
const run = runTimeline(p);

describe("the report's groups in a timeline", () => {
  it("a timeline step and its monthly path carry the report's groups", () => {
    for (const s of run.steps) {
      const eu = s.groups?.EU;
      expect(eu, s.date).toBeDefined();
      // The same fields as a member's row, at the step and at the run's horizon.
      expect(Object.keys(eu!).sort()).toEqual(Object.keys(s.countries.DEU).sort());
      expect(s.by_horizon['long-run']?.groups?.EU).toEqual(eu);
      // A mean of the members, not one of them or their sum.
      const xs = members.map((c) => s.countries[c].real_income_pct!);
      expect(eu!.real_income_pct).toBeGreaterThan(Math.min(...xs));
      expect(eu!.real_income_pct).toBeLessThan(Math.max(...xs));
    }
    expect(run.path?.length).toBeGreaterThan(0);
    for (const pt of run.path!) {
      expect(Object.keys(pt.countries)).toEqual(['USA', 'CHN']);
      expect(Object.keys(pt.groups?.EU ?? {})).toEqual(['real_income_pct', 'real_gdp_pct', 'prices_pct']);
    }
    expect(() => TimelineRunSchema.parse(run)).not.toThrow();
  });

  it("with adjustment switched off, the group's path is the mean of its steps month by month", () => {
    const path = monthlyPath(run, ['EU'], 0, '2025-02-01', '2025-12-31');
    const grid = months('2025-02-01', '2025-12-31');
    path.forEach((pt, m) => {
      const from = `${grid.labels[m]}-01`;
      const to = new Date((grid.end[m] - 1) * 86_400_000).toISOString().slice(0, 10);
      expect(pt.groups?.EU.real_income_pct, pt.period).toBeCloseTo(
        windowMean(run.steps, from, to, (s) => s.groups!.EU.real_income_pct!),
        9,
      );
    });
  });

  it('a single solve reports the group as its timeline steps do', () => {
    const solve = parseScenarioText(text.replace(/timeline:[\s\S]*$/, ''), 'groups-solve.yaml');
    const r = solveScenario(solve);
    expect(Object.keys(r.groups ?? {})).toEqual(['EU']);
    expect(Object.keys(r.groups!.EU).sort()).toEqual(Object.keys(r.countries.DEU).sort());
  });
});
