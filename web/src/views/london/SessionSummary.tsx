/**
 * What the session drawn on the chart came to: its agreements, deal, utilities, the leaders' vote
 * and the replications.
 */
import type { TradeSession } from '../../api.ts';
import { bidText } from '../../negotiation.ts';
import { pp, share } from './format.ts';

export function SessionSummary({
  session,
  parties,
  leaders,
  signed,
}: {
  session: TradeSession;
  parties: [string, string];
  leaders: string[];
  signed: ReadonlySet<string>;
}) {
  const s = session.summary;
  return (
    <dl className="session-summary" data-testid="session-summary">
      <dt>Agreements</dt>
      <dd>
        {session.baskets
          .map(
            (b) =>
              `${b.issues.join(' + ')}: ` +
              `${b.reason === 'accepted' ? `agreed in round ${b.round}` : `${b.reason} in round ${b.round}`}`,
          )
          .join('; ')}
      </dd>
      <dt>Deal</dt>
      <dd>{bidText(session.deal, signed)}</dd>
      <dt>Utilities (pp)</dt>
      <dd>
        {parties[0]} {pp(session.utilities[0])}, {parties[1]} {pp(session.utilities[1])}
      </dd>
      <dt>P(both ratify)</dt>
      <dd>
        {share(session.ratification_probability)}
        {session.vote && (
          <>
            {' '}
            · drawn vote (seed {session.seed}): {session.vote.ratified ? 'ratified' : 'rejected'} ({leaders[0]} θ{' '}
            {pp(session.vote.thresholds[0])}, {leaders[1]} θ {pp(session.vote.thresholds[1])})
          </>
        )}
      </dd>
      {s && (
        <>
          <dt>Over {s.runs} seeds</dt>
          <dd>
            a deal in {share(s.deal_share, 0)}, ratified in {share(s.ratified_share)}; modal deal (
            {share(s.modal_share, 0)}): {bidText(s.modal_deal, signed)}
          </dd>
        </>
      )}
    </dl>
  );
}
