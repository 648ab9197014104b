/**
 * Sector impact bars: for each country with sector detail, the change of one sector measure (real
 * output by default), sorted, orange for losses and purple for gains, with the value written at the
 * end of each bar. With `bands` (a sweep of the same run), each bar gets its 5–95% whisker and a
 * ring at the draws' median, as the HTML report's sector bars.
 */
import { useState } from 'react';
import * as Plot from '@observablehq/plot';
import type { DatasetInfo, SectorRow } from '../api.ts';
import { GAIN, LOSS, pct, sectorName } from '../format.ts';
import { Figure } from './Figure.tsx';

const MEASURES: Record<string, string> = {
  real_output_pct: 'Real output',
  output_pct: 'Gross output (value)',
  price_pct: 'Producer price',
  exports_pct: 'Exports',
  imports_pct: 'Imports',
};

/** WIOD's service sectors (c17–c35): left out of the default view, added with the checkbox. */
const SERVICES = /^c(1[7-9]|2\d|3[0-5])$/;

/** The goods sectors of a dataset (every sector but WIOD's services). */
export const goodsSectors = (d: DatasetInfo | undefined) =>
  d?.sectors.filter((s) => !SERVICES.test(s.code)).map((s) => s.code);

/** Percentiles 5/50/95 of a measure over a sweep's draws. */
export interface Band {
  p5: number;
  p50: number;
  p95: number;
}

export interface SectorBarsProps {
  sectors: Record<string, Record<string, SectorRow>>;
  dataset: DatasetInfo | undefined;
  subtitle: string;
  source: string;
  /** Sector codes of goods (the default view); services are added with the checkbox. */
  goods?: string[];
  /** The countries to draw, in this order (default: every country with sector detail). */
  countries?: string[];
  /** region → sector → measure → band over a sweep's draws: drawn as whiskers where present. */
  bands?: Record<string, Record<string, Record<string, Band>>>;
  /** What the whiskers are (which sweep, how many draws), under the chart. */
  bandsNote?: string;
}

/** One bar: a sector of a country, its value, where its label goes, and its band when the sweep has one. */
interface BarRow {
  country: string;
  code: string;
  sector: string;
  value: number;
  /** Where the value label is written: beyond the whisker, not over it. */
  end: number;
  p5?: number;
  p50?: number;
  p95?: number;
}

/** What the chart draws, whatever its width. */
interface BarsFrame {
  rows: BarRow[];
  /** The countries drawn, as codes, in order. */
  countries: string[];
  regionName: Record<string, string>;
  codeOf: Record<string, string>;
  longName: Record<string, string>;
  /** The measure's name. */
  label: string;
}

