import { describe, expect, it } from 'vitest';
import { parseScenarioText } from './parse.ts';
import { runTimeline } from './runTimeline.ts';
import { solveScenario } from './solve.ts';

const presetScenario = (timeline: boolean) => parseScenarioText(`lancaster: 1
name: USTR tariffs, as a solve${timeline ? ' and as a one-step timeline' : ''}
model: one-sector-2025
policy: { preset: ustr }
${timeline ? 'timeline:\n  - { date: 2025-04-02, label: Liberation Day, source: test }\n' : ''}`, 'preset.yaml');

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
      for (const [k, v] of Object.entries(c)) expect(step.countries[code][k], `${code}.${k}`).toBeCloseTo(v as number, 9);
    }
  });
});
