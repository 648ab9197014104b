/**
 * Every deal of the London run at (u_USA, u_CHN), with the frontier, the solutions, the leaders'
 * thresholds, the region both ratify and the chosen session's offers (drawn by dealChart.ts).
 */
import { useMemo } from 'react';
import type { DealMap, PartitionName, Run, TradeNegotiationRun, TradeSession } from '../../api.ts';
import { Figure } from '../../components/Figure.tsx';
import type { OfferPoint } from '../../negotiation.ts';
import { chartFrame, chartLegend, chartRows, renderDealChart } from './dealChart.ts';

interface Props {
  run: Run<TradeNegotiationRun>;
  map: DealMap;
  partition: PartitionName;
  offers: OfferPoint[];
  session: TradeSession;
  leaders: string[];
  signed: ReadonlySet<string>;
  /** The source line of the model and dataset. */
  dataset: string;
}

const cell = (v: unknown) =>
  v === null || v === undefined
    ? ''
    : typeof v === 'number'
      ? Number.isInteger(v)
        ? String(v)
        : v.toFixed(3)
      : String(v);

export function DealChart({ run, map, partition, offers, session, leaders, signed, dataset }: Props) {
  const r = run.result!;
  const [A, B] = r.parties;
  const frame = useMemo(
    () => chartFrame({ r, map, partition, offers, session, leaders, signed }),
    [r, map, partition, offers, session, leaders, signed],
  );
  const rows = useMemo(() => chartRows(frame), [frame]);
  const both = frame.sameObjective ? ', the region both ratify as one package shaded' : '';
  return (
    <Figure
      id="london-deals"
      title={`Every deal: ${A}’s and ${B}’s utilities`}
      description={
        `Each of the ${frame.deals.length} deals at its utility to ${A} (across) and ${B} (up), in percentage ` +
        `points of each government’s objective over the current state (the disagreement point, 0, 0); green when ` +
        `both leaders ratify it with P ≥ ½ under the ${frame.partLabel} partition. Pareto frontier, Nash and ` +
        `Kalai–Smorodinsky deals; ${leaders[0]}’s and ${leaders[1]}’s ratification thresholds as bands on their ` +
        `axes${both}; the offers of ${session.label} (${session.linkage}) as each side’s path, round numbers on ` +
        `hover.`
      }
      legend={chartLegend(frame)}
      rows={rows}
      format={Object.fromEntries(Object.keys(rows[0]).map((k) => [k, cell]))}
      source={
        `${dataset} Negotiation: Lancaster negotiation run ${run.id.slice(0, 8)} of ` +
        `scenarios/negotiation/london-2025.yaml (docs/london-2025.md).`
      }
      deps={[map, partition, offers, session]}
      render={(width) => renderDealChart(frame, width)}
    />
  );
}
