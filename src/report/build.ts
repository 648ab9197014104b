/**
 * The 2025 report: the timeline solved in the long run and in the short run, joined step by step,
 * with the model-vs-observed comparison and the sectors most affected. A plain data object that
 * the text, HTML, CSV and JSON writers render.
 */
import type { ParsedScenario } from '../scenario/parse.ts';
import { runTimeline, type TimelineRun, type TimelineStepResult } from '../scenario/runTimeline.ts';
import { scenarioDataset } from '../scenario/solve.ts';
import { reportedRows } from '../scenario/reportCodes.ts';
import {
  OBSERVED_TARIFFS,
  OBSERVED_TRADE,
  OBSERVED_CHN_USA_MONTHLY,
  OBSERVED_CHN_USA_WINDOWS,
  OBSERVED_US_ALL,
  PUBLISHED,
} from '../data/observed.ts';
import { monthlyPath, pathOver, periodGrid } from '../scenario/replay.ts';
import { fitWithinYear, tradeWeightedTheta } from '../scenario/fit.ts';
import { adjustmentMonths, BLP_LONG_RUN, BLP_SHORT_RUN } from '../model/dynamics/adjust.ts';
import { stepAt, windowMean } from './series.ts';
import { SHORT_RUN_ELASTICITY_SCALE } from '../model/ge/run.ts';
import type { CountryResult, HorizonStep } from '../contract/result.ts';
import type {
  ComparisonRow,
  Pair,
  PublishedRow,
  Report,
  ReportPaths,
  ReportStep,
  SectorRow,
} from '../contract/report.ts';

export type { Report, ReportStep } from '../contract/report.ts';

/** Short-run scale of trade elasticities (model-ge.md extension 3; see docs/controls.md). */
const SHORT_RUN_SCALE = SHORT_RUN_ELASTICITY_SCALE;
const SHORT_RUN_NOTE =
  `Short run: trade elasticities × ${SHORT_RUN_ELASTICITY_SCALE} — Boehm, Levchenko & Pandalai-Nayar ` +
  `(2023) estimate a short-run trade elasticity of about 0.8 against 1.8–2.2 in the long run (0.8 / 2.0 ` +
  `= 0.4). Long run: the dataset's elasticities (Caliendo & Parro 2015).`;

/** A report country's (or group's) indicators at one horizon. */
export const countryAt = (h: HorizonStep, c: string): CountryResult | undefined => h.countries[c] ?? h.groups?.[c];

/** A measure of a report step at both horizons (NaN where the model does not produce it). */
export function horizons(s: ReportStep, f: (h: HorizonStep) => number | undefined): Pair {
  return { short: f(s.by_horizon['short-run']) ?? NaN, long: f(s.by_horizon['long-run']) ?? NaN };
}

/** The scenario with its trade elasticities scaled; the report sets both horizons itself, so `horizon` is dropped. */
function withScale(p: ParsedScenario, scale: number): ParsedScenario {
  const { horizon: _, ...options } = p.scenario.options;
  return {
    ...p,
    scenario: {
      ...p.scenario,
      options: { ...options, elasticity_scale: (p.scenario.options.elasticity_scale ?? 1) * scale },
    },
  };
}

/**
 * The three timelines of a report: the long run (the dataset's θ), the short run (θ × 0.4) and
 * BLP's levels (a sensitivity).
 */
export type ReportRuns = { long: TimelineRun; short: TimelineRun; blp: TimelineRun };

/**
 * The elasticity scale of each of the report's timelines (BLP's: the trade-weighted US–China θ
 * brought to BLP's long run).
 */
export function reportScales(p: ParsedScenario): Record<keyof ReportRuns, number> {
  const d = scenarioDataset(p);
  const haveUsChn = d.regions.includes('USA') && d.regions.includes('CHN');
  return { long: 1, short: SHORT_RUN_SCALE, blp: haveUsChn ? BLP_LONG_RUN / tradeWeightedTheta(d, 'USA', 'CHN') : 1 };
}

/** Runs the scenario's timeline in both horizons (and BLP's levels) in this thread and assembles the report. */
export function buildReport(p: ParsedScenario, onStep?: (done: number, total: number, label: string) => void): Report {
  const total = 3 * (p.scenario.timeline?.length ?? 0);
  const scales = reportScales(p);
  const long = runTimeline(withScale(p, scales.long), {
    onStep: (k, _n, label) => onStep?.(k, total, `long run: ${label}`),
  });
  const short = runTimeline(withScale(p, scales.short), {
    onStep: (k, n, label) => onStep?.(n + k, total, `short run: ${label}`),
  });
  const blp = runTimeline(withScale(p, scales.blp), {
    onStep: (k, n, label) => onStep?.(2 * n + k, total, `BLP levels: ${label}`),
  });
  return assembleReport(p, { long, short, blp });
}

