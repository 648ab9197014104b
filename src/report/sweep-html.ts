/**
 * A sweep as one self-contained HTML page (no scripts, inline SVG): the priors with their sources
 * and reasons, then per grid point fan charts on the timeline (trade and welfare: central run,
 * median and 5–95% band; month by month on the monthly path when the draws carry one) and sector
 * bars with 5–95% intervals; failed or non-converged draws listed.
 */
import type { Band } from '../sweep/bands.ts';
import type { SweepPoint, SweepResult } from '../sweep/run.ts';
import { fanChart, intervalBars, type Fan } from './fan.ts';
import { directionColour, regionColour } from '../spec/palette.ts';
import { esc } from './escape.ts';

type Num = Record<string, number>;
type Bands = Record<string, Band>;
interface Step {
  date: string;
  label: string;
  countries: Record<string, Num>;
  bilateral_exports_pct?: Record<string, Num>;
  sectors?: Record<string, Record<string, Num>>;
}
interface StepBands {
  countries?: Record<string, Bands>;
  bilateral_exports_pct?: Record<string, Bands>;
  sectors?: Record<string, Record<string, Bands>>;
}
/** A month of the timeline's monthly path (docs/results.md rule 4) and its bands. */
interface PathPoint {
  period: string;
  countries: Record<string, Num>;
  trade: Num;
}
interface PathBand {
  countries?: Record<string, Bands>;
  trade?: Bands;
}

function sectorBars(title: string, rows: Record<string, Num>, bands: Record<string, Bands> | undefined): string {
  const top = Object.entries(rows)
    .sort((a, b) => Math.abs(b[1].output_pct) - Math.abs(a[1].output_pct))
    .slice(0, 10);
  return intervalBars({
    title,
    unit: '%',
    rows: top.map(([code, r]) => ({ label: code, value: r.output_pct, band: bands?.[code]?.output_pct })),
  });
}

/**
 * The fans of a timeline: month by month on its monthly path when the draws carry one (each month
 * banded), else step by step on its equilibria.
 */
function timelineFans(p: SweepPoint, steps: Step[]): { trade: Fan[]; welfare: Fan[]; monthly: boolean } {
  const bands = (p.bands as { steps?: StepBands[] } | null)?.steps ?? [];
  const path = (p.result as { path?: PathPoint[] }).path ?? [];
  const pathBands = (p.bands as { path?: PathBand[] } | null)?.path ?? [];
  const pairs = { 'CHN->USA': 'China → US', 'USA->CHN': 'US → China' } as const;
  const countries = ['USA', 'CHN'].filter((c) => steps[0].countries[c]);
  if (path.length && pathBands.length === path.length && path[0].trade['CHN->USA'] !== undefined) {
    const fan = (
      name: string,
      color: string,
      f: (x: PathPoint) => number | undefined,
      g: (b: PathBand) => Band | undefined,
    ): Fan => ({
      name,
      color,
      points: path.map((x, k) => ({
        date: `${x.period}-01`,
        when: `${x.period} (monthly mean)`,
        value: f(x) ?? NaN,
        band: g(pathBands[k]),
      })),
    });
    return {
      monthly: true,
      trade: (Object.keys(pairs) as (keyof typeof pairs)[])
        .filter((key) => path[0].trade[key] !== undefined)
        .map((key) =>
          fan(
            pairs[key],
            directionColour(key),
            (x) => x.trade[key],
            (b) => b.trade?.[key],
          ),
        ),
      welfare: countries
        .filter((c) => path[0].countries[c])
        .map((c) =>
          fan(
            c,
            regionColour(c),
            (x) => x.countries[c]?.real_income_pct,
            (b) => b.countries?.[c]?.real_income_pct,
          ),
        ),
    };
  }
  const fan = (
    name: string,
    color: string,
    f: (s: Step) => number | undefined,
    g: (b: StepBands) => Band | undefined,
  ): Fan => ({
    name,
    color,
    points: steps.map((s, k) => ({ date: s.date, value: f(s) ?? NaN, band: bands[k] ? g(bands[k]) : undefined })),
  });
  return {
    monthly: false,
    trade: (Object.keys(pairs) as (keyof typeof pairs)[]).map((key) => {
      const [from, to] = key.split('->');
      return fan(
        pairs[key],
        directionColour(key),
        (s) => s.bilateral_exports_pct?.[from]?.[to],
        (b) => b.bilateral_exports_pct?.[from]?.[to],
      );
    }),
    welfare: countries.map((c) =>
      fan(
        c,
        regionColour(c),
        (s) => s.countries[c]?.welfare_pct,
        (b) => b.countries?.[c]?.welfare_pct,
      ),
    ),
  };
}

