/**
 * The three time charts under the event strip, on the strip's date axis: average tariffs each way,
 * bilateral goods exports, and welfare of the main economies. A dashed rule marks the selected event.
 */
import * as Plot from '@observablehq/plot';
import type { TimelineStep } from '../api.ts';
import { darker, date, day, level, pct, regionColour } from '../format.ts';
import { Figure } from './Figure.tsx';
import { LANE_LABEL_WIDTH, RIGHT_MARGIN, STRIP_DOMAIN } from './EventStrip.tsx';

interface Series {
  key: string;
  label: string;
  color: string;
  value: (s: TimelineStep) => number | undefined;
  bold?: boolean;
}

function seriesRows(steps: TimelineStep[], series: Series[]) {
  const rows: { date: Date; day: string; series: string; value: number }[] = [];
  for (const se of series) {
    steps.forEach((s) => {
      const v = se.value(s);
      if (v !== undefined && Number.isFinite(v))
        rows.push({ date: date(s.date), day: s.date, series: se.label, value: v });
    });
    const last = rows.filter((r) => r.series === se.label).at(-1);
    if (last) rows.push({ ...last, date: STRIP_DOMAIN[1] }); // hold the last level to the end of the axis
  }
  return rows;
}

const CHART_HEIGHT = 220;
/**
 * Below this width the charts drop the strip's wide margins and their end labels (the legend gives
 * the last values).
 */
const NARROW = 640;

/** Pixel offsets that keep end labels at least 14 px apart, from the drawn chart's own y scale. */
function dodgeEnds<T extends { value: number }>(ends: T[], y: (v: number) => number): (T & { dy: number })[] {
  const placed = ends.map((e) => ({ ...e, y0: y(e.value), y: y(e.value), dy: 0 })).sort((a, b) => a.y0 - b.y0);
  for (let k = 1; k < placed.length; k++) placed[k].y = Math.max(placed[k].y, placed[k - 1].y + 14);
  return placed.map((p) => ({ ...p, dy: p.y - p.y0 }));
}

function lineChart(
  width: number,
  rows: ReturnType<typeof seriesRows>,
  series: Series[],
  selected: Date | undefined,
  y: { label: string; fmt: (v: number) => string; zero?: boolean },
) {
  const colour = Plot.scale({ color: { domain: series.map((s) => s.label), range: series.map((s) => s.color) } });
  const narrow = width < NARROW;
  const draw = (ends: ReturnType<typeof dodgeEnds<(typeof rows)[number]>>) =>
    Plot.plot({
      width,
      height: CHART_HEIGHT,
      marginLeft: narrow ? 52 : LANE_LABEL_WIDTH,
      marginRight: narrow ? 14 : RIGHT_MARGIN,
      style: { fontSize: '12px' },
      x: {
        type: 'utc',
        domain: STRIP_DOMAIN,
        label: null,
        tickFormat: narrow
          ? (d: Date) => (d.getUTCMonth() % 3 ? '' : d.toLocaleString('en', { month: 'short', timeZone: 'UTC' }))
          : '%b',
      },
      y: { label: y.label, grid: true, nice: true, tickFormat: (v: number) => y.fmt(v), zero: y.zero },
      color: { domain: series.map((s) => s.label), range: series.map((s) => s.color) },
      marks: [
        y.zero === false ? null : Plot.ruleY([0], { stroke: '#999' }),
        selected ? Plot.ruleX([selected], { stroke: '#444', strokeDasharray: '3 3' }) : null,
        ...series.map((s) =>
          Plot.line(
            rows.filter((r) => r.series === s.label),
            { x: 'date', y: 'value', stroke: s.color, strokeWidth: s.bold ? 2.5 : 1.5, curve: 'step-after' },
          ),
        ),
        Plot.dot(
          rows.filter((r) => r.date.getTime() !== STRIP_DOMAIN[1].getTime()),
          { x: 'date', y: 'value', fill: 'series', r: 2 },
        ),
        ...ends.map((e) =>
          Plot.text([e], {
            x: 'date',
            y: 'value',
            text: (d) => `${d.series} ${y.fmt(d.value)}`,
            textAnchor: 'start',
            dx: 6,
            dy: e.dy,
            fill: darker(colour.apply(e.series) as string),
            fontWeight: 600,
          }),
        ),
        Plot.tip(
          rows.filter((r) => r.date.getTime() !== STRIP_DOMAIN[1].getTime()),
          Plot.pointer({ x: 'date', y: 'value', title: (d) => `${day(d.day)}\n${d.series}: ${y.fmt(d.value)}` }),
        ),
      ],
    });
  const last = series
    .map((s) => rows.filter((r) => r.series === s.label).at(-1))
    .filter((r): r is NonNullable<typeof r> => !!r);
  if (narrow || !last.length) return draw([]);
  // Draw once for the y scale (nice domain, margins), then place the end labels on it.
  const scale = draw([]).scale('y') as { apply: (v: number) => number };
  return draw(dodgeEnds(last, (v) => scale.apply(v)));
}

