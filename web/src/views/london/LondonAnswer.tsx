/**
 * The head of the London view: the run (its size, time, JSON and "Run again"), the scenario's
 * description, the linkage answer and the ratifiable deals of each partition, and the current state.
 */
import type { Run, TradeNegotiationRun } from '../../api.ts';
import { PARTITIONS } from './format.ts';

export function LondonAnswer({
  run,
  description,
  onRerun,
}: {
  run: Run<TradeNegotiationRun>;
  description: string | null;
  onRerun: () => void;
}) {
  const r = run.result!;
  const sep = r.linkage.separate;
  const lin = r.linkage.linked;
  const full = r.linkage.full;
  return (
    <section className="panel" aria-labelledby="london-h">
      <div className="section-head">
        <h2 id="london-h">{r.name}</h2>
        <span className="run-meta">
          run <code>{run.id.slice(0, 8)}</code> · {r.evaluation.deals} deals, {r.evaluation.solves} equilibrium solves ·{' '}
          {r.seconds.toFixed(1)} s ·{' '}
          <a href={`api/runs/${run.id}`} download={`lancaster-negotiation-${run.id.slice(0, 8)}.json`}>
            whole run (JSON)
          </a>{' '}
          ·{' '}
          <button type="button" className="link" onClick={onRerun}>
            Run again
          </button>
        </span>
      </div>
      <p className="lede">{description}</p>
      <p className="answer" data-testid="linkage-answer">
        <strong>
          Does linking rare-earth licences with chip-control easing enlarge what both leaders would ratify?
        </strong>{' '}
        {lin.ratifiable > sep.ratifiable ? 'Yes' : 'No'} in this model: {sep.ratifiable} ratifiable deal
        {sep.ratifiable === 1 ? '' : 's'} when each issue is agreed separately, {lin.ratifiable} when REE and chips are
        one agreement, {full.ratifiable} when everything is one package (of {full.deals} deals; ratifiable = both
        leaders ratify with probability ≥ ½).
      </p>
      <dl className="key-numbers">
        {PARTITIONS.map((p) => (
          <div key={p.key}>
            <dt>{p.label}: ratifiable deals</dt>
            <dd>{r.linkage[p.key].ratifiable}</dd>
            <dd className="when">
              expected {r.linkage[p.key].expected_ratifiable.toFixed(1)} ·{' '}
              {r.linkage[p.key].baskets.map((b) => `[${b.join(' + ')}]`).join(' ')}
            </dd>
          </div>
        ))}
        <div>
          <dt>Current state (0, 0)</dt>
          <dd className="small">{r.current_state.date}</dd>
          <dd className="when">
            {r.current_state.scenario}: {r.current_state.step?.replace(/^\d{4}-\d\d-\d\d: /, '')}
          </dd>
        </div>
      </dl>
    </section>
  );
}