/**
 * One horizon's step as the report carries it: the reported countries and groups, trade keyed
 * `from->to`, tariff revenue.
 */
function horizonStep(x: TimelineStepResult, countries: string[]): HorizonStep {
  const trade: Record<string, number> = {};
  for (const [from, row] of Object.entries(x.bilateral_exports_pct ?? {}))
    for (const to of Object.keys(row)) trade[`${from}->${to}`] = row[to];
  Object.assign(trade, x.trade ?? {});
  const inCountries = countries.filter((c) => x.countries[c]);
  const inGroups = countries.filter((c) => !x.countries[c] && x.groups?.[c]);
  const revenue = countries.filter((c) => x.tariff_revenue?.[c] !== undefined);
  return {
    countries: Object.fromEntries(inCountries.map((c) => [c, x.countries[c]])),
    ...(inGroups.length ? { groups: Object.fromEntries(inGroups.map((c) => [c, x.groups![c]])) } : {}),
    trade,
    ...(revenue.length ? { tariff_revenue: Object.fromEntries(revenue.map((c) => [c, x.tariff_revenue![c]])) } : {}),
  };
}

/** The report's steps: each long-run step with its short-run twin under `by_horizon`. */
function reportSteps(long: TimelineRun, short: TimelineRun, countries: string[]): ReportStep[] {
  return long.steps.map((L, k) => {
    const longRun = horizonStep(L, countries);
    return {
      date: L.date,
      label: L.label,
      source: L.source,
      ...(L.assumption ? { assumption: L.assumption } : {}),
      ...(L.talks ? { talks: L.talks } : {}),
      ...(L.deadline ? { deadline: L.deadline } : {}),
      solved: L.solved,
      tariffs: L.average_tariffs,
      ...longRun,
      trade: longRun.trade ?? {},
      by_horizon: { 'long-run': longRun, 'short-run': horizonStep(short.steps[k], countries) },
    };
  });
}

/**
 * The monthly paths (partial adjustment with BLP's time constant) beside the sequences of
 * equilibria and the observed months.
 */
function reportPaths(
  p: ParsedScenario,
  { long, short, blp }: ReportRuns,
  countries: string[],
  theta: number,
  blpScale: number,
): ReportPaths {
  const T = adjustmentMonths(BLP_SHORT_RUN / BLP_LONG_RUN);
  return {
    months: T,
    ratio: BLP_SHORT_RUN / BLP_LONG_RUN,
    theta_usa_chn: theta,
    blp_scale: blpScale,
    note:
      `Monthly paths: the log of every flow, real income and real GDP moves toward the equilibrium of the step in ` +
      `force with time constant T = ${T.toFixed(1)} months, so a share ` +
      `${(BLP_SHORT_RUN / BLP_LONG_RUN).toFixed(2)} = ${BLP_SHORT_RUN}/${BLP_LONG_RUN} of the long-run response ` +
      `happens within a year (Boehm, Levchenko & Pandalai-Nayar 2023); the CPI takes each step's equilibrium on ` +
      `its date (complete pass-through). Long run: the dataset's θ (trade-weighted θ of US imports from China ` +
      `${theta.toFixed(2)}), so the within-a-year level is ${(theta * (BLP_SHORT_RUN / BLP_LONG_RUN)).toFixed(2)}. ` +
      `Sensitivity: BLP's levels for both (θ × ${blpScale.toFixed(3)}, trade-weighted long run ${BLP_LONG_RUN}, ` +
      `within a year ${BLP_SHORT_RUN}).`,
    anticipation: p.scenario.options.anticipation?.share ?? 0,
    adjusted: monthlyPath(long, countries, T, undefined, undefined, p.scenario.options.anticipation?.share),
    blp_levels: monthlyPath(blp, countries, T, undefined, undefined, p.scenario.options.anticipation?.share),
    equilibria: monthlyPath(long, countries, 0),
    equilibria_short: monthlyPath(short, countries, 0),
    observed: [...OBSERVED_CHN_USA_MONTHLY],
  };
}

/** The sectors most affected at the peak step and at the last one (once when they are the same). */
function reportSectors(sectors: Parameters<typeof mostAffected>[0], long: TimelineRun, short: TimelineRun) {
  return [peakIndex(long), long.steps.length - 1]
    .filter((k, i, a) => k >= 0 && a.indexOf(k) === i)
    .map((k) => ({
      date: long.steps[k].date,
      label: long.steps[k].label,
      byCountry: mostAffected(sectors, long.steps[k], short.steps[k]),
    }));
}