function timelineCharts(p: SweepPoint): string {
  const steps = (p.result as { steps: Step[] }).steps;
  const bands = (p.bands as { steps?: StepBands[] } | null)?.steps ?? [];
  const from = `${steps[0].date.slice(0, 4)}-01-01`,
    to = `${steps[0].date.slice(0, 4)}-12-31`;
  const fans = timelineFans(p, steps);
  const when = fans.monthly ? ', month by month (the monthly path)' : ', step by step (the equilibria)';
  const out = [
    fanChart({
      title: `Goods exports, % change from the baseline${when}`,
      yLabel: '% change',
      from,
      to,
      fans: fans.trade,
    }),
    fanChart({ title: `Welfare (real income), % change${when}`, yLabel: '% change', from, to, fans: fans.welfare }),
  ];
  steps.forEach((s, k) => {
    for (const [c, rows] of Object.entries(s.sectors ?? {}))
      out.push(
        sectorBars(`${c}: gross output by sector, % change, ${s.date} (10 largest)`, rows, bands[k]?.sectors?.[c]),
      );
  });
  return out.join('\n');
}

function solveCharts(p: SweepPoint): string {
  const r = p.result as { countries: Record<string, Num>; sectors?: Record<string, Record<string, Num>> };
  const b = (p.bands ?? {}) as { countries?: Record<string, Bands>; sectors?: Record<string, Record<string, Bands>> };
  const out = [
    intervalBars({
      title: 'Welfare (real income), % change',
      unit: '%',
      rows: Object.entries(r.countries).map(([c, v]) => ({
        label: c,
        value: v.welfare_pct,
        band: b.countries?.[c]?.welfare_pct,
      })),
    }),
  ];
  for (const [c, rows] of Object.entries(r.sectors ?? {}))
    out.push(sectorBars(`${c}: gross output by sector, % change (10 largest)`, rows, b.sectors?.[c]));
  return out.join('\n');
}

function point(p: SweepPoint): string {
  const grid =
    Object.entries(p.grid)
      .map(([k, v]) => `${esc(k)} = ${esc(JSON.stringify(v))}`)
      .join(', ') || 'the scenario as written';
  const issues = [
    ...(p.central_error ? [`<li class="bad">Central run FAILED: ${esc(p.central_error)}</li>`] : []),
    ...p.draws.failed.map((f) => `<li class="bad">Draw ${f.index} FAILED: ${esc(f.error)}</li>`),
    ...(p.draws.not_converged.length
      ? [`<li class="bad">Did not converge (left out of the bands): draws ${p.draws.not_converged.join(', ')}</li>`]
      : []),
  ];
  const charts = p.result ? ((p.result as { steps?: unknown }).steps ? timelineCharts(p) : solveCharts(p)) : '';
  return (
    `<section><h2>${grid}</h2><p>${p.draws.used} of ${p.draws.requested} draws in the bands.` +
    `</p>${issues.length ? `<ul>${issues.join('')}</ul>` : ''}${charts}</section>`
  );
}

/** Renders a sweep result as a self-contained HTML page. */
export function sweepHtml(r: SweepResult): string {
  const priors = r.priors
    .map(
      (p) =>
        `<tr><td><code>${esc(p.id)}</code></td><td>${esc(p.what)}</td><td>${esc(p.distribution)}</td>` +
        `<td class="num">${p.drawn.p5.toFixed(3)} / ${p.drawn.p50.toFixed(3)} / ${p.drawn.p95.toFixed(3)}` +
        `</td><td class="src">${esc(p.source)}<div>${esc(p.why)}</div></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.name)} — Lancaster sweep</title>
<style>
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; margin: 0 auto; max-width: 980px; padding: 24px; background: #fafaf8; }
h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 18px; margin-top: 32px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; } td, th { border-bottom: 1px solid #e5e5e5; padding: 6px; vertical-align: top; text-align: left; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; } .src { color: #5f6368; font-size: 12px; } .src div { margin-top: 4px; color: #333; }
.bad { color: #b00020; } svg { width: 100%; height: auto; margin: 12px 0; background: white; border: 1px solid #eee; }
</style></head><body>
<h1>${esc(r.name)}</h1>
<p>${r.draws} draws (seed ${r.seed}) of <code>${esc(r.scenario)}</code> on ${esc(r.executor)}: <b>${r.status}</b>, ${r.seconds.toFixed(1)} s.
Lines are the scenario as written (the central run); bands and whiskers span the 5th to 95th percentiles of the draws; dashed lines are their medians.
Each draw is reproducible from the seed and its index on any executor.</p>
<h2>Priors</h2>
<table><thead><tr><th>prior</th><th>parameter</th><th>distribution</th><th class="num">drawn p5 / p50 / p95</th><th>source and why</th></tr></thead><tbody>
${priors}
</tbody></table>
${r.points.map(point).join('\n')}
</body></html>
`;
}
