/**
 * The result of a negotiation run (docs/negotiation.md): the issues on the table, the deal and its
 * chance of ratification, and every session's offers round by round — a chart of what each offer
 * is worth to each side, and the log as a table. While the run is going, `live` carries the
 * offers streamed so far (progress messages), shown above the final result.
 */
import { useState, type MouseEvent } from 'react';
import * as Plot from '@observablehq/plot';
import type { LogEntry, Run, TradeNegotiationRun } from '../../api.ts';
import { useDataset, sourceLine } from '../../data.tsx';
import { pct, regionColour } from '../../format.ts';
import { Figure } from '../../components/Figure.tsx';
import { ScrollBox } from '../../components/ScrollBox.tsx';
import { Provenance } from '../../components/Provenance.tsx';

type Issue = TradeNegotiationRun['issues'][number];

/** An issue value as the scenario means it: a share or points of a tariff, with its sign. */
function issueValue(issue: Issue | undefined, v: number | string | undefined): string {
  if (typeof v !== 'number') return String(v ?? '—');
  if (!issue) return String(v);
  const points = 100 * v;
  const txt = `${Math.round(points * 10) / 10}%`;
  return issue.mode === 'add' && points > 0 ? `+${txt}` : txt;
}

/** Who acted: a party's code, or the mediator. */
const actor = (parties: [string, string], p: LogEntry['proposer']) => (p === 'mediator' ? 'mediator' : parties[p]);

const bidText = (bid: Record<string, number | string> | null | undefined, issues: Issue[]) =>
  bid
    ? Object.entries(bid)
        .map(
          ([k, v]) =>
            `${k} ${issueValue(
              issues.find((i) => i.id === k),
              v,
            )}`,
        )
        .join(', ')
    : 'no deal';

/** Each offer's utility to each side, one row per offer and side (the chart's points and data). */
function offerRows(parties: [string, string], log: LogEntry[], issues: Issue[]) {
  const offers = log.filter((e) => e.bid && e.utilities);
  return offers.flatMap((e) =>
    parties.map((p, k) => ({
      turn: e.turn,
      round: e.round,
      proposer: actor(parties, e.proposer),
      side: p,
      utility: e.utilities![k],
      action: e.action,
      bid: bidText(e.bid as Record<string, number>, issues),
    })),
  );
}

type OfferRow = ReturnType<typeof offerRows>[number];

/** Both sides' utilities by turn, a line each, with a tip naming the offer. */
function offersPlot(width: number, rows: OfferRow[], parties: [string, string]) {
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 50,
    marginRight: 40,
    // Turns are whole numbers: ticks only at integers (a two-turn basket had ticks 0.1 … 1.0).
    x: {
      label: 'turn',
      ticks: Math.min(10, Math.max(1, ...rows.map((r) => r.turn)) - Math.min(0, ...rows.map((r) => r.turn))),
      tickFormat: (t: number) => (Number.isInteger(t) ? String(t) : ''),
    },
    y: { label: 'utility', grid: true },
    color: { domain: parties, range: parties.map(regionColour) },
    marks: [
      Plot.ruleY([0], { stroke: '#888' }),
      Plot.line(rows, { x: 'turn', y: 'utility', stroke: 'side' }),
      Plot.dot(rows, { x: 'turn', y: 'utility', stroke: 'side', symbol: 'side', r: 2.5 }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: 'turn',
          y: 'utility',
          title: (d: OfferRow) =>
            `round ${d.round}, ${d.proposer} ${d.action}s\n${d.bid}\nutility to ${d.side}: ${d.utility.toFixed(3)}`,
        }),
      ),
    ],
  });
}

