/**
 * The offers of a running negotiation as they arrive: the server reports every move of the logged
 * session (first seed) of each pairing and linkage as a progress event (src/exec/handlers/negotiation.ts),
 * after every deal has been solved by the model; when the run is done, the lists are rebuilt from
 * its result, which holds every move. One list per session and linkage, newest last.
 */
import type { OfferEvent } from '../../../../src/contract/run.ts';

/** A value in percent; the value of a lever that changes the current state (mode add) with its sign. */
const value = (v: number | string, add: boolean) => {
  if (typeof v !== 'number') return v;
  const x = Math.round(v * 1000) / 10;
  return `${x < 0 ? '−' : add && x > 0 ? '+' : ''}${Math.abs(x)}%`;
};
const signed = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(3)}`;
const verb = {
  offer: 'offers',
  accept: 'accepts',
  adopted: 'adopts',
  rejected: 'rejects',
  breakdown: 'breaks down',
} as const;

export function OfferWatch({
  offers,
  streamed,
  parties,
  added,
  weighted,
}: {
  offers: OfferEvent[];
  /** Once the run is done: how many of the offers (rebuilt from its result) came as events. */
  streamed: number | null;
  parties: readonly [string, string];
  added: ReadonlySet<string>;
  /** A delegation has security weights: utilities are its objective (real income plus the weighted terms). */
  weighted: boolean;
}) {
  const groups = new Map<string, OfferEvent[]>();
  for (const o of offers) {
    const key = `${o.session} (${o.linkage})`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const who = (p: OfferEvent['proposer']) => (p === 'mediator' ? 'the mediator' : parties[p]);
  return (
    <section className="offer-watch" aria-labelledby="watch-h" data-streamed={streamed ?? undefined}>
      <h3 id="watch-h">Offers as they are made ({offers.length})</h3>
      <p className="muted small">
        Model: each side’s utility of the offer (this agreement, every other issue as now), in pp of{' '}
        {weighted ? 'its objective: real income plus its security weights × real absorption' : 'real income'}. Weighed:
        what the delegations saw, the other side’s promised levers discounted by trust.
      </p>
      {[...groups].map(([key, list]) => (
        <div key={key}>
          <h4>{key}</h4>
          <ol
            className="offer-stream"
            aria-label={`Offers of ${key}, as they were made`}
            data-testid="offer-stream"
            tabIndex={0}
          >
            {list.map((o, k) => (
              <li key={k} className={o.action === 'accept' ? 'accept' : undefined}>
                [{o.basket.join(' + ')}] round {o.round}: {who(o.proposer)} {verb[o.action]}
                {o.bid
                  ? ` ${Object.entries(o.bid)
                      .map(([i, v]) => `${i} ${value(v, added.has(i))}`)
                      .join(', ')}`
                  : ''}
                {o.utilities
                  ? ` — model: ${parties[0]} ${signed(o.utilities[0])} pp, ${parties[1]} ${signed(o.utilities[1])} pp`
                  : ''}
                {o.seen ? `; weighed: ${signed(o.seen[0])}, ${signed(o.seen[1])}` : ''}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
