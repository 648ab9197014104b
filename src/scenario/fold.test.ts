import { describe, expect, it } from 'vitest';
import { parseScenarioText } from './parse.ts';
import { runTimeline } from './runTimeline.ts';
import { policyState, scenarioDataset, solveScenario } from './solve.ts';
import { timelineStates } from './timeline.ts';

const presetScenario = (timeline: boolean) =>
  parseScenarioText(
    `lancaster: 1
name: USTR tariffs, as a solve${timeline ? ' and as a one-step timeline' : ''}
model: one-sector-2025
policy: { preset: ustr }
${timeline ? 'timeline:\n  - { date: 2025-04-02, label: Liberation Day, source: test }\n' : ''}`,
    'preset.yaml',
  );

describe('one policy fold for solves and timelines', () => {
  it('preset-in-timeline gives the same first step as the solve', () => {
    const solved = solveScenario(presetScenario(false));
    const step = runTimeline(presetScenario(true)).steps[0];
    expect(solved.status).toBe('converged');
    expect(step.status).toBe('converged');
    // The preset moves the world: the first step is not the baseline (the bug: 0 flows changed).
    expect(Math.abs(solved.countries.USA.welfare_pct ?? 0)).toBeGreaterThan(1e-3);
    expect(Object.keys(step.countries).sort()).toEqual(Object.keys(solved.countries).sort());
    for (const [code, c] of Object.entries(solved.countries)) {
      expect(Object.keys(step.countries[code]).sort(), code).toEqual(Object.keys(c).sort());
      for (const [k, v] of Object.entries(c))
        expect(step.countries[code][k], `${code}.${k}`).toBeCloseTo(v as number, 9);
    }
  });
});

const capacityScenario = (model: string, sectors: string) =>
  parseScenarioText(
    `lancaster: 1
name: capacity bounds through the fold
model: ${model}
policy:
  capacity:
    - { region: "*", except: [CHN], sectors: [${sectors}], limit: 1 }
timeline:
  - { date: 2025-04-04, label: controls, source: test }
  - { date: 2025-05-12, label: talks, source: test, talks: { venue: Geneva } }
`,
    'capacity.yaml',
  );

describe('capacity bounds come from the policy fold', () => {
  it('gives the solve and every timeline step the same resolved bounds', () => {
    const p = capacityScenario('multisector', 'RES, MAG');
    const d = scenarioDataset(p);
    const solve = policyState(p, d).capacity;
    const { start, steps } = timelineStates(p, d);
    // Bounds on region-sectors outside China only.
    expect(solve?.cell.length).toBeGreaterThan(0);
    for (const q of solve!.cell) expect(d.regions[Math.floor(q / d.J)]).not.toBe('CHN');
    for (const st of [start, ...steps]) {
      expect(Array.from(st.capacity?.cell ?? [])).toEqual(Array.from(solve!.cell));
      expect(Array.from(st.capacity?.limit ?? [])).toEqual(Array.from(solve!.limit));
    }
  });

  it('names the capacity entry of an unknown sector when the policy is folded', () => {
    const p = capacityScenario('multisector', 'NOPE');
    expect(() => policyState(p, scenarioDataset(p))).toThrow(/capacity\.yaml:6:\d+ policy\.capacity\[0\]/);
  });

  it('leaves capacity out for a model that does not apply it (one-sector-2025)', () => {
    const p = capacityScenario('one-sector-2025', 'NOPE');
    expect(policyState(p, scenarioDataset(p)).capacity).toBeUndefined();
  });
});
