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
import type { HorizonBands, PathBands, ReportBands, StepBands } from '../contract/report.ts';

type Rows = Record<string, Record<string, Band>>;
type MeasureStep = {
  countries?: Rows;
  groups?: Rows;
  bilateral_exports_pct?: Rows;
  trade?: Record<string, Band>;
  sectors?: Record<string, Rows>;
};

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
  for (const [from, row] of Object.entries(s?.bilateral_exports_pct ?? {}))
    for (const [to, b] of Object.entries(row)) out.trade[`${from}->${to}`] = b;
  for (const [key, b] of Object.entries(s?.trade ?? {})) out.trade[key] = b;
  if (s?.sectors) {
    out.sectors = Object.fromEntries(
      Object.entries(s.sectors).map(([region, rows]) => [
        region,
        Object.fromEntries(Object.entries(rows).flatMap(([code, r]) => (r.output_pct ? [[code, r.output_pct]] : []))),
      ]),
    );
  }
  return out;
}

/** The bands of a sweep point's monthly path, each month dated by the central run's `period`. */
function pathBands(p: SweepPoint): PathBands[] {
  const periods = (p.result as { path?: { period: string }[] } | null)?.path ?? [];
  const bands = (p.bands as { path?: Partial<PathBands>[] } | null)?.path ?? [];
  return periods.flatMap((x, k) => {
    const b = bands[k];
    if (!b) return [];
    return [
      {
        period: x.period,
        countries: b.countries ?? {},
        ...(b.groups ? { groups: b.groups } : {}),
        trade: b.trade ?? {},
      },
    ];
  });
}

/**
 * The report's bands from a sweep of each horizon (one grid point each, in the report's step order).
 *
 * @example
 * ```ts
 * const short = await runSweep(shortPlan, ex), long = await runSweep(longPlan, ex);
 * report.bands = reportBands(report.countries, { short, long });
 * ```
 */
export function reportBands(countries: string[], sweeps: { short: SweepResult; long: SweepResult }): ReportBands {
  const S = sweeps.short.points[0],
    L = sweeps.long.points[0];
  const ss = stepsOf(S),
    ls = stepsOf(L),
    path = pathBands(L);
  const steps: StepBands[] = ls.map((_, k) => {
    const long = horizonBands(ls[k], countries);
    return { ...long, by_horizon: { 'long-run': long, 'short-run': horizonBands(ss[k], countries) } };
  });
  return {
    draws: sweeps.long.draws,
    seed: sweeps.long.seed,
    executor: sweeps.long.executor,
    seconds: Math.max(sweeps.short.seconds, sweeps.long.seconds),
    used: { short: S.draws.used, long: L.draws.used },
    not_converged: { short: S.draws.not_converged, long: L.draws.not_converged },
    failed: { short: S.draws.failed, long: L.draws.failed },
    priors: { short: sweeps.short.priors, long: sweeps.long.priors },
    steps,
    ...(path.length ? { path } : {}),
  };
}

const f2 = (v: number | undefined) =>
  v !== undefined && Number.isFinite(v) ? (Math.abs(v) < 0.005 ? '0.00' : (v > 0 ? '+' : '') + v.toFixed(2)) : '–';
/** "central [p5, p95]", or the central value alone without a band. */
const withBand = (v: number | undefined, b: Band | undefined) => (b ? `${f2(v)} [${f2(b.p5)}, ${f2(b.p95)}]` : f2(v));

type HStep = {
  countries: Record<string, { welfare_pct?: number; real_gdp_pct?: number }>;
  groups?: Record<string, { welfare_pct?: number; real_gdp_pct?: number }>;
  trade?: Record<string, number>;
};
/** What a report with bands looks like to the functions below (the Report's fields they read). */
export interface BandedReport {
  countries: string[];
  steps: { date: string; label: string; by_horizon: { 'long-run': HStep; 'short-run': HStep } }[];
  /** The report's monthly path (dataset θ, BLP speed): the long-run fans follow it when the bands have a path. */
  paths?: {
    adjusted: {
      period: string;
      countries: Record<string, { real_income_pct?: number }>;
      trade: Record<string, number | undefined>;
    }[];
  };
  bands?: ReportBands;
}

type H = 'short-run' | 'long-run';
const at = (r: BandedReport, k: number, h: H, c: string) =>
  r.steps[k].by_horizon[h].countries[c] ?? r.steps[k].by_horizon[h].groups?.[c];
const bandAt = (b: ReportBands, k: number, h: H, c: string, f: string) => b.steps[k]?.by_horizon[h].countries[c]?.[f];

function priorLines(b: ReportBands): string[] {
  const short = new Set(b.priors.long.map((p) => p.id));
  return [...b.priors.long, ...b.priors.short.filter((p) => !short.has(p.id))].map(
    (p) =>
      `  ${p.id}: ${p.distribution} (drawn 5–95%: ${p.drawn.p5.toPrecision(3)} to ` +
      `${p.drawn.p95.toPrecision(3)}) — ${p.source.split(';')[0]}`,
  );
}

