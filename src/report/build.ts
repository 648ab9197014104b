/**
 * The 2025 report: the timeline solved in the long run and in the short run, joined step by step,
 * with the model-vs-observed comparison and the sectors most affected. A plain data object that
 * the text, HTML, CSV and JSON writers render.
 */
import type { ParsedScenario } from '../scenario/parse.ts';
import { runTimeline, type TimelineRun, type TimelineStepResult } from '../scenario/runTimeline.ts';
import { scenarioDataset } from '../scenario/solve.ts';
import { OBSERVED_TARIFFS, OBSERVED_TRADE } from './observed.ts';
import { stepAt, windowMean } from './series.ts';
import { SHORT_RUN_ELASTICITY_SCALE } from '../model/ge/run.ts';

/** Short-run scale of trade elasticities (model-ge.md extension 3; see docs/controls.md). */
const SHORT_RUN_SCALE = SHORT_RUN_ELASTICITY_SCALE;
export const SHORT_RUN_NOTE =
  `Short run: trade elasticities × ${SHORT_RUN_ELASTICITY_SCALE} — Boehm, Levchenko & Pandalai-Nayar (2023) estimate a short-run trade elasticity of about 0.8 against 1.8–2.2 in the long run (0.8 / 2.0 = 0.4). Long run: the dataset's elasticities (Caliendo & Parro 2015).`;

export interface Pair { short: number; long: number }

export interface ReportStep {
  date: string;
  label: string;
  source: string;
  assumption?: string;
  talks?: TimelineStepResult['talks'];
  deadline?: TimelineStepResult['deadline'];
  solved: boolean;
  tariffs: Record<string, number>;
  /** "CHN->USA": goods exports of CHN to USA, percent change from the baseline. */
  trade: Record<string, Pair>;
  welfare: Record<string, Pair>;
  real_wage: Record<string, Pair>;
}

export interface ComparisonRow {
  what: string;
  observed: number;
  model: Pair;
  unit: string;
  source: string;
  note: string;
}

export interface SectorRow { code: string; name: string; output_pct: Pair; value_lost: number }

export interface Report {
  name: string;
  description?: string;
  model: string;
  dataset: { id: string; name: string; unit: string; sources: { name: string; citation?: string; licence: string }[] };
  horizons: string;
  status: 'converged' | 'not-converged';
  seconds: number;
  countries: string[];
  start: { tariffs: Record<string, number> };
  steps: ReportStep[];
  comparison: ComparisonRow[];
  /** Most affected sectors (largest long-run change in output value) at the peak and in the final state. */
  sectors: { date: string; label: string; byCountry: Record<string, SectorRow[]> }[];
  final_date: string;
}

/** The scenario with its trade elasticities scaled; the report sets both horizons itself, so `horizon` is dropped. */
function withScale(p: ParsedScenario, scale: number): ParsedScenario {
  const { horizon: _, ...options } = p.scenario.options;
  return { ...p, scenario: { ...p.scenario, options: { ...options, elasticity_scale: (p.scenario.options.elasticity_scale ?? 1) * scale } } };
}

const both = (short: TimelineStepResult, long: TimelineStepResult, f: (s: TimelineStepResult) => number | undefined): Pair => ({ short: f(short) ?? NaN, long: f(long) ?? NaN });

