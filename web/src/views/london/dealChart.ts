/**
 * The deal chart of the London view, as pure functions of the run and its deal map: the frame
 * (deals, thresholds, axis domains and the region both leaders ratify), the legend, the rows behind
 * the chart (CSV, JSON, data table) and the Plot marks. DealChart.tsx puts them in a Figure.
 */
import * as Plot from '@observablehq/plot';
import type { DealMap, PartitionName, Threshold, TradeNegotiationRun, TradeSession } from '../../api.ts';
import type { LegendItem } from '../../components/exporting.ts';
import {
  bands,
  bidText,
  type DealRow,
  dealRows,
  type OfferPoint,
  ratifiedBoundary,
  thresholdText,
} from '../../negotiation.ts';
import { KS, OTHER, PARTITIONS, PARTY, pp, RATIFIABLE, share } from './format.ts';

/** What the chart draws, with its axis domains. */
export interface ChartFrame {
  r: TradeNegotiationRun;
  map: DealMap;
  partition: PartitionName;
  /** "linked", "full linkage", … */
  partLabel: string;
  /** Every deal but no deal. */
  deals: DealRow[];
  thresholds: [Threshold, Threshold];
  bandsOf: ReturnType<typeof bands>[];
  /** Leaders judge on the delegations' objective, so the region both ratify can be drawn. */
  sameObjective: boolean;
  x: [number, number];
  y: [number, number];
  /** Boundary F_A(x)·F_B(y) = ½ of the region both ratify (empty when not drawn). */
  boundary: { x: number; y: number }[];
  offers: OfferPoint[];
  session: TradeSession;
  leaders: string[];
  signed: ReadonlySet<string>;
}

/** [lo, hi] of the values, padded by 6% (0.01 when they are all equal). */
function span(vals: number[]): [number, number] {
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const pad = (hi - lo) * 0.06 || 0.01;
  return [lo - pad, hi + pad];
}

type FrameInput = Pick<ChartFrame, 'r' | 'map' | 'partition' | 'offers' | 'session' | 'leaders' | 'signed'>;

/** The frame: axis domains hold every deal, the disagreement point and the central 95% of each threshold. */
export function chartFrame(input: FrameInput): ChartFrame {
  const { map, partition } = input;
  const deals = dealRows(map).filter((d) => d.index !== map.disagreement_index);
  const thresholds = map.leaders.map((l) => l.threshold) as [Threshold, Threshold];
  const sameObjective = map.leaders.every((l) => !l.own_objective);
  const bandsOf = thresholds.map(bands);
  const reach = (k: 0 | 1) => bandsOf[k].outer ?? bandsOf[k].inner ?? [bandsOf[k].median];
  const x = span([0, ...deals.map((d) => d.u[0]), ...reach(0)]);
  const y = span([0, ...deals.map((d) => d.u[1]), ...reach(1)]);
  const boundary = sameObjective
    ? ratifiedBoundary(thresholds[0], thresholds[1], x[0], x[1]).map((p) => ({
        x: p.x,
        y: Math.min(Math.max(p.y, y[0]), y[1]),
      }))
    : [];
  const partLabel = PARTITIONS.find((p) => p.key === partition)!.label.toLowerCase();
  return { ...input, partLabel, deals, thresholds, bandsOf, sameObjective, x, y, boundary };
}

export function chartLegend(f: ChartFrame): LegendItem[] {
  const [A, B] = f.r.parties;
  return [
    { label: `Deal, ratifiable (${f.partLabel})`, color: RATIFIABLE, shape: 'dot' },
    { label: 'Deal, not ratifiable', color: OTHER, shape: 'ring' },
    { label: 'Pareto frontier', color: '#222' },
    { label: 'Nash', color: '#111', shape: 'star' },
    { label: 'Kalai–Smorodinsky', color: KS, shape: 'diamond' },
    { label: 'Disagreement (current state)', color: '#111', shape: 'cross' },
    { label: `${f.leaders[0]}’s threshold (median, 68%, 95%)`, color: PARTY[0], shape: 'band' },
    { label: `${f.leaders[1]}’s threshold`, color: PARTY[1], shape: 'band' },
    ...(f.sameObjective
      ? [{ label: 'Both ratify, P ≥ ½ (one package)', color: RATIFIABLE, shape: 'band' as const }]
      : []),
    { label: `${A} offers`, color: PARTY[0], shape: 'dot' },
    { label: `${B} offers`, color: PARTY[1], shape: 'square' },
  ];
}

