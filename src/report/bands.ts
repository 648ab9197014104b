/**
 * Uncertainty bands of the `lancaster run` report (`--draws N`): the same scenario swept over the
 * elasticity priors (src/sweep/priors.ts) in each horizon, and the percentiles 5/50/95 of every
 * report measure put beside it as a parallel `bands` object (docs/results.md) —
 * `bands.steps[k].by_horizon['short-run'].countries.USA.welfare_pct` is the band of the same path in
 * the report's step; the report's values stay the central numbers. The
 * terminal shows "central [p5, p95]" for the reported countries; the HTML adds fan charts of the
 * timeline (src/report/fan.ts).
 */
import type { Band } from '../sweep/bands.ts';
import type { SweepPoint, SweepResult } from '../sweep/run.ts';
import { fanChart, type Fan } from './fan.ts';
import { PALETTE } from './svg.ts';

/** The bands of one horizon of a step: each report country's indicators, and the trade pairs. */
export interface HorizonBands {
  countries: Record<string, Record<string, Band>>;
  trade: Record<string, Band>;
}

/** One step's bands, shaped as the report step: its own (long-run) fields and `by_horizon`. */
export interface StepBands extends HorizonBands {
  by_horizon: { 'long-run': HorizonBands; 'short-run': HorizonBands };
}

/** The parallel `bands` object of a report run with `--draws N`. */
export interface ReportBands {
  draws: number;
  seed: number;
  executor: string;
  seconds: number;
  /** Draws used per horizon (failed and not-converged draws are listed and left out). */
  used: { short: number; long: number };
  not_converged: { short: number[]; long: number[] };
  failed: { short: { index: number; error: string }[]; long: { index: number; error: string }[] };
  /** The priors drawn (the short run adds the short-run ratio). */
  priors: { short: SweepResult['priors']; long: SweepResult['priors'] };
  steps: StepBands[];
}

type Rows = Record<string, Record<string, Band>>;
type MeasureStep = { countries?: Rows; groups?: Rows; bilateral_exports_pct?: Rows; trade?: Record<string, Band> };

function stepsOf(p: SweepPoint): MeasureStep[] {
  return (p.bands as { steps?: MeasureStep[] } | null)?.steps ?? [];
}

/** The bands of one step in one horizon, keyed as the report's step. */
function horizonBands(s: MeasureStep | undefined, countries: string[]): HorizonBands {
  const out: HorizonBands = { countries: {}, trade: {} };
  for (const c of countries) {
    const row = s?.countries?.[c] ?? s?.groups?.[c];
    if (row) out.countries[c] = row;
  }
  for (const [from, row] of Object.entries(s?.bilateral_exports_pct ?? {})) for (const [to, b] of Object.entries(row)) out.trade[`${from}->${to}`] = b;
  for (const [key, b] of Object.entries(s?.trade ?? {})) out.trade[key] = b;
  return out;
}

/**
 * The report's bands from a sweep of each horizon (one grid point each, in the report's step order).
 *
 * @example
 * ```ts
 * report.bands = reportBands(report.countries, { short: await runSweep(shortPlan, ex), long: await runSweep(longPlan, ex) });
 * ```
 */
export function reportBands(countries: string[], sweeps: { short: SweepResult; long: SweepResult }): ReportBands {
  const S = sweeps.short.points[0], L = sweeps.long.points[0];
  const ss = stepsOf(S), ls = stepsOf(L);
  const steps: StepBands[] = ls.map((_, k) => {
    const long = horizonBands(ls[k], countries);
    return { ...long, by_horizon: { 'long-run': long, 'short-run': horizonBands(ss[k], countries) } };
  });
  return {
    draws: sweeps.long.draws, seed: sweeps.long.seed, executor: sweeps.long.executor, seconds: Math.max(sweeps.short.seconds, sweeps.long.seconds),
    used: { short: S.draws.used, long: L.draws.used },
    not_converged: { short: S.draws.not_converged, long: L.draws.not_converged },
    failed: { short: S.draws.failed, long: L.draws.failed },
    priors: { short: sweeps.short.priors, long: sweeps.long.priors },
    steps,
  };
}

const f2 = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? (Math.abs(v) < 0.005 ? '0.00' : (v > 0 ? '+' : '') + v.toFixed(2)) : '–');
/** "central [p5, p95]", or the central value alone without a band. */
const withBand = (v: number | undefined, b: Band | undefined) => (b ? `${f2(v)} [${f2(b.p5)}, ${f2(b.p95)}]` : f2(v));

type HStep = { countries: Record<string, { welfare_pct?: number; real_gdp_pct?: number }>; groups?: Record<string, { welfare_pct?: number; real_gdp_pct?: number }>; trade?: Record<string, number> };
/** What a report with bands looks like to the functions below (the Report's fields they read). */
export interface BandedReport {
  countries: string[];
  steps: { date: string; label: string; by_horizon: { 'long-run': HStep; 'short-run': HStep } }[];
  bands?: ReportBands;
}

