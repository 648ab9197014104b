/**
 * The result of a sweep (docs/scale.md; a `sweep` run, or the sweep.json of `lancaster sweep --out`):
 * how many draws went into the bands and which failed, the priors drawn with their sources and
 * reasons, then per grid point the uncertainty of every reported measure as 5/50/95 percentiles —
 * fan charts over the timeline (central run as a line, the median of the draws dashed, 5–95%
 * shaded) for the chosen countries and for US–China trade, month by month on the monthly path
 * when the draws carry one (each month banded), else step by step, and sector bars with 5–95% intervals
 * (a solve: welfare by country with intervals too). The countries are chosen with the picker
 * (countries=… in the address).
 */
import { useState, type ReactNode } from 'react';
import * as Plot from '@observablehq/plot';
import type { DatasetInfo, Run } from '../../api.ts';
import { useDataset, sourceLine } from '../../data.tsx';
import { date, day, directionColour, GAIN, INDICATORS, LOSS, pct, regionColour, sectorName } from '../../format.ts';
import { hashList, setHashQuery, useHash } from '../../hash.ts';
import { CountryPicker } from '../../components/CountryPicker.tsx';
import { Figure } from '../../components/Figure.tsx';
import { ScrollBox } from '../../components/ScrollBox.tsx';
import { goodsSectors } from '../../components/SectorBars.tsx';

/** Percentiles 5/50/95 of one measure over the converged draws. */
interface Band {
  p5: number;
  p50: number;
  p95: number;
}

type Num = Record<string, number>;
type Bands = Record<string, Band>;
type SectorTable = Record<string, Record<string, Num>>;

/** The reported measures of a timeline draw (src/scenario/reported.ts), as the view reads them. */
interface StepMeasures {
  date: string;
  label: string;
  status: string;
  countries: Record<string, Num>;
  groups?: Record<string, Num>;
  average_tariffs: Num;
  bilateral_exports_pct?: Record<string, Num>;
  sectors?: SectorTable;
}
interface StepBands {
  countries?: Record<string, Bands>;
  groups?: Record<string, Bands>;
  bilateral_exports_pct?: Record<string, Bands>;
  sectors?: Record<string, Record<string, Bands>>;
}
/** A month of a timeline's monthly path (docs/results.md rule 4) and its bands. */
interface PathPoint {
  period: string;
  countries: Record<string, Num>;
  /** The report's groups (EU), where the steps carry them under groups. */
  groups?: Record<string, Num>;
  trade: Num;
}
interface PathBands {
  countries?: Record<string, Bands>;
  groups?: Record<string, Bands>;
  trade?: Bands;
}
interface Measures {
  model: string;
  dataset: string;
  status: string;
  steps?: StepMeasures[];
  path?: PathPoint[];
  countries?: Record<string, Num>;
  groups?: Record<string, Num>;
  sectors?: SectorTable;
}
interface MeasureBands {
  steps?: StepBands[];
  path?: PathBands[];
  countries?: Record<string, Bands>;
  groups?: Record<string, Bands>;
  sectors?: Record<string, Record<string, Bands>>;
}

/** One grid point of a sweep: its central run, the bands of its draws, and the draws left out. */
interface SweepPoint {
  grid: Record<string, unknown>;
  result: Measures | null;
  bands: MeasureBands | null;
  draws: { requested: number; used: number; not_converged: number[]; failed: { index: number; error: string }[] };
  central_error?: string;
}

/** A sweep's result (src/sweep/run.ts SweepResult: what `lancaster sweep --json` prints). */
export interface SweepResultShape {
  name: string;
  scenario: string;
  seed: number;
  draws: number;
  status: 'complete' | 'incomplete';
  executor: string;
  seconds: number;
  priors: { id: string; what: string; distribution: string; source: string; why: string; drawn: Band }[];
  points: SweepPoint[];
}