/** Last value of each series, for the legend (the end labels are dropped on narrow screens). */
const lastOf = (rows: ReturnType<typeof seriesRows>, label: string) =>
  rows.filter((r) => r.series === label).at(-1)?.value;

export interface TimelineChartsProps {
  steps: TimelineStep[];
  selected: number;
  source: string;
  /** Regions drawn besides the US and China in the welfare chart. */
  others?: string[];
  regionNames: Record<string, string>;
}

/** The two average tariffs, each way between the US and China. */
const TARIFFS: Series[] = [
  {
    key: 'USA<-CHN',
    label: 'US on China',
    color: regionColour('USA'),
    value: (s) => s.average_tariffs['USA<-CHN'],
    bold: true,
  },
  {
    key: 'CHN<-USA',
    label: 'China on US',
    color: regionColour('CHN'),
    value: (s) => s.average_tariffs['CHN<-USA'],
    bold: true,
  },
];

/** Goods exports each way between the US and China. */
const TRADE: Series[] = [
  {
    key: 'USA->CHN',
    label: 'US exports to China',
    color: regionColour('USA'),
    value: (s) => s.bilateral_exports_pct?.USA?.CHN,
    bold: true,
  },
  {
    key: 'CHN->USA',
    label: 'China exports to US',
    color: regionColour('CHN'),
    value: (s) => s.bilateral_exports_pct?.CHN?.USA,
    bold: true,
  },
];

/** Welfare of the US and China (bold), and of those of `others` that the steps have (a country's or a group's). */
function welfareSeries(steps: TimelineStep[], others: string[], regionNames: Record<string, string>): Series[] {
  const welfareOf = (c: string) => (s: TimelineStep) => s.countries[c]?.welfare_pct ?? s.groups?.[c]?.welfare_pct;
  const available = others.filter((c) => steps.some((s) => welfareOf(c)(s) !== undefined));
  return [
    { key: 'USA', label: 'United States', color: regionColour('USA'), value: welfareOf('USA'), bold: true },
    { key: 'CHN', label: 'China', color: regionColour('CHN'), value: welfareOf('CHN'), bold: true },
    ...available.map((c) => ({ key: c, label: regionNames[c] ?? c, color: regionColour(c), value: welfareOf(c) })),
  ];
}

/** A chart's rows for its data table and downloads, the value under `key` (the strip's end date left out). */
const tableRows = (rows: ReturnType<typeof seriesRows>, key: string) =>
  rows
    .filter((r) => r.date.getTime() !== STRIP_DOMAIN[1].getTime())
    .map((r) => ({ date: r.day, series: r.series, [key]: r.value }));

export function TimelineCharts({
  steps,
  selected,
  source,
  others = ['EU', 'JPN', 'KOR', 'TWN', 'MEX'],
  regionNames,
}: TimelineChartsProps) {
  const sel = steps[selected] ? date(steps[selected].date) : undefined;
  const welfare = welfareSeries(steps, others, regionNames);
  const tRows = seriesRows(steps, TARIFFS);
  const bRows = seriesRows(steps, TRADE);
  const wRows = seriesRows(steps, welfare);
  const hasTrade = bRows.length > 0;
  return (
    <div className="timeline-charts">
      <Figure
        id="average-tariffs"
        title="Average tariffs each way"
        description={
          'Trade-weighted average tariff, in percent, of the United States on goods from ' +
          'China and of China on goods from the United States, after each step of 2025.'
        }
        render={(w) =>
          lineChart(w, tRows, TARIFFS, sel, { label: 'Average tariff (%)', fmt: (v) => level(v, 0), zero: true })
        }
        rows={tableRows(tRows, 'average_tariff_pct')}
        legend={TARIFFS.map((s) => ({ label: `${s.label}: ${level(lastOf(tRows, s.label), 0)}`, color: s.color }))}
        source={`${source} Averages weighted by baseline flows, goods only.`}
        deps={[steps, selected]}
      />
      {hasTrade && (
        <Figure
          id="bilateral-trade"
          title="Bilateral goods trade"
          description={
            'Change in the value of goods exports between the United ' +
            'States and China, in percent of the 20 January 2025 baseline.'
          }
          render={(w) => lineChart(w, bRows, TRADE, sel, { label: 'Exports, % change', fmt: (v) => pct(v, 0) })}
          rows={tableRows(bRows, 'exports_pct')}
          legend={TRADE.map((s) => ({ label: `${s.label}: ${pct(lastOf(bRows, s.label), 0)}`, color: s.color }))}
          source={source}
          deps={[steps, selected]}
        />
      )}
      <Figure
        id="welfare-timeline"
        title="Welfare"
        description={
          'Change in welfare (real income), in percent, of the United ' +
          'States, China and other large economies after each step.'
        }
        render={(w) => lineChart(w, wRows, welfare, sel, { label: 'Welfare, % change', fmt: (v) => pct(v, 2) })}
        rows={tableRows(wRows, 'welfare_pct')}
        legend={welfare.map((s) => ({ label: `${s.label}: ${pct(lastOf(wRows, s.label), 2)}`, color: s.color }))}
        source={source}
        deps={[steps, selected]}
      />
    </div>
  );
}