/** The report of a scenario from its three timelines (computed here or on an executor: `lancaster run --redis`). */
export function assembleReport(p: ParsedScenario, runs: ReportRuns): Report {
  const { long, short, blp } = runs;
  const d = scenarioDataset(p);
  const haveUsChn = d.regions.includes('USA') && d.regions.includes('CHN');
  const theta = haveUsChn ? tradeWeightedTheta(d, 'USA', 'CHN') : NaN;
  const blpScale = reportScales(p).blp;
  const countries = reportedRows(p.scenario.report?.countries ?? ['USA', 'CHN'], d.manifest.groups, (c) =>
    Boolean(long.steps[0]?.countries[c] || long.steps[0]?.groups?.[c]),
  );
  const paths = reportPaths(p, runs, countries, theta, blpScale);
  const fit = fitWithinYear(long, d);
  return {
    name: p.scenario.name,
    description: p.scenario.description,
    model: long.model,
    dataset: {
      id: d.manifest.id,
      name: d.manifest.name,
      unit: d.manifest.unit,
      sources: d.manifest.provenance.sources.map((s) => ({ name: s.name, citation: s.citation, licence: s.licence })),
    },
    horizons: SHORT_RUN_NOTE,
    status:
      long.status === 'converged' && short.status === 'converged' && blp.status === 'converged'
        ? 'converged'
        : 'not-converged',
    seconds: long.seconds + short.seconds + blp.seconds,
    countries,
    start: { tariffs: long.start.average_tariffs },
    steps: reportSteps(long, short, countries),
    comparison: comparison(long, short, blp, paths.months),
    paths,
    fit,
    published: published(long, short),
    caveats: caveats(d.regions),
    sectors: reportSectors(d.manifest.sectors, long, short),
    final_date: long.steps[long.steps.length - 1]?.date ?? '',
    provenance: long.provenance,
  };
}

/** What the paths and measures do not carry, said where the numbers are. */
const CAVEATS = [
  "Paths are partial adjustment of outcomes toward each step's equilibrium (exact for log trade shares; for " +
    'real income exact only in one-sector gravity models), not a sequence of temporary equilibria with sticky ' +
    'shares.',
  "Anticipation (imports brought forward between a step's announced date and its date) is an option " +
    '(options.anticipation.share) and off here: the size of front-loading is not sourced; the observed +4.5% of ' +
    'January–March (derived from H1 −10.9% and April–June) is front-loading the default path cannot show.',
  'Rerouting (Chinese value added shipped through third countries; the 40% transshipment rate of 7 August) is ' +
    'not modelled: no transshipment estimate with a method was found (critical-supply-2025, "Not found").',
  "Partners' retaliation other than China's (e.g. Canada's " +
    'counter-tariffs) is not in the scenario: not in the fact sheets.',
  "Observed flows are China-reported (GACC) year-on-year changes; the model's " +
    'are changes from a baseline without the 2025 policies.',
];

/** The static caveats and the one on Vietnam and ASEAN, which depends on whether the dataset carves them out of ROW. */
function caveats(regions: readonly string[]): string[] {
  const asean =
    regions.includes('VNM') && regions.includes('ASN')
      ? 'Vietnam (VNM) and the rest of ASEAN (ASN) are carved out of ROW at their BACI 2023 goods totals by ' +
        "partner and their 2023 GDP, but their input–output structure is assumed (ROW's coefficients and " +
        "final-demand mix) and the sector mix of their trade is China's on the same pair (a named proxy; dataset " +
        'provenance): diversion of US imports from China to them, by sector, rests on that assumption.'
      : 'Vietnam and the rest of ASEAN sit inside ROW in this dataset: diversion through them cannot be seen.';
  return [...CAVEATS.slice(0, 4), asean, ...CAVEATS.slice(4)];
}

function yearPathMean(run: TimelineRun, pair: string, T: number, from: string, to: string): number {
  return pathOver(run, [], periodGrid(from, to), T)[0].trade[pair];
}

function published(long: TimelineRun, short: TimelineRun): PublishedRow[] {
  return PUBLISHED.map((e) => {
    const f = (s: TimelineStepResult | undefined) => {
      if (!s) return NaN;
      if (e.measure === 'trade') return s.trade?.[e.pair!] ?? NaN;
      const c = s.countries[e.country!] ?? s.groups?.[e.country!];
      return c?.[e.measure] ?? NaN;
    };
    return {
      who: e.who,
      what: `${e.what}${e.country ? ` (${e.country})` : ''}${e.pair ? ` (${e.pair})` : ''}`,
      date: e.date,
      published: e.value,
      source: e.source,
      note: e.note,
      model: { long: f(stepAt(long.steps, e.date)), short: f(stepAt(short.steps, e.date)) },
    };
  });
}

