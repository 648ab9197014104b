/**
 * The 2025 report as one self-contained HTML file: no scripts, no external assets, charts as
 * inline SVG; sources and assumptions beside the numbers they produce.
 */
import { countryAt, horizons, type Report, type ReportStep } from './build.ts';
import { stepChart, barChart, PALETTE, type EventMark } from './svg.ts';
import { OBSERVED_TARIFFS } from '../data/observed.ts';
import { directionColour, regionColour } from '../spec/palette.ts';
import { bandsHtml, fanFigures, sectorBand } from './bands.ts';
import { esc } from './escape.ts';

const f1 = (v: number) => (Number.isFinite(v) ? (v > 0 ? '+' : '') + v.toFixed(1) : '–');
const f2 = (v: number) =>
  Number.isFinite(v) ? (Math.abs(v) < 0.005 ? '0.00' : (v > 0 ? '+' : '') + v.toFixed(2)) : '–';

function events(r: Report): EventMark[] {
  return r.steps.flatMap((s): EventMark[] => {
    const e: EventMark[] = [];
    if (s.talks) e.push({ date: s.date, label: s.talks.city ?? s.talks.venue, kind: 'talks' });
    else if (s.solved) e.push({ date: s.date, label: s.label, kind: 'policy' });
    return e;
  });
}

function summary(r: Report): string {
  const peak = r.steps.reduce((a, s) => (s.tariffs['USA<-CHN'] > a.tariffs['USA<-CHN'] ? s : a), r.steps[0]);
  const last = r.steps[r.steps.length - 1];
  const t = horizons(peak, (h) => h.trade?.['CHN->USA']);
  const tl = horizons(last, (h) => h.trade?.['CHN->USA']);
  return `<p class="lede">At the peak (${peak.date}) the US average tariff on Chinese goods reaches <b>${peak.tariffs['USA<-CHN'].toFixed(1)}%</b> and China's on US goods <b>${peak.tariffs['CHN<-USA'].toFixed(1)}%</b>.
  In the model, China's goods exports to the US then fall by <b>${f1(t.short)}%</b> in the short run and <b>${f1(t.long)}%</b> in the long run.
  By ${last.date} the averages are ${last.tariffs['USA<-CHN'].toFixed(1)}% and ${last.tariffs['CHN<-USA'].toFixed(1)}%, and China's exports to the US are ${f1(tl.short)}% (short run) / ${f1(tl.long)}% (long run) from the baseline.</p>`;
}

const from = '2025-01-01';
const to = '2025-12-31';
type Points = { date: string; value: number }[];
const pts = (r: Report, f: (s: ReportStep) => number): Points => r.steps.map((s) => ({ date: s.date, value: f(s) }));
const cnUs = (s: ReportStep) => horizons(s, (h) => h.trade?.['CHN->USA']);

/** A table that scrolls sideways on a narrow screen; `heads` are the header cells' HTML. */
function scrollTable(heads: string, rows: string): string {
  return (
    `<div class="table-scroll" role="region" tabindex="0" ` +
    `aria-label="Table (scrolls sideways on a narrow screen)"><table><thead><tr>${heads}</tr></thead>` +
    `<tbody>${rows}</tbody></table></div>`
  );
}

function tariffChart(r: Report, ev: EventMark[]): string {
  return stepChart({
    title: 'Average tariffs, trade-weighted (%)',
    yLabel: '%',
    from,
    to,
    events: ev,
    series: [
      { name: 'US on China', color: directionColour('USA<-CHN'), points: pts(r, (s) => s.tariffs['USA<-CHN']) },
      { name: 'China on US', color: directionColour('CHN<-USA'), points: pts(r, (s) => s.tariffs['CHN<-USA']) },
    ],
    markers: OBSERVED_TARIFFS.map((o) => ({ date: o.date, value: o.pct, label: `${o.pair} ${o.what}` })),
  });
}

function tradeChart(r: Report, ev: EventMark[]): string {
  const usCn = (s: ReportStep) => horizons(s, (h) => h.trade?.['USA->CHN']);
  return stepChart({
    title: 'Goods trade, % change from the baseline',
    yLabel: '% change',
    from,
    to,
    events: ev,
    series: [
      { name: 'China → US, short run', color: directionColour('CHN->USA'), points: pts(r, (s) => cnUs(s).short) },
      {
        name: 'China → US, long run',
        color: directionColour('CHN->USA'),
        dash: true,
        points: pts(r, (s) => cnUs(s).long),
      },
      { name: 'US → China, short run', color: directionColour('USA->CHN'), points: pts(r, (s) => usCn(s).short) },
      {
        name: 'US → China, long run',
        color: directionColour('USA->CHN'),
        dash: true,
        points: pts(r, (s) => usCn(s).long),
      },
    ],
  });
}

