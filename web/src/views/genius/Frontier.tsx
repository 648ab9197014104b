/**
 * An analysed GENIUS domain: the Pareto frontier, the bargaining solutions (Nash,
 * Kalai–Smorodinsky, egalitarian, utilitarian) and the disagreement point, drawn and tabled with
 * the bids that reach them.
 */
import * as Plot from '@observablehq/plot';
import type { Analysis, SolutionPoint } from '../../api.ts';
import { OKABE_ITO } from '../../format.ts';
import { ScrollBox } from '../../components/ScrollBox.tsx';
import { Figure } from '../../components/Figure.tsx';

const POINTS: {
  key: keyof Analysis;
  label: string;
  symbol: 'star' | 'diamond' | 'triangle' | 'square';
  color: string;
}[] = [
  { key: 'nash', label: 'Nash bargaining solution', symbol: 'star', color: OKABE_ITO.vermillion },
  { key: 'kalai_smorodinsky', label: 'Kalai–Smorodinsky', symbol: 'diamond', color: OKABE_ITO.blue },
  { key: 'egalitarian', label: 'Egalitarian', symbol: 'triangle', color: OKABE_ITO.green },
  { key: 'utilitarian', label: 'Utilitarian', symbol: 'square', color: OKABE_ITO.purple },
];

/** A bargaining solution the analysis found: its point's style, its utilities and its bid. */
type Solution = (typeof POINTS)[number] & { u: [number, number]; bid: SolutionPoint['bid'] };

export interface FrontierProps {
  analysis: Analysis;
  parties: [string, string];
  source: string;
  runId: string;
}

export function Frontier({ analysis, parties, source, runId }: FrontierProps) {
  const [pa, pb] = parties;
  const pts: Solution[] = POINTS.flatMap((p) => {
    const s = analysis[p.key] as SolutionPoint | null;
    return s ? [{ ...p, u: s.utility, bid: s.bid }] : [];
  });
  const [d0, d1] = analysis.disagreement;
  const frontier = analysis.pareto.map(([a, b]) => ({ a, b }));
  const rows = [
    ...frontier.map((p) => ({ kind: 'pareto', u_a: p.a, u_b: p.b })),
    ...pts.map((p) => ({ kind: p.key as string, u_a: p.u[0], u_b: p.u[1], bid: JSON.stringify(p.bid) })),
    { kind: 'disagreement', u_a: d0, u_b: d1 },
  ];
  return (
    <section className="panel" aria-labelledby="frontier-h">
      <div className="section-head">
        <h2 id="frontier-h">{parties.join('–')}: frontier and solutions</h2>
        <span className="run-meta">
          {analysis.outcomes} outcomes{analysis.sampled ? ' (sampled)' : ''} · {analysis.pareto.length} Pareto-optimal ·
          opposition {analysis.opposition.toFixed(3)} · run <code>{runId.slice(0, 8)}</code>
        </span>
      </div>
      <div className="compare-grid">
        <Figure
          id="negotiation-frontier"
          title={`Utilities of ${pa} and ${pb}`}
          description={
            `The Pareto frontier (line), the bargaining solutions (labelled symbols) and the ` +
            `disagreement point (cross at ${d0}, ${d1}); ${pa}'s utility across, ${pb}'s up.`
          }
          legend={[
            { label: 'Pareto frontier', color: '#333' },
            ...pts.map((p) => ({ label: p.label, color: p.color, shape: p.symbol })),
            { label: 'Disagreement point', color: '#333', shape: 'cross' as const },
          ]}
          render={(width) => frontierPlot(width, parties, frontier, pts, [d0, d1])}
          rows={rows}
          source={`Analysis: Lancaster analyze (src/negotiate). Domain: ${source}.`}
          deps={[analysis]}
        />
        <div>
          <SolutionTable parties={parties} pts={pts} disagreement={[d0, d1]} />
          <p className="muted">
            Session offers and leaders’ ratification thresholds are drawn for the trade negotiation: see the London 2025
            case.
          </p>
        </div>
      </div>
    </section>
  );
}

/** Solutions at the same utilities, named together ("Nash = Utilitarian"): one label per location. */
function coincident(pts: Solution[]): { u: [number, number]; names: string[] }[] {
  const groups: { u: [number, number]; names: string[] }[] = [];
  for (const p of pts) {
    const g = groups.find((x) => Math.abs(x.u[0] - p.u[0]) < 1e-9 && Math.abs(x.u[1] - p.u[1]) < 1e-9);
    if (g) g.names.push(p.label.replace(' bargaining solution', ''));
    else groups.push({ u: p.u, names: [p.label.replace(' bargaining solution', '')] });
  }
  return groups;
}