/** Every entry of a basket's log: round, who, what, the offer and its utilities. */
function LogTable({ parties, log, issues }: { parties: [string, string]; log: LogEntry[]; issues: Issue[] }) {
  return (
    <ScrollBox label="Offers, round by round">
      <table className="result-table" data-testid="offer-log">
        <caption>Offers, round by round</caption>
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">By</th>
            <th scope="col">Action</th>
            <th scope="col">Offer</th>
            {parties.map((p) => (
              <th key={p} scope="col">
                Utility, {p} (weighed)
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {log.map((e) => (
            <tr key={`${e.turn}:${e.round}:${e.proposer}:${e.action}`}>
              <td>{e.round}</td>
              <td>{actor(parties, e.proposer)}</td>
              <td>{e.action}</td>
              <td>{bidText(e.bid as Record<string, number> | null, issues)}</td>
              {parties.map((p, j) => (
                <td key={p}>{e.utilities ? e.utilities[j].toFixed(3) : '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** The offers of one basket: a chart of both sides' utilities by turn and the log. */
function OfferLog({
  id,
  parties,
  log,
  issues,
  source,
}: {
  id: string;
  parties: [string, string];
  log: LogEntry[];
  issues: Issue[];
  source: string;
}) {
  const rows = offerRows(parties, log, issues);
  return (
    <>
      <Figure
        id={`offers-${id}`}
        title="What each offer is worth to each side"
        description={
          `Utility of every offer to ${parties[0]} and ${parties[1]} as the delegations ` +
          `weighed it (trade domains with trust: the other side’s promised levers discounted ` +
          `by trust), pp, by turn (0 = the disagreement outcome).`
        }
        render={(width) => offersPlot(width, rows, parties)}
        rows={rows.map(({ turn, round, proposer, side, utility, bid }) => ({
          turn,
          round,
          proposer,
          side,
          utility: Math.round(utility * 1e6) / 1e6,
          bid,
        }))}
        legend={parties.map((p) => ({ label: p, color: regionColour(p) }))}
        source={source}
        deps={[log]}
      />
      <LogTable parties={parties} log={log} issues={issues} />
    </>
  );
}

/** In-page links: the hash is the app's route, so a link scrolls to its part instead of navigating. */
function jump(e: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(e.currentTarget.getAttribute('href')!.slice(1));
  if (!target) return;
  e.preventDefault();
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

const sessionKey = (s: TradeNegotiationRun['sessions'][number]) => `${s.label} (${s.linkage})`;

/**
 * The sessions, one disclosure each (the session of the deal open, the others closed: every
 * session's offers open at once make the page many screens long on a tablet), under a table of
 * all of them; "Open all" shows every chart and log.
 */
function Sessions({ r, source, id }: { r: TradeNegotiationRun; source: string; id: string }) {
  const first = r.sessions.findIndex((s) => sessionKey(s) === r.deal.session);
  const [open, setOpen] = useState<Set<number>>(() => new Set([Math.max(0, first)]));
  const toggle = (k: number, on: boolean) =>
    setOpen((o) => {
      if (o.has(k) === on) return o;
      const n = new Set(o);
      if (on) n.add(k);
      else n.delete(k);
      return n;
    });
  const outcome = (s: TradeNegotiationRun['sessions'][number]) =>
    `${s.deal ? `deal ${bidText(s.deal as Record<string, number>, r.issues)}` : 'no deal'}${
      s.ratification_probability !== null
        ? `, ratified with probability ${(100 * s.ratification_probability).toFixed(0)}%`
        : ''
    }`;
  return (
    <section className="sessions" id={id} tabIndex={-1} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Sessions and their offers</h4>
      <ScrollBox label="Sessions">
        <table className="result-table" data-testid="session-table">
          <caption>Every session: the agents, the partition of the issues and the outcome</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Agents</th>
              <th scope="col">Issues</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {r.sessions.map((s) => (
              <tr key={`${sessionKey(s)} ${s.seed}`}>
                <th scope="row">{s.label}</th>
                <td>{s.agents.join(' vs ')}</td>
                <td>{s.linkage}</td>
                <td>{outcome(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <div className="session-tools">
        <button type="button" onClick={() => setOpen(new Set(r.sessions.map((_, k) => k)))}>
          Open all sessions
        </button>
        <button type="button" onClick={() => setOpen(new Set())}>
          Close all
        </button>
      </div>
      {r.sessions.map((s, k) => (
        <details
          key={`${sessionKey(s)} ${s.seed}`}
          className="session"
          open={open.has(k)}
          onToggle={(e) => toggle(k, e.currentTarget.open)}
          data-testid="session"
        >
          <summary>
            <strong>{s.label}</strong>, issues {s.linkage}: <span className="muted">{outcome(s)}</span>
          </summary>
          <p className="muted">
            {s.agents.join(' vs ')}, issues {s.linkage}; {outcome(s)}.
          </p>
          {open.has(k) &&
            s.baskets.map((b, j) => (
              <div key={b.issues.join('+')}>
                <p>
                  Basket {b.issues.join(' + ')}:{' '}
                  {b.agreement ? `agreed in round ${b.round}` : `ended by ${b.reason} in round ${b.round}`}.
                </p>
                <OfferLog id={`${k}-${j}`} parties={r.parties} log={b.log} issues={r.issues} source={source} />
              </div>
            ))}
        </details>
      ))}
    </section>
  );
}

export function NegotiationResult({ run }: { run: Run<TradeNegotiationRun> }) {
  const r = run.result!;
  const dataset = useDataset(run.dataset);
  const source = sourceLine(run.model, dataset, `Negotiation "${r.name}".`);
  return (
    <div className="result negotiation-result" data-testid="result" data-kind="negotiation" data-run={run.id}>
      <h3>{r.name}</h3>
      <nav className="result-nav" aria-label="Parts of this result">
        <a href={`#neg-issues-${run.id}`} onClick={jump}>
          Issues
        </a>
        {r.deal.effects && (
          <a href={`#neg-effects-${run.id}`} onClick={jump}>
            Effects of the deal
          </a>
        )}
        <a href={`#neg-sessions-${run.id}`} onClick={jump}>
          Sessions and offers ({r.sessions.length})
        </a>
      </nav>
      <DealLine r={r} />
      <Objectives objectives={r.objectives} />
      <div id={`neg-issues-${run.id}`} tabIndex={-1} className="jump-target">
        <IssueTable issues={r.issues} />
      </div>
      {r.deal.effects && (
        <div id={`neg-effects-${run.id}`} tabIndex={-1} className="jump-target">
          <EffectsTable effects={r.deal.effects} />
        </div>
      )}
      <Sessions r={r} source={source} id={`neg-sessions-${run.id}`} />
      <p className="source">
        {source} Run <code>{run.id.slice(0, 8)}</code>.
      </p>
      <Provenance dataset={dataset} model={run.model} runId={run.id} />
    </div>
  );
}

/** The deal, its utilities, the chance both leaders ratify it, and the session that found it. */
function DealLine({ r }: { r: TradeNegotiationRun }) {
  return (
    <p data-testid="deal">
      <strong>Deal:</strong> {bidText(r.deal.bid as Record<string, number> | null, r.issues)}
      {r.deal.utilities && (
        <>
          {' '}
          — utilities {r.parties[0]} {r.deal.utilities[0].toFixed(3)}, {r.parties[1]} {r.deal.utilities[1].toFixed(3)}
        </>
      )}
      {r.deal.ratification_probability !== null && (
        <>; both leaders ratify with probability {(100 * r.deal.ratification_probability).toFixed(0)}%</>
      )}
      {r.deal.session && <> (session: {r.deal.session})</>}.
    </p>
  );
}

/** What each government's utility measures: its objective, with the security terms it weighs. */
function Objectives({ objectives }: { objectives: TradeNegotiationRun['objectives'] }) {
  return (
    <p className="muted" data-testid="objectives">
      Utilities are changes over no deal, pp, of each government’s objective:{' '}
      {objectives
        .map(
          (o) =>
            `${o.name}: ${o.measure.replace('_', ' ')}${o.security
              .map(
                (w) =>
                  ` ${w.weight >= 0 ? '+' : '−'} ${Math.abs(w.weight)} × (% change of ` +
                  `${w.region}’s real ${w.sector} absorption)`,
              )
              .join('')}`,
        )
        .join('; ')}
      .
    </p>
  );
}

function IssueTable({ issues }: { issues: Issue[] }) {
  return (
    <ScrollBox label="Issues on the table">
      <table className="result-table">
        <caption>Issues on the table (levers on the model) and their values without a deal</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Lever</th>
            <th scope="col">Owner</th>
            <th scope="col">Options</th>
            <th scope="col">No deal</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.id}</th>
              <td>{i.label ?? `${i.kind} (${i.mode})`}</td>
              <td>{i.owner}</td>
              <td>{i.grid.map((g) => issueValue(i, g)).join(' · ')}</td>
              <td>{issueValue(i, i.disagreement)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function EffectsTable({ effects }: { effects: NonNullable<TradeNegotiationRun['deal']['effects']> }) {
  return (
    <ScrollBox label="Effects of the deal">
      <table className="result-table">
        <caption>Effects of the deal, percent change from no deal</caption>
        <thead>
          <tr>
            <th scope="col">Region</th>
            {Object.keys(Object.values(effects)[0] ?? {}).map((k) => (
              <th key={k} scope="col">
                {k.replace(/_pct$/, '').replaceAll('_', ' ')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Object.entries(effects).map(([c, row]) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              {Object.entries(row).map(([k, v]) => (
                <td key={k}>{pct(v, 3)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
