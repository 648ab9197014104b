/**
 * The reported measures of a run: what a sweep keeps of each draw. A solve keeps its countries
 * (the scenario's report.countries, or all), groups, sector detail and export-control wedges; a
 * timeline keeps, per step, the reported countries, average tariffs, bilateral exports, the
 * report's trade pairs and tariff revenue, and
 * sector detail at the peak of the US tariff on China and in the final state (the report's two
 * sector views), and the monthly path (`path[]`, docs/results.md rule 4), so that a sweep bands the
 * months between the steps as well as the steps. A dataset group of report.countries the model
 * gives no row of is kept as its members, as the CLI's tables show it (never dropped). Solver
 * diagnostics stay (status), timings go: two runs of the same draw give the same measures.
 */
import type { CountryResult } from '../model/result.ts';
import type { GeModelResult } from '../model/registry.ts';
import type { TimelineRun, TimelineStepResult } from './runTimeline.ts';
import type { Scenario } from '../spec/scenario.ts';
import { reportedRows } from './reportCodes.ts';
import type { SolveMeasures, TimelineMeasures } from '../contract/sweep.ts';

/** Dataset groups by name (`dataset.json` groups). */
type Groups = Record<string, readonly string[]>;

/** The reported names with each group the result has no row of replaced by its members. */
function rowNames(
  names: string[] | undefined,
  groups: Groups,
  r: { countries: Record<string, unknown>; groups?: Record<string, unknown> },
): string[] | undefined {
  return names?.length ? reportedRows(names, groups, (c) => Boolean(r.countries[c] ?? r.groups?.[c])) : names;
}

function pick(
  rows: Record<string, CountryResult> | undefined,
  names: string[] | undefined,
): Record<string, CountryResult> | undefined {
  if (!rows) return undefined;
  if (!names?.length) return rows;
  return Object.fromEntries(names.filter((c) => rows[c]).map((c) => [c, rows[c]]));
}

/** Measures of a solve. */
export function solveMeasures(r: GeModelResult, s: Scenario, groups: Groups = {}): SolveMeasures {
  const names = rowNames(s.report?.countries, groups, r);
  return {
    model: r.model,
    dataset: r.dataset,
    status: r.status,
    countries: pick(r.countries, names) ?? {},
    ...(r.groups ? { groups: pick(r.groups, names) } : {}),
    ...(r.sectors ? { sectors: r.sectors } : {}),
    ...(r.export_controls ? { export_controls: r.export_controls } : {}),
    ...(r.elasticities ? { elasticities: r.elasticities } : {}),
  };
}

/** The step with the highest US average tariff on China (as the report's peak), else the last. */
function peakStep(steps: TimelineStepResult[]): number {
  let best = steps.length - 1,
    v = -Infinity;
  steps.forEach((st, k) => {
    const x = st.average_tariffs['USA<-CHN'];
    if (x !== undefined && x > v) {
      v = x;
      best = k;
    }
  });
  return best;
}

/** Measures of a timeline. */
export function timelineMeasures(t: TimelineRun, s: Scenario, groups: Groups = {}): TimelineMeasures {
  const names = t.steps[0] ? rowNames(s.report?.countries, groups, t.steps[0]) : s.report?.countries;
  const keep = new Set([peakStep(t.steps), t.steps.length - 1]);
  return {
    model: t.model,
    dataset: t.dataset,
    status: t.status,
    start: t.start,
    steps: t.steps.map((st, k) => ({
      date: st.date,
      label: st.label,
      status: st.status,
      countries: pick(st.countries, names) ?? {},
      ...(st.groups ? { groups: pick(st.groups, names) } : {}),
      average_tariffs: st.average_tariffs,
      ...(st.bilateral_exports_pct ? { bilateral_exports_pct: st.bilateral_exports_pct } : {}),
      ...(st.trade ? { trade: st.trade } : {}),
      ...(st.tariff_revenue ? { tariff_revenue: st.tariff_revenue } : {}),
      ...(st.sectors && keep.has(k) ? { sectors: st.sectors } : {}),
    })),
    ...(t.path ? { path: t.path } : {}),
  };
}
