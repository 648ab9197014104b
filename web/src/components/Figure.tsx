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
  const name = `lancaster-${id}`;
  const doExport = (kind: 'svg' | 'png') => {
    const { svg, width: w, height: h } = composeSvg(box.current!, title, legend, source);
    if (kind === 'svg') downloadSvg(name, svg);
    else void downloadPng(name, svg, w, h);
  };
  const cols = rows.length ? Object.keys(rows[0]) : [];
  return (
    <figure className="figure" id={`fig-${id}`} aria-labelledby={`fig-${id}-title`}>
      <div className="figure-head">
        <h3 id={`fig-${id}-title`}>{title}</h3>
        <fieldset className="toolbar">
          <legend className="sr-only">Download {title}</legend>
          <button type="button" onClick={() => doExport('svg')} aria-label={`Download ${title} as SVG`}>
            SVG
          </button>
          <button type="button" onClick={() => doExport('png')} aria-label={`Download ${title} as PNG`}>
            PNG
          </button>
          <button
            type="button"
            onClick={() => downloadCsv(name, rows)}
            aria-label={`Download the data of ${title} as CSV`}
          >
            CSV
          </button>
          <button
            type="button"
            onClick={() => downloadJson(name, rows)}
            aria-label={`Download the data of ${title} as JSON`}
          >
            JSON
          </button>
        </fieldset>
      </div>
      <p className="figure-desc">{description}</p>
      {legend.length > 0 && (
        <ul className="legend" aria-label="Legend">
          {legend.map((l) => (
            <li key={l.label}>
              <svg width="22" height="12" aria-hidden="true">
                {createElement(swatchShape(l).tag, swatchShape(l).attrs)}
              </svg>
              {l.label}
            </li>
          ))}
        </ul>
      )}
      <div className="chart" ref={box} />
      <figcaption className="source">
        <span>{source}</span>
        {children}
      </figcaption>
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
                // biome-ignore lint/suspicious/noArrayIndexKey: the rows of a chart's data are positional and hold no state
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
    </figure>
  );
}
