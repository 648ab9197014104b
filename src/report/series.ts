/**
 * Reading a timeline run as a dated series: the value in force on a date, and the day-weighted
 * mean over a window (how a month or a year of data compares with a sequence of equilibria).
 */
import type { TimelineStepResult } from '../scenario/runTimeline.ts';

const DAY = 86_400_000;
const t = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The step in force on `date` (the last step dated on or before it), or undefined before the first. */
export function stepAt(steps: TimelineStepResult[], date: string): TimelineStepResult | undefined {
  let hit: TimelineStepResult | undefined;
  for (const s of steps) if (s.date <= date) hit = s;
  return hit;
}

/**
 * Day-weighted mean of `f(step)` over [from, to] (inclusive); days before the first step count as
 * `before` (the baseline: no change).
 */
export function windowMean(
  steps: TimelineStepResult[],
  from: string,
  to: string,
  f: (s: TimelineStepResult) => number,
  before = 0,
): number {
  let sum = 0;
  let days = 0;
  for (let d = t(from); d <= t(to); d += DAY) {
    const s = stepAt(steps, new Date(d).toISOString().slice(0, 10));
    sum += s ? f(s) : before;
    days++;
  }
  return sum / days;
}
