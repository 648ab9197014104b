/** The 2025 report as terminal text: tables of the series, the comparison and the sectors. */
import Table from 'cli-table3';
import { countryAt, horizons, type Report } from './build.ts';
import type { FitResult } from '../scenario/fit.ts';
import { sectorBand } from './bands.ts';
import type { Band } from '../sweep/bands.ts';

const f1 = (v: number) => (Number.isFinite(v) ? (Math.abs(v) < 0.05 ? '0.0' : (v > 0 ? '+' : '') + v.toFixed(1)) : '–');
const f2 = (v: number) =>
  Number.isFinite(v) ? (Math.abs(v) < 0.005 ? '0.00' : (v > 0 ? '+' : '') + v.toFixed(2)) : '–';

function table(head: string[]) {
  const plain = Boolean(process.env.NO_COLOR) || !process.stdout.isTTY;
  return new Table({ head, style: { head: plain ? [] : ['cyan'], border: plain ? [] : ['grey'], compact: true } });
}

/** Tariffs and trade at each step, short run / long run. */
function tariffTradeTable(r: Report): string {
  const t = table(['date', 'step', 'US on CN', 'CN on US', 'CN→US exports', 'US→CN exports']);
  t.push([
    'start',
    'baseline (20 January 2025 tariffs)',
    r.start.tariffs['USA<-CHN'].toFixed(1),
    r.start.tariffs['CHN<-USA'].toFixed(1),
    '',
    '',
  ]);
  for (const s of r.steps) {
    const a = s.trade['CHN->USA'] !== undefined ? horizons(s, (h) => h.trade?.['CHN->USA']) : undefined;
    const b = s.trade['USA->CHN'] !== undefined ? horizons(s, (h) => h.trade?.['USA->CHN']) : undefined;
    const mark = s.talks ? ` [talks: ${s.talks.city ?? s.talks.venue}]` : '';
    t.push([
      s.date,
      `${s.label.slice(0, 58)}${s.label.length > 58 ? '…' : ''}${mark}`,
      s.tariffs['USA<-CHN'].toFixed(1),
      s.tariffs['CHN<-USA'].toFixed(1),
      a ? `${f1(a.short)} / ${f1(a.long)}` : '',
      b ? `${f1(b.short)} / ${f1(b.long)}` : '',
    ]);
  }
  return t.toString();
}

/** Welfare of each reported country at each solved step, short run / long run. */
function welfareTable(r: Report): string {
  const w = table(['date', ...r.countries]);
  for (const s of r.steps)
    if (s.solved)
      w.push([
        s.date,
        ...r.countries.map(
          (c) =>
            `${f2(horizons(s, (h) => countryAt(h, c)?.welfare_pct).short)} / ` +
            `${f2(horizons(s, (h) => countryAt(h, c)?.welfare_pct).long)}`,
        ),
      ]);
  return w.toString();
}

/** CPI, real GDP, tariff revenue and the average tariff on all partners of the US and China at each solved step. */
function measuresTable(r: Report): string {
  const ms = table([
    'date',
    'USA CPI',
    'USA real GDP',
    'USA revenue',
    'USA<-*',
    'CHN CPI',
    'CHN real GDP',
    'CHN revenue',
    'CHN<-*',
  ]);
  for (const s of r.steps) {
    if (!s.solved) continue;
    const both = (x: { short: number; long: number }) =>
      Number.isNaN(x.short) && Number.isNaN(x.long) ? '–' : `${f2(x.short)} / ${f2(x.long)}`;
    const row = (c: string) => [
      both(horizons(s, (h) => countryAt(h, c)?.prices_pct)),
      both(horizons(s, (h) => countryAt(h, c)?.real_gdp_pct)),
      s.tariff_revenue?.[c] !== undefined ? (s.tariff_revenue[c] / 1000).toFixed(0) : '–',
      s.tariffs[`${c}<-*`]?.toFixed(1) ?? '–',
    ];
    ms.push([s.date, ...row('USA'), ...row('CHN')]);
  }
  return ms.toString();
}

