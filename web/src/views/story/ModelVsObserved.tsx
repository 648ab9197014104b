/**
 * Model against what happened: China's goods exports to the US month by month in 2025 (China
 * customs, year on year) against the model — its monthly path (the replay's partial adjustment
 * between the dated equilibria, issue 14) when the run carries one (`path`), else the equilibrium
 * of the step in force in mid-month — and a table of every observed figure beside the model's, with
 * the gap. Nothing is fitted: the observed numbers set no parameter.
 */
import { useEffect, useState } from 'react';
import * as Plot from '@observablehq/plot';
import type { TimelineResult, TimelineStep } from '../../api.ts';
import { pct } from '../../format.ts';
import { Figure } from '../../components/Figure.tsx';
import { ScrollBox } from '../../components/ScrollBox.tsx';
import { HORIZON_TEXT, type Horizon } from './Explain.tsx';

/** GET /api/observed (src/server/routes/observed.ts). */
export interface Observed {
  tariffs: { date: string; pair: 'USA<-CHN' | 'CHN<-USA'; pct: number; what: string; source: string }[];
  trade: { from: string; to: string; window: [string, string]; pct: number; what: string; source: string }[];
  monthly: { from: string; to: string; period: string; window: [string, string]; pct: number; source: string }[];
}

/** A monthly point of the replay's path (docs/results.md `path[]`): shaped like a step. */
interface PathPoint {
  period: string;
  trade?: Record<string, number>;
  bilateral_exports_pct?: Record<string, Record<string, number>>;
}

const OBSERVED = '#000000';
const MODEL = '#0072B2';

/** The step in force on a day (the last step dated on or before it). */
function stepOn(steps: TimelineStep[], iso: string): TimelineStep | undefined {
  let found: TimelineStep | undefined;
  for (const s of steps) if (s.date <= iso) found = s;
  return found;
}

const chnUsa = (
  s: { trade?: Record<string, number>; bilateral_exports_pct?: Record<string, Record<string, number>> } | undefined,
) => s?.trade?.['CHN->USA'] ?? s?.bilateral_exports_pct?.CHN?.USA;

/** The model's CHN→USA exports for each month of 2025: the path when the run has one, else the step equilibria. */
export function modelMonths(
  result: TimelineResult,
): { month: string; value: number | undefined; kind: 'path' | 'equilibrium' }[] {
  const path = (result as TimelineResult & { path?: PathPoint[] }).path;
  const months = Array.from({ length: 12 }, (_, k) => `2025-${String(k + 1).padStart(2, '0')}`);
  if (Array.isArray(path) && path.length) {
    const at = new Map(path.map((p) => [p.period.slice(0, 7), chnUsa(p)]));
    return months.map((m) => ({ month: m, value: at.get(m), kind: 'path' }));
  }
  return months.map((m) => ({ month: m, value: chnUsa(stepOn(result.steps, `${m}-15`)), kind: 'equilibrium' }));
}

export function useObserved(): Observed | null {
  const [o, setO] = useState<Observed | null>(null);
  useEffect(() => {
    fetch('api/observed')
      .then((r) => (r.ok ? r.json() : null))
      .then(setO, () => setO(null));
  }, []);
  return o;
}

const mid = (m: string) => new Date(`${m}-15T12:00:00Z`);

/** A gap in percentage points, one decimal, without a signed zero. */
const gapText = (g: number | undefined) =>
  g === undefined || !Number.isFinite(g) ? '—' : Math.abs(g) < 0.05 ? '0.0' : g.toFixed(1);

type ModelMonth = ReturnType<typeof modelMonths>[number];
type MonthlyPoint = Observed['monthly'][number];

/** The chart's points: the model's months (those with a value) and the observed months, each with its series. */
function chartRows(model: ModelMonth[], points: MonthlyPoint[], kind: ModelMonth['kind']) {
  return [
    ...model
      .filter((m) => m.value !== undefined)
      .map((m) => ({
        month: m.month,
        date: mid(m.month),
        series: kind === 'path' ? 'model, monthly path' : 'model, step equilibrium',
        value: m.value!,
      })),
    ...points.map((p) => ({ month: p.period, date: mid(p.period), series: 'observed (China customs)', value: p.pct })),
  ];
}

type ChartRow = ReturnType<typeof chartRows>[number];

