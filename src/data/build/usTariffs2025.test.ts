import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readScenarioFile } from '../../scenario/parse.ts';
import { checkScenario, scenarioDataset } from '../../scenario/solve.ts';
import { timelineStates } from '../../scenario/timeline.ts';
import { averageTariffPct } from '../../policy/average.ts';
import { SCENARIO_DIR } from '../../cli/run.ts';
import { readTracker, trackerSteps, withTrackerSteps, ranges, TRACKER_DIR } from './usTariffs2025.ts';
import { HAS_RAW } from './paths.ts';

const file = join(SCENARIO_DIR, 'us-china-2025.yaml');
const p = readScenarioFile(file);
const d = scenarioDataset(p);

describe('US tariffs on all partners in the embedded 2025 scenario (Trade War Tracker)', () => {
  it.runIf(HAS_RAW)(
    'validates, and its generated steps are what the tracker and the dataset give today (needs the raw inputs, ../shared/data/raw)',
    () => {
      checkScenario(p);
      const text = readFileSync(file, 'utf8');
      expect(withTrackerSteps(text, trackerSteps(d)), 'run npm run scenario:tariffs').toBe(text);
    },
  );

  it.runIf(HAS_RAW)(
    'covers every region but the US and China, and every tracker date of 2025 on which a rate changed (needs the raw inputs, ../shared/data/raw)',
    () => {
      const steps = p.scenario.timeline!.filter((s) => s.id?.startsWith('us-world-'));
      expect(steps.map((s) => s.date)).toEqual(trackerSteps(d).map((s) => s.date));
      expect(steps.length).toBeGreaterThanOrEqual(12);
      const aug = steps.find((s) => s.date === '2025-08-07')!;
      const covered = new Set(aug.tariffs!.map((t) => t.exporter));
      for (const r of d.regions) if (r !== 'USA' && r !== 'CHN') expect(covered.has(r), r).toBe(true);
    },
  );

  it.runIf(HAS_RAW)(
    'cites the tracker line of every entry, and the line holds the level the entry is set to (needs the raw inputs, ../shared/data/raw)',
    () => {
      const { rows } = readTracker(TRACKER_DIR);
      const byLine = new Map(rows.map((r) => [r.line, r]));
      for (const s of p.scenario.timeline!.filter((x) => x.id?.startsWith('us-world-'))) {
        expect(s.source).toContain('us_tariff_tracker_2025/country-by-time.csv');
        for (const t of s.tariffs!) {
          const m = /lines? ([\d–, ]+):/.exec(t.source ?? '');
          expect(m, `${s.date} ${t.exporter}`).not.toBeNull();
          const lines = m![1].split(', ').flatMap((part) => {
            const [a, b] = part.split('–').map(Number);
            return b ? Array.from({ length: b - a + 1 }, (_, k) => a + k) : [a];
          });
          for (const l of lines) expect(byLine.get(l)?.date, `line ${l}`).toBe(s.date);
        }
      }
    },
  );

  it.runIf(HAS_RAW)(
    "reaches the tracker's import-weighted increase for every partner on every date, within 0.001 points (needs the raw inputs, ../shared/data/raw)",
    () => {
      const { start, steps } = timelineStates(p, d);
      const goods = d.manifest.sector_groups!.goods.map((c) => d.sectors.indexOf(c));
      const us = d.regions.indexOf('USA');
      for (const t of trackerSteps(d)) {
        const state = steps.filter((s) => s.step.date <= t.date).pop()!;
        for (const [r, inc] of Object.entries(t.increases)) {
          const i = d.regions.indexOf(r);
          const model = averageTariffPct(d, state.tau, us, i, goods) - averageTariffPct(d, start.tau, us, i, goods);
          expect(Math.abs(model - 100 * inc), `${r} on ${t.date}`).toBeLessThan(1e-3);
        }
      }
    },
  );

  it('leaves the US–China detail to the hand-written steps', () => {
    for (const s of p.scenario.timeline!.filter((x) => x.id?.startsWith('us-world-')))
      for (const t of s.tariffs!) expect(t.exporter).not.toBe('CHN');
  });

  it('writes line lists as ranges', () => {
    expect(ranges([15, 7, 11, 12, 13])).toBe('7, 11–13, 15');
  });
});
