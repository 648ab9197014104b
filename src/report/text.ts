/** The 2025 report as terminal text: tables of the series, the comparison and the sectors. */
import Table from 'cli-table3';
import type { Report } from './build.ts';

const f1 = (v: number) => (Number.isFinite(v) ? (Math.abs(v) < 0.05 ? '0.0' : (v > 0 ? '+' : '') + v.toFixed(1)) : '–');
const f2 = (v: number) => (Number.isFinite(v) ? (Math.abs(v) < 0.005 ? '0.00' : (v > 0 ? '+' : '') + v.toFixed(2)) : '–');

function table(head: string[]) {
  const plain = Boolean(process.env.NO_COLOR) || !process.stdout.isTTY;
  return new Table({ head, style: { head: plain ? [] : ['cyan'], border: plain ? [] : ['grey'], compact: true } });
}

/** Renders the report for a terminal. */
export function reportText(r: Report, files: string[] = []): string {
  const out: string[] = [];
  out.push(`${r.name}`);
  out.push(`${r.model} model on ${r.dataset.id} (${r.dataset.name}); ${r.status}, ${r.seconds.toFixed(1)} s`);
  out.push(r.horizons);
  out.push('');
  out.push('Average tariffs (trade-weighted, %) and goods trade (% change from the no-2025-policy baseline), short run / long run');
  const t = table(['date', 'step', 'US on CN', 'CN on US', 'CN→US exports', 'US→CN exports']);
  t.push(['start', 'baseline (20 January 2025 tariffs)', r.start.tariffs['USA<-CHN'].toFixed(1), r.start.tariffs['CHN<-USA'].toFixed(1), '', '']);
  for (const s of r.steps) {
    const a = s.trade['CHN->USA'], b = s.trade['USA->CHN'];
    const mark = s.talks ? ` [talks: ${s.talks.city ?? s.talks.venue}]` : '';
    t.push([s.date, `${s.label.slice(0, 58)}${s.label.length > 58 ? '…' : ''}${mark}`, s.tariffs['USA<-CHN'].toFixed(1), s.tariffs['CHN<-USA'].toFixed(1),
      a ? `${f1(a.short)} / ${f1(a.long)}` : '', b ? `${f1(b.short)} / ${f1(b.long)}` : '']);
  }
  out.push(t.toString());
  out.push('');
  out.push('Welfare (real income, % change), short run / long run');
  const w = table(['date', ...r.countries]);
  for (const s of r.steps) if (s.solved) w.push([s.date, ...r.countries.map((c) => `${f2(s.welfare[c].short)} / ${f2(s.welfare[c].long)}`)]);
  out.push(w.toString());
  out.push('');
  out.push('Model vs observed');
  const c = table(['what', 'observed', 'model short run', 'model long run', 'source']);
  for (const row of r.comparison) c.push([row.what, row.observed.toFixed(1), row.model.short.toFixed(1), row.model.long.toFixed(1), row.source]);
  out.push(c.toString());
  out.push('Trade rows: the model is a sequence of equilibria compared with a baseline without the 2025 policies; the observed figures are year-on-year changes, which also carry demand, exchange-rate and stockpiling effects. No parameter was set to close the gaps.');
  for (const block of r.sectors) {
    out.push('');
    out.push(`Sectors most affected on ${block.date} (${block.label.slice(0, 70)}): gross output, % change short / long run; value lost (long run, ${r.dataset.unit}; negative = gained)`);
    for (const [country, rows] of Object.entries(block.byCountry)) {
      const st = table([country, 'sector', 'short', 'long', 'value lost']);
      for (const s of rows) st.push([s.code, s.name.slice(0, 40), f2(s.output_pct.short), f2(s.output_pct.long), s.value_lost.toFixed(0)]);
      out.push(st.toString());
    }
  }
  out.push('');
  out.push(`Sources: every step cites its row of timeline-2025 (see the HTML report for sources and assumptions). Data: ${r.dataset.sources.map((s) => s.name).join('; ')}.`);
  if (files.length) out.push(`Written: ${files.join(', ')}`);
  return out.join('\n');
}
