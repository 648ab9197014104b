import { describe, it, expect } from 'vitest';
import { readScenarioFile } from './parse.ts';
import { checkScenario, scenarioDataset } from './solve.ts';
import { timelineStates } from './timeline.ts';
import { averageTariffPct } from '../policy/average.ts';
import { SCENARIO_DIR } from '../cli/run.ts';
import { OBSERVED_TARIFFS } from '../data/observed.ts';
import { join } from 'node:path';

const p = readScenarioFile(join(SCENARIO_DIR, 'us-china-2025.yaml'));

describe('the embedded us-china-2025 scenario', () => {
  it('loads and validates against the default model and dataset', () => {
    expect(p.scenario.model).toBe('multisector');
    const { dataset } = checkScenario(p);
    expect(dataset.manifest.id).toBe('multisector-2025');
  });

  it('cites a timeline-2025 row for every step, and says what is assumed', () => {
    for (const s of p.scenario.timeline!) {
      expect(s.source, s.label).toMatch(/timeline-2025 §\d|us_tariff_tracker_2025\/country-by-time\.csv/);
      if (s.assumption !== undefined) expect(s.assumption.length).toBeGreaterThan(20);
    }
    expect(p.scenario.timeline!.filter((s) => s.assumption).length).toBeGreaterThan(5);
  });

  it("matches PIIE's average tariffs each way within 1 point at the dates PIIE gives", () => {
    const d = scenarioDataset(p);
    const { steps } = timelineStates(p, d);
    const goods = d.manifest.sector_groups!.goods.map((c) => d.sectors.indexOf(c));
    const us = d.regions.indexOf('USA'),
      cn = d.regions.indexOf('CHN');
    for (const o of OBSERVED_TARIFFS) {
      const state = [...steps].reverse().find((s) => s.step.date <= o.date)!;
      const [n, i] = o.pair === 'USA<-CHN' ? [us, cn] : [cn, us];
      expect(
        Math.abs(averageTariffPct(d, state.tau, n, i, goods) - o.pct),
        `${o.pair} on ${o.date}`,
      ).toBeLessThanOrEqual(1);
    }
  });

  it('has the talks at Geneva and Lancaster House with their delegations, and the truce deadlines', () => {
    const talks = p.scenario.timeline!.filter((s) => s.talks);
    expect(talks.map((s) => s.talks!.city)).toEqual(
      expect.arrayContaining(['Geneva', 'London', 'Stockholm', 'Madrid', 'Kuala Lumpur', 'Busan']),
    );
    const london = talks.find((s) => s.talks!.venue === 'Lancaster House')!;
    expect(london.date).toBe('2025-06-09');
    expect(london.talks!.delegations!.USA).toEqual(
      expect.arrayContaining(['Scott Bessent', 'Howard Lutnick', 'Jamieson Greer']),
    );
    expect(p.scenario.timeline!.filter((s) => s.deadline).map((s) => s.deadline!.date)).toEqual([
      '2025-08-12',
      '2025-11-10',
      '2026-11-10',
    ]);
  });
});
