/**
 * The negotiation view. Three cases, chosen with a radio group (and the hash, #/negotiation?case=…):
 * - London 2025 (default, views/london/): the trade negotiation of the multisector model as a
 *   `negotiation` run: deal cloud, frontier, solutions, thresholds, sessions and linkage.
 * - Your own (views/builder/): issues (tariffs and export controls on any flows), agreements, agents,
 *   deadline, leaders' thresholds and trust on the multisector model, run as a `negotiation` run
 *   whose offers arrive as progress events.
 * - GENIUS domains (views/genius/), built on `analyze` runs: choose a shipped domain
 *   (England–Zimbabwe, Itex–Cypress, ANAC 2010) or upload a domain and two profiles; the server
 *   returns the Pareto frontier and the Nash, Kalai–Smorodinsky, egalitarian and utilitarian
 *   points, drawn with the disagreement point.
 */
import { useEffect, useState } from 'react';
import { London } from './london/London.tsx';
import { LondonRunsProvider } from './london/runs.tsx';
import { NegotiationBuilder } from './builder/NegotiationBuilder.tsx';
import { Genius } from './genius/Genius.tsx';
import { useHash } from '../hash.ts';

const CASES = [
  { id: 'london', label: 'London 2025: rare earths for chips (trade domain, multisector model)' },
  { id: 'genius', label: 'GENIUS example domains (ANAC 2010) or your own' },
  { id: 'build', label: 'Your own negotiation on the model (issues, agents, deadline, leaders)' },
] as const;

type Case = (typeof CASES)[number]['id'];

export function Negotiate() {
  const hash = useHash();
  const asked = new URLSearchParams(hash.split('?')[1] ?? '').get('case');
  const fromHash: Case = asked === 'genius' || asked === 'build' ? asked : 'london';
  const [which, setWhich] = useState<Case>(fromHash);
  useEffect(() => setWhich(fromHash), [fromHash]);
  const choose = (id: Case) => {
    setWhich(id);
    history.replaceState(null, '', id === 'london' ? '#/negotiation' : `#/negotiation?case=${id}`);
  };
  return (
    <div className="negotiate-view">
      <header className="view-head">
        <h1>Negotiation</h1>
        <p className="lede">
          What two governments could agree on and what their leaders would ratify: every deal’s utility to each side,
          the Pareto frontier, the bargaining solutions measured from the disagreement point, the leaders’ thresholds,
          and how the negotiators’ offers move.
        </p>
        <fieldset className="radios case-pick">
          <legend>Case</legend>
          {CASES.map((c) => (
            <label key={c.id}>
              <input type="radio" name="case" value={c.id} checked={which === c.id} onChange={() => choose(c.id)} />{' '}
              {c.label}
            </label>
          ))}
        </fieldset>
      </header>
      <LondonRunsProvider>
        {which === 'london' ? <London /> : which === 'build' ? <NegotiationBuilder /> : <Genius />}
      </LondonRunsProvider>
    </div>
  );
}
