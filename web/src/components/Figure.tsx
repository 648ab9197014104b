/**
 * A chart with its title, a legend of labelled swatches, the source under it, a data table for
 * screen readers and keyboard users, and downloads (SVG, PNG, CSV, JSON). `render(width)` draws
 * the chart (Observable Plot) for the available width.
 */
import { createElement, useEffect, useRef, useState, type ReactNode } from 'react';
import { declutter } from './declutter.ts';
import { ScrollBox } from './ScrollBox.tsx';
import {
  composeSvg,
  downloadCsv,
  downloadJson,
  downloadPng,
  downloadSvg,
  swatchShape,
  type LegendItem,
} from './exporting.ts';

export interface FigureProps {
  id: string;
  title: string;
  /** One sentence saying what the chart shows (also its accessible description). */
  description: string;
  render: (width: number) => Element;
  /** Flat rows of what is drawn: the CSV, the JSON and the data table. */
  rows: Record<string, unknown>[];
  legend?: LegendItem[];
  /** Source line (plain text, also written into exported charts). */
  source: string;
  /** More provenance under the source line. */
  children?: ReactNode;
  /** Column formatters of the data table. */
  format?: Record<string, (v: unknown) => string>;
  /** Redraw key (the chart is redrawn when it changes or the width does). */
  deps: unknown[];
}

export function Figure({
  id,
  title,
  description,
  render,
  rows,
  legend = [],
  source,
  children,
  format = {},
  deps,
}: FigureProps) {
  const box = useChart(render, title, description, deps);
  const name = `lancaster-${id}`;
  const doExport = (kind: 'svg' | 'png') => {
    const { svg, width: w, height: h } = composeSvg(box.current!, title, legend, source);
    if (kind === 'svg') downloadSvg(name, svg);
    else void downloadPng(name, svg, w, h);
  };
  return (
    <figure className="figure" id={`fig-${id}`} aria-labelledby={`fig-${id}-title`}>
      <div className="figure-head">
        <h3 id={`fig-${id}-title`}>{title}</h3>
        <Downloads
          title={title}
          onImage={doExport}
          onCsv={() => downloadCsv(name, rows)}
          onJson={() => downloadJson(name, rows)}
        />
      </div>
      <p className="figure-desc">{description}</p>
      {legend.length > 0 && <Legend items={legend} />}
      <div className="chart" ref={box} />
      <figcaption className="source">
        <span>{source}</span>
        {children}
      </figcaption>
      <DataTable title={title} rows={rows} format={format} />
    </figure>
  );
}

/**
 * Draws `render(width)` into the returned box at the box's width, again when the width, the title,
 * the description or `deps` change, and names the chart by its title and description.
 */
function useChart(render: (width: number) => Element, title: string, description: string, deps: unknown[]) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  // The latest render function, read by the drawing effect: a new closure each render must not
  // redraw the chart by itself; `deps` (with the width, title and description) says when to.
  const draw = useRef(render);
  draw.current = render;
  useEffect(() => {
    const el = box.current!;
    const ro = new ResizeObserver(([e]) => setWidth(Math.floor(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    const el = box.current!;
    if (!width) return;
    const chart = draw.current(width);
    const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
    svg?.setAttribute('role', 'img');
    svg?.setAttribute('aria-label', `${title}. ${description}`);
    // Plot names each mark's <g> with an aria-label; a name needs a role (axe: aria-prohibited-attr).
    for (const g of chart.querySelectorAll('g[aria-label]')) g.setAttribute('role', 'group');
    el.replaceChildren(chart);
    for (const s of el.querySelectorAll('svg')) if (!s.parentElement?.closest('svg')) declutter(s as SVGSVGElement);
    return () => chart.remove();
  }, [width, title, description, ...deps]);
  return box;
}

function Downloads({
  title,
  onImage,
  onCsv,
  onJson,
}: {
  title: string;
  onImage: (kind: 'svg' | 'png') => void;
  onCsv: () => void;
  onJson: () => void;
}) {
  return (
    <fieldset className="toolbar">
      <legend className="sr-only">Download {title}</legend>
      <button type="button" onClick={() => onImage('svg')} aria-label={`Download ${title} as SVG`}>
        SVG
      </button>
      <button type="button" onClick={() => onImage('png')} aria-label={`Download ${title} as PNG`}>
        PNG
      </button>
      <button type="button" onClick={onCsv} aria-label={`Download the data of ${title} as CSV`}>
        CSV
      </button>
      <button type="button" onClick={onJson} aria-label={`Download the data of ${title} as JSON`}>
        JSON
      </button>
    </fieldset>
  );
}

function Legend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="legend" aria-label="Legend">
      {items.map((l) => (
        <li key={l.label}>
          <svg width="22" height="12" aria-hidden="true">
            {createElement(swatchShape(l).tag, swatchShape(l).attrs)}
          </svg>
          {l.label}
        </li>
      ))}
    </ul>
  );
}

/** The rows drawn, as a table in a closed disclosure (for screen readers and keyboard users). */
function DataTable({
  title,
  rows,
  format,
}: {
  title: string;
  rows: Record<string, unknown>[];
  format: Record<string, (v: unknown) => string>;
}) {
  const cols = rows.length ? Object.keys(rows[0]) : [];
  return (
    <details className="data-table">
      <summary>Data table ({rows.length} rows)</summary>
      <ScrollBox label={`Data of ${title}`}>
        <table>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a chart's data rows are positional, holding no state
              <tr key={k}>
                {cols.map((c) => (
                  <td key={c}>
                    {format[c]
                      ? format[c](r[c])
                      : typeof r[c] === 'number'
                        ? (r[c] as number).toFixed(3)
                        : String(r[c] ?? '')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </details>
  );
}