/** Every deal, the solutions, the disagreement point and the session's offers, one row each. */
export function chartRows(f: ChartFrame): Record<string, unknown>[] {
  const { r, map, partition, offers } = f;
  const [A, B] = r.parties;
  const ids = map.issues.map((i) => i.id);
  const best = r.linkage[partition].nash;
  const solutions = [
    ['nash', r.analysis.nash],
    ['kalai_smorodinsky', r.analysis.kalai_smorodinsky],
    [`best_ratifiable_${partition}`, best],
  ] as const;
  const { ratification } = map.deals;
  return [
    ...f.deals.map((d) => ({
      kind: 'deal',
      round: null as number | null,
      proposer: '',
      ...Object.fromEntries(ids.map((id) => [id, d.values[id]])),
      [`u_${A}`]: d.u[0],
      [`u_${B}`]: d.u[1],
      p_separate: d.p.separate,
      p_linked: d.p.linked,
      p_full: d.p.full,
    })),
    ...solutions.flatMap(([kind, s]) =>
      s
        ? [
            {
              kind,
              round: null,
              proposer: '',
              ...Object.fromEntries(ids.map((id) => [id, Number(s.bid[id])])),
              [`u_${A}`]: s.utility[0],
              [`u_${B}`]: s.utility[1],
              p_separate: null,
              p_linked: null,
              p_full: s.ratification,
            },
          ]
        : [],
    ),
    {
      kind: 'disagreement',
      round: null,
      proposer: '',
      ...Object.fromEntries(map.issues.map((i) => [i.id, i.disagreement])),
      [`u_${A}`]: 0,
      [`u_${B}`]: 0,
      p_separate: null,
      p_linked: null,
      p_full: null,
    },
    ...offers.map((o) => ({
      kind: o.action === 'accept' ? 'acceptance' : 'offer',
      round: o.round,
      proposer: r.parties[o.proposer],
      ...Object.fromEntries(ids.map((id) => [id, map.deals.values[o.deal][ids.indexOf(id)]])),
      [`u_${A}`]: o.u[0],
      [`u_${B}`]: o.u[1],
      p_separate: ratification.separate[o.deal],
      p_linked: ratification.linked[o.deal],
      p_full: ratification.full[o.deal],
    })),
  ];
}

/** Hover titles of deals and offers. */
function hoverPoints(f: ChartFrame) {
  const { r, map, signed } = f;
  const [A, B] = r.parties;
  const ids = map.issues.map((i) => i.id);
  const describe = (v: Record<string, number>) =>
    bidText(Object.fromEntries(Object.entries(v).filter(([k]) => ids.includes(k))), signed);
  const deal = (d: DealRow) =>
    `${describe(d.values)}\nu_${A} ${pp(d.u[0])} pp, u_${B} ${pp(d.u[1])} pp\nP(ratified): separate ` +
    `${share(d.p.separate)}, linked ${share(d.p.linked)}, full ${share(d.p.full)}`;
  const verb = (o: OfferPoint) => (o.action === 'offer' ? 'offers' : o.action === 'accept' ? 'accepts' : o.action);
  const offer = (o: OfferPoint) =>
    `Round ${o.round}: ${r.parties[o.proposer]} ${verb(o)} ` +
    `${bidText(o.bid, signed)}\n(${o.basketLabel}; other issues as now)\nu_${A} ${pp(o.u[0])} pp, ` +
    `u_${B} ${pp(o.u[1])} pp`;
  return [
    ...f.deals.map((d) => ({ x: d.u[0], y: d.u[1], title: deal(d) })),
    ...f.offers.map((o) => ({ x: o.u[0], y: o.u[1], title: offer(o) })),
  ];
}

/** A leader's threshold on its axis: the 95% and 68% bands (uniform: its range) and the median line. */
function thresholdMarks(f: ChartFrame, k: 0 | 1): Plot.Markish[] {
  const b = f.bandsOf[k];
  const colour = PARTY[k];
  const [x0, x1] = f.x;
  const [y0, y1] = f.y;
  const rect = (lo: number, hi: number, o: number) =>
    k === 0
      ? Plot.rect([0], { x1: lo, x2: hi, y1: y0, y2: y1, fill: colour, fillOpacity: o, className: 'threshold-band-x' })
      : Plot.rect([0], { y1: lo, y2: hi, x1: x0, x2: x1, fill: colour, fillOpacity: o, className: 'threshold-band-y' });
  const rule = { stroke: colour, strokeDasharray: '5 3', strokeWidth: 1.5 };
  return [
    ...(b.outer ? [rect(b.outer[0], b.outer[1], 0.07)] : []),
    ...(b.inner ? [rect(b.inner[0], b.inner[1], 0.12)] : []),
    k === 0
      ? Plot.ruleX([b.median], { ...rule, className: 'threshold-x' })
      : Plot.ruleY([b.median], { ...rule, className: 'threshold-y' }),
  ];
}

