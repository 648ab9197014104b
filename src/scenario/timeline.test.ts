import { describe, it, expect } from 'vitest';
import { parseScenarioText } from './parse.ts';
import { timelineStates } from './timeline.ts';
import { runTimeline } from './runTimeline.ts';
import { scenarioDataset } from './solve.ts';
import { ScenarioError } from '../spec/errors.ts';

const head = `lancaster: 1
name: timeline test
model: cp2015
dataset: cp2015
options: { baseline: zero-deficit }
`;
const parse = (body: string) => parseScenarioText(head + body, 't.yaml');

function rate(p: ReturnType<typeof parse>, tau: Float64Array, n: string, i: string, j = 0) {
  const d = scenarioDataset(p);
  return tau[(d.regions.indexOf(n) * d.N + d.regions.indexOf(i)) * d.J + j] - 1;
}

describe('timeline semantics', () => {
  it('applies steps cumulatively: add adds to the rate in force, rate sets it', () => {
    const p = parse(`timeline:
  - { date: 2025-02-04, label: a, source: s, tariffs: [ { importer: USA, exporter: CHN, add: 0.10 } ] }
  - { date: 2025-03-04, label: b, source: s, tariffs: [ { importer: USA, exporter: CHN, add: 0.10 } ] }
  - { date: 2025-04-09, label: c, source: s, tariffs: [ { importer: USA, exporter: CHN, rate: 1.45 } ] }
`);
    const d = scenarioDataset(p);
    const { steps } = timelineStates(p, d);
    const base = d.tariff[(d.regions.indexOf('USA') * d.N + d.regions.indexOf('CHN')) * d.J];
    expect(rate(p, steps[0].tau, 'USA', 'CHN')).toBeCloseTo(base + 0.1, 12);
    expect(rate(p, steps[1].tau, 'USA', 'CHN')).toBeCloseTo(base + 0.2, 12);
    expect(rate(p, steps[2].tau, 'USA', 'CHN')).toBeCloseTo(1.45, 12);
  });

  it('suspends a layer from a date and reinstates it later, in its original place', () => {
    const p = parse(`timeline:
  - { date: 2025-04-02, label: up, source: s, id: recip, tariffs: [ { importer: USA, exporter: CHN, add: 0.34 } ] }
  - { date: 2025-04-09, label: more, source: s, tariffs: [ { id: esc, importer: USA, exporter: CHN, add: 0.5 } ] }
  - { date: 2025-05-14, label: truce, source: s, suspend: [esc, recip] }
  - { date: 2025-08-12, label: lapse, source: s, reinstate: [recip] }
`);
    const d = scenarioDataset(p);
    const { start, steps } = timelineStates(p, d);
    const base = rate(p, start.tau, 'USA', 'CHN');
    expect(rate(p, steps[1].tau, 'USA', 'CHN')).toBeCloseTo(base + 0.84, 12);
    expect(rate(p, steps[2].tau, 'USA', 'CHN')).toBeCloseTo(base, 12);
    expect(steps[2].active).toEqual([]);
    expect(rate(p, steps[3].tau, 'USA', 'CHN')).toBeCloseTo(base + 0.34, 12);
  });

  it('reaches the same equilibrium when the same additions come in another order', () => {
    const a = parse(`timeline:
  - { date: 2025-01-01, label: us, source: s, tariffs: [ { importer: USA, exporter: MEX, add: 0.2 } ] }
  - { date: 2025-02-01, label: mx, source: s, tariffs: [ { importer: MEX, exporter: USA, add: 0.3, sectors: [s01, s05] } ] }
`);
    const b = parse(`timeline:
  - { date: 2025-01-01, label: mx, source: s, tariffs: [ { importer: MEX, exporter: USA, add: 0.3, sectors: [s01, s05] } ] }
  - { date: 2025-02-01, label: us, source: s, tariffs: [ { importer: USA, exporter: MEX, add: 0.2 } ] }
`);
    const ra = runTimeline(a),
      rb = runTimeline(b);
    expect(ra.status).toBe('converged');
    for (const c of ['USA', 'MEX', 'CAN', 'CHN']) {
      expect(ra.steps[1].countries[c].real_income_pct).toBeCloseTo(rb.steps[1].countries[c].real_income_pct!, 8);
      expect(ra.steps[1].countries[c].real_wage_pct).toBeCloseTo(rb.steps[1].countries[c].real_wage_pct!, 8);
    }
    expect(ra.steps[0].countries.USA.real_income_pct).not.toBeCloseTo(rb.steps[0].countries.USA.real_income_pct!, 4);
  });

  it('carries the equilibrium through steps that change no policy, and keeps talks and deadlines', () => {
    const p = parse(`timeline:
  - { date: 2025-04-02, label: up, source: s, tariffs: [ { importer: USA, exporter: CHN, add: 0.34 } ] }
  - date: 2025-06-09
    label: London talks
    source: timeline-2025 §1b
    talks: { venue: Lancaster House, city: London, delegations: { USA: [Bessent, Lutnick, Greer], CHN: [He Lifeng, Li Chenggang] } }
    deadline: { date: 2025-08-12, label: truce expires }
`);
    const r = runTimeline(p);
    expect(r.steps[1].solved).toBe(false);
    expect(r.steps[1].iterations).toBe(0);
    expect(r.steps[1].countries).toEqual(r.steps[0].countries);
    expect(r.steps[1].talks?.venue).toBe('Lancaster House');
    expect(r.steps[1].deadline?.date).toBe('2025-08-12');
    expect(r.steps[0].average_tariffs['USA<-CHN']).toBeGreaterThan(r.start.average_tariffs['USA<-CHN'] + 33.9);
  });

  it('gives sector detail for the regions of report.sectors, and for the US and China when it names none', () => {
    const steps = `timeline:
  - { date: 2025-04-02, label: up, source: s, tariffs: [ { importer: USA, exporter: CHN, add: 0.34 } ] }
`;
    expect(Object.keys(runTimeline(parse(steps)).steps[0].sectors ?? {})).toEqual(['USA', 'CHN']);
    const named = runTimeline(parse(`report: { sectors: [JPN, MEX] }\n${steps}`)).steps[0];
    expect(Object.keys(named.sectors ?? {})).toEqual(['JPN', 'MEX']);
    expect(Object.keys(named.sectors!.JPN)).toHaveLength(scenarioDataset(parse(steps)).J);
  });

  it('rejects unknown or inactive ids, steps out of date order, and steps without a source, at their line', () => {
    const err = (body: string) => {
      try {
        runTimeline(parse(body));
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        return (e as Error).message;
      }
      throw new Error('expected a ScenarioError');
    };
    expect(err(`timeline:\n  - { date: 2025-05-14, label: truce, source: s, suspend: [nope] }\n`)).toMatch(
      /^t\.yaml:7:\d+ timeline\[0\]\.suspend\[0\]: expected the id of a layer in force, found "nope" \(no such id\)/,
    );
    expect(
      err(`timeline:\n  - { date: 2025-05-14, label: a, source: s }\n  - { date: 2025-05-01, label: b, source: s }\n`),
    ).toContain('timeline[1].date: expected steps in date order, found 2025-05-01 after 2025-05-14');
    expect(() => parse(`timeline:\n  - { date: 2025-05-14, label: a }\n`)).toThrow(
      /timeline\[0\]\.source: expected string, found nothing/,
    );
  });
});