function comparison(long: TimelineRun, short: TimelineRun, blp: TimelineRun, T: number): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const o of OBSERVED_TARIFFS) {
    const L = stepAt(long.steps, o.date);
    if (!L) continue;
    const v = L.average_tariffs[o.pair];
    rows.push({
      what: `Average tariff ${o.pair === 'USA<-CHN' ? 'of the US on China' : 'of China on the US'}, ${o.date}`,
      observed: o.pct,
      model: { short: v, long: v },
      unit: '%',
      source: `${o.what} (${o.source})`,
      note: 'scenario input, the same in both horizons',
    });
  }
  for (const o of OBSERVED_TRADE) {
    const f = (s: TimelineStepResult) => s.bilateral_exports_pct?.[o.from]?.[o.to] ?? NaN;
    rows.push({
      what: o.what,
      observed: o.pct,
      unit: '% change',
      model: {
        short: windowMean(short.steps, o.window[0], o.window[1], f),
        long: windowMean(long.steps, o.window[0], o.window[1], f),
      },
      ...(long.steps[0]?.trade?.[`${o.from}->${o.to}`] !== undefined
        ? {
            path: yearPathMean(long, `${o.from}->${o.to}`, T, o.window[0], o.window[1]),
            path_blp: yearPathMean(blp, `${o.from}->${o.to}`, T, o.window[0], o.window[1]),
          }
        : {}),
      source: o.source,
      note: `equilibria: day-weighted mean of the equilibria in force ${o.window[0]} to ${o.window[1]}; path: partial adjustment; changes from the no-2025-policy baseline`,
    });
  }
  const start = long.start.average_tariffs['USA<-*'];
  for (const o of OBSERVED_US_ALL) {
    const L = stepAt(long.steps, o.date);
    if (!L || start === undefined) continue;
    const v = L.average_tariffs['USA<-*'] - start;
    rows.push({
      what: `US average tariff on all imports, increase since 1 January, ${o.date}`,
      observed: o.increase,
      model: { short: v, long: v },
      unit: 'points',
      source: o.source,
      note:
        "scenario input; the scenario takes PIIE's levels for China, the tracker's for every " +
        "other partner; dataset 2023 weights vs the tracker's 2024 weights",
    });
  }
  const pair = 'CHN->USA';
  if (long.steps[0]?.trade?.[pair] !== undefined) {
    for (const o of [
      ...OBSERVED_CHN_USA_MONTHLY.filter(
        (m) =>
          !OBSERVED_TRADE.some(
            (t) => t.from === m.from && t.to === m.to && t.window[0] === m.window[0] && t.window[1] === m.window[1],
          ),
      ),
      OBSERVED_CHN_USA_WINDOWS[0],
    ]) {
      const f = (s: TimelineStepResult) => s.trade?.[pair] ?? NaN;
      rows.push({
        what: `China's exports to the US, ${o.period}, year on year`,
        observed: o.pct,
        unit: '% change',
        model: {
          short: windowMean(short.steps, o.window[0], o.window[1], f),
          long: windowMean(long.steps, o.window[0], o.window[1], f),
        },
        path: yearPathMean(long, pair, T, o.window[0], o.window[1]),
        path_blp: yearPathMean(blp, pair, T, o.window[0], o.window[1]),
        source: o.source,
        note: 'path: partial adjustment (not fitted); equilibria: day-weighted mean over the period',
      });
    }
  }
  return rows;
}

/** The step with the highest US average tariff on China (the peak of the war). */
function peakIndex(run: TimelineRun): number {
  let best = -1,
    v = -Infinity;
  run.steps.forEach((s, k) => {
    const x = s.average_tariffs['USA<-CHN'];
    if (x > v) {
      v = x;
      best = k;
    }
  });
  return best;
}

function mostAffected(
  meta: { code: string; name: string }[],
  L: TimelineStepResult,
  S: TimelineStepResult,
): Record<string, SectorRow[]> {
  const out: Record<string, SectorRow[]> = {};
  for (const [c, rows] of Object.entries(L?.sectors ?? {})) {
    out[c] = Object.entries(rows)
      .map(([code, r]) => ({
        code,
        name: meta.find((m) => m.code === code)?.name ?? code,
        output_pct: { long: r.output_pct, short: S.sectors?.[c]?.[code]?.output_pct ?? NaN },
        value_lost: r.output_before - r.output_after,
      }))
      .sort((a, b) => Math.abs(b.value_lost) - Math.abs(a.value_lost))
      .slice(0, 8);
  }
  return out;
}