/** The utilities plane: the frontier, the region it bounds above the disagreement point, the solutions, tips. */
function frontierPlot(
  width: number,
  [pa, pb]: [string, string],
  frontier: { a: number; b: number }[],
  pts: Solution[],
  [d0, d1]: [number, number],
) {
  const groups = coincident(pts);
  return Plot.plot({
    width: Math.min(width, 560),
    height: Math.min(width, 560) * 0.9,
    marginLeft: 50,
    marginBottom: 45,
    x: { domain: [0, 1], label: `Utility of ${pa} →`, grid: true },
    y: { domain: [0, 1], label: `↑ Utility of ${pb}`, grid: true },
    marks: [
      Plot.ruleX([d0], { stroke: '#999', strokeDasharray: '4 3' }),
      Plot.ruleY([d1], { stroke: '#999', strokeDasharray: '4 3' }),
      Plot.areaY(
        frontier.filter((p) => p.a >= d0 && p.b >= d1),
        { x: 'a', y1: d1, y2: 'b', fill: '#e9eef3', curve: 'step-before' },
      ),
      Plot.line(frontier, { x: 'a', y: 'b', stroke: '#333', strokeWidth: 1.5 }),
      Plot.dot(frontier, { x: 'a', y: 'b', r: 2.5, fill: '#333' }),
      Plot.dot([{ a: d0, b: d1 }], { x: 'a', y: 'b', symbol: 'times', r: 7, stroke: '#333', strokeWidth: 2 }),
      Plot.text([{ a: d0, b: d1 }], {
        x: 'a',
        y: 'b',
        text: () => 'disagreement',
        dx: 8,
        dy: -8,
        textAnchor: 'start',
        fill: '#555',
      }),
      ...pts.map((p, k) =>
        Plot.dot([p], {
          x: (q) => q.u[0],
          y: (q) => q.u[1],
          symbol: p.symbol,
          r: 9 - 1.5 * k,
          fill: p.color,
          stroke: 'white',
        }),
      ),
      ...groups.map((g, k) =>
        Plot.text([g], {
          x: (q) => q.u[0],
          y: (q) => q.u[1],
          text: (q) => q.names.join(' = '),
          dx: k % 2 ? -12 : 12,
          textAnchor: k % 2 ? 'end' : 'start',
          fill: '#222',
          fontWeight: 600,
        }),
      ),
      Plot.tip(
        [
          ...frontier.map((p) => ({
            a: p.a,
            b: p.b,
            title: `Pareto-optimal: ${pa} ${p.a.toFixed(3)}, ${pb} ${p.b.toFixed(3)}`,
          })),
          ...pts.map((p) => ({
            a: p.u[0],
            b: p.u[1],
            title: `${p.label}: ${pa} ${p.u[0].toFixed(3)}, ${pb} ${p.u[1].toFixed(3)}`,
          })),
        ],
        Plot.pointer({ x: 'a', y: 'b', title: 'title', maxRadius: 16 }),
      ),
    ],
  });
}

function SolutionTable({
  parties: [pa, pb],
  pts,
  disagreement: [d0, d1],
}: {
  parties: [string, string];
  pts: Solution[];
  disagreement: [number, number];
}) {
  return (
    <ScrollBox label="Solutions and the bids that reach them">
      <table>
        <caption>Solutions and the bids that reach them</caption>
        <thead>
          <tr>
            <th scope="col">Solution</th>
            <th scope="col">{pa}</th>
            <th scope="col">{pb}</th>
            <th scope="col">Bid</th>
          </tr>
        </thead>
        <tbody>
          {pts.map((p) => (
            <tr key={p.key as string}>
              <th scope="row">{p.label}</th>
              <td>{p.u[0].toFixed(3)}</td>
              <td>{p.u[1].toFixed(3)}</td>
              <td className="bid">
                {Object.entries(p.bid).map(([k, v]) => (
                  <div key={k}>
                    <span className="muted">{k}:</span> {String(v)}
                  </div>
                ))}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Disagreement</th>
            <td>{d0.toFixed(3)}</td>
            <td>{d1.toFixed(3)}</td>
            <td className="muted">no agreement</td>
          </tr>
        </tbody>
      </table>
    </ScrollBox>
  );
}
