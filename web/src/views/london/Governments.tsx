/** The two governments: objectives, delegations, leaders with the thresholds the run used, and agents. */
import type { DealMap, TradeNegotiationRun } from '../../api.ts';
import { type ScenarioFacts, thresholdText } from '../../negotiation.ts';
import { pp } from './format.ts';

interface Props {
  r: TradeNegotiationRun;
  facts: ScenarioFacts;
  map: DealMap;
  leaders: string[];
}

export function Governments({ r, facts, map, leaders }: Props) {
  return (
    <>
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
                    ` ${s.weight >= 0 ? '+' : '−'} ${Math.abs(s.weight)} × (% change of ` +
                    `${s.region}’s real ${s.sector} absorption)`,
                )
                .join('')}
              .
              {f && (
                <>
                  {' '}
                  Delegation: {f.delegation.map((d) => `${d.name}${d.role ? ` (${d.role})` : ''}`).join(', ')}. Leader:{' '}
                  {leaders[i]}, threshold θ {thresholdText(map.leaders[i].threshold, (x) => pp(x, 3))} pp
                  {map.leaders[i].own_objective ? ' on the leader’s own objective' : ' on the same objective'}. Agent:{' '}
                  {f.agent ? String(f.agent.kind) : '—'}
                  {f.agent?.e !== undefined ? ` (e = ${String(f.agent.e)})` : ''}.
                </>
              )}
            </li>
          );
        })}
      </ul>{' '}
    </>
  );
}