/** The region both leaders ratify as one package (P ≥ ½), shaded above its boundary. */
function ratifiedMarks(f: ChartFrame): Plot.Markish[] {
  if (!f.boundary.length) return [];
  const b0 = f.bandsOf[0];
  const labelX = Math.max(f.boundary[0].x, (b0.outer ?? b0.inner ?? [0, b0.median])[1]);
  return [
    Plot.areaY(f.boundary, {
      x: 'x',
      y1: 'y',
      y2: f.y[1],
      fill: RATIFIABLE,
      fillOpacity: 0.09,
      curve: 'linear',
      className: 'ratified-region',
    }),
    Plot.line(f.boundary, { x: 'x', y: 'y', stroke: RATIFIABLE, strokeWidth: 1.2, strokeDasharray: '2 2' }),
    Plot.text([0], {
      x: () => labelX,
      y: () => f.y[1],
      text: () => 'both ratify, P ≥ ½ (one package)',
      textAnchor: 'start',
      dx: 4,
      dy: 9,
      fill: '#1f6b4f',
      fontWeight: 600,
    }),
  ];
}

/** Each side's offers in order (its concession path, the exchange order dotted), the acceptances ringed. */
function offerMarks(f: ChartFrame): Plot.Markish[] {
  const at = { x: (o: OfferPoint) => o.u[0], y: (o: OfferPoint) => o.u[1] };
  const offers = f.offers.filter((o) => o.action === 'offer');
  const agreed = f.offers.filter((o) => o.action === 'accept');
  const sessionDeal = f.session.deal ? [{ x: f.session.utilities[0], y: f.session.utilities[1] }] : [];
  return [
    Plot.line(offers, {
      ...at,
      z: (o) => o.basket,
      stroke: '#777',
      strokeOpacity: 0.7,
      strokeWidth: 0.8,
      strokeDasharray: '1 3',
    }),
    ...([0, 1] as const).map((i) =>
      Plot.line(
        offers.filter((o) => o.proposer === i),
        {
          ...at,
          z: (o) => o.basket,
          stroke: PARTY[i],
          strokeWidth: 2,
          strokeOpacity: 0.9,
          markerEnd: 'arrow',
          className: `offer-path p${i}`,
        },
      ),
    ),
    Plot.dot(
      offers.filter((o) => o.proposer === 0),
      { ...at, r: 4.5, fill: PARTY[0], stroke: 'white', strokeWidth: 1, className: 'offers p0' },
    ),
    Plot.dot(
      offers.filter((o) => o.proposer === 1),
      { ...at, r: 4.5, symbol: 'square', fill: PARTY[1], stroke: 'white', strokeWidth: 1, className: 'offers p1' },
    ),
    Plot.dot(agreed, { ...at, r: 10, stroke: '#111', strokeWidth: 2, className: 'agreement' }),
    Plot.text(agreed, {
      ...at,
      text: (o) => `agreed, round ${o.round}`,
      dx: 13,
      dy: 12,
      textAnchor: 'start',
      fill: '#111',
      fontWeight: 600,
    }),
    Plot.dot(sessionDeal, { x: 'x', y: 'y', r: 13, stroke: '#111', strokeDasharray: '3 2', strokeWidth: 1.5 }),
    Plot.text(sessionDeal, {
      x: 'x',
      y: 'y',
      text: () => 'session’s deal (every agreement)',
      dx: -16,
      dy: 3,
      textAnchor: 'end',
      fill: '#111',
    }),
  ];
}

/** The best ratifiable deal of the partition, Nash (★) and Kalai–Smorodinsky (◆). */
function solutionMarks(f: ChartFrame): Plot.Markish[] {
  const best = f.r.linkage[f.partition].nash;
  const { nash, kalai_smorodinsky: ks } = f.r.analysis;
  type S = { utility: [number, number] };
  const at = { x: (s: S) => s.utility[0], y: (s: S) => s.utility[1] };
  return [
    ...(best
      ? [
          Plot.dot([best], { ...at, r: 8, stroke: RATIFIABLE, strokeWidth: 2.5 }),
          Plot.text([best], {
            ...at,
            text: () => `best ratifiable (${f.partLabel})`,
            dx: -12,
            dy: 12,
            textAnchor: 'end',
            fill: '#1f6b4f',
            fontWeight: 600,
          }),
        ]
      : []),
    ...(nash
      ? [
          Plot.dot([nash], { ...at, symbol: 'star', r: 8, fill: '#111', stroke: 'white', className: 'nash' }),
          Plot.text([nash], {
            ...at,
            text: () => 'Nash',
            dx: 10,
            dy: -8,
            textAnchor: 'start',
            fill: '#111',
            fontWeight: 700,
          }),
        ]
      : []),
    ...(ks
      ? [
          Plot.dot([ks], { ...at, symbol: 'diamond', r: 7, fill: KS, stroke: 'white', className: 'ks' }),
          Plot.text([ks], {
            ...at,
            text: () => 'Kalai–Smorodinsky',
            dx: 10,
            dy: 0,
            textAnchor: 'start',
            fill: '#7a2f5f',
            fontWeight: 700,
          }),
        ]
      : []),
  ];
}

