/**
 * A finished London run: the answer (LondonAnswer.tsx), the deal chart beside the
 * session chosen to draw on it, the linkage table and the assumptions. The choices (partition,
 * pairing, linkage, agreement) are React state here and flow down to the parts.
 */
import { useMemo, useState } from 'react';
import type { PartitionName } from '../../api.ts';
import { sourceLine, useDataset } from '../../data.tsx';
import { dealIndex, scenarioFacts, sessionOffers } from '../../negotiation.ts';
import { Assumptions } from './Assumptions.tsx';
import { DealChart } from './DealChart.tsx';
import { LinkageTable } from './LinkageTable.tsx';
import { LondonAnswer } from './LondonAnswer.tsx';
import type { Loaded } from './London.tsx';
import { OfferTable } from './OfferTable.tsx';
import { type SessionChoice, SessionPicker } from './SessionPicker.tsx';
import { SessionSummary } from './SessionSummary.tsx';

export function LondonBody({ loaded, onRerun }: { loaded: Loaded; onRerun: () => void }) {
  const { run, map, text } = loaded;
  const r = run.result!;
  const facts = useMemo(() => scenarioFacts(text), [text]);
  const dataset = useDataset(r.dataset);
  const [partition, setPartition] = useState<PartitionName>(r.linkage.enabled ? 'linked' : 'separate');
  const pairings = useMemo(() => [...new Set(r.sessions.map((s) => s.label))], [r.sessions]);
  const [choice, setChoice] = useState<SessionChoice>({ pairing: pairings[0], mode: 'linked', basket: 'auto' });
  const session = r.sessions.find((s) => s.label === choice.pairing && s.linkage === choice.mode) ?? r.sessions[0];
  const longest = session.baskets.reduce((b, x, k) => (x.log.length > session.baskets[b].log.length ? k : b), 0);
  const basket = choice.basket === 'auto' ? longest : choice.basket === 'all' ? -1 : Number(choice.basket);
  const index = useMemo(() => dealIndex(map), [map]);
  const offers = useMemo(() => sessionOffers(map, session, index), [map, session, index]);
  const shown = basket < 0 ? offers : offers.filter((o) => o.basket === basket);
  const signed = useMemo(() => new Set(r.issues.filter((i) => i.mode === 'add').map((i) => i.id)), [r.issues]);
  const leaders = map.leaders.map((l, i) => l.name ?? `${r.parties[i]} leader`);

  return (
    <>
      <LondonAnswer run={run} description={facts.description} onRerun={onRerun} />

      <section className="panel" aria-labelledby="deals-h">
        <h2 id="deals-h">Deals, frontier, thresholds and a session’s offers</h2>
        <div className="compare-grid deals-grid">
          <DealChart
            run={run}
            map={map}
            partition={partition}
            offers={shown}
            session={session}
            leaders={leaders}
            signed={signed}
            dataset={sourceLine(r.model, dataset)}
          />
          <div className="session-panel">
            <SessionPicker
              r={r}
              pairings={pairings}
              partition={partition}
              onPartition={setPartition}
              choice={choice}
              onChoice={setChoice}
              session={session}
              longest={longest}
            />
            <SessionSummary session={session} parties={r.parties} leaders={leaders} signed={signed} />
            <OfferTable
              offers={shown}
              parties={r.parties}
              signed={signed}
              name={`${session.label} (${session.linkage})`}
            />
          </div>
        </div>
      </section>

      <LinkageTable r={r} leaders={leaders} signed={signed} />
      <Assumptions r={r} facts={facts} map={map} leaders={leaders} dataset={dataset} />
    </>
  );
}
