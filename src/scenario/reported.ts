/**
 * The reported measures of a run: what a sweep keeps of each draw. A solve keeps its countries
 * (the scenario's report.countries, or all), groups, sector detail and export-control wedges; a
 * timeline keeps, per step, the reported countries, average tariffs, bilateral exports, the
 * report's trade pairs and tariff revenue, and
 * sector detail at the peak of the US tariff on China and in the final state (the report's two
 * sector views). Solver diagnostics stay (status), timings go: two runs of the same draw give the
 * same measures.
 */
import type { CountryResult } from '../model/result.ts';
import type { GeModelResult } from '../model/registry.ts';
import type { TimelineRun, TimelineStepResult } from './runTimeline.ts';
import type { Scenario } from '../spec/scenario.ts';

function pick(rows: Record<string, CountryResult> | undefined, names: string[] | undefined): Record<string, CountryResult> | undefined {
  if (!rows) return undefined;
  if (!names?.length) return rows;
  return Object.fromEntries(names.filter((c) => rows[c]).map((c) => [c, rows[c]]));
}

/** Measures of a solve. */
export function solveMeasures(r: GeModelResult, s: Scenario) {
  const names = s.report?.countries;
  return {
    model: r.model, dataset: r.dataset, status: r.status,
    countries: pick(r.countries, names) ?? {},
    ...(r.groups ? { groups: pick(r.groups, names) } : {}),
    ...(r.sectors ? { sectors: r.sectors } : {}),
    ...(r.export_controls ? { export_controls: r.export_controls } : {}),
    ...(r.elasticities ? { elasticities: r.elasticities } : {}),
  };
}

/** The step with the highest US average tariff on China (as the report's peak), else the last. */
function peakStep(steps: TimelineStepResult[]): number {
  let best = steps.length - 1, v = -Infinity;
  steps.forEach((st, k) => {
    const x = st.average_tariffs['USA<-CHN'];
    if (x !== undefined && x > v) { v = x; best = k; }
  });
  return best;
}

/** Measures of a timeline. */
export function timelineMeasures(t: TimelineRun, s: Scenario) {
  const names = s.report?.countries;
  const keep = new Set([peakStep(t.steps), t.steps.length - 1]);
  return {
    model: t.model, dataset: t.dataset, status: t.status,
    start: t.start,
    steps: t.steps.map((st, k) => ({
      date: st.date, label: st.label, status: st.status,
      countries: pick(st.countries, names) ?? {},
      ...(st.groups ? { groups: pick(st.groups, names) } : {}),
      average_tariffs: st.average_tariffs,
      ...(st.bilateral_exports_pct ? { bilateral_exports_pct: st.bilateral_exports_pct } : {}),
      ...(st.trade ? { trade: st.trade } : {}),
      ...(st.tariff_revenue ? { tariff_revenue: st.tariff_revenue } : {}),
      ...(st.sectors && keep.has(k) ? { sectors: st.sectors } : {}),
    })),
  };
}

