/**
 * The uncertainty of the story's sector bars: a stored sweep of the story's scenario (a `sweep`
 * run, e.g. sweeps/us-china-2025-long-run.yaml submitted in the editor) whose central run is the
 * story's own run gives each bar the 5–95% band of its draws, as the HTML report's sector bars.
 * "The same run" is checked on the numbers, not on names: at every step the sweep bands with sector
 * detail, the central run's sector values must equal the story's (same scenario text, horizon and
 * dataset give the same equilibria), so a sweep of the other horizon or of the full scenario while
 * the story runs the tariff steps alone is never drawn on it.
 */
import { useEffect, useState } from 'react';
import { api, type TimelineResult } from '../../api.ts';
import type { Band } from '../../components/SectorBars.tsx';

type Sectors = Record<string, Record<string, Record<string, number>>>;
type SectorBands = Record<string, Record<string, Record<string, Band>>>;

/** What the view reads of a sweep result (src/sweep/run.ts SweepResult). */
interface SweepShape {
  name: string;
  scenario: string;
  points: {
    grid: Record<string, unknown>;
    result: { steps?: { date: string; label: string; sectors?: Sectors }[] } | null;
    bands: { steps?: { sectors?: SectorBands }[] } | null;
    draws: { requested: number; used: number };
  }[];
}

export interface StoryBands {
  runId: string;
  name: string;
  used: number;
  requested: number;
  /** Story step index → region → sector → measure → band (only the steps the draws band). */
  steps: Map<number, SectorBands>;
}

/**
 * Equal to within the solver's tolerance (relative 1e-6: two solves of one equilibrium from other
 * warm starts agree to about 1e-8, while another horizon or policy moves sector output by far more).
 */
const same = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** The bands of `sweep` on the story's steps, or null when its central run is not the story's run. */
export function bandsOnStory(result: TimelineResult, runId: string, sweep: SweepShape): StoryBands | null {
  const point = sweep.points.length === 1 ? sweep.points[0] : undefined;
  const central = point?.result?.steps;
  if (!point || !central || central.length !== result.steps.length) return null;
  const steps = new Map<number, SectorBands>();
  for (const [k, s] of result.steps.entries()) {
    const c = central[k];
    if (c.date !== s.date || c.label !== s.label) return null;
    const bands = point.bands?.steps?.[k]?.sectors;
    if (!c.sectors || !bands) continue;
    // Every region both carry must agree on every sector's real output.
    const shared = Object.keys(c.sectors).filter((r) => s.sectors?.[r]);
    if (shared.length === 0) continue;
    for (const r of shared)
      for (const [code, row] of Object.entries(c.sectors[r]))
        if (!same(row.real_output_pct, s.sectors?.[r]?.[code]?.real_output_pct)) return null;
    steps.set(k, bands);
  }
  return steps.size
    ? { runId, name: sweep.name, used: point.draws.used, requested: point.draws.requested, steps }
    : null;
}

/** The newest stored sweep of the story's scenario whose central run is the story's run, if any. */
export function useStoryBands(result: TimelineResult, scenarioId: string): StoryBands | null {
  const [found, setFound] = useState<StoryBands | null>(null);
  useEffect(() => {
    let live = true;
    setFound(null);
    (async () => {
      const runs = await api.runs({ kind: 'sweep', status: 'done', limit: 20 });
      for (const r of runs.filter((x) => x.model === result.model && x.dataset === result.dataset).slice(0, 5)) {
        const full = await api.run<SweepShape>(r.id);
        if (!live) return;
        if (full.result?.scenario !== `scenarios/${scenarioId}.yaml`) continue;
        const b = bandsOnStory(result, r.id, full.result);
        if (b) return setFound(b);
      }
    })().catch(() => {
      // No bands is the page without whiskers, not an error: the story stands without a sweep.
    });
    return () => {
      live = false;
    };
  }, [result, scenarioId]);
  return found;
}