type H = 'short-run' | 'long-run';
const at = (r: BandedReport, k: number, h: H, c: string) => r.steps[k].by_horizon[h].countries[c] ?? r.steps[k].by_horizon[h].groups?.[c];
const bandAt = (b: ReportBands, k: number, h: H, c: string, f: string) => b.steps[k]?.by_horizon[h].countries[c]?.[f];

function priorLines(b: ReportBands): string[] {
  const short = new Set(b.priors.long.map((p) => p.id));
  return [...b.priors.long, ...b.priors.short.filter((p) => !short.has(p.id))].map((p) => `  ${p.id}: ${p.distribution} (drawn 5–95%: ${p.drawn.p5.toPrecision(3)} to ${p.drawn.p95.toPrecision(3)}) — ${p.source.split(';')[0]}`);
}

/** The terminal section: the final state's measures with their 5–95% bands, both horizons. */
export function bandsText(r: BandedReport): string {
  const b = r.bands;
  if (!b) return '';
  const k = r.steps.length - 1, s = r.steps[k];
  const lines = [
    `Uncertainty: ${b.draws} draws of the elasticity priors (seed ${b.seed}, on ${b.executor}; used ${b.used.short} short-run, ${b.used.long} long-run draws): central [5%, 95%]`,
    ...priorLines(b),
    `Final state (${s.date}), % change:`,
  ];
  const rows: string[][] = [['', 'welfare, short run', 'welfare, long run', 'real GDP, short run', 'real GDP, long run']];
  const cell = (h: H, c: string, f: 'welfare_pct' | 'real_gdp_pct') => withBand(at(r, k, h, c)?.[f], bandAt(b, k, h, c, f));
  for (const c of r.countries) rows.push([c, cell('short-run', c, 'welfare_pct'), cell('long-run', c, 'welfare_pct'), cell('short-run', c, 'real_gdp_pct'), cell('long-run', c, 'real_gdp_pct')]);
  for (const key of ['CHN->USA', 'USA->CHN']) {
    const v = (h: H) => withBand(s.by_horizon[h].trade?.[key], b.steps[k]?.by_horizon[h].trade[key]);
    if (s.by_horizon['long-run'].trade?.[key] !== undefined) rows.push([`exports ${key.replace('->', '→')}`, v('short-run'), v('long-run'), '', '']);
  }
  const w = rows[0].map((_, j) => Math.max(...rows.map((row) => row[j].length)));
  lines.push(...rows.map((row) => row.map((x, j) => (j ? x.padStart(w[j]) : x.padEnd(w[j]))).join('  ').trimEnd()));
  const gaps = [...b.failed.short, ...b.failed.long].length + b.not_converged.short.length + b.not_converged.long.length;
  if (gaps) lines.push(`Left out of the bands: ${b.not_converged.short.length + b.not_converged.long.length} draw(s) not converged, ${b.failed.short.length + b.failed.long.length} failed (listed in report.json under bands)`);
  return lines.join('\n');
}

/** The HTML section: fan charts of welfare and of China's exports to the US over the timeline. */
export function bandsHtml(r: BandedReport, from = '2025-01-01', to = '2025-12-31'): string {
  const b = r.bands;
  if (!b) return '';
  const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const colors = [PALETTE.vermillion, PALETTE.blue];
  const fan = (name: string, color: string, f: (k: number) => { value: number; band?: Band }): Fan => ({ name, color, points: r.steps.map((s, k) => ({ date: s.date, ...f(k) })) });
  const horizon = (h: H) => {
    const used = b.used[h === 'short-run' ? 'short' : 'long'], name = h.replace('-', ' ');
    const welfare = fanChart({
      title: `Welfare (real income), % change, ${name}: central, median and 5–95% of ${used} draws`, yLabel: '% change', from, to,
      fans: ['USA', 'CHN'].filter((c) => r.countries.includes(c)).map((c, i) => fan(c, colors[i], (k) => ({ value: at(r, k, h, c)?.welfare_pct ?? NaN, band: bandAt(b, k, h, c, 'welfare_pct') }))),
    });
    const trade = fanChart({
      title: `Goods trade, % change from the baseline, ${name}: central, median and 5–95%`, yLabel: '% change', from, to,
      fans: ['CHN->USA', 'USA->CHN'].filter((key) => r.steps[0]?.by_horizon[h].trade?.[key] !== undefined).map((key, i) => fan(key.replace('->', ' → '), colors[i], (k) => ({ value: r.steps[k].by_horizon[h].trade?.[key] ?? NaN, band: b.steps[k]?.by_horizon[h].trade[key] }))),
    });
    return `<figure>${welfare}</figure><figure>${trade}</figure>`;
  };
  const priors = priorLines(b).map((l) => `<li>${esc(l.trim())}</li>`).join('');
  return `<section id="uncertainty"><h2>Uncertainty: ${b.draws} draws of the elasticity priors</h2>
<p>Each draw re-runs the whole timeline with elasticities drawn from the priors below (seed ${b.seed}, on ${esc(b.executor)}). Lines are the central run (the report's numbers), dashed lines the median of the draws, shaded areas the 5–95% band. Draws that failed or did not converge are left out and listed in report.json.</p>
<ul>${priors}</ul>${horizon('short-run')}${horizon('long-run')}</section>`;
}
