/** The offers of the session drawn on the chart, in order, with the model's and the trust-discounted utilities. */
import { ScrollBox } from '../../components/ScrollBox.tsx';
import { bidText, type OfferPoint } from '../../negotiation.ts';
import { Downloads } from './Downloads.tsx';
import { pp } from './format.ts';

export function OfferTable({
  offers,
  parties,
  signed,
  name,
}: {
  offers: OfferPoint[];
  parties: [string, string];
  signed: ReadonlySet<string>;
  name: string;
}) {
  const [A, B] = parties;
  const rows = offers.map((o) => ({
    agreement: o.basketLabel,
    round: o.round,
    proposer: parties[o.proposer],
    action: o.action,
    bid: bidText(o.bid, signed),
    [`u_${A}`]: o.u[0],
    [`u_${B}`]: o.u[1],
    [`seen_${A}`]: o.seen?.[0] ?? null,
    [`seen_${B}`]: o.seen?.[1] ?? null,
  }));
  return (
    <div className="offers">
      <div className="figure-head">
        <h3 id="offers-h">Offers: {name}</h3>
        <Downloads name="london-offers" rows={rows} label="the offers" />
      </div>
      <ScrollBox label={`Offers: ${name}`}>
        <table data-testid="offers-table">
          <caption className="sr-only">Offers of {name}, in order</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Move</th>
              <th scope="col">Bid</th>
              <th scope="col">u {A}</th>
              <th scope="col">u {B}</th>
            </tr>
          </thead>
          <tbody>
            {offers.map((o, k) => (
              <tr key={k} className={o.action === 'accept' ? 'accept' : undefined}>
                <td>{o.round}</td>
                <td>
                  <span className={`who p${o.proposer}`} aria-hidden="true">
                    {o.proposer === 0 ? '●' : '■'}
                  </span>{' '}
                  {parties[o.proposer]} {o.action === 'offer' ? 'offers' : o.action === 'accept' ? 'accepts' : o.action}
                </td>
                <td className="bid">{bidText(o.bid, signed)}</td>
                <td className="num">
                  {pp(o.u[0])}
                  <span className="seen">seen {pp(o.seen?.[0])}</span>
                </td>
                <td className="num">
                  {pp(o.u[1])}
                  <span className="seen">seen {pp(o.seen?.[1])}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <p className="source">
        u: the model’s utility of the deal (this agreement, every other issue as now), pp. seen: what the delegations
        weighed, trust-discounted (the other side’s promised levers count only with the trust after the history).
      </p>
    </div>
  );
}
