/** Linkage: what each partition of the issues into agreements lets both leaders ratify. */
import type { PartitionName, PartitionSummary, TradeNegotiationRun } from '../../api.ts';
import { ScrollBox } from '../../components/ScrollBox.tsx';
import { bidText } from '../../negotiation.ts';
import { Downloads } from './Downloads.tsx';
import { PARTITIONS, pp, share } from './format.ts';

/** A partition's row of the linkage download: its baskets, counts, win-sets and best ratifiable deal. */
function linkageRow(
  [A, B]: [string, string],
  key: PartitionName,
  s: PartitionSummary,
  signed: ReadonlySet<string>,
): Record<string, unknown> {
  return {
    partition: key,
    baskets: s.baskets.map((b) => `[${b.join('+')}]`).join(' '),
    deals: s.deals,
    ratifiable: s.ratifiable,
    expected_ratified: s.expected_ratifiable,
    [`win_set_${A}`]: s.win_sets.count[0],
    [`win_set_${B}`]: s.win_sets.count[1],
    [`win_set_${A}_expected`]: s.win_sets.expected[0],
    [`win_set_${B}_expected`]: s.win_sets.expected[1],
    overlap: s.overlap,
    ratifiable_frontier: s.frontier.length,
    best_deal: s.nash ? bidText(s.nash.bid, signed) : null,
    [`best_u_${A}`]: s.nash?.utility[0] ?? null,
    [`best_u_${B}`]: s.nash?.utility[1] ?? null,
    best_p_ratified: s.nash?.ratification ?? null,
  };
}

export function LinkageTable({
  r,
  leaders,
  signed,
}: {
  r: TradeNegotiationRun;
  leaders: string[];
  signed: ReadonlySet<string>;
}) {
  const [A, B] = r.parties;
  const rows = PARTITIONS.map((p) => linkageRow([A, B], p.key, r.linkage[p.key], signed));
  return (
    <section className="panel" aria-labelledby="linkage-h">
      <div className="figure-head">
        <h2 id="linkage-h">Linkage: what each partition lets both leaders ratify</h2>
        <Downloads name="london-linkage" rows={rows} label="the linkage table" />
      </div>
      <p className="figure-desc">
        Each basket is a separate agreement that both leaders judge on its own effect (every other issue as now); a
        package is ratified when every agreement in it is. Ratifiable: P(both ratify) ≥ ½. Win-set: deals a leader
        accepts with P ≥ ½ (expected: Σ P). Overlap: deals both accept over deals either accepts.
      </p>
      <ScrollBox label="Ratification by partition">
        <table data-testid="linkage-table" className="linkage">
          <caption className="sr-only">Ratification by partition</caption>
          <thead>
            <tr>
              <th scope="col">Partition</th>
              <th scope="col">Baskets (agreements)</th>
              <th scope="col">Ratifiable deals</th>
              <th scope="col">Expected ratified (Σ P)</th>
              <th scope="col">Win-set {leaders[0]}</th>
              <th scope="col">Win-set {leaders[1]}</th>
              <th scope="col">Overlap</th>
              <th scope="col">Best ratifiable deal (Nash)</th>
              <th scope="col">
                u {A}, u {B} (pp)
              </th>
              <th scope="col">P(ratify)</th>
            </tr>
          </thead>
          <tbody>
            {PARTITIONS.map((p) => (
              <PartitionLine key={p.key} partition={p} s={r.linkage[p.key]} signed={signed} />
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <DomainSummary r={r} signed={signed} />
    </section>
  );
}

function PartitionLine({
  partition: p,
  s,
  signed,
}: {
  partition: (typeof PARTITIONS)[number];
  s: PartitionSummary;
  signed: ReadonlySet<string>;
}) {
  return (
    <tr data-partition={p.key}>
      <th scope="row">{p.label}</th>
      <td>{s.baskets.map((b) => `[${b.join(' + ')}]`).join(' ')}</td>
      <td className="num strong">
        {s.ratifiable} <span className="muted">of {s.deals}</span>
      </td>
      <td className="num">{s.expected_ratifiable.toFixed(1)}</td>
      <td className="num">
        {s.win_sets.count[0]} <span className="muted">({s.win_sets.expected[0].toFixed(1)})</span>
      </td>
      <td className="num">
        {s.win_sets.count[1]} <span className="muted">({s.win_sets.expected[1].toFixed(1)})</span>
      </td>
      <td className="num">{share(s.overlap, 0)}</td>
      <td className="bid">{s.nash ? bidText(s.nash.bid, signed) : '—'}</td>
      <td className="num">{s.nash ? `${pp(s.nash.utility[0])}, ${pp(s.nash.utility[1])}` : '—'}</td>
      <td className="num">{share(s.nash?.ratification)}</td>
    </tr>
  );
}

/** The whole domain, whatever the partition: its Pareto frontier and the Nash and Kalai–Smorodinsky deals. */
function DomainSummary({ r, signed }: { r: TradeNegotiationRun; signed: ReadonlySet<string> }) {
  return (
    <p className="source">
      Whole domain: Pareto frontier of {r.analysis.pareto_size} deals ({r.analysis.rational_pareto_size} with gains for
      both); Nash {bidText(r.analysis.nash?.bid, signed)} ({pp(r.analysis.nash?.utility[0])},{' '}
      {pp(r.analysis.nash?.utility[1])}); Kalai–Smorodinsky {bidText(r.analysis.kalai_smorodinsky?.bid, signed)} (
      {pp(r.analysis.kalai_smorodinsky?.utility[0])}, {pp(r.analysis.kalai_smorodinsky?.utility[1])}).
    </p>
  );
}