/** True when a parsed JSON document has the shape of a sweep result (the file opened is checked before it is drawn). */
export function isSweepResult(x: unknown): x is SweepResultShape {
  const r = x as Partial<SweepResultShape> | null;
  return (
    !!r &&
    typeof r === 'object' &&
    typeof r.name === 'string' &&
    typeof r.draws === 'number' &&
    Array.isArray(r.priors) &&
    Array.isArray(r.points)
  );
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
/** "−0.09% [−0.24, +0.03]": the central value and its 5–95% band. */
const withBand = (v: number | undefined, b: Band | undefined, digits = 2) =>
  `${pct(v, digits)}${b ? ` [${pct(b.p5, digits).replace('%', '')}, ${pct(b.p95, digits).replace('%', '')}]` : ''}`;

const FAN_HEIGHT = 240;

interface FanSeries {
  label: string;
  color: string;
  points: { date: Date; day: string; when: string; central: number; p5?: number; p50?: number; p95?: number }[];
}

/**
 * A fan chart on the sweep's dates: per series the 5–95% band shaded, the draws' median dashed, the
 * central run solid.
 */
function fanChart(width: number, series: FanSeries[], y: { label: string; fmt: (v: number) => string }, year: number) {
  const end = new Date(Date.UTC(year, 11, 31, 12));
  // Each level holds until the next step; the last one to the end of the year.
  const held = series.map((s) => ({
    ...s,
    points: s.points.length ? [...s.points, { ...s.points[s.points.length - 1], date: end }] : [],
  }));
  const banded = held.map((s) => ({ ...s, points: s.points.filter((p) => p.p5 !== undefined && p.p95 !== undefined) }));
  const narrow = width < 640;
  return Plot.plot({
    width,
    height: FAN_HEIGHT,
    marginLeft: narrow ? 52 : 64,
    marginRight: 14,
    style: { fontSize: '12px' },
    x: {
      type: 'utc',
      domain: [new Date(Date.UTC(year, 0, 1)), end],
      label: null,
      tickFormat: narrow
        ? (d: Date) => (d.getUTCMonth() % 3 ? '' : d.toLocaleString('en', { month: 'short', timeZone: 'UTC' }))
        : '%b',
    },
    y: { label: y.label, grid: true, nice: true, tickFormat: (v: number) => y.fmt(v) },
    marks: [
      Plot.ruleY([0], { stroke: '#999' }),
      ...banded.map((s) =>
        Plot.areaY(s.points, { x: 'date', y1: 'p5', y2: 'p95', fill: s.color, fillOpacity: 0.2, curve: 'step-after' }),
      ),
      ...banded.map((s) =>
        Plot.line(s.points, {
          x: 'date',
          y: 'p50',
          stroke: s.color,
          strokeWidth: 1.2,
          strokeDasharray: '4 3',
          curve: 'step-after',
        }),
      ),
      ...held.map((s) =>
        Plot.line(s.points, { x: 'date', y: 'central', stroke: s.color, strokeWidth: 2, curve: 'step-after' }),
      ),
      Plot.tip(
        series.flatMap((s) => s.points.map((p) => ({ ...p, series: s.label }))),
        Plot.pointer({
          x: 'date',
          y: 'central',
          title: (d: FanSeries['points'][number] & { series: string }) => {
            const band =
              d.p5 !== undefined
                ? `\n5–95%: ${y.fmt(d.p5)} to ${y.fmt(d.p95!)}\nmedian of draws: ${y.fmt(d.p50!)}`
                : '';
            return `${d.when}\n${d.series}: ${y.fmt(d.central)}${band}`;
          },
        }),
      ),
    ],
  });
}

interface IntervalRow {
  label: string;
  code: string;
  central: number;
  p5?: number;
  p50?: number;
  p95?: number;
}

/** Horizontal bars of the central values with 5–95% whiskers and a tick at the draws' median. */
function intervalChart(width: number, rows: IntervalRow[], xLabel: string) {
  const vals = rows
    .flatMap((r) => [r.central, r.p5, r.p95])
    .filter((v): v is number => v !== undefined && Number.isFinite(v));
  const lo = Math.min(0, ...vals),
    hi = Math.max(0, ...vals);
  const marginLeft = width < 520 ? 118 : 170;
  const maxChars = Math.floor((marginLeft - 12) / 6);
  const short = (s: string) => (s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s);
  const banded = rows.filter((r) => r.p5 !== undefined && r.p95 !== undefined);
  return Plot.plot({
    width,
    height: rows.length * 20 + 60,
    marginLeft,
    marginRight: 20,
    marginBottom: 40,
    style: { fontSize: '11px' },
    x: {
      label: xLabel,
      grid: true,
      domain: [lo - 0.05 * (hi - lo || 1), hi + 0.05 * (hi - lo || 1)],
      tickFormat: (v: number) => pct(v, Math.abs(hi - lo) < 2 ? 2 : 0),
      ticks: Math.max(2, Math.floor((width - marginLeft) / 90)),
    },
    y: { label: null, domain: rows.map((r) => r.label), tickFormat: short },
    marks: [
      Plot.barX(rows, {
        x: 'central',
        y: 'label',
        fill: (d: IntervalRow) => (d.central < 0 ? LOSS : GAIN),
        fillOpacity: 0.55,
      }),
      Plot.ruleX([0], { stroke: '#333' }),
      Plot.ruleY(banded, { y: 'label', x1: 'p5', x2: 'p95', stroke: '#1b1f24', strokeWidth: 1.5 }),
      Plot.tickX(banded, { x: 'p5', y: 'label', stroke: '#1b1f24', inset: 5 }),
      Plot.tickX(banded, { x: 'p95', y: 'label', stroke: '#1b1f24', inset: 5 }),
      Plot.dot(banded, { x: 'p50', y: 'label', r: 2.5, fill: '#fff', stroke: '#1b1f24' }),
      Plot.tip(
        rows,
        Plot.pointerY({
          x: 'central',
          y: 'label',
          title: (d: IntervalRow) => {
            const band =
              d.p5 !== undefined
                ? `\n5–95%: ${pct(d.p5, 2)} to ${pct(d.p95, 2)}\nmedian of draws: ${pct(d.p50, 2)}`
                : '';
            return `${d.label} (${d.code})\ncentral: ${pct(d.central, 2)}${band}`;
          },
        }),
      ),
    ],
  });
}

const intervalLegend = [
  { label: 'central run (the scenario as written): loss', color: LOSS, shape: 'square' as const },
  { label: 'gain', color: GAIN, shape: 'square' as const },
  { label: '5–95% of the draws', color: '#1b1f24' },
  { label: 'median of the draws', color: '#1b1f24', shape: 'ring' as const },
];

const bandRows = (rows: IntervalRow[]) =>
  rows.map(({ code, label, central, p5, p50, p95 }) => ({ code, label, central, p5, p50, p95 }));

export function SweepResult({ run }: { run: Run<SweepResultShape> }) {
  const r = run.result!;
  return <SweepView result={r} runId={run.id} />;
}

/** A grid point in words: its values, or the scenario as written when the sweep has no grid. */
const gridText = (p: SweepPoint) =>
  Object.entries(p.grid)
    .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
    .join(', ') || 'the scenario as written';

/** The priors drawn: what each varies, its distribution, the drawn percentiles, its source and why. */
function PriorTable({ priors }: { priors: SweepResultShape['priors'] }) {
  return (
    <ScrollBox label="Priors drawn" className="unbounded">
      <table className="priors" data-testid="sweep-priors">
        <caption>
          The priors drawn: what each varies, its distribution, the drawn 5th / 50th / 95th percentiles, its source and
          why this shape
        </caption>
        <thead>
          <tr>
            <th scope="col">Prior</th>
            <th scope="col">Parameter</th>
            <th scope="col">Distribution</th>
            <th scope="col">Drawn p5 / p50 / p95</th>
            <th scope="col">Source and why</th>
          </tr>
        </thead>
        <tbody>
          {priors.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <code>{p.id}</code>
              </th>
              <td>{p.what}</td>
              <td>{p.distribution}</td>
              <td className="num">
                {f3(p.drawn.p5)} / {f3(p.drawn.p50)} / {f3(p.drawn.p95)}
              </td>
              <td className="src">
                {p.source}
                <span className="why">{p.why}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** The sweep view of a result (a run's, or a file's when `runId` is null). */
export function SweepView({ result: r, runId }: { result: SweepResultShape; runId: string | null }) {
  const [pointIndex, setPointIndex] = useState(0);
  const point = r.points[Math.min(pointIndex, r.points.length - 1)];
  const dataset = useDataset(point?.result?.dataset);
  const used = r.points.reduce((n, p) => n + p.draws.used, 0);
  const requested = r.points.reduce((n, p) => n + p.draws.requested, 0);
  const source = sourceLine(
    point?.result?.model,
    dataset,
    `Sweep "${r.name}": ${r.draws} draws, seed ${r.seed}${runId ? `, run ${runId.slice(0, 8)}` : ''}; ` +
      `priors ${r.priors.map((p) => p.id).join(', ')} (sources in the priors table).`,
  );
  return (
    <div className="result sweep-result" data-testid="result" data-kind="sweep" data-run={runId ?? ''}>
      <h3>{r.name}</h3>
      <p className={r.status === 'complete' ? 'muted' : 'error'} data-testid="sweep-status">
        {r.status === 'complete' ? '✓ Complete' : '✗ Incomplete'}:{' '}
        <strong>
          {used} of {requested}
        </strong>{' '}
        draws in the bands ({r.draws} draws × {r.points.length} grid point{r.points.length > 1 ? 's' : ''}, seed{' '}
        {r.seed}), scenario <code>{r.scenario.split('/').slice(-2).join('/')}</code>,{' '}
        {r.executor.replace(/ at redis:\/\/\S+/, ' (Redis queue)')}, {r.seconds.toFixed(1)} s.
      </p>
      <p className="figure-desc">
        Lines are the scenario as written (the central run); shaded bands and whiskers span the 5th to 95th percentile
        of the draws, dashed lines and rings are their medians. Each draw is reproducible from the seed and its index on
        any executor (docs/scale.md).
      </p>
      <PriorTable priors={r.priors} />
      {r.points.length > 1 && (
        <label className="picker">
          Grid point{' '}
          <select value={pointIndex} onChange={(e) => setPointIndex(Number(e.target.value))}>
            {r.points.map((p, k) => (
              <option key={gridText(p)} value={k}>
                {k + 1}: {gridText(p)}
              </option>
            ))}
          </select>
        </label>
      )}
      {point && <PointView point={point} label={gridText(point)} dataset={dataset} source={source} />}
    </div>
  );
}

function PointView({
  point,
  label,
  dataset,
  source,
}: {
  point: SweepPoint;
  label: string;
  dataset: DatasetInfo | undefined;
  source: string;
}) {
  const left = [
    ...(point.central_error ? [`the central run failed: ${point.central_error}`] : []),
    ...point.draws.failed.map((f) => `draw ${f.index} failed: ${f.error}`),
    ...(point.draws.not_converged.length ? [`draws ${point.draws.not_converged.join(', ')} did not converge`] : []),
  ];
  return (
    <section className="sweep-point" aria-label={`Grid point: ${label}`}>
      <p data-testid="sweep-draws">
        <strong>{label}</strong>: {point.draws.used} of {point.draws.requested} draws in the bands.
      </p>
      {left.length > 0 && (
        <ul className="error" data-testid="sweep-left-out">
          {left.map((t) => (
            <li key={t}>Left out of the bands: {t}</li>
          ))}
        </ul>
      )}
      {point.result?.steps ? (
        <TimelineBands point={point} dataset={dataset} source={source} />
      ) : point.result ? (
        <SolveBands point={point} dataset={dataset} source={source} />
      ) : null}
    </section>
  );
}

/** Codes of a measures' countries and groups that carry numbers, the US and China first. */
function codesOf(m: { countries?: Record<string, Num>; groups?: Record<string, Num> } | undefined): string[] {
  const all = [...Object.keys(m?.countries ?? {}), ...Object.keys(m?.groups ?? {})];
  return [...new Set([...['USA', 'CHN'].filter((c) => all.includes(c)), ...all])];
}

/** A picker restricted to the countries the sweep reports (the draws keep only the scenario's report rows). */
function useChosen(available: string[], dataset: DatasetInfo | undefined) {
  const hash = useHash();
  const defaults = available.filter((c) => c === 'USA' || c === 'CHN');
  const chosen = (hashList(hash, 'countries') ?? (defaults.length ? defaults : available.slice(0, 2))).filter((c) =>
    available.includes(c),
  );
  const names = Object.fromEntries((dataset?.regions ?? []).map((x) => [x.code, x.name]));
  const restricted: DatasetInfo | undefined = dataset && {
    ...dataset,
    regions: available.map((code) => ({ code, name: names[code] ?? code })),
    groups: Object.fromEntries(
      Object.entries(dataset.groups).filter(([, ms]) => ms.every((m) => available.includes(m))),
    ),
  };
  const onChange = (cs: string[]) =>
    setHashQuery({ countries: cs.join(',') === defaults.join(',') ? null : cs.join(',') }, true);
  return { chosen, names, picker: restricted, defaults, onChange };
}

/**
 * The path's measure of a step measure: the path carries real income (welfare in these models),
 * real GDP and prices.
 */
const PATH_FIELD: Record<string, string | undefined> = {
  welfare_pct: 'real_income_pct',
  real_income_pct: 'real_income_pct',
  real_gdp_pct: 'real_gdp_pct',
  prices_pct: 'prices_pct',
};

/** The monthly path of a point when its draws band it month by month, else undefined. */
function monthlyPath(point: SweepPoint): PathPoint[] | undefined {
  const path = point.result?.path;
  return path?.length && point.bands?.path?.length === path.length ? path : undefined;
}

/** How a fan reads one series: at each step, or at each month of the path. */
interface Pick {
  step: (s: StepMeasures) => number | undefined;
  stepBand: (b: StepBands | undefined) => Band | undefined;
  month: (x: PathPoint) => number | undefined;
  monthBand: (b: PathBands | undefined) => Band | undefined;
}

const bandFields = (b: Band | undefined) => (b ? { p5: b.p5, p50: b.p50, p95: b.p95 } : {});
const monthName = (period: string) =>
  `${date(`${period}-15`).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' })} (monthly mean)`;

/** One fan: month by month on the monthly path (`monthly`), else step by step. */
function fanSeries(point: SweepPoint, label: string, color: string, monthly: boolean, pick: Pick): FanSeries {
  const path = monthly ? monthlyPath(point) : undefined;
  if (path) {
    const bands = point.bands?.path ?? [];
    return {
      label,
      color,
      points: path.flatMap((x, k) => {
        const central = pick.month(x);
        const at = `${x.period}-01`;
        return central === undefined
          ? []
          : [
              {
                date: date(at),
                day: x.period,
                when: monthName(x.period),
                central,
                ...bandFields(pick.monthBand(bands[k])),
              },
            ];
      }),
    };
  }
  const steps = point.result?.steps ?? [];
  const bands = point.bands?.steps ?? [];
  return {
    label,
    color,
    points: steps.flatMap((s, k) => {
      const central = pick.step(s);
      return central === undefined
        ? []
        : [{ date: date(s.date), day: s.date, when: day(s.date), central, ...bandFields(pick.stepBand(bands[k])) }];
    }),
  };
}

/** What the bands of a grid point are drawn from: the point, its dataset (names, sectors) and the source line. */
interface BandsProps {
  point: SweepPoint;
  dataset: DatasetInfo | undefined;
  source: string;
}

/** The two directions of US–China goods trade as fans (those the point carries). */
function tradeFans(point: SweepPoint, monthly: boolean): FanSeries[] {
  const direction = (from: string, to: string): Pick => ({
    step: (s) => s.bilateral_exports_pct?.[from]?.[to],
    stepBand: (b) => b?.bilateral_exports_pct?.[from]?.[to],
    month: (x) => x.trade[`${from}->${to}`],
    monthBand: (b) => b?.trade?.[`${from}->${to}`],
  });
  return [
    fanSeries(point, 'China exports to US', directionColour('CHN->USA'), monthly, direction('CHN', 'USA')),
    fanSeries(point, 'US exports to China', directionColour('USA->CHN'), monthly, direction('USA', 'CHN')),
  ].filter((s) => s.points.length);
}

/** The fans' points as flat rows (the data table and downloads). */
const fanRows = (ss: FanSeries[]) =>
  ss.flatMap((s) =>
    s.points.map((p) => ({ date: p.day, series: s.label, central: p.central, p5: p.p5, p50: p.p50, p95: p.p95 })),
  );

/** Each fan's last value with its band, and what the dashed line and the shading are. */
const fanLegend = (ss: FanSeries[]) => [
  ...ss.map((s) => {
    const end = s.points.at(-1);
    const b =
      end?.p5 !== undefined && end.p50 !== undefined && end.p95 !== undefined
        ? { p5: end.p5, p50: end.p50, p95: end.p95 }
        : undefined;
    return { label: `${s.label}: ${withBand(end?.central, b)}`, color: s.color };
  }),
  { label: 'dashed: median of the draws', color: '#59616b', dashed: true },
  { label: 'shaded: 5–95% of the draws', color: '#59616b', shape: 'band' as const },
];

function TimelineBands({ point, dataset, source }: BandsProps) {
  const steps = point.result!.steps!;
  const bands = point.bands?.steps ?? [];
  const year = Number(steps[0].date.slice(0, 4));
  const available = codesOf(steps[0]);
  const { chosen, names, picker, defaults, onChange } = useChosen(available, dataset);
  const fields = Object.keys(INDICATORS).filter((f) =>
    steps.some((s) => (s.countries[chosen[0] ?? 'USA'] ?? s.groups?.[chosen[0]])?.[f] !== undefined),
  );
  const [field, setField] = useState('welfare_pct');
  // On the monthly path (when the draws carry one): the path's own measures, welfare as its real income.
  const pathField = PATH_FIELD[field];
  const rowOf = (x: PathPoint, c: string) => x.countries[c] ?? x.groups?.[c];
  const onPath = (c: string) => {
    const first = monthlyPath(point)?.[0];
    return Boolean(pathField && first && rowOf(first, c)?.[pathField] !== undefined);
  };
  const countriesMonthly = chosen.length > 0 && chosen.every(onPath);
  const countrySeries = chosen.map((c) =>
    fanSeries(point, names[c] ?? c, regionColour(c), countriesMonthly, {
      step: (s) => s.countries[c]?.[field] ?? s.groups?.[c]?.[field],
      stepBand: (b) => b?.countries?.[c]?.[field] ?? b?.groups?.[c]?.[field],
      month: (x) => rowOf(x, c)?.[pathField!],
      monthBand: (b) => (b?.countries?.[c] ?? b?.groups?.[c])?.[pathField!],
    }),
  );
  const tradeMonthly = monthlyPath(point)?.[0].trade['CHN->USA'] !== undefined;
  const trade = tradeFans(point, tradeMonthly);
  const when = (monthly: boolean) =>
    monthly ? `month by month in ${year} (the monthly path, each month banded)` : `after each step of ${year}`;
  const last = steps.length - 1;
  const fieldLabel = INDICATORS[field] ?? field;
  return (
    <>
      <CountryPicker dataset={picker} value={chosen} onChange={onChange} purpose="the fan chart" defaults={defaults} />
      <label className="picker">
        Measure{' '}
        <select value={field} onChange={(e) => setField(e.target.value)}>
          {fields.map((f) => (
            <option key={f} value={f}>
              {INDICATORS[f]}
            </option>
          ))}
        </select>
      </label>
      <Figure
        id="sweep-fan-countries"
        title={`${fieldLabel}, with its uncertainty`}
        description={
          `${fieldLabel}, percent change from the baseline ${when(countriesMonthly)}, of ` +
          `${chosen.map((c) => names[c] ?? c).join(', ') || 'no country'}: the central run, the median of the ` +
          `draws and their 5–95% band.`
        }
        render={(w) => fanChart(w, countrySeries, { label: `${fieldLabel}, % change`, fmt: (v) => pct(v, 2) }, year)}
        rows={fanRows(countrySeries)}
        legend={fanLegend(countrySeries)}
        source={source}
        deps={[point, field, chosen.join(',')]}
      />
      {trade.length > 0 && (
        <Figure
          id="sweep-fan-trade"
          title="US–China goods trade, with its uncertainty"
          description={
            `Change in the value of goods exports between the United States and China, percent of the baseline, ` +
            `${when(tradeMonthly)}: the central run, the median of the draws and their 5–95% band.`
          }
          render={(w) => fanChart(w, trade, { label: 'Exports, % change', fmt: (v) => pct(v, 0) }, year)}
          rows={fanRows(trade)}
          legend={fanLegend(trade)}
          source={source}
          deps={[point]}
        />
      )}
      <SectorIntervals steps={steps} bands={bands} dataset={dataset} source={source} defaultStep={last} />
    </>
  );
}

const SECTOR_MEASURES: Record<string, string> = {
  real_output_pct: 'Real output',
  output_pct: 'Gross output (value)',
  price_pct: 'Producer price',
  exports_pct: 'Exports',
  imports_pct: 'Imports',
};

/** Sector bars with intervals, at a step that has sector detail (the draws keep the peak and the final state). */
function SectorIntervals({
  steps,
  bands,
  dataset,
  source,
  defaultStep,
}: {
  steps: StepMeasures[];
  bands: StepBands[];
  dataset: DatasetInfo | undefined;
  source: string;
  defaultStep: number;
}) {
  const withSectors = steps.flatMap((s, k) => (s.sectors ? [k] : []));
  const [stepChoice, setStepChoice] = useState<number | null>(null);
  const k = stepChoice ?? (withSectors.includes(defaultStep) ? defaultStep : withSectors.at(-1));
  const choice = useSectorChoice(k === undefined ? undefined : steps[k].sectors);
  if (k === undefined) return null;
  const { country: c, measure } = choice;
  return (
    <SectorBandsFigure
      when={`after the step of ${day(steps[k].date)}`}
      rows={steps[k].sectors![c]}
      bands={bands[k]?.sectors?.[c]}
      measure={measure}
      country={c}
      dataset={dataset}
      source={source}
    >
      <SectorControls choice={choice} dataset={dataset}>
        {withSectors.length > 1 && (
          <label>
            Step{' '}
            <select value={k} onChange={(e) => setStepChoice(Number(e.target.value))}>
              {withSectors.map((j) => (
                <option key={j} value={j}>
                  {day(steps[j].date)}
                  {j === defaultStep ? ' (final state)' : ' (peak of the US tariff on China)'}
                </option>
              ))}
            </select>
          </label>
        )}
      </SectorControls>
    </SectorBandsFigure>
  );
}

/** The country and measure a sector chart of `sectors` shows: its first country until one is chosen. */
function useSectorChoice(sectors: SectorTable | undefined) {
  const [chosen, setCountry] = useState<string | null>(null);
  const [measure, setMeasure] = useState('real_output_pct');
  const countries = Object.keys(sectors ?? {});
  const country = chosen && sectors?.[chosen] ? chosen : countries[0];
  return { countries, country, setCountry, measure, setMeasure };
}

/** The options of a sector chart: any options of its own first (a step), then the country and the measure. */
function SectorControls({
  choice: { countries, country, setCountry, measure, setMeasure },
  dataset,
  children,
}: {
  choice: ReturnType<typeof useSectorChoice>;
  dataset: DatasetInfo | undefined;
  children?: ReactNode;
}) {
  return (
    <fieldset className="controls">
      <legend className="sr-only">Sector chart options</legend>
      {children}
      <label>
        Country{' '}
        <select value={country} onChange={(e) => setCountry(e.target.value)}>
          {countries.map((x) => (
            <option key={x} value={x}>
              {dataset?.regions.find((r) => r.code === x)?.name ?? x}
            </option>
          ))}
        </select>
      </label>
      <label>
        Measure{' '}
        <select value={measure} onChange={(e) => setMeasure(e.target.value)}>
          {Object.entries(SECTOR_MEASURES).map(([m, l]) => (
            <option key={m} value={m}>
              {l}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

function SectorBandsFigure({
  when,
  rows,
  bands,
  measure,
  country,
  dataset,
  source,
  children,
}: {
  when: string;
  rows: Record<string, Num>;
  bands: Record<string, Bands> | undefined;
  measure: string;
  country: string;
  dataset: DatasetInfo | undefined;
  source: string;
  children?: ReactNode;
}) {
  const goods = new Set(goodsSectors(dataset) ?? Object.keys(rows));
  const longName = Object.fromEntries((dataset?.sectors ?? []).map((s) => [s.code, s.name]));
  const data: IntervalRow[] = Object.entries(rows)
    .filter(([code]) => goods.has(code) && Number.isFinite(rows[code][measure]))
    .map(([code, v]) => ({
      code,
      label: sectorName(code, longName[code]),
      central: v[measure],
      ...(bands?.[code]?.[measure] ?? {}),
    }))
    .sort((a, b) => a.central - b.central);
  const name = dataset?.regions.find((r) => r.code === country)?.name ?? country;
  return (
    <div className="sector-bars">
      {children}
      <Figure
        id="sweep-sector-intervals"
        title={`${name}: ${SECTOR_MEASURES[measure]} by sector, with 5–95% intervals`}
        description={
          `${SECTOR_MEASURES[measure] ?? measure}, percent change by goods sector, ${when}: bars are the ` +
          `central run, whiskers the 5–95% band of the draws, rings their median.`
        }
        render={(w) => intervalChart(w, data, `${SECTOR_MEASURES[measure] ?? measure}, % change`)}
        rows={bandRows(data)}
        legend={intervalLegend}
        source={source}
        deps={[rows, bands, measure]}
      />
    </div>
  );
}

function SolveBands({ point, dataset, source }: BandsProps) {
  const m = point.result!;
  const b = point.bands ?? {};
  const available = codesOf(m);
  const names = Object.fromEntries((dataset?.regions ?? []).map((x) => [x.code, x.name]));
  const rows: IntervalRow[] = available
    .flatMap((c) => {
      const v = m.countries?.[c]?.welfare_pct ?? m.groups?.[c]?.welfare_pct;
      const bd = b.countries?.[c]?.welfare_pct ?? b.groups?.[c]?.welfare_pct;
      return v === undefined ? [] : [{ code: c, label: names[c] ?? c, central: v, ...(bd ?? {}) }];
    })
    .sort((x, y) => x.central - y.central);
  const choice = useSectorChoice(m.sectors);
  const { country: c, measure } = choice;
  return (
    <>
      <Figure
        id="sweep-welfare-intervals"
        title="Welfare by country, with 5–95% intervals"
        description={
          'Welfare (real income), percent change in the new equilibrium: bars are the ' +
          'central run, whiskers the 5–95% band of the draws, rings their median.'
        }
        render={(w) => intervalChart(w, rows, 'Welfare, % change')}
        rows={bandRows(rows)}
        legend={intervalLegend}
        source={source}
        deps={[point]}
      />
      {c && (
        <SectorBandsFigure
          when="in the new equilibrium"
          rows={m.sectors![c]}
          bands={b.sectors?.[c]}
          measure={measure}
          country={c}
          dataset={dataset}
          source={source}
        >
          <SectorControls choice={choice} dataset={dataset} />
        </SectorBandsFigure>
      )}
    </>
  );
}