function welfareChart(r: Report, ev: EventMark[]): string {
  const welfare = (s: ReportStep, c: string) => horizons(s, (h) => countryAt(h, c)?.welfare_pct);
  return stepChart({
    title: 'Welfare (real income), % change',
    yLabel: '% change',
    from,
    to,
    events: ev,
    series: ['USA', 'CHN']
      .filter((c) => r.countries.includes(c))
      .flatMap((c) => [
        { name: `${c}, short run`, color: regionColour(c), points: pts(r, (s) => welfare(s, c).short) },
        { name: `${c}, long run`, color: regionColour(c), dash: true, points: pts(r, (s) => welfare(s, c).long) },
      ]),
  });
}

/** China's exports to the US by month: the model's paths against the observed months. */
function pathChart(r: Report, ev: EventMark[]): string {
  const mp = (path: Report['paths']['adjusted'], key: string) =>
    path.map((x) => ({ date: `${x.period}-01`, value: x.trade[key] ?? NaN }));
  return stepChart({
    title: "China's exports to the US by month, % change: model paths and what happened",
    yLabel: '% change',
    from,
    to,
    events: ev,
    series: [
      {
        name: 'path, dataset θ, BLP speed',
        color: directionColour('CHN->USA'),
        points: mp(r.paths.adjusted, 'CHN->USA'),
      },
      { name: 'path, BLP levels (sensitivity)', color: PALETTE.orange, points: mp(r.paths.blp_levels, 'CHN->USA') },
      { name: 'equilibria, short run (× 0.4)', color: PALETTE.grey, points: mp(r.paths.equilibria_short, 'CHN->USA') },
      { name: 'equilibria, long run', color: PALETTE.grey, dash: true, points: mp(r.paths.equilibria, 'CHN->USA') },
    ],
    markers: r.paths.observed.map((o) => ({
      date: `${o.period}-15`,
      value: o.pct,
      label: `observed ${o.period}: ${o.pct}% (${o.source})`,
    })),
  });
}

function sectorCharts(r: Report): string[] {
  return r.sectors.flatMap((b) =>
    Object.entries(b.byCountry).map(([c, rows]) =>
      barChart({
        title: `${c}: gross output by sector, % change, ${b.date}`,
        unit: '%',
        aName: 'short run',
        bName: 'long run',
        rows: rows.map((x) => ({
          label: `${x.code} ${x.name.slice(0, 34)}`,
          a: x.output_pct.short,
          b: x.output_pct.long,
          aBand: sectorBand(r, b, 'short-run', c, x.code),
          bBand: sectorBand(r, b, 'long-run', c, x.code),
        })),
      }),
    ),
  );
}

function fitRows(r: Report): string {
  return r.fit.rows
    .map(
      (x) =>
        `<tr><td>${x.period}</td><td class="num">${f1(x.observed)}</td>` +
        `<td class="num">${f1(x.fitted_model)}</td><td class="num">${f1(x.unfitted_model)}</td>` +
        `<td>${x.role === 'fitted' ? '<b>fitted</b> (in sample)' : 'predicted (out of sample)'}</td></tr>`,
    )
    .join('');
}

function publishedRows(r: Report): string {
  return r.published
    .map(
      (e) =>
        `<tr><td>${esc(e.who)}</td><td>${esc(e.what)}</td><td class="nowrap">${e.date}</td>` +
        `<td class="num">${f1(e.published)}</td><td class="num">${f2(e.model.short)}</td>` +
        `<td class="num">${f2(e.model.long)}</td><td class="src">${esc(e.source)}` +
        `<div class="assume">${esc(e.note)}</div></td></tr>`,
    )
    .join('');
}

/** CPI, real GDP, tariff revenue and average tariff of the US and China at each solved step. */
function measureRows(r: Report): string {
  const cells = (s: ReportStep, c: string) => {
    const cpi = horizons(s, (h) => countryAt(h, c)?.prices_pct);
    const gdp = horizons(s, (h) => countryAt(h, c)?.real_gdp_pct);
    return (
      `<td class="num">${f2(cpi.short)} / ${f2(cpi.long)}</td>` +
      `<td class="num">${f2(gdp.short)} / ${f2(gdp.long)}</td>` +
      `<td class="num">${((s.tariff_revenue?.[c] ?? NaN) / 1000).toFixed(0)}</td>` +
      `<td class="num">${(s.tariffs[`${c}<-*`] ?? NaN).toFixed(1)}</td>`
    );
  };
  return r.steps
    .filter((s) => s.solved)
    .map((s) => `<tr><td class="nowrap">${s.date}</td>${['USA', 'CHN'].map((c) => cells(s, c)).join('')}</tr>`)
    .join('');
}

