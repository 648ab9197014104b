/**
 * A sweep for the terminal: the priors and what was drawn, then per grid point the central value
 * of each headline measure with its 5–95% band, and every draw that failed or did not converge.
 */
import Table from 'cli-table3';
import type { Band } from '../sweep/bands.ts';
import type { SweepPoint, SweepResult } from '../sweep/run.ts';

type Rows = Record<string, Record<string, number>>;
type BandRows = Record<string, Record<string, Band>>;
interface StepLike {
  date: string;
  label: string;
  countries: Rows;
  bilateral_exports_pct?: Rows;
  average_tariffs: Record<string, number>;
}
interface StepBands {
  countries?: BandRows;
  bilateral_exports_pct?: BandRows;
}

const f2 = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : Math.abs(v) < 0.005 ? '0.00' : (v > 0 ? '+' : '') + v.toFixed(2);
/** "central [p5, p95]". */
const withBand = (v: number | undefined, b: Band | undefined) => (b ? `${f2(v)} [${f2(b.p5)}, ${f2(b.p95)}]` : f2(v));

function table(head: string[]) {
  const plain = Boolean(process.env.NO_COLOR) || !process.stdout.isTTY;
  return new Table({ head, style: { head: plain ? [] : ['cyan'], border: plain ? [] : ['grey'], compact: true } });
}

const gridLabel = (p: SweepPoint) =>
  Object.entries(p.grid)
    .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
    .join(', ') || 'the scenario as written';

function timelinePoint(p: SweepPoint, out: string[]) {
  const steps = (p.result as { steps: StepLike[] }).steps;
  const bands = (p.bands as { steps?: StepBands[] } | null)?.steps ?? [];
  const countries = Object.keys(steps[0]?.countries ?? {}).slice(0, 4);
  const t = table(['date', 'step', 'CN→US exports %', 'US→CN exports %', ...countries.map((c) => `${c} welfare %`)]);
  steps.forEach((s, k) => {
    const b = bands[k] ?? {};
    t.push([
      s.date,
      s.label.length > 40 ? `${s.label.slice(0, 39)}…` : s.label,
      withBand(s.bilateral_exports_pct?.CHN?.USA, b.bilateral_exports_pct?.CHN?.USA),
      withBand(s.bilateral_exports_pct?.USA?.CHN, b.bilateral_exports_pct?.USA?.CHN),
      ...countries.map((c) => withBand(s.countries[c]?.welfare_pct, b.countries?.[c]?.welfare_pct)),
    ]);
  });
  out.push(t.toString());
  const last = steps.length - 1;
  const all = Object.keys(steps[last]?.countries ?? {});
  const w = table(['country', `welfare % on ${steps[last]?.date}`, 'real wage %', 'prices %', 'exports %']);
  for (const c of all) {
    const v = steps[last].countries[c],
      b = bands[last]?.countries?.[c] ?? {};
    w.push([
      c,
      withBand(v.welfare_pct, b.welfare_pct),
      withBand(v.real_wage_pct, b.real_wage_pct),
      withBand(v.prices_pct, b.prices_pct),
      withBand(v.exports_pct, b.exports_pct),
    ]);
  }
  out.push(w.toString());
}

function solvePoint(p: SweepPoint, out: string[]) {
  const r = p.result as { countries: Rows };
  const b = (p.bands as { countries?: BandRows } | null)?.countries ?? {};
  const t = table(['country', 'welfare %', 'real wage %', 'prices %', 'exports %', 'imports %']);
  for (const [c, v] of Object.entries(r.countries)) {
    const cb = b[c] ?? {};
    t.push([
      c,
      withBand(v.welfare_pct, cb.welfare_pct),
      withBand(v.real_wage_pct, cb.real_wage_pct),
      withBand(v.prices_pct, cb.prices_pct),
      withBand(v.exports_pct, cb.exports_pct),
      withBand(v.imports_pct, cb.imports_pct),
    ]);
  }
  out.push(t.toString());
}

/** Renders a sweep result for the terminal. */
export function sweepText(r: SweepResult, files: string[] = []): string {
  const out: string[] = [];
  out.push(r.name);
  out.push(
    `${r.draws} draws (seed ${r.seed}) of ${r.scenario} on ${r.executor}: ${r.status}, ${r.seconds.toFixed(1)} s`,
  );
  out.push('Values: the scenario as written (central run); brackets: 5th and 95th percentiles over the draws.');
  const pt = table(['prior', 'distribution', 'drawn p5', 'p50', 'p95']);
  for (const p of r.priors)
    pt.push([p.id, p.distribution, p.drawn.p5.toFixed(3), p.drawn.p50.toFixed(3), p.drawn.p95.toFixed(3)]);
  out.push(pt.toString());
  for (const p of r.points) {
    out.push('');
    out.push(`Grid point: ${gridLabel(p)} — ${p.draws.used} of ${p.draws.requested} draws in the bands`);
    if (p.draws.not_converged.length)
      out.push(`  did not converge (left out): draws ${p.draws.not_converged.join(', ')}`);
    for (const f of p.draws.failed) out.push(`  FAILED draw ${f.index}: ${f.error}`);
    if (p.central_error) out.push(`  FAILED central run: ${p.central_error}`);
    if (!p.result) continue;
    if ((p.result as { steps?: unknown }).steps) timelinePoint(p, out);
    else solvePoint(p, out);
  }
  if (files.length) out.push('', ...files.map((f) => `wrote ${f}`));
  return out.join('\n');
}