/** The model as a line (stepped between equilibria, straight along a path), the observed months as diamonds. */
function monthsPlot(width: number, rows: ChartRow[], kind: ModelMonth['kind']) {
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 48,
    marginRight: width < 500 ? 12 : 24,
    x: { type: 'utc', label: null, tickFormat: width < 500 ? '%b' : '%b %Y', ticks: width < 500 ? 6 : 12 },
    y: { label: '% change', grid: true, tickFormat: (v: number) => pct(v, 0) },
    color: {
      domain: [rows.find((r) => r.series.startsWith('model'))?.series ?? 'model', 'observed (China customs)'],
      range: [MODEL, OBSERVED],
    },
    marks: [
      Plot.ruleY([0], { stroke: '#888' }),
      Plot.line(
        rows.filter((r) => r.series.startsWith('model')),
        { x: 'date', y: 'value', stroke: MODEL, strokeWidth: 2, curve: kind === 'path' ? 'linear' : 'step' },
      ),
      Plot.dot(
        rows.filter((r) => r.series.startsWith('observed')),
        { x: 'date', y: 'value', fill: OBSERVED, r: 4, symbol: 'diamond' },
      ),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: 'date',
          y: 'value',
          title: (d: ChartRow) => `${d.month}\n${d.series}: ${pct(d.value, 1)}`,
        }),
      ),
    ],
  });
}

export function ModelVsObserved({
  result,
  horizon,
  source,
}: {
  result: TimelineResult;
  horizon: Horizon;
  source: string;
}) {
  const observed = useObserved();
  if (!observed) return null;
  const model = modelMonths(result);
  const kind = model[0]?.kind ?? 'equilibrium';
  const points = observed.monthly.filter((p) => p.from === 'CHN' && p.to === 'USA');
  const rows = chartRows(model, points, kind);
  return (
    <section aria-labelledby="mvo-h" className="panel" data-testid="model-vs-observed">
      <h2 id="mvo-h">The model against what happened</h2>
      <p>
        China's goods exports to the United States, month by month, year on year (China customs), against the model's{' '}
        {HORIZON_TEXT[horizon].label.toLowerCase()}{' '}
        {kind === 'path'
          ? 'monthly path: each flow moves toward the equilibrium of the step in force at ' +
            'the speed Boehm, Levchenko & Pandalai-Nayar (2023) measure.'
          : 'equilibrium of the step in force in mid-month (this run carries no monthly ' +
            'path, so the model jumps to each equilibrium on its date).'}{' '}
        Nothing is fitted to these points. The model compares with the January baseline, customs with the same month of
        2024.
      </p>
      <Figure
        id="model-vs-observed"
        title="China's exports to the US: model and observed"
        description={
          `Percent change of China's goods exports to the US in each month of 2025: observed ` +
          `year on year (points) and the model ` +
          `(${kind === 'path' ? 'monthly path' : 'step equilibria'}, ` +
          `${HORIZON_TEXT[horizon].label.toLowerCase()}).`
        }
        render={(width) => monthsPlot(width, rows, kind)}
        rows={rows.map(({ month, series, value }) => ({ month, series, value: Math.round(value * 100) / 100 }))}
        legend={[
          { label: kind === 'path' ? 'model, monthly path' : 'model, step equilibrium', color: MODEL },
          { label: 'observed (China customs)', color: OBSERVED },
        ]}
        source={`${source} Observed: China customs (GACC) via specs/timeline-2025.md §4b and critical-supply-2025.md §6.`}
        deps={[result, horizon, observed]}
      />
      <GapTable steps={result.steps} observed={observed} model={model} points={points} />
    </section>
  );
}

/** Every observed figure (the tariff levels, then the monthly exports) beside the model's, with the gap. */
function GapTable({
  steps,
  observed,
  model,
  points,
}: {
  steps: TimelineStep[];
  observed: Observed;
  model: ModelMonth[];
  points: MonthlyPoint[];
}) {
  const table = points.map((p) => {
    const m = model.find((x) => x.month === p.period)?.value;
    return {
      period: p.period,
      observed: p.pct,
      model: m,
      gap: m === undefined ? undefined : m - p.pct,
      source: p.source,
    };
  });
  const tariffRows = observed.tariffs.map((t) => ({
    ...t,
    model: stepOn(steps, t.date)?.average_tariffs[t.pair],
  }));
  return (
    <ScrollBox label="Model and observed, with the gap">
      <table className="result-table" data-testid="mvo-table">
        <caption>Model and observed side by side; gap = model − observed (percentage points)</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Observed</th>
            <th scope="col">Model</th>
            <th scope="col">Gap</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {tariffRows.map((t) => (
            <tr key={`${t.date}${t.pair}`}>
              <th scope="row">
                {t.what} ({t.pair === 'USA<-CHN' ? 'US on China' : 'China on the US'})
              </th>
              <td>{t.pct.toFixed(1)}%</td>
              <td>{t.model === undefined ? '—' : `${t.model.toFixed(1)}%`}</td>
              <td>{gapText(t.model === undefined ? undefined : t.model - t.pct)}</td>
              <td className="src">{t.source}; a scenario input where the scenario takes PIIE's level</td>
            </tr>
          ))}
          {table.map((r) => (
            <tr key={r.period}>
              <th scope="row">China's exports to the US, {r.period}</th>
              <td>{pct(r.observed, 1)}</td>
              <td>{pct(r.model, 1)}</td>
              <td>{gapText(r.gap)}</td>
              <td className="src">{r.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