/** The model against the observed figures, row by row with the source. */
function comparisonTable(r: Report): string {
  const c = table([
    'what',
    'observed',
    'path (θ dataset)',
    'path (BLP levels)',
    'equilibria ×0.4',
    'equilibria long run',
    'source',
  ]);
  for (const row of r.comparison)
    c.push([
      row.what,
      row.observed.toFixed(1),
      f1(row.path ?? NaN),
      f1(row.path_blp ?? NaN),
      row.model.short.toFixed(1),
      row.model.long.toFixed(1),
      row.source,
    ]);
  return c.toString();
}

/** China's exports to the US by month: observed against the monthly paths and the sequences of equilibria. */
function monthlyTable(r: Report): string {
  const pm = table([
    'month',
    'observed',
    'path (θ dataset)',
    'path (BLP levels)',
    'equilibria ×0.4',
    'equilibria long run',
    'US→CN path',
  ]);
  r.paths.adjusted.forEach((pt, k) => {
    const o = r.paths.observed.find((x) => x.period === pt.period);
    pm.push([
      pt.period,
      o ? f1(o.pct) : '',
      f1(pt.trade['CHN->USA']),
      f1(r.paths.blp_levels[k].trade['CHN->USA']),
      f1(r.paths.equilibria_short[k].trade['CHN->USA']),
      f1(r.paths.equilibria[k].trade['CHN->USA']),
      f1(pt.trade['USA->CHN']),
    ]);
  });
  return pm.toString();
}

/** Published model estimates against the model on the same measure. */
function publishedTable(r: Report): string {
  const pb = table(['who', 'what', 'date', 'published', 'model ×0.4', 'model long run', 'note']);
  for (const e of r.published)
    pb.push([e.who, e.what, e.date, f1(e.published), f2(e.model.short), f2(e.model.long), e.note]);
  return pb.toString();
}

/** The 2018–19 backtest against the published estimates, when the report carries it. */
function backtestLines(backtest: NonNullable<Report['backtest']>): string[] {
  const bt = table(['what', 'published', 'model', 'unit', 'source', 'note']);
  for (const x of backtest.rows)
    bt.push([
      x.what,
      Number.isFinite(x.published) ? String(x.published) : '–',
      x.unit === 'ratio' ? x.model.toFixed(2) : f2(x.model),
      x.unit,
      x.source,
      x.note,
    ]);
  return [
    '',
    'Backtest: the 2018–19 layers against their absence (scenarios/backtest-2018-19.yaml), ' +
      'against Fajgelbaum et al. (2020) and Amiti, Redding & Weinstein (2019)',
    bt.toString(),
    backtest.note,
  ];
}

/** The sectors most affected at each reported date, per country, with the draws' 5–95% band when there are bands. */
function sectorLines(r: Report): string[] {
  const out: string[] = [];
  for (const block of r.sectors) {
    out.push('');
    out.push(
      `Sectors most affected on ${block.date} (${block.label.slice(0, 70)}): gross output, % ` +
        `change short / long run${r.bands ? ' (central [5%, 95%] of the draws)' : ''}; value ` +
        `lost (long run, ${r.dataset.unit}; negative = gained)`,
    );
    for (const [country, rows] of Object.entries(block.byCountry)) {
      const st = table([country, 'sector', 'short', 'long', 'value lost']);
      const cell = (v: number, b: Band | undefined) => (b ? `${f2(v)} [${f2(b.p5)}, ${f2(b.p95)}]` : f2(v));
      for (const s of rows) {
        st.push([
          s.code,
          s.name.slice(0, 40),
          cell(s.output_pct.short, sectorBand(r, block, 'short-run', country, s.code)),
          cell(s.output_pct.long, sectorBand(r, block, 'long-run', country, s.code)),
          s.value_lost.toFixed(0),
        ]);
      }
      out.push(st.toString());
    }
  }
  return out;
}