export function SectorBars({
  sectors,
  dataset,
  subtitle,
  source,
  goods,
  countries: chosen,
  bands,
  bandsNote,
}: SectorBarsProps) {
  const [measure, setMeasure] = useState('real_output_pct');
  const [services, setServices] = useState(false);
  const countries = chosen ? chosen.filter((c) => sectors[c]) : Object.keys(sectors);
  const longName = Object.fromEntries((dataset?.sectors ?? []).map((s) => [s.code, s.name]));
  const regionName = Object.fromEntries((dataset?.regions ?? []).map((r) => [r.code, r.name]));
  const codeOf = Object.fromEntries((dataset?.regions ?? []).map((r) => [r.name, r.code]));
  const rows = countries.flatMap((c) =>
    Object.entries(sectors[c])
      .filter(([code]) => services || !goods || goods.includes(code))
      .map(([code, r]): BarRow => {
        const value = (r as unknown as Record<string, number>)[measure];
        const b = bands?.[c]?.[code]?.[measure];
        // The value is written beyond the whisker, not over it.
        const end = b ? (value < 0 ? Math.min(value, b.p5) : Math.max(value, b.p95)) : value;
        return {
          country: regionName[c] ?? c,
          code,
          sector: sectorName(code, longName[code]),
          value,
          end,
          ...(b ? { p5: b.p5, p50: b.p50, p95: b.p95 } : {}),
        };
      }),
  );
  const banded = rows.some((r) => r.p5 !== undefined);
  const label = MEASURES[measure];
  const frame: BarsFrame = { rows, countries, regionName, codeOf, longName, label };
  return (
    <div className="sector-bars">
      <SectorOptions
        measure={measure}
        onMeasure={setMeasure}
        services={goods ? services : undefined}
        onServices={setServices}
      />
      <Figure
        id="sector-impacts"
        title={`${label} by sector`}
        description={`${label}, percent change by sector, ${subtitle}. Bars to the left (orange) are losses, to the right (purple) gains.`}
        render={(width) => sectorPlot(width, frame)}
        rows={rows.map(({ country, code, sector, value, p5, p50, p95 }) => ({
          country,
          code,
          sector,
          [measure]: value,
          ...(p5 !== undefined ? { p5, p50, p95 } : {}),
        }))}
        legend={[
          { label: 'loss', color: LOSS },
          { label: 'gain', color: GAIN },
          ...(banded
            ? [
                { label: '5–95% of the draws', color: '#1b1f24' },
                { label: 'median of the draws', color: '#1b1f24', shape: 'ring' as const },
              ]
            : []),
        ]}
        source={source}
        deps={[sectors, measure, services, countries.join(','), bands]}
      >
        {bandsNote && (
          <p className="figure-desc" data-testid="sector-bands-note">
            {bandsNote}
          </p>
        )}
      </Figure>
    </div>
  );
}