/** The talks and deadline notes under a step's label. */
function stepNotes(s: ReportStep): string {
  const t = s.talks;
  const talks = t
    ? `<div class="talks">Talks at ${esc(t.venue)}${t.city ? `, ${esc(t.city)}` : ''}${
        t.delegations
          ? `: ${Object.entries(t.delegations)
              .map(([k, v]) => `${esc(k)} — ${v.map(esc).join(', ')}`)
              .join('; ')}`
          : ''
      }${t.outcome ? `. ${esc(t.outcome)}` : ''}</div>`
    : '';
  const deadline = s.deadline
    ? `<div class="deadline">Deadline ${s.deadline.date}: ${esc(s.deadline.label)}</div>`
    : '';
  return talks + deadline;
}

function stepRows(r: Report): string {
  return r.steps
    .map(
      (s) => `<tr><td class="nowrap">${s.date}</td><td>${esc(s.label)}${stepNotes(s)}</td>
    <td class="num">${s.tariffs['USA<-CHN'].toFixed(1)}</td><td class="num">${s.tariffs['CHN<-USA'].toFixed(1)}</td>
    <td class="num">${f1(cnUs(s).short)} / ${f1(cnUs(s).long)}</td>
    <td class="src">${esc(s.source)}${s.assumption ? `<div class="assume"><b>Assumption:</b> ${esc(s.assumption)}</div>` : ''}</td></tr>`,
    )
    .join('\n');
}

function comparisonRows(r: Report): string {
  return r.comparison
    .map(
      (c) =>
        `<tr><td>${esc(c.what)}</td><td class="num">${c.observed.toFixed(1)}</td>` +
        `<td class="num">${f1(c.path ?? NaN)}</td><td class="num">${f1(c.path_blp ?? NaN)}</td>` +
        `<td class="num">${c.model.short.toFixed(1)}</td><td class="num">${c.model.long.toFixed(1)}</td>` +
        `<td class="src">${esc(c.source)}<div class="assume">${esc(c.note)}</div></td></tr>`,
    )
    .join('\n');
}

/** Each country's welfare at the last step and its lowest long-run point over the year. */
function welfareRows(r: Report): string {
  return r.countries
    .map((c) => {
      const welfare = (s: ReportStep) => horizons(s, (h) => countryAt(h, c)?.welfare_pct);
      const last = welfare(r.steps[r.steps.length - 1]);
      const worst = r.steps.reduce((a, s) => Math.min(a, welfare(s).long), Infinity);
      return (
        `<tr><td>${c}</td><td class="num">${f2(last.short)}</td>` +
        `<td class="num">${f2(last.long)}</td><td class="num">${f2(worst)}</td></tr>`
      );
    })
    .join('');
}

function backtestSection(r: Report): string {
  if (!r.backtest) return '';
  const rows = r.backtest.rows
    .map(
      (x) =>
        `<tr><td>${esc(x.what)}</td><td class="num">${Number.isFinite(x.published) ? x.published : '–'}</td>` +
        `<td class="num">${x.unit === 'ratio' ? x.model.toFixed(2) : f2(x.model)}</td><td>${esc(x.unit)}</td>` +
        `<td class="src">${esc(x.source)}<div class="assume">${esc(x.note)}</div></td></tr>`,
    )
    .join('');
  return `<h2>Backtest: the 2018–19 war</h2>
${scrollTable('<th>what</th><th>published</th><th>model</th><th>unit</th><th>source and note</th>', rows)}
<p class="meta">${esc(r.backtest.note)}</p>`;
}

function fitSection(r: Report): string {
  const { fitted, unfitted, out_of_sample: oos } = r.fit;
  return `<h3>lancaster fit: the within-a-year elasticity from the first half (fitted) and the second half (predicted)</h3>
<p>Fitted ρ = <b>${fitted.ratio.toFixed(3)}</b> (s.e. ${fitted.se_ratio.toFixed(3)}), a within-a-year elasticity of <b>${fitted.elasticity.toFixed(2)}</b> (95% ${fitted.ci95_elasticity.map((x) => x.toFixed(2)).join('–')}) against ${unfitted.elasticity.toFixed(2)} unfitted (ρ = ${unfitted.ratio.toFixed(2)}, ${esc(unfitted.source)}), on ${fitted.points} months. Out of sample (${oos.points} months): RMSE ${oos.fitted.rmse.toFixed(1)} points fitted, ${oos.unfitted.rmse.toFixed(1)} unfitted.</p>
<p class="meta">Error model: ${esc(r.fit.error_model)}</p>
${scrollTable('<th>month</th><th>observed %</th><th>model, fitted ρ</th><th>model, unfitted ρ</th><th>role</th>', fitRows(r))}`;
}

