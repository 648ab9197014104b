import { describe, expect, it } from 'vitest';
import type { TimelineResult } from '../../api.ts';
import { bandsOnStory } from './sweepBands.ts';

const band = (c: number) => ({ p5: c - 1, p50: c, p95: c + 1 });
const sectors = (scale: number) => ({
  USA: { c14: { real_output_pct: -2 * scale, output_pct: -1 }, c15: { real_output_pct: 3 * scale, output_pct: 2 } },
  CHN: { c14: { real_output_pct: -5 * scale, output_pct: -4 } },
});
const step = (date: string, label: string, withSectors: boolean, scale = 1) => ({
  date,
  label,
  ...(withSectors ? { sectors: sectors(scale) } : {}),
});
/** The story's run: sector detail at every step, as a timeline run gives it. */
const story = {
  model: 'multisector',
  dataset: 'multisector-2025',
  steps: [step('2025-01-20', 'start', true), step('2025-04-09', 'peak', true), step('2025-11-10', 'end', true)],
} as unknown as TimelineResult;
/** A sweep whose draws keep sector detail at the peak and the final state only. */
function sweep(scale = 1, label = 'peak') {
  return {
    name: 'replay sweep',
    scenario: 'scenarios/us-china-2025.yaml',
    points: [
      {
        grid: {},
        result: {
          steps: [
            step('2025-01-20', 'start', false),
            step('2025-04-09', label, true, scale),
            step('2025-11-10', 'end', true, scale),
          ],
        },
        bands: {
          steps: [
            {},
            { sectors: { USA: { c14: { real_output_pct: band(-2) } } } },
            { sectors: { USA: { c14: { real_output_pct: band(-2.5) } } } },
          ],
        },
        draws: { requested: 8, used: 7 },
      },
    ],
  };
}

describe("the whiskers of the story's sector bars", () => {
  it('come from a sweep whose central run is the story run, at the steps its draws band', () => {
    const b = bandsOnStory(story, 'run-1', sweep());
    expect(b && [...b.steps.keys()]).toEqual([1, 2]);
    expect(b?.steps.get(1)?.USA.c14.real_output_pct).toEqual(band(-2));
    expect(b).toMatchObject({ runId: 'run-1', name: 'replay sweep', used: 7, requested: 8 });
  });

  it('are not drawn from a sweep of another run (other horizon, other steps)', () => {
    // Another horizon: the same steps, other equilibria.
    expect(bandsOnStory(story, 'run-2', sweep(0.4))).toBeNull();
    // Another timeline: a step labelled otherwise.
    expect(bandsOnStory(story, 'run-3', sweep(1, 'other'))).toBeNull();
    // A grid of points is not one run.
    const two = sweep();
    two.points.push(two.points[0]);
    expect(bandsOnStory(story, 'run-4', two)).toBeNull();
  });
});