/** The measure drawn, and (when the goods are told apart) whether services are drawn too. */
function SectorOptions({
  measure,
  onMeasure: setMeasure,
  services,
  onServices: setServices,
}: {
  measure: string;
  onMeasure: (m: string) => void;
  /** undefined: no services checkbox. */
  services: boolean | undefined;
  onServices: (on: boolean) => void;
}) {
  return (
    <fieldset className="controls">
      <legend className="sr-only">Sector chart options</legend>
      <label>
        Measure{' '}
        <select value={measure} onChange={(e) => setMeasure(e.target.value)}>
          {Object.entries(MEASURES).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      {services !== undefined && (
        <label>
          <input type="checkbox" checked={services} onChange={(e) => setServices(e.target.checked)} /> include services
        </label>
      )}
    </fieldset>
  );
}

/** The bars at `width`: one facet per country, side by side up to three on a wide screen, else stacked. */
function sectorPlot(width: number, { rows, countries, regionName, codeOf, longName, label }: BarsFrame) {
  // Facet titles: the name without its parenthesis ("Other EU"), the code on a phone.
  const facetName = (c: string) => (regionName[c] ?? c).replace(/\s*\(.*\)\s*$/, '');
  const perFacet = rows.length / Math.max(1, countries.length);
  // Side by side up to three countries on a wide screen; more are stacked.
  const wide = width > 760 && countries.length > 1 && countries.length <= 3;
  const facet = wide ? 'fx' : 'fy';
  const domain = rows
    .filter((r) => r.country === (regionName[countries[0]] ?? countries[0]))
    .sort((a, b) => a.value - b.value)
    .map((r) => r.sector);
  const vals = rows.flatMap((r) => [r.value, r.p5 ?? NaN, r.p95 ?? NaN]).filter(Number.isFinite);
  const lo = Math.min(0, ...vals),
    hi = Math.max(0, ...vals);
  // Room for the value labels: 46 px each side of the bars, whatever the width.
  const marginLeft = width < 520 ? 118 : 170;
  // Stacked facets are titled on the right: room for the longest title (codes on a phone).
  const phone = width < 520;
  const title = (c: string) => (phone ? c : facetName(c));
  const marginRight = wide ? 20 : 10 + 7 * Math.max(...countries.map((c) => title(c).length));
  const inner = (wide ? width / countries.length : width) - marginLeft - marginRight;
  const p = Math.min(0.4, 46 / Math.max(1, inner));
  const span = (hi - lo || 1) / (1 - 2 * p);
  const maxChars = Math.floor((marginLeft - 12) / 6);
  const short = (s: string) => (s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s);
  const facets = {
    label: null,
    domain: countries.map((c) => regionName[c] ?? c),
    tickFormat: (n: string) => title(codeOf[n] ?? n),
  };
  return Plot.plot({
    width,
    height: wide ? perFacet * 17 + 60 : rows.length * 17 + 60 * countries.length,
    marginLeft,
    marginRight,
    marginBottom: 40,
    style: { fontSize: '11px' },
    x: {
      label: `${label}, % change`,
      grid: true,
      domain: [lo < 0 ? lo - p * span : 0, hi > 0 ? hi + p * span : 0],
      tickFormat: (v: number) => pct(v, Math.abs(v) < 1 ? 1 : 0),
      ticks: Math.max(2, Math.floor(inner / 80)),
    },
    y: { label: null, domain, tickFormat: short },
    fx: wide ? facets : undefined,
    fy: wide ? undefined : facets,
    marks: [
      Plot.barX(rows, {
        x: 'value',
        y: 'sector',
        [facet]: 'country',
        fill: (d: { value: number }) => (d.value < 0 ? LOSS : GAIN),
      }),
      Plot.ruleX([0], { stroke: '#333' }),
      ...whiskerMarks(
        rows.filter((r) => r.p5 !== undefined),
        facet,
      ),
      ...valueLabels(rows, facet),
      Plot.tip(
        rows,
        Plot.pointerY({
          x: 'value',
          y: 'sector',
          [facet]: 'country',
          title: (d: BarRow) =>
            `${d.country}\n${longName[d.code] ?? d.sector} (${d.code})\n${label}: ${pct(d.value, 2)}${
              d.p5 !== undefined ? `\n5–95% of the draws: ${pct(d.p5, 2)} to ${pct(d.p95, 2)}` : ''
            }`,
        }),
      ),
    ],
  });
}

/** The 5–95% whisker of each banded bar, with its end ticks and a ring at the draws' median. */
function whiskerMarks(banded: BarRow[], facet: 'fx' | 'fy') {
  if (!banded.length) return [];
  return [
    Plot.ruleY(banded, {
      y: 'sector',
      x1: 'p5',
      x2: 'p95',
      [facet]: 'country',
      stroke: '#1b1f24',
      strokeWidth: 1.3,
    }),
    Plot.tickX(banded, {
      x: 'p5',
      y: 'sector',
      [facet]: 'country',
      stroke: '#1b1f24',
      inset: 4,
    }),
    Plot.tickX(banded, {
      x: 'p95',
      y: 'sector',
      [facet]: 'country',
      stroke: '#1b1f24',
      inset: 4,
    }),
    Plot.dot(banded, {
      x: 'p50',
      y: 'sector',
      [facet]: 'country',
      r: 2.2,
      fill: '#fff',
      stroke: '#1b1f24',
    }),
  ];
}

/** Each bar's value, written at its end: left of a loss, right of a gain. */
function valueLabels(rows: BarRow[], facet: 'fx' | 'fy') {
  return [
    Plot.text(
      rows.filter((d) => d.value < 0),
      {
        x: 'end',
        y: 'sector',
        [facet]: 'country',
        text: (d: { value: number }) => pct(d.value, 1),
        textAnchor: 'end',
        dx: -3,
        fontSize: 9.5,
        fill: '#333',
        className: 'values',
      },
    ),
    Plot.text(
      rows.filter((d) => d.value >= 0),
      {
        x: 'end',
        y: 'sector',
        [facet]: 'country',
        text: (d: { value: number }) => pct(d.value, 1),
        textAnchor: 'start',
        dx: 3,
        fontSize: 9.5,
        fill: '#333',
        className: 'values',
      },
    ),
  ];
}
