/** The issues of the run (levers on the current state), the current state they start from, and the model. */
import type { TradeNegotiationRun } from '../../api.ts';
import type { ScenarioFacts } from '../../negotiation.ts';

export function IssuesAssumed({ r, options: opts }: { r: TradeNegotiationRun; options: ScenarioFacts['options'] }) {
  const ci = opts.critical_inputs as { inputs?: string[]; users?: string[]; elasticity?: number } | undefined;
  return (
    <>
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
        {r.current_state.step?.replace(/^\d{4}-\d\d-\d\d: /, '')}. Utilities are changes over it, so no deal is (0, 0).
      </p>
      <h3>Model</h3>
      <p>
        {r.model} on {r.dataset}; {String(opts.horizon ?? 'long-run')} horizon, baseline {String(opts.baseline ?? '—')}
        {ci ? `; ${ci.inputs?.join(', ')} a critical input of ${ci.users?.join(', ')} (σ = ${ci.elasticity})` : ''}.
      </p>{' '}
    </>
  );
}