/** Renders the report for a terminal. */
export function reportText(r: Report, files: string[] = []): string {
  const out: string[] = [
    `${r.name}`,
    `${r.model} model on ${r.dataset.id} (${r.dataset.name}); ${r.status}, ${r.seconds.toFixed(1)} s`,
    r.horizons,
    '',
    'Average tariffs (trade-weighted, %) and goods trade (% change from the ' +
      'no-2025-policy baseline), short run / long run',
    tariffTradeTable(r),
    '',
    'Welfare (real income, % change), short run / long run',
    welfareTable(r),
    '',
    'Measures per step (USA, CHN): CPI % and real GDP % (short / long run), tariff ' +
      'revenue ($bn a year, long run), average tariff on all partners %',
    measuresTable(r),
    '',
    'Model vs observed (nothing tuned; the fit below is the only fitted number and is marked there)',
    comparisonTable(r),
    r.paths.note,
    '',
    "China's exports to the US by month, % change: observed (y/y, GACC) against " +
      "the model's monthly paths and the sequences of equilibria",
    monthlyTable(r),
    '',
    formatFit(r.fit),
    '',
    'Published model estimates against the model on the same measure ' +
      '(equilibria at the step in force on the date; long run / ×0.4)',
    publishedTable(r),
    ...(r.backtest ? backtestLines(r.backtest) : []),
    `Not modelled: ${r.caveats.join(' ')}`,
    'Trade rows: the model is a sequence of equilibria compared with a baseline without the 2025 ' +
      'policies; the observed figures are year-on-year changes, which also carry demand, exchange-rate ' +
      'and stockpiling effects. No parameter was set to close the gaps.',
    ...sectorLines(r),
    '',
    `Sources: every step cites its row of timeline-2025 (see the HTML report for sources and ` +
      `assumptions). Data: ${r.dataset.sources.map((s) => s.name).join('; ')}.`,
  ];
  if (files.length) out.push(`Written: ${files.join(', ')}`);
  return out.join('\n');
}

/** The fit of the within-a-year elasticity, fitted and predicted months marked. */
export function formatFit(fit: FitResult): string {
  const out: string[] = [];
  out.push(
    `lancaster fit — within-a-year elasticity from ${fit.pair} exports, ${fit.rows
      .filter((x) => x.role === 'fitted')
      .map((x) => x.period)
      .join(', ')} (FITTED on ${fit.fitted.points} points; later months PREDICTED)`,
  );
  out.push(
    `  fitted: ρ = ${fit.fitted.ratio.toFixed(3)} (s.e. ${fit.fitted.se_ratio.toFixed(3)}, 95% ` +
      `${fit.fitted.ci95_ratio.map((x) => x.toFixed(2)).join('–')}), within-a-year elasticity ` +
      `${fit.fitted.elasticity.toFixed(2)} (95% ` +
      `${fit.fitted.ci95_elasticity.map((x) => x.toFixed(2)).join('–')}), T = ${fit.fitted.months.toFixed(1)} ` +
      `months, σ̂ = ${fit.fitted.sigma.toFixed(3)} (log points)`,
  );
  out.push(
    `  unfitted: ρ = ${fit.unfitted.ratio.toFixed(2)}, within-a-year elasticity ` +
      `${fit.unfitted.elasticity.toFixed(2)} (${fit.unfitted.source}); long-run θ̄ = ` +
      `${fit.theta_long_run.toFixed(2)} (dataset)`,
  );
  const t = table(['month', 'observed', 'model, fitted ρ', 'model, unfitted ρ', 'role']);
  for (const r of fit.rows)
    t.push([
      r.period,
      f1(r.observed),
      f1(r.fitted_model),
      f1(r.unfitted_model),
      r.role === 'fitted' ? 'FITTED (in sample)' : 'PREDICTED (out of sample)',
    ]);
  out.push(t.toString());
  out.push(
    `  in sample RMSE: fitted ${fit.in_sample.fitted_rmse.toFixed(1)}, ` +
      `unfitted ${fit.in_sample.unfitted_rmse.toFixed(1)} points`,
  );
  out.push(
    `  out of sample (${fit.out_of_sample.points} months): RMSE fitted ` +
      `${fit.out_of_sample.fitted.rmse.toFixed(1)} points (mean error ${f1(fit.out_of_sample.fitted.mean_error)}), ` +
      `unfitted ${fit.out_of_sample.unfitted.rmse.toFixed(1)} (mean error ` +
      `${f1(fit.out_of_sample.unfitted.mean_error)})`,
  );
  out.push(`  error model: ${fit.error_model}`);
  return out.join('\n');
}