/** The names of the leaders' thresholds, at the top of the first's band and the right end of the second's. */
function thresholdLabels(f: ChartFrame) {
  const { leaders, thresholds, bandsOf } = f;
  const [, x1] = f.x;
  const [, y1] = f.y;
  return [
    Plot.text([0], {
      x: () => bandsOf[0].median,
      y: () => y1,
      text: () => `${leaders[0]}’s θ ~ ${thresholdText(thresholds[0], (x) => pp(x, 3))}`,
      textAnchor: 'start',
      dx: 4,
      dy: -12,
      fill: PARTY[0],
      fontWeight: 600,
    }),
    Plot.text([0], {
      x: () => x1,
      y: () => bandsOf[1].median,
      text: () => `${leaders[1]}’s θ`,
      textAnchor: 'end',
      dx: -4,
      dy: -7,
      fill: PARTY[1],
      fontWeight: 600,
    }),
  ];
}

/** The axes through no change, every deal (ratifiable ones filled), the Pareto frontier and the no-deal point. */
function dealMarks(f: ChartFrame) {
  const ratifiable = (p: number | null) => p !== null && p >= 0.5;
  const at = { x: (d: DealRow) => d.u[0], y: (d: DealRow) => d.u[1] };
  return [
    Plot.ruleX([0], { stroke: '#555' }),
    Plot.ruleY([0], { stroke: '#555' }),
    Plot.dot(
      f.deals.filter((d) => !ratifiable(d.p[f.partition])),
      { ...at, r: 3, stroke: OTHER, strokeWidth: 1, className: 'deals-other' },
    ),
    Plot.dot(
      f.deals.filter((d) => ratifiable(d.p[f.partition])),
      {
        ...at,
        r: 3.4,
        fill: RATIFIABLE,
        fillOpacity: 0.85,
        stroke: 'white',
        strokeWidth: 0.5,
        className: 'deals-ratifiable',
      },
    ),
    Plot.line(
      [...f.r.analysis.pareto].sort((a, b) => a[0] - b[0]).map(([x, y]) => ({ x, y })),
      { x: 'x', y: 'y', stroke: '#222', strokeWidth: 1.6, className: 'frontier' },
    ),
    Plot.dot([{ x: 0, y: 0 }], {
      x: 'x',
      y: 'y',
      symbol: 'times',
      r: 7,
      stroke: '#111',
      strokeWidth: 2.2,
      className: 'disagreement',
    }),
    Plot.text([{ x: 0, y: 0 }], {
      x: 'x',
      y: 'y',
      text: () => 'no deal (0, 0)',
      textAnchor: 'end',
      dx: -9,
      dy: 14,
      fill: '#333',
    }),
  ];
}

/** The chart at `width` px (at most 720). */
export function renderDealChart(f: ChartFrame, width: number): Element {
  const [A, B] = f.r.parties;
  const [x0, x1] = f.x;
  const [y0, y1] = f.y;
  const w = Math.min(width, 720);
  return Plot.plot({
    width: w,
    height: Math.round(w * 0.86),
    marginLeft: 56,
    marginBottom: 44,
    marginTop: 28,
    marginRight: 20,
    style: { fontSize: '11px' },
    x: {
      domain: [x0, x1],
      label: `u_${A}: change of ${A}’s objective (pp) →`,
      grid: true,
      tickFormat: (v: number) => pp(v, 2),
    },
    y: {
      domain: [y0, y1],
      label: `↑ u_${B}: change of ${B}’s objective (pp)`,
      grid: true,
      tickFormat: (v: number) => pp(v, 2),
    },
    marks: [
      ...ratifiedMarks(f),
      ...thresholdMarks(f, 0),
      ...thresholdMarks(f, 1),
      ...thresholdLabels(f),
      ...dealMarks(f),
      ...offerMarks(f),
      ...solutionMarks(f),
      Plot.tip(hoverPoints(f), Plot.pointer({ x: 'x', y: 'y', title: 'title', maxRadius: 14 })),
    ],
  });
}
