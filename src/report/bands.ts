/**
 * Uncertainty bands of the `lancaster run` report (`--draws N`): the same scenario swept over the
 * elasticity priors (src/sweep/priors.ts) in each horizon, and the percentiles 5/50/95 of every
 * report measure put beside it as a parallel `bands` object — `bands.steps[k].welfare.USA.long`
 * is the band of `steps[k].welfare.USA.long`; the report's values stay the central numbers. The
 * terminal shows "central [p5, p95]" for the reported countries; the HTML adds fan charts of the
 * timeline (src/report/fan.ts).
 */
import type { Band } from '../sweep/bands.ts';
import type { SweepPoint, SweepResult } from '../sweep/run.ts';
import { fanChart, type Fan } from './fan.ts';
import { PALETTE } from './svg.ts';

/** A band in each horizon (absent where no draw gave the measure). */
export interface BandPair { short?: Band; long?: Band }

/** One step's bands, keyed as the report step's measures. */
export interface StepBands {
  welfare: Record<string, BandPair>;
  real_wage: Record<string, BandPair>;
  real_gdp: Record<string, BandPair>;
  cpi: Record<string, BandPair>;
  trade: Record<string, BandPair>;
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

type MeasureStep = { countries?: Record<string, Record<string, Band>>; groups?: Record<string, Record<string, Band>>; bilateral_exports_pct?: Record<string, Record<string, Band>>; trade?: Record<string, Band> };

const FIELDS = { welfare: 'welfare_pct', real_wage: 'real_wage_pct', real_gdp: 'real_gdp_pct', cpi: 'prices_pct' } as const;

function stepsOf(p: SweepPoint): MeasureStep[] {
  return ((p.bands as { steps?: MeasureStep[] } | null)?.steps ?? []);
}

/** The bands of one step in one horizon, keyed as the report's step. */
function stepBands(s: MeasureStep | undefined, countries: string[]): Record<keyof StepBands, Record<string, Band | undefined>> {
  const out = { welfare: {}, real_wage: {}, real_gdp: {}, cpi: {}, trade: {} } as Record<keyof StepBands, Record<string, Band | undefined>>;
  for (const [k, f] of Object.entries(FIELDS) as [keyof typeof FIELDS, string][]) {
    for (const c of countries) out[k][c] = (s?.countries?.[c] ?? s?.groups?.[c])?.[f];
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
    const a = stepBands(ss[k], countries), b = stepBands(ls[k], countries);
    const pair = (m: keyof StepBands) => Object.fromEntries([...new Set([...Object.keys(a[m]), ...Object.keys(b[m])])].map((key) => [key, { ...(a[m][key] ? { short: a[m][key] } : {}), ...(b[m][key] ? { long: b[m][key] } : {}) }]));
    return { welfare: pair('welfare'), real_wage: pair('real_wage'), real_gdp: pair('real_gdp'), cpi: pair('cpi'), trade: pair('trade') };
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
export const withBand = (v: number | undefined, b: Band | undefined) => (b ? `${f2(v)} [${f2(b.p5)}, ${f2(b.p95)}]` : f2(v));

/** What a report with bands looks like to the functions below (the Report's fields they read). */
export interface BandedReport {
  countries: string[];
  steps: { date: string; label: string; welfare: Record<string, { short: number; long: number }>; real_gdp: Record<string, { short: number; long: number }>; trade: Record<string, { short: number; long: number }> }[];
  bands?: ReportBands;
}

function priorLines(b: ReportBands): string[] {
  const short = new Set(b.priors.long.map((p) => p.id));
  return [...b.priors.long, ...b.priors.short.filter((p) => !short.has(p.id))].map((p) => `  ${p.id}: ${p.distribution} (drawn 5–95%: ${p.drawn.p5.toPrecision(3)} to ${p.drawn.p95.toPrecision(3)}) — ${p.source.split(';')[0]}`);
}

/** The terminal section: the final state's measures with their 5–95% bands, both horizons. */
export function bandsText(r: BandedReport): string {
  const b = r.bands;
  if (!b) return '';
  const k = r.steps.length - 1, s = r.steps[k], sb = b.steps[k];
  const lines = [
    `Uncertainty: ${b.draws} draws of the elasticity priors (seed ${b.seed}, on ${b.executor}; used ${b.used.short} short-run, ${b.used.long} long-run draws): central [5%, 95%]`,
    ...priorLines(b),
    `Final state (${s.date}), % change:`,
  ];
  const rows: string[][] = [['', 'welfare, short run', 'welfare, long run', 'real GDP, short run', 'real GDP, long run']];
  for (const c of r.countries) {
    rows.push([c, withBand(s.welfare[c]?.short, sb?.welfare[c]?.short), withBand(s.welfare[c]?.long, sb?.welfare[c]?.long), withBand(s.real_gdp[c]?.short, sb?.real_gdp[c]?.short), withBand(s.real_gdp[c]?.long, sb?.real_gdp[c]?.long)]);
  }
  for (const key of ['CHN->USA', 'USA->CHN']) {
    if (s.trade[key]) rows.push([`exports ${key.replace('->', '→')}`, withBand(s.trade[key].short, sb?.trade[key]?.short), withBand(s.trade[key].long, sb?.trade[key]?.long), '', '']);
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
  const horizon = (h: 'short' | 'long') => {
    const welfare = fanChart({
      title: `Welfare (real income), % change, ${h} run: central, median and 5–95% of ${b.used[h]} draws`, yLabel: '% change', from, to,
      fans: ['USA', 'CHN'].filter((c) => r.countries.includes(c)).map((c, i) => fan(c, colors[i], (k) => ({ value: r.steps[k].welfare[c]?.[h] ?? NaN, band: b.steps[k]?.welfare[c]?.[h] }))),
    });
    const trade = fanChart({
      title: `Goods trade, % change from the baseline, ${h} run: central, median and 5–95%`, yLabel: '% change', from, to,
      fans: ['CHN->USA', 'USA->CHN'].filter((key) => r.steps[0]?.trade[key]).map((key, i) => fan(key.replace('->', ' → '), colors[i], (k) => ({ value: r.steps[k].trade[key]?.[h] ?? NaN, band: b.steps[k]?.trade[key]?.[h] }))),
    });
    return `<figure>${welfare}</figure><figure>${trade}</figure>`;
  };
  const priors = priorLines(b).map((l) => `<li>${esc(l.trim())}</li>`).join('');
  return `<section id="uncertainty"><h2>Uncertainty: ${b.draws} draws of the elasticity priors</h2>
<p>Each draw re-runs the whole timeline with elasticities drawn from the priors below (seed ${b.seed}, on ${esc(b.executor)}). Lines are the central run (the report's numbers), dashed lines the median of the draws, shaded areas the 5–95% band. Draws that failed or did not converge are left out and listed in report.json.</p>
<ul>${priors}</ul>${horizon('short')}${horizon('long')}</section>`;
}
