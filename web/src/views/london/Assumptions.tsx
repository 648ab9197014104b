/** The run's assumptions (issues, current state, model, governments, leaders, agents, trust) and the data sources. */
import type { DealMap, TradeNegotiationRun } from '../../api.ts';
import { SourceList } from '../../components/Provenance.tsx';
import type { useDataset } from '../../data.tsx';
import { type ScenarioFacts, thresholdText } from '../../negotiation.ts';
import { pp, share } from './format.ts';

export function Assumptions({
  r,
  facts,
  map,
  leaders,
  dataset,
}: {
  r: TradeNegotiationRun;
  facts: ScenarioFacts;
  map: DealMap;
  leaders: string[];
  dataset: ReturnType<typeof useDataset>;
}) {
  const opts = facts.options;
  const ci = opts.critical_inputs as { inputs?: string[]; users?: string[]; elasticity?: number } | undefined;
  return (
    <section className="panel" aria-labelledby="assume-h">
      <h2 id="assume-h">Assumptions and sources</h2>
      <div className="assume-grid">
        <div>
          <h3>The issues (levers on the current state)</h3>
          <table data-testid="issues-table">
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col">Owner</th>
                <th scope="col">Grid</th>
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {r.issues.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <code>{i.id}</code>
                    <div className="issue-label">{i.label}</div>
                  </th>
                  <td>{i.owner}</td>
                  <td>
                    {i.grid.join(', ')} <span className="muted">({i.mode})</span>
                  </td>
                  <td>{i.disagreement}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Current state = the disagreement point</h3>
          <p>
            {r.current_state.scenario} folded through {r.current_state.date}:{' '}
            {r.current_state.step?.replace(/^\d{4}-\d\d-\d\d: /, '')}. Utilities are changes over it, so no deal is (0,
            0).
          </p>
          <h3>Model</h3>
          <p>
            {r.model} on {r.dataset}; {String(opts.horizon ?? 'long-run')} horizon, baseline{' '}
            {String(opts.baseline ?? '—')}
            {ci ? `; ${ci.inputs?.join(', ')} a critical input of ${ci.users?.join(', ')} (σ = ${ci.elasticity})` : ''}.
          </p>
        </div>
        <div>
          <h3>The governments</h3>
          <ul className="plain">
            {r.objectives.map((o, i) => {
              const f = facts.parties[i];
              return (
                <li key={o.name}>
                  <strong>{o.region}</strong>: objective {o.measure.replace('_', ' ')}
                  {o.security
                    .map(
                      (s) =>
                        ` ${s.weight >= 0 ? '+' : '−'} ${Math.abs(s.weight)} × (% change of ${s.region}’s real ${s.sector} absorption)`,
                    )
                    .join('')}
                  .
                  {f && (
                    <>
                      {' '}
                      Delegation: {f.delegation.map((d) => `${d.name}${d.role ? ` (${d.role})` : ''}`).join(', ')}.
                      Leader: {leaders[i]}, threshold θ {thresholdText(map.leaders[i].threshold, (x) => pp(x, 3))} pp
                      {map.leaders[i].own_objective ? ' on the leader’s own objective' : ' on the same objective'}.
                      Agent: {f.agent ? String(f.agent.kind) : '—'}
                      {f.agent?.e !== undefined ? ` (e = ${String(f.agent.e)})` : ''}.
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          {r.trust && (
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
                    <td>{r.trust.initial[0].toFixed(2)}</td>
                    <td>{r.trust.initial[1].toFixed(2)}</td>
                  </tr>
                  {r.trust.history.map((h) => (
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
                Talks break down after a round with probability {share(r.trust.breakdown_per_round)}; deadline{' '}
                {facts.deadline ?? '—'} rounds per agreement; {facts.replications ?? '—'} seeds from {facts.seed ?? '—'}
                .
              </p>
            </>
          )}
        </div>
      </div>
      {facts.header.length > 0 && (
        <details className="provenance" open>
          <summary>Notes in the scenario file (scenarios/negotiation/london-2025.yaml)</summary>
          <p>{facts.header.join(' ')}</p>
        </details>
      )}
      <h3>Data sources</h3>
      {dataset ? (
        <>
          <p className="muted small">
            {dataset.name} (v{dataset.version}): {dataset.description}
          </p>
          <SourceList dataset={dataset} />
        </>
      ) : (
        <p className="muted">loading…</p>
      )}
      <p className="muted small">
        Every number of this page is explained in docs/london-2025.md;{' '}
        <code>lancaster negotiate scenarios/negotiation/london-2025.yaml --json</code> reproduces the run.
      </p>
    </section>
  );
}
