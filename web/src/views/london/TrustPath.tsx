/**
 * Trust between the delegations: where it starts, how the history before the talks moved it, and
 * the breakdown chance it sets.
 */
import type { TradeNegotiationRun } from '../../api.ts';
import type { ScenarioFacts } from '../../negotiation.ts';
import { share } from './format.ts';

interface Props {
  r: TradeNegotiationRun;
  trust: NonNullable<TradeNegotiationRun['trust']>;
  facts: ScenarioFacts;
}

export function TrustPath({ r, trust, facts }: Props) {
  return (
    <>
      <h3>Trust path</h3>
      <table className="trust" data-testid="trust-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Moves</th>
            <th scope="col">Trust {r.parties[0]}</th>
            <th scope="col">Trust {r.parties[1]}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Start</th>
            <td>—</td>
            <td>{trust.initial[0].toFixed(2)}</td>
            <td>{trust.initial[1].toFixed(2)}</td>
          </tr>
          {trust.history.map((h) => (
            <tr key={h.label}>
              <th scope="row">{h.label}</th>
              <td>
                {Object.entries(h.moves)
                  .map(([k, v]) => `${k} ${v === 'C' ? 'cooperates' : 'defects'}`)
                  .join(', ')}
              </td>
              <td>{h.trust[0].toFixed(3)}</td>
              <td>{h.trust[1].toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Talks break down after a round with probability {share(trust.breakdown_per_round)}; deadline{' '}
        {facts.deadline ?? '—'} rounds per agreement; {facts.replications ?? '—'} seeds from {facts.seed ?? '—'}.
      </p>
    </>
  );
}