/** Runs the scenario's timeline in both horizons and assembles the report. */
export function buildReport(p: ParsedScenario, onStep?: (done: number, total: number, label: string) => void): Report {
  const d = scenarioDataset(p);
  const total = 2 * (p.scenario.timeline?.length ?? 0);
  const long = runTimeline(withScale(p, 1), { onStep: (k, _n, label) => onStep?.(k, total, `long run: ${label}`) });
  const short = runTimeline(withScale(p, SHORT_RUN_SCALE), { onStep: (k, n, label) => onStep?.(n + k, total, `short run: ${label}`) });
  const countries = (p.scenario.report?.countries ?? ['USA', 'CHN']).filter((c) => long.steps[0]?.countries[c] || long.steps[0]?.groups?.[c]);
  const pick = (s: TimelineStepResult, c: string) => s.countries[c] ?? s.groups?.[c];
  const steps: ReportStep[] = long.steps.map((L, k) => {
    const S = short.steps[k];
    const trade: Record<string, Pair> = {};
    for (const [from, row] of Object.entries(L.bilateral_exports_pct ?? {})) for (const to of Object.keys(row)) trade[`${from}->${to}`] = both(S, L, (x) => x.bilateral_exports_pct?.[from]?.[to]);
    return {
      date: L.date, label: L.label, source: L.source,
      ...(L.assumption ? { assumption: L.assumption } : {}), ...(L.talks ? { talks: L.talks } : {}), ...(L.deadline ? { deadline: L.deadline } : {}),
      solved: L.solved, tariffs: L.average_tariffs, trade,
      welfare: Object.fromEntries(countries.map((c) => [c, both(S, L, (x) => pick(x, c)?.welfare_pct)])),
      real_wage: Object.fromEntries(countries.map((c) => [c, both(S, L, (x) => pick(x, c)?.real_wage_pct)])),
    };
  });
  return {
    name: p.scenario.name, description: p.scenario.description, model: long.model,
    dataset: { id: d.manifest.id, name: d.manifest.name, unit: d.manifest.unit, sources: d.manifest.provenance.sources.map((s) => ({ name: s.name, citation: s.citation, licence: s.licence })) },
    horizons: SHORT_RUN_NOTE,
    status: long.status === 'converged' && short.status === 'converged' ? 'converged' : 'not-converged',
    seconds: long.seconds + short.seconds,
    countries, start: { tariffs: long.start.average_tariffs }, steps,
    comparison: comparison(long, short),
    sectors: [peakIndex(long), long.steps.length - 1].filter((k, i, a) => k >= 0 && a.indexOf(k) === i).map((k) => ({
      date: long.steps[k].date, label: long.steps[k].label, byCountry: mostAffected(d.manifest.sectors, long.steps[k], short.steps[k]),
    })),
    final_date: long.steps[long.steps.length - 1]?.date ?? '',
  };
}

function comparison(long: TimelineRun, short: TimelineRun): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const o of OBSERVED_TARIFFS) {
    const L = stepAt(long.steps, o.date);
    if (!L) continue;
    const v = L.average_tariffs[o.pair];
    rows.push({ what: `Average tariff ${o.pair === 'USA<-CHN' ? 'of the US on China' : 'of China on the US'}, ${o.date}`, observed: o.pct, model: { short: v, long: v }, unit: '%', source: `${o.what} (${o.source})`, note: 'scenario input, the same in both horizons' });
  }
  for (const o of OBSERVED_TRADE) {
    const f = (s: TimelineStepResult) => s.bilateral_exports_pct?.[o.from]?.[o.to] ?? NaN;
    rows.push({
      what: o.what, observed: o.pct, unit: '% change',
      model: { short: windowMean(short.steps, o.window[0], o.window[1], f), long: windowMean(long.steps, o.window[0], o.window[1], f) },
      source: o.source,
      note: `model: day-weighted mean of the equilibria in force ${o.window[0]} to ${o.window[1]}, change from the no-2025-policy baseline`,
    });
  }
  return rows;
}

/** The step with the highest US average tariff on China (the peak of the war). */
function peakIndex(run: TimelineRun): number {
  let best = -1, v = -Infinity;
  run.steps.forEach((s, k) => {
    const x = s.average_tariffs['USA<-CHN'];
    if (x > v) { v = x; best = k; }
  });
  return best;
}

function mostAffected(meta: { code: string; name: string }[], L: TimelineStepResult, S: TimelineStepResult): Record<string, SectorRow[]> {
  const out: Record<string, SectorRow[]> = {};
  for (const [c, rows] of Object.entries(L?.sectors ?? {})) {
    out[c] = Object.entries(rows)
      .map(([code, r]) => ({
        code, name: meta.find((m) => m.code === code)?.name ?? code,
        output_pct: { long: r.output_pct, short: S.sectors?.[c]?.[code]?.output_pct ?? NaN },
        value_lost: r.output_before - r.output_after,
      }))
      .sort((a, b) => Math.abs(b.value_lost) - Math.abs(a.value_lost))
      .slice(0, 8);
  }
  return out;
}