/** The terminal section: the final state's measures with their 5–95% bands, both horizons. */
export function bandsText(r: BandedReport): string {
  const b = r.bands;
  if (!b) return '';
  const k = r.steps.length - 1,
    s = r.steps[k];
  const lines = [
    `Uncertainty: ${b.draws} draws of the elasticity priors (seed ${b.seed}, on ${b.executor}; used ` +
      `${b.used.short} short-run, ${b.used.long} long-run draws): central [5%, 95%]`,
    ...priorLines(b),
    `Final state (${s.date}), % change:`,
  ];
  const rows: string[][] = [
    ['', 'welfare, short run', 'welfare, long run', 'real GDP, short run', 'real GDP, long run'],
  ];
  const cell = (h: H, c: string, f: 'welfare_pct' | 'real_gdp_pct') =>
    withBand(at(r, k, h, c)?.[f], bandAt(b, k, h, c, f));
  for (const c of r.countries)
    rows.push([
      c,
      cell('short-run', c, 'welfare_pct'),
      cell('long-run', c, 'welfare_pct'),
      cell('short-run', c, 'real_gdp_pct'),
      cell('long-run', c, 'real_gdp_pct'),
    ]);
  for (const key of ['CHN->USA', 'USA->CHN']) {
    const v = (h: H) => withBand(s.by_horizon[h].trade?.[key], b.steps[k]?.by_horizon[h].trade[key]);
    if (s.by_horizon['long-run'].trade?.[key] !== undefined)
      rows.push([`exports ${key.replace('->', '→')}`, v('short-run'), v('long-run'), '', '']);
  }
  const w = rows[0].map((_, j) => Math.max(...rows.map((row) => row[j].length)));
  lines.push(
    ...rows.map((row) =>
      row
        .map((x, j) => (j ? x.padStart(w[j]) : x.padEnd(w[j])))
        .join('  ')
        .trimEnd(),
    ),
  );
  const gaps =
    [...b.failed.short, ...b.failed.long].length + b.not_converged.short.length + b.not_converged.long.length;
  if (gaps)
    lines.push(
      `Left out of the bands: ${b.not_converged.short.length + b.not_converged.long.length} draw(s) not ` +
        `converged, ${b.failed.short.length + b.failed.long.length} failed (listed in report.json under bands)`,
    );
  return lines.join('\n');
}

/**
 * The band of sector `code` of `region` in horizon `h` at the report step of `date` and `label`
 * (the report's sector views).
 */
export function sectorBand(
  r: BandedReport,
  at: { date: string; label: string },
  h: H,
  region: string,
  code: string,
): Band | undefined {
  const k = r.steps.findIndex((s) => s.date === at.date && s.label === at.label);
  return k < 0 ? undefined : r.bands?.steps[k]?.by_horizon[h].sectors?.[region]?.[code];
}

type Measure = 'trade' | 'welfare';
/** The US–China pairs the trade fans draw; each chart's first fan is vermillion, its second blue. */
const FAN_PAIRS = ['CHN->USA', 'USA->CHN'];
const FAN_COLORS = [PALETTE.vermillion, PALETTE.blue];

/** What the fan charts of one measure share: the report, its bands, the measure, the countries, the dates shown. */
interface FanContext {
  r: BandedReport;
  b: ReportBands;
  what: Measure;
  countries: string[];
  from: string;
  to: string;
}

/** A chart's title, short enough to fit the chart's 760-unit width on one line (a longer one was cut at its edge). */
const fanTitle = (what: Measure, used: number, where: string) =>
  `${what === 'welfare' ? 'Welfare (real income)' : 'Goods trade'}, % ` +
  `change, ${where}: central, median, 5–95% of ${used} draws`;

/** A fan over the report's steps: `f` gives the central value and band of step k. */
function stepFan(r: BandedReport, name: string, color: string, f: (k: number) => { value: number; band?: Band }): Fan {
  return { name, color, points: r.steps.map((s, k) => ({ date: s.date, ...f(k) })) };
}

/** The fans of horizon `h` step by step: real income of each country, or trade of each pair the report has. */
function stepFans({ r, b, what, countries }: FanContext, h: H): Fan[] {
  if (what === 'welfare')
    return countries.map((c, i) =>
      stepFan(r, c, FAN_COLORS[i], (k) => ({
        value: at(r, k, h, c)?.welfare_pct ?? NaN,
        band: bandAt(b, k, h, c, 'welfare_pct'),
      })),
    );
  return FAN_PAIRS.filter((key) => r.steps[0]?.by_horizon[h].trade?.[key] !== undefined).map((key, i) =>
    stepFan(r, key.replace('->', ' → '), FAN_COLORS[i], (k) => ({
      value: r.steps[k].by_horizon[h].trade?.[key] ?? NaN,
      band: b.steps[k]?.by_horizon[h].trade[key],
    })),
  );
}

