import { describe, expect, it } from 'vitest';
import type { GeModelResult } from '../model/registry.ts';
import type { Scenario } from '../spec/scenario.ts';
import type { TimelineRun } from './runTimeline.ts';
import { solveMeasures, timelineMeasures } from './reported.ts';

const row = (w: number) => ({ welfare_pct: w });
const result = (groups?: Record<string, unknown>) =>
  ({
    model: 'cp2015',
    dataset: 'cp2015',
    status: 'converged',
    countries: { CAN: row(1), MEX: row(2), USA: row(3), BRA: row(4) },
    ...(groups ? { groups } : {}),
  }) as unknown as GeModelResult;
const reporting = (countries: string[]) => ({ report: { countries } }) as unknown as Scenario;
const NAFTA = { NAFTA: ['CAN', 'MEX', 'USA'] };

describe('the measures a sweep keeps of a draw', () => {
  it('keeps a dataset group the model has no row of as its members, in order', () => {
    expect(Object.keys(solveMeasures(result(), reporting(['NAFTA', 'BRA']), NAFTA).countries)).toEqual([
      'CAN',
      'MEX',
      'USA',
      'BRA',
    ]);
  });

  it('keeps a group the model reports itself as its group row', () => {
    const m = solveMeasures(result({ NAFTA: row(9) }), reporting(['NAFTA', 'BRA']), NAFTA);
    expect(Object.keys(m.countries)).toEqual(['BRA']);
    expect(Object.keys(m.groups ?? {})).toEqual(['NAFTA']);
  });

  it('expands groups in every step of a timeline', () => {
    const step = {
      date: '2025-01-01',
      label: 'a',
      status: 'converged',
      countries: result().countries,
      average_tariffs: {},
    };
    const t = {
      model: 'cp2015',
      dataset: 'cp2015',
      status: 'converged',
      start: '2025-01-01',
      steps: [step, { ...step, date: '2025-02-01' }],
    } as unknown as TimelineRun;
    expect(timelineMeasures(t, reporting(['NAFTA']), NAFTA).steps.map((s) => Object.keys(s.countries))).toEqual([
      ['CAN', 'MEX', 'USA'],
      ['CAN', 'MEX', 'USA'],
    ]);
  });

  it("keeps a timeline's monthly path, so that a sweep bands its months too", () => {
    const step = { date: '2025-01-01', label: 'a', status: 'converged', countries: {}, average_tariffs: {} };
    const path = [{ period: '2025-01', countries: { USA: { real_income_pct: -0.1 } }, trade: { 'CHN->USA': -5 } }];
    const t = {
      model: 'm',
      dataset: 'd',
      status: 'converged',
      start: {},
      steps: [step],
      path,
    } as unknown as TimelineRun;
    expect(timelineMeasures(t, reporting(['USA'])).path).toEqual(path);
    expect(timelineMeasures({ ...t, path: undefined }, reporting(['USA']))).not.toHaveProperty('path');
  });
});