const STYLE = `:root { --ink:#1d1d1f; --muted:#5f6368; --rule:#e5e5e5; --accent:#0072B2; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; background: #fafaf8; }
main { max-width: 980px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 6px; } h2 { font-size: 19px; margin: 36px 0 8px; border-top: 1px solid var(--rule); padding-top: 20px; }
.meta { color: var(--muted); font-size: 13px; } .lede { font-size: 17px; max-width: 760px; }
figure { margin: 16px 0; background: white; border: 1px solid var(--rule); border-radius: 6px; padding: 8px; } svg { width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; background: white; } th, td { border-bottom: 1px solid var(--rule); padding: 6px 8px; vertical-align: top; text-align: left; }
th { background: #f3f3f1; font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; } .nowrap { white-space: nowrap; }
.src { color: var(--muted); font-size: 12px; } .assume { margin-top: 4px; color: #7a4a00; } .talks { color: #00734f; font-size: 12px; margin-top: 3px; } .deadline { color: #a35f00; font-size: 12px; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
.table-scroll { overflow-x: auto; margin: 8px 0; } .table-scroll:focus-visible { outline: 3px solid #ffbf47; }
@media (max-width: 600px) { main { padding: 16px 10px 40px; } h1 { font-size: 22px; } .lede { font-size: 15px; } }
`;

/** Renders the report as a self-contained HTML page. */
export function reportHtml(r: Report): string {
  const ev = events(r);
  const welfareHead =
    `<th>country</th><th>${r.final_date}, short run %</th>` +
    `<th>${r.final_date}, long run %</th><th>lowest point, long run %</th>`;
  const welfare = welfareRows(r);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.name)} — Lancaster report</title>
<style>
${STYLE}</style></head>
<body><main>
<h1>${esc(r.name)}</h1>
<div class="meta">Lancaster · ${esc(r.model)} model on ${esc(r.dataset.name)} · ${r.status} · ${r.steps.length} dated steps</div>
${summary(r)}
<p class="meta">${esc(r.horizons)}</p>
<h2>Tariffs each way</h2>
<figure>${tariffChart(r, ev)}<figcaption class="meta">Lines: the scenario's average tariffs (baseline trade weights, goods). Circles: PIIE's published averages. Green dashes: talks; grey dots: policy steps.</figcaption></figure>
<h2>Trade between the US and China</h2>
<figure>${tradeChart(r, ev)}</figure>
${fanFigures(r, 'trade', from, to)}
<h2>Welfare</h2>
<figure>${welfareChart(r, ev)}</figure>
${fanFigures(r, 'welfare', from, to)}
${scrollTable(welfareHead, welfare)}
${bandsHtml(r)}
<h2>Model and observation</h2>
${scrollTable('<th>what</th><th>observed</th><th>path (θ dataset)</th><th>path (BLP levels)</th><th>equilibria ×0.4</th><th>equilibria long run</th><th>source and note</th>', comparisonRows(r))}
<p class="meta">No parameter was set to close these gaps. Tariff rows check the data and the scenario (at these dates the scenario takes PIIE's averages as levels). Trade rows compare a sequence of equilibria with a baseline without the 2025 policies against year-on-year changes, which also carry demand, exchange-rate and stockpiling effects.</p>
<h2>In time: monthly paths against the observed months</h2>
<p class="meta">${esc(r.paths.note)}</p>
<figure>${pathChart(r, ev)}<figcaption class="meta">Lines: monthly means of the model (step lines by month). Circles: China-reported exports to the US, year on year (GACC). Nothing in these paths was fitted.</figcaption></figure>
${fitSection(r)}
<h2>Published estimates on the same measures</h2>
${scrollTable('<th>who</th><th>what</th><th>state</th><th>published</th><th>model ×0.4</th><th>model long run</th><th>source and note</th>', publishedRows(r))}
<h2>Measures per step</h2>
${scrollTable('<th>date</th><th>USA CPI % (×0.4 / long)</th><th>USA real GDP %</th><th>USA tariff revenue $bn</th><th>USA&lt;-* %</th><th>CHN CPI %</th><th>CHN real GDP %</th><th>CHN tariff revenue $bn</th><th>CHN&lt;-* %</th>', measureRows(r))}
${backtestSection(r)}
<h2>Not modelled</h2>
<ul class="src">${r.caveats.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>
<h2>Sectors most affected</h2>
${sectorCharts(r)
  .map((s) => `<figure>${s}</figure>`)
  .join('')}
<h2>The steps and their sources</h2>
${scrollTable('<th>date</th><th>step</th><th>US on CN %</th><th>CN on US %</th><th>CN→US exports % (short / long)</th><th>source</th>', stepRows(r))}
<h2>Data</h2>
<ul class="src">${r.dataset.sources.map((s) => `<li>${esc(s.citation ?? s.name)} — ${esc(s.licence)}</li>`).join('')}</ul>
<footer>Made by Lancaster (${esc(r.model)} model). Each number can be reproduced with <code>npm start</code> or <code>lancaster run scenarios/us-china-2025.yaml</code>.</footer>
</main></body></html>
`;
}