/** The chart of horizon `h` by step. */
function stepChart(ctx: FanContext, h: H): string {
  const used = ctx.b.used[h === 'short-run' ? 'short' : 'long'];
  const where = h === 'short-run' ? 'short run by step' : 'long run by step';
  const { from, to } = ctx;
  return fanChart({ title: fanTitle(ctx.what, used, where), yLabel: '% change', from, to, fans: stepFans(ctx, h) });
}

type MonthlyPath = NonNullable<BandedReport['paths']>['adjusted'];

/** A fan over the monthly path: `v` gives month k's central value, `band` its band (none where the bands lack it). */
function monthFan(
  path: MonthlyPath,
  byPeriod: Map<string, PathBands>,
  name: string,
  color: string,
  v: (k: number) => number | undefined,
  band: (m: PathBands) => Band | undefined,
): Fan {
  const points = path.map((x, k) => {
    const m = byPeriod.get(x.period);
    return {
      date: `${x.period}-01`,
      when: `${x.period} (monthly mean)`,
      value: v(k) ?? NaN,
      band: m ? band(m) : undefined,
    };
  });
  return { name, color, points };
}

/** The long run month by month on the monthly path: real income of each country, or trade of each pair it has. */
function pathChart({ b, what, countries, from, to }: FanContext, path: MonthlyPath): string {
  const byPeriod = new Map((b.path ?? []).map((x) => [x.period, x]));
  const fans =
    what === 'welfare'
      ? countries.map((c, i) =>
          monthFan(
            path,
            byPeriod,
            c,
            FAN_COLORS[i],
            (k) => path[k].countries[c]?.real_income_pct,
            (m) => m.countries[c]?.real_income_pct,
          ),
        )
      : FAN_PAIRS.filter((key) => path[0]?.trade[key] !== undefined).map((key, i) =>
          monthFan(
            path,
            byPeriod,
            key.replace('->', ' → '),
            FAN_COLORS[i],
            (k) => path[k].trade[key],
            (m) => m.trade[key],
          ),
        );
  return fanChart({ title: fanTitle(what, b.used.long, 'long run by month'), yLabel: '% change', from, to, fans });
}

/** The caption under the long-run chart: how to read the fans, and how the long run is drawn. */
function fanCaption(monthly: boolean): string {
  return monthly
    ? 'Uncertainty (section below): lines are the central run, dashed lines the median of the draws, shaded areas ' +
        'the 5–95% band. The short run is drawn step by step (its equilibria); the long run month by month on the ' +
        'monthly path (dataset θ, BLP speed: the main path of "In time" below), banded month by month.'
    : 'Uncertainty (section below): lines are the central run, dashed lines the ' +
        'median of the draws, shaded areas the 5–95% band.';
}

/**
 * Fan charts of one measure, each horizon its own chart (the report's own chart of the measure
 * draws both horizons and both directions: bands on it would hide each other). The short run is
 * the sequence of short-run equilibria, step by step; the long run is the monthly path (partial
 * adjustment at BLP's speed toward the long-run equilibria: `paths.adjusted`, banded month by
 * month) when the draws carry one, else the long-run steps. `trade`: China's exports to the US and
 * back; `welfare`: real income of USA and CHN. Empty without bands.
 */
export function fanFigures(r: BandedReport, what: Measure, from = '2025-01-01', to = '2025-12-31'): string {
  const b = r.bands;
  if (!b) return '';
  const ctx: FanContext = { r, b, what, countries: ['USA', 'CHN'].filter((c) => r.countries.includes(c)), from, to };
  const path = r.paths?.adjusted ?? [];
  const monthly = Boolean(b.path?.length && path.length);
  const short = stepChart(ctx, 'short-run');
  const long = monthly ? pathChart(ctx, path) : stepChart(ctx, 'long-run');
  const caption = `<figcaption class="meta">${fanCaption(monthly)}</figcaption>`;
  return `<figure>${short}</figure><figure>${long}${caption}</figure>`;
}

/**
 * The HTML section on the draws: what was drawn and how (the fan charts sit beside the charts they
 * band, see {@link fanFigures}).
 */
export function bandsHtml(r: BandedReport): string {
  const b = r.bands;
  if (!b) return '';
  const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const priors = priorLines(b)
    .map((l) => `<li>${esc(l.trim())}</li>`)
    .join('');
  const left =
    [...b.failed.short, ...b.failed.long].length + b.not_converged.short.length + b.not_converged.long.length;
  return `<section id="uncertainty"><h2>Uncertainty: ${b.draws} draws of the elasticity priors</h2>
<p>Each draw re-runs the whole timeline with elasticities drawn from the priors below (seed ${b.seed}, on ${esc(b.executor)}; ${b.used.short} short-run and ${b.used.long} long-run draws used${left ? `, ${left} left out: failed or not converged, listed in report.json` : ''}). The fan charts of trade and welfare above and the whiskers on the sector bars below span the 5th to 95th percentiles of the draws; the numbers of the report stay those of the central run.</p>
<ul>${priors}</ul></section>`;
}
