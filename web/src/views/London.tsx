/**
 * The London 2025 trade negotiation (scenarios/negotiation/london-2025.yaml) run as a `negotiation`
 * run: every deal of the trade domain as a cloud of (u_USA, u_CHN), the Pareto frontier, the Nash
 * and Kalai–Smorodinsky deals, the disagreement point (the current state, 0, 0), the leaders'
 * ratification thresholds as bands on each axis with the region both ratify shaded, the offers of
 * a chosen session as paths, and the linkage answer (separate / linked / full). The deal cloud
 * comes from GET /api/runs/:id/deals (asked for while the run goes); a stored run of the same text
 * (finished or still going) is reused.
 */
import { useEffect, useMemo, useState } from 'react';
import * as Plot from '@observablehq/plot';
import { api, waitForRun, type DealMap, type PartitionName, type PartitionSummary, type Progress, type Run, type Threshold, type TradeNegotiationRun, type TradeSession } from '../api.ts';
import { useDataset, sourceLine } from '../data.tsx';
import { OKABE_ITO } from '../format.ts';
import { bands, bidText, dealIndex, dealRows, ratifiedBoundary, scenarioFacts, sessionOffers, thresholdText, type OfferPoint, type ScenarioFacts } from '../negotiation.ts';
import { Figure } from '../components/Figure.tsx';
import { RunStatus } from '../components/RunStatus.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { SourceList } from '../components/Provenance.tsx';
import { downloadCsv, downloadJson, type LegendItem } from '../components/exporting.ts';

export const LONDON_ID = 'negotiation/london-2025';

/** Colours: the parties as everywhere in the app (USA blue, China vermillion), Okabe–Ito. */
const PARTY = [OKABE_ITO.blue, OKABE_ITO.vermillion] as const;
const RATIFIABLE = OKABE_ITO.green;
const OTHER = '#9aa1a9';
const KS = OKABE_ITO.purple;
const PARTITIONS: { key: PartitionName; label: string }[] = [
  { key: 'separate', label: 'Separate' },
  { key: 'linked', label: 'Linked' },
  { key: 'full', label: 'Full linkage' },
];

interface Loaded {
  text: string;
  run: Run<TradeNegotiationRun>;
  map: DealMap;
}

/** A stored negotiation run of exactly this text that has not failed (finished, or still going). */
async function storedRun(name: string | null, text: string): Promise<string | undefined> {
  const runs = await api.runs({ kind: 'negotiation', limit: 20 });
  for (const r of runs.filter((r) => r.name === name && r.status !== 'failed' && r.status !== 'cancelled')) {
    const full = await api.run<TradeNegotiationRun>(r.id);
    if (full.scenario === text) return full.id;
  }
  return undefined;
}

/** The run being shown, shared by every mount of the view (a remount, or coming back while it runs, submits nothing new). */
let current: { text: string; id: Promise<string> } | null = null;

function londonRun(name: string | null, text: string, fresh: boolean): Promise<string> {
  if (!fresh && current?.text === text) return current.id;
  const id = (async () => (fresh ? undefined : await storedRun(name, text)) ?? api.submit('negotiation', text))();
  const mine = { text, id };
  current = mine;
  id.catch(() => { if (current === mine) current = null; });
  return id;
}

const pp = (x: number | null | undefined, d = 3) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${x < 0 ? '−' : ''}${Math.abs(x).toFixed(d)}`);
const share = (x: number | null | undefined, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(d)}%`);

export function London() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [phase, setPhase] = useState<'loading' | 'running' | 'mapping'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [again, setAgain] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      const embedded = (await api.embedded()).find((s) => s.id === LONDON_ID);
      if (!embedded) throw new Error(`Expected the embedded scenario ${LONDON_ID}, found none in scenarios/`);
      if (!embedded.valid) throw new Error(embedded.issues.map((i) => `line ${i.line}: ${i.message}`).join('; '));
      const text = embedded.text;
      const id = await londonRun(embedded.name, text, again > 0);
      if (live) setPhase('running');
      // The deal map is solved (server side, on worker threads) while the run goes.
      const mapping = api.deals(id);
      const run = await waitForRun<TradeNegotiationRun>(id, (p) => live && setProgress(p));
      if (run.status === 'failed' || !run.result) throw new Error(run.error ?? 'the negotiation run failed');
      if (live) setPhase('mapping');
      const map = await mapping;
      if (live) setLoaded({ text, run, map });
    })().catch((e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [again]);

  if (error) return <div className="panel error" role="alert"><h2>The London negotiation could not be run</h2><p>{error}</p></div>;
  if (!loaded) {
    const label = phase === 'mapping' ? 'Mapping every deal for the chart' : 'Running the London 2025 negotiation';
    return (
      <div className="panel">
        <RunStatus label={label} progress={phase === 'mapping' ? { fraction: 0.95, message: 'every deal with both governments’ utilities and its ratification chances' } : progress} />
        <p className="muted">225 deals, each an equilibrium of the multisector model, then 3 pairings × 2 linkages × 200 seeds of alternating offers: about 10 seconds.</p>
      </div>
    );
  }
  return <LondonBody loaded={loaded} onRerun={() => { setLoaded(null); setProgress(null); setPhase('loading'); setAgain((k) => k + 1); }} />;
}

function LondonBody({ loaded, onRerun }: { loaded: Loaded; onRerun: () => void }) {
  const { run, map, text } = loaded;
  const r = run.result!;
  const [A, B] = r.parties;
  const facts = useMemo(() => scenarioFacts(text), [text]);
  const dataset = useDataset(r.dataset);
  const [partition, setPartition] = useState<PartitionName>(r.linkage.enabled ? 'linked' : 'separate');
  const pairings = useMemo(() => [...new Set(r.sessions.map((s) => s.label))], [r.sessions]);
  const [pairing, setPairing] = useState(pairings[0]);
  const [mode, setMode] = useState<'linked' | 'separate'>('linked');
  const session = r.sessions.find((s) => s.label === pairing && s.linkage === mode) ?? r.sessions[0];
  const longest = session.baskets.reduce((b, x, k) => (x.log.length > session.baskets[b].log.length ? k : b), 0);
  const [basketSel, setBasketSel] = useState<string>('auto');
  const basket = basketSel === 'auto' ? longest : basketSel === 'all' ? -1 : Number(basketSel);
  const index = useMemo(() => dealIndex(map), [map]);
  const offers = useMemo(() => sessionOffers(map, session, index), [map, session, index]);
  const shown = basket < 0 ? offers : offers.filter((o) => o.basket === basket);
  const signed = useMemo(() => new Set(r.issues.filter((i) => i.mode === 'add').map((i) => i.id)), [r.issues]);
  const leaders = map.leaders.map((l, i) => l.name ?? `${r.parties[i]} leader`);
  const sep = r.linkage.separate, lin = r.linkage.linked, full = r.linkage.full;

  return (
    <>
      <section className="panel" aria-labelledby="london-h">
        <div className="section-head">
          <h2 id="london-h">{r.name}</h2>
          <span className="run-meta">
            run <code>{run.id.slice(0, 8)}</code> · {r.evaluation.deals} deals, {r.evaluation.solves} equilibrium solves · {r.seconds.toFixed(1)} s ·{' '}
            <a href={`api/runs/${run.id}`} download={`lancaster-negotiation-${run.id.slice(0, 8)}.json`}>whole run (JSON)</a> ·{' '}
            <button type="button" className="link" onClick={onRerun}>Run again</button>
          </span>
        </div>
        <p className="lede">{facts.description}</p>
        <p className="answer" data-testid="linkage-answer">
          <strong>Does linking rare-earth licences with chip-control easing enlarge what both leaders would ratify?</strong>{' '}
          {lin.ratifiable > sep.ratifiable ? 'Yes' : 'No'} in this model: {sep.ratifiable} ratifiable deal{sep.ratifiable === 1 ? '' : 's'} when each issue is agreed separately,{' '}
          {lin.ratifiable} when REE and chips are one agreement, {full.ratifiable} when everything is one package (of {full.deals} deals; ratifiable = both leaders ratify with probability ≥ ½).
        </p>
        <dl className="key-numbers">
          {PARTITIONS.map((p) => (
            <div key={p.key}><dt>{p.label}: ratifiable deals</dt><dd>{r.linkage[p.key].ratifiable}</dd><dd className="when">expected {r.linkage[p.key].expected_ratifiable.toFixed(1)} · {r.linkage[p.key].baskets.map((b) => `[${b.join(' + ')}]`).join(' ')}</dd></div>
          ))}
          <div><dt>Current state (0, 0)</dt><dd className="small">{r.current_state.date}</dd><dd className="when">{r.current_state.scenario}: {r.current_state.step?.replace(/^\d{4}-\d\d-\d\d: /, '')}</dd></div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="deals-h">
        <h2 id="deals-h">Deals, frontier, thresholds and a session’s offers</h2>
        <div className="compare-grid deals-grid">
          <DealChart run={run} map={map} partition={partition} offers={shown} session={session} leaders={leaders} signed={signed} dataset={dataset ? sourceLine(r.model, dataset) : sourceLine(r.model, undefined)} />
          <div className="session-panel">
            <fieldset className="radios">
              <legend>Ratifiable deals shown for</legend>
              {PARTITIONS.map((p) => (
                <label key={p.key}><input type="radio" name="partition" value={p.key} checked={partition === p.key} onChange={() => setPartition(p.key)} /> {p.label} ({r.linkage[p.key].ratifiable})</label>
              ))}
            </fieldset>
            <fieldset className="session-pick">
              <legend>Session</legend>
              <label>Pairing{' '}
                <select value={pairing} onChange={(e) => { setPairing(e.target.value); setBasketSel('auto'); }}>
                  {pairings.map((p) => <option key={p} value={p}>{p}</option>)}
                </select>
              </label>
              <label>Linkage{' '}
                <select value={mode} onChange={(e) => { setMode(e.target.value as 'linked' | 'separate'); setBasketSel('auto'); }}>
                  <option value="linked">linked</option>
                  <option value="separate">separate</option>
                </select>
              </label>
              <label>Agreement (basket){' '}
                <select value={basketSel === 'auto' ? String(longest) : basketSel} onChange={(e) => setBasketSel(e.target.value)}>
                  {session.baskets.map((b, k) => <option key={k} value={String(k)}>{b.issues.join(' + ')} ({b.reason === 'accepted' ? 'agreed' : b.reason}, round {b.round})</option>)}
                  <option value="all">every agreement</option>
                </select>
              </label>
            </fieldset>
            <SessionSummary session={session} parties={r.parties} leaders={leaders} signed={signed} />
            <OfferTable offers={shown} parties={r.parties} signed={signed} name={`${session.label} (${session.linkage})`} />
          </div>
        </div>
      </section>

      <LinkageTable r={r} leaders={leaders} signed={signed} />
      <Assumptions r={r} facts={facts} map={map} leaders={leaders} dataset={dataset} />
    </>
  );
}

interface ChartProps {
  run: Run<TradeNegotiationRun>;
  map: DealMap;
  partition: PartitionName;
  offers: OfferPoint[];
  session: TradeSession;
  leaders: string[];
  signed: ReadonlySet<string>;
  dataset: string;
}

function DealChart({ run, map, partition, offers, session, leaders, signed, dataset }: ChartProps) {
  const r = run.result!;
  const [A, B] = r.parties;
  const deals = useMemo(() => dealRows(map).filter((d) => d.index !== map.disagreement_index), [map]);
  const th = map.leaders.map((l) => l.threshold) as [Threshold, Threshold];
  const sameObjective = map.leaders.every((l) => !l.own_objective);
  const best = r.linkage[partition].nash;
  const nash = r.analysis.nash, ks = r.analysis.kalai_smorodinsky;
  const frontier = [...r.analysis.pareto].sort((a, b) => a[0] - b[0]).map(([x, y]) => ({ x, y }));
  const ids = map.issues.map((i) => i.id);
  const partLabel = PARTITIONS.find((p) => p.key === partition)!.label.toLowerCase();

  // Domains: every deal, the disagreement point and the central 95% of each threshold.
  const span = (vals: number[]) => {
    const lo = Math.min(...vals), hi = Math.max(...vals);
    const pad = (hi - lo) * 0.06 || 0.01;
    return [lo - pad, hi + pad] as [number, number];
  };
  const bandsOf = th.map(bands);
  const xs = [0, ...deals.map((d) => d.u[0]), ...(bandsOf[0].outer ?? bandsOf[0].inner ?? [bandsOf[0].median])];
  const ys = [0, ...deals.map((d) => d.u[1]), ...(bandsOf[1].outer ?? bandsOf[1].inner ?? [bandsOf[1].median])];
  const [x0, x1] = span(xs);
  const [y0, y1] = span(ys);
  const boundary = sameObjective ? ratifiedBoundary(th[0], th[1], x0, x1).map((p) => ({ x: p.x, y: Math.min(Math.max(p.y, y0), y1) })) : [];

  const ratifiable = (p: number | null) => p !== null && p >= 0.5;
  const describeDeal = (v: Record<string, number>) => bidText(Object.fromEntries(Object.entries(v).filter(([k]) => ids.includes(k))), signed);
  const dealTitle = (d: (typeof deals)[number]) => `${describeDeal(d.values)}\nu_${A} ${pp(d.u[0])} pp, u_${B} ${pp(d.u[1])} pp\nP(ratified): separate ${share(d.p.separate)}, linked ${share(d.p.linked)}, full ${share(d.p.full)}`;
  const offerTitle = (o: OfferPoint) => `Round ${o.round}: ${r.parties[o.proposer]} ${o.action === 'offer' ? 'offers' : o.action === 'accept' ? 'accepts' : o.action} ${bidText(o.bid, signed)}\n(${o.basketLabel}; other issues as now)\nu_${A} ${pp(o.u[0])} pp, u_${B} ${pp(o.u[1])} pp`;
  const agreements = offers.filter((o) => o.action === 'accept');
  const offerOnly = offers.filter((o) => o.action === 'offer');
  const hover = [
    ...deals.map((d) => ({ x: d.u[0], y: d.u[1], title: dealTitle(d) })),
    ...offers.map((o) => ({ x: o.u[0], y: o.u[1], title: offerTitle(o) })),
  ];
  const sessionDeal = session.deal ? [{ x: session.utilities[0], y: session.utilities[1] }] : [];

  const legend: LegendItem[] = [
    { label: `Deal, ratifiable (${partLabel})`, color: RATIFIABLE, shape: 'dot' },
    { label: 'Deal, not ratifiable', color: OTHER, shape: 'ring' },
    { label: 'Pareto frontier', color: '#222' },
    { label: 'Nash', color: '#111', shape: 'star' },
    { label: 'Kalai–Smorodinsky', color: KS, shape: 'diamond' },
    { label: 'Disagreement (current state)', color: '#111', shape: 'cross' },
    { label: `${leaders[0]}’s threshold (median, 68%, 95%)`, color: PARTY[0], shape: 'band' },
    { label: `${leaders[1]}’s threshold`, color: PARTY[1], shape: 'band' },
    ...(sameObjective ? [{ label: 'Both ratify, P ≥ ½ (one package)', color: RATIFIABLE, shape: 'band' as const }] : []),
    { label: `${A} offers`, color: PARTY[0], shape: 'dot' },
    { label: `${B} offers`, color: PARTY[1], shape: 'square' },
  ];

  const rows = [
    ...deals.map((d) => ({ kind: 'deal', round: null as number | null, proposer: '', ...Object.fromEntries(ids.map((id) => [id, d.values[id]])), [`u_${A}`]: d.u[0], [`u_${B}`]: d.u[1], p_separate: d.p.separate, p_linked: d.p.linked, p_full: d.p.full })),
    ...([['nash', nash], ['kalai_smorodinsky', ks], [`best_ratifiable_${partition}`, best]] as const).flatMap(([kind, s]) => (s ? [{ kind, round: null, proposer: '', ...Object.fromEntries(ids.map((id) => [id, Number(s.bid[id])])), [`u_${A}`]: s.utility[0], [`u_${B}`]: s.utility[1], p_separate: null, p_linked: null, p_full: s.ratification }] : [])),
    { kind: 'disagreement', round: null, proposer: '', ...Object.fromEntries(map.issues.map((i) => [i.id, i.disagreement])), [`u_${A}`]: 0, [`u_${B}`]: 0, p_separate: null, p_linked: null, p_full: null },
    ...offers.map((o) => ({ kind: o.action === 'accept' ? 'acceptance' : 'offer', round: o.round, proposer: r.parties[o.proposer], ...Object.fromEntries(ids.map((id) => [id, map.deals.values[o.deal][ids.indexOf(id)]])), [`u_${A}`]: o.u[0], [`u_${B}`]: o.u[1], p_separate: map.deals.ratification.separate[o.deal], p_linked: map.deals.ratification.linked[o.deal], p_full: map.deals.ratification.full[o.deal] })),
  ];
  const fmt = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v));

  return (
    <Figure
      id="london-deals"
      title={`Every deal: ${A}’s and ${B}’s utilities`}
      description={`Each of the ${deals.length} deals at its utility to ${A} (across) and ${B} (up), in percentage points of each government’s objective over the current state (the disagreement point, 0, 0); green when both leaders ratify it with P ≥ ½ under the ${partLabel} partition. Pareto frontier, Nash and Kalai–Smorodinsky deals; ${leaders[0]}’s and ${leaders[1]}’s ratification thresholds as bands on their axes${sameObjective ? ', the region both ratify as one package shaded' : ''}; the offers of ${session.label} (${session.linkage}) as each side’s path, round numbers on hover.`}
      legend={legend}
      rows={rows}
      format={Object.fromEntries(Object.keys(rows[0]).map((k) => [k, fmt]))}
      source={`${dataset} Negotiation: Lancaster negotiation run ${run.id.slice(0, 8)} of scenarios/negotiation/london-2025.yaml (docs/london-2025.md).`}
      deps={[map, partition, offers, session]}
      render={(width) => {
        const w = Math.min(width, 720);
        const side = (b: ReturnType<typeof bands>, axis: 'x' | 'y', colour: string) => {
          const rect = (lo: number, hi: number, o: number) => axis === 'x'
            ? Plot.rect([0], { x1: lo, x2: hi, y1: y0, y2: y1, fill: colour, fillOpacity: o, className: 'threshold-band-x' })
            : Plot.rect([0], { y1: lo, y2: hi, x1: x0, x2: x1, fill: colour, fillOpacity: o, className: 'threshold-band-y' });
          return [
            ...(b.outer ? [rect(b.outer[0], b.outer[1], 0.07)] : []),
            ...(b.inner ? [rect(b.inner[0], b.inner[1], 0.12)] : []),
            axis === 'x' ? Plot.ruleX([b.median], { stroke: colour, strokeDasharray: '5 3', strokeWidth: 1.5, className: 'threshold-x' }) : Plot.ruleY([b.median], { stroke: colour, strokeDasharray: '5 3', strokeWidth: 1.5, className: 'threshold-y' }),
          ];
        };
        return Plot.plot({
          width: w, height: Math.round(w * 0.86), marginLeft: 56, marginBottom: 44, marginTop: 28, marginRight: 20,
          style: { fontSize: '11px' },
          x: { domain: [x0, x1], label: `u_${A}: change of ${A}’s objective (pp) →`, grid: true, tickFormat: (v: number) => pp(v, 2) },
          y: { domain: [y0, y1], label: `↑ u_${B}: change of ${B}’s objective (pp)`, grid: true, tickFormat: (v: number) => pp(v, 2) },
          marks: [
            ...(boundary.length ? [
              Plot.areaY(boundary, { x: 'x', y1: 'y', y2: y1, fill: RATIFIABLE, fillOpacity: 0.09, curve: 'linear', className: 'ratified-region' }),
              Plot.line(boundary, { x: 'x', y: 'y', stroke: RATIFIABLE, strokeWidth: 1.2, strokeDasharray: '2 2' }),
              Plot.text([0], { x: () => Math.max(boundary[0].x, (bandsOf[0].outer ?? bandsOf[0].inner ?? [0, bandsOf[0].median])[1]), y: () => y1, text: () => 'both ratify, P ≥ ½ (one package)', textAnchor: 'start', dx: 4, dy: 9, fill: '#1f6b4f', fontWeight: 600 }),
            ] : []),
            ...side(bandsOf[0], 'x', PARTY[0]),
            ...side(bandsOf[1], 'y', PARTY[1]),
            Plot.text([0], { x: () => bandsOf[0].median, y: () => y1, text: () => `${leaders[0]}’s θ ~ ${thresholdText(th[0])}`, textAnchor: 'start', dx: 4, dy: -12, fill: PARTY[0], fontWeight: 600 }),
            Plot.text([0], { x: () => x1, y: () => bandsOf[1].median, text: () => `${leaders[1]}’s θ`, textAnchor: 'end', dx: -4, dy: -7, fill: PARTY[1], fontWeight: 600 }),
            Plot.ruleX([0], { stroke: '#555' }),
            Plot.ruleY([0], { stroke: '#555' }),
            Plot.dot(deals.filter((d) => !ratifiable(d.p[partition])), { x: (d) => d.u[0], y: (d) => d.u[1], r: 3, stroke: OTHER, strokeWidth: 1, className: 'deals-other' }),
            Plot.dot(deals.filter((d) => ratifiable(d.p[partition])), { x: (d) => d.u[0], y: (d) => d.u[1], r: 3.4, fill: RATIFIABLE, fillOpacity: 0.85, stroke: 'white', strokeWidth: 0.5, className: 'deals-ratifiable' }),
            Plot.line(frontier, { x: 'x', y: 'y', stroke: '#222', strokeWidth: 1.6, className: 'frontier' }),
            Plot.dot([{ x: 0, y: 0 }], { x: 'x', y: 'y', symbol: 'times', r: 7, stroke: '#111', strokeWidth: 2.2, className: 'disagreement' }),
            Plot.text([{ x: 0, y: 0 }], { x: 'x', y: 'y', text: () => 'no deal (0, 0)', textAnchor: 'end', dx: -9, dy: 14, fill: '#333' }),
            // Each side's offers in order (its concession path), the exchange order dotted.
            Plot.line(offerOnly, { x: (o) => o.u[0], y: (o) => o.u[1], z: (o) => o.basket, stroke: '#777', strokeOpacity: 0.7, strokeWidth: 0.8, strokeDasharray: '1 3' }),
            ...([0, 1] as const).map((i) => Plot.line(offerOnly.filter((o) => o.proposer === i), { x: (o) => o.u[0], y: (o) => o.u[1], z: (o) => o.basket, stroke: PARTY[i], strokeWidth: 2, strokeOpacity: 0.9, markerEnd: 'arrow', className: `offer-path p${i}` })),
            Plot.dot(offerOnly.filter((o) => o.proposer === 0), { x: (o) => o.u[0], y: (o) => o.u[1], r: 4.5, fill: PARTY[0], stroke: 'white', strokeWidth: 1, className: 'offers p0' }),
            Plot.dot(offerOnly.filter((o) => o.proposer === 1), { x: (o) => o.u[0], y: (o) => o.u[1], r: 4.5, symbol: 'square', fill: PARTY[1], stroke: 'white', strokeWidth: 1, className: 'offers p1' }),
            Plot.dot(agreements, { x: (o) => o.u[0], y: (o) => o.u[1], r: 10, stroke: '#111', strokeWidth: 2, className: 'agreement' }),
            Plot.text(agreements, { x: (o) => o.u[0], y: (o) => o.u[1], text: (o) => `agreed, round ${o.round}`, dx: 13, dy: 12, textAnchor: 'start', fill: '#111', fontWeight: 600 }),
            Plot.dot(sessionDeal, { x: 'x', y: 'y', r: 13, stroke: '#111', strokeDasharray: '3 2', strokeWidth: 1.5 }),
            Plot.text(sessionDeal, { x: 'x', y: 'y', text: () => 'session’s deal (every agreement)', dx: -16, dy: 3, textAnchor: 'end', fill: '#111' }),
            ...(best ? [
              Plot.dot([best], { x: (s) => s.utility[0], y: (s) => s.utility[1], r: 8, stroke: RATIFIABLE, strokeWidth: 2.5 }),
              Plot.text([best], { x: (s) => s.utility[0], y: (s) => s.utility[1], text: () => `best ratifiable (${partLabel})`, dx: -12, dy: 12, textAnchor: 'end', fill: '#1f6b4f', fontWeight: 600 }),
            ] : []),
            ...(nash ? [
              Plot.dot([nash], { x: (s) => s.utility[0], y: (s) => s.utility[1], symbol: 'star', r: 8, fill: '#111', stroke: 'white', className: 'nash' }),
              Plot.text([nash], { x: (s) => s.utility[0], y: (s) => s.utility[1], text: () => 'Nash', dx: 10, dy: -8, textAnchor: 'start', fill: '#111', fontWeight: 700 }),
            ] : []),
            ...(ks ? [
              Plot.dot([ks], { x: (s) => s.utility[0], y: (s) => s.utility[1], symbol: 'diamond', r: 7, fill: KS, stroke: 'white', className: 'ks' }),
              Plot.text([ks], { x: (s) => s.utility[0], y: (s) => s.utility[1], text: () => 'Kalai–Smorodinsky', dx: 10, dy: 0, textAnchor: 'start', fill: '#7a2f5f', fontWeight: 700 }),
            ] : []),
            Plot.tip(hover, Plot.pointer({ x: 'x', y: 'y', title: 'title', maxRadius: 14 })),
          ],
        });
      }}
    />
  );
}

function SessionSummary({ session, parties, leaders, signed }: { session: TradeSession; parties: [string, string]; leaders: string[]; signed: ReadonlySet<string> }) {
  const s = session.summary;
  return (
    <dl className="session-summary" data-testid="session-summary">
      <dt>Agreements</dt>
      <dd>{session.baskets.map((b) => `${b.issues.join(' + ')}: ${b.reason === 'accepted' ? `agreed in round ${b.round}` : `${b.reason} in round ${b.round}`}`).join('; ')}</dd>
      <dt>Deal</dt>
      <dd>{bidText(session.deal, signed)}</dd>
      <dt>Utilities (pp)</dt>
      <dd>{parties[0]} {pp(session.utilities[0])}, {parties[1]} {pp(session.utilities[1])}</dd>
      <dt>P(both ratify)</dt>
      <dd>{share(session.ratification_probability)}{session.vote && <> · drawn vote (seed {session.seed}): {session.vote.ratified ? 'ratified' : 'rejected'} ({leaders[0]} θ {pp(session.vote.thresholds[0])}, {leaders[1]} θ {pp(session.vote.thresholds[1])})</>}</dd>
      {s && <>
        <dt>Over {s.runs} seeds</dt>
        <dd>a deal in {share(s.deal_share, 0)}, ratified in {share(s.ratified_share)}; modal deal ({share(s.modal_share, 0)}): {bidText(s.modal_deal, signed)}</dd>
      </>}
    </dl>
  );
}

function Downloads({ name, rows, label }: { name: string; rows: Record<string, unknown>[]; label: string }) {
  return (
    <div className="toolbar" role="group" aria-label={`Download ${label}`}>
      <button type="button" onClick={() => downloadCsv(`lancaster-${name}`, rows)} aria-label={`Download ${label} as CSV`}>CSV</button>
      <button type="button" onClick={() => downloadJson(`lancaster-${name}`, rows)} aria-label={`Download ${label} as JSON`}>JSON</button>
    </div>
  );
}

function OfferTable({ offers, parties, signed, name }: { offers: OfferPoint[]; parties: [string, string]; signed: ReadonlySet<string>; name: string }) {
  const [A, B] = parties;
  const rows = offers.map((o) => ({ agreement: o.basketLabel, round: o.round, proposer: parties[o.proposer], action: o.action, bid: bidText(o.bid, signed), [`u_${A}`]: o.u[0], [`u_${B}`]: o.u[1], [`seen_${A}`]: o.seen?.[0] ?? null, [`seen_${B}`]: o.seen?.[1] ?? null }));
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
            <tr><th scope="col">Round</th><th scope="col">Move</th><th scope="col">Bid</th><th scope="col">u {A}</th><th scope="col">u {B}</th></tr>
          </thead>
          <tbody>
            {offers.map((o, k) => (
              <tr key={k} className={o.action === 'accept' ? 'accept' : undefined}>
                <td>{o.round}</td>
                <td><span className={`who p${o.proposer}`} aria-hidden="true">{o.proposer === 0 ? '●' : '■'}</span> {parties[o.proposer]} {o.action === 'offer' ? 'offers' : o.action === 'accept' ? 'accepts' : o.action}</td>
                <td className="bid">{bidText(o.bid, signed)}</td>
                <td className="num">{pp(o.u[0])}<span className="seen">seen {pp(o.seen?.[0])}</span></td><td className="num">{pp(o.u[1])}<span className="seen">seen {pp(o.seen?.[1])}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <p className="source">u: the model’s utility of the deal (this agreement, every other issue as now), pp. seen: what the delegations weighed, trust-discounted (the other side’s promised levers count only with the trust after the history).</p>
    </div>
  );
}

function LinkageTable({ r, leaders, signed }: { r: TradeNegotiationRun; leaders: string[]; signed: ReadonlySet<string> }) {
  const [A, B] = r.parties;
  const row = (key: PartitionName, s: PartitionSummary) => ({
    partition: key, baskets: s.baskets.map((b) => `[${b.join('+')}]`).join(' '), deals: s.deals, ratifiable: s.ratifiable, expected_ratified: s.expected_ratifiable,
    [`win_set_${A}`]: s.win_sets.count[0], [`win_set_${B}`]: s.win_sets.count[1], [`win_set_${A}_expected`]: s.win_sets.expected[0], [`win_set_${B}_expected`]: s.win_sets.expected[1],
    overlap: s.overlap, ratifiable_frontier: s.frontier.length, best_deal: s.nash ? bidText(s.nash.bid, signed) : null,
    [`best_u_${A}`]: s.nash?.utility[0] ?? null, [`best_u_${B}`]: s.nash?.utility[1] ?? null, best_p_ratified: s.nash?.ratification ?? null,
  });
  const rows = PARTITIONS.map((p) => row(p.key, r.linkage[p.key]));
  return (
    <section className="panel" aria-labelledby="linkage-h">
      <div className="figure-head">
        <h2 id="linkage-h">Linkage: what each partition lets both leaders ratify</h2>
        <Downloads name="london-linkage" rows={rows} label="the linkage table" />
      </div>
      <p className="figure-desc">Each basket is a separate agreement that both leaders judge on its own effect (every other issue as now); a package is ratified when every agreement in it is. Ratifiable: P(both ratify) ≥ ½. Win-set: deals a leader accepts with P ≥ ½ (expected: Σ P). Overlap: deals both accept over deals either accepts.</p>
      <ScrollBox label="Ratification by partition">
        <table data-testid="linkage-table" className="linkage">
          <caption className="sr-only">Ratification by partition</caption>
          <thead>
            <tr>
              <th scope="col">Partition</th><th scope="col">Baskets (agreements)</th><th scope="col">Ratifiable deals</th><th scope="col">Expected ratified (Σ P)</th>
              <th scope="col">Win-set {leaders[0]}</th><th scope="col">Win-set {leaders[1]}</th><th scope="col">Overlap</th><th scope="col">Best ratifiable deal (Nash)</th><th scope="col">u {A}, u {B} (pp)</th><th scope="col">P(ratify)</th>
            </tr>
          </thead>
          <tbody>
            {PARTITIONS.map((p) => {
              const s = r.linkage[p.key];
              return (
                <tr key={p.key} data-partition={p.key}>
                  <th scope="row">{p.label}</th>
                  <td>{s.baskets.map((b) => `[${b.join(' + ')}]`).join(' ')}</td>
                  <td className="num strong">{s.ratifiable} <span className="muted">of {s.deals}</span></td>
                  <td className="num">{s.expected_ratifiable.toFixed(1)}</td>
                  <td className="num">{s.win_sets.count[0]} <span className="muted">({s.win_sets.expected[0].toFixed(1)})</span></td>
                  <td className="num">{s.win_sets.count[1]} <span className="muted">({s.win_sets.expected[1].toFixed(1)})</span></td>
                  <td className="num">{share(s.overlap, 0)}</td>
                  <td className="bid">{s.nash ? bidText(s.nash.bid, signed) : '—'}</td>
                  <td className="num">{s.nash ? `${pp(s.nash.utility[0])}, ${pp(s.nash.utility[1])}` : '—'}</td>
                  <td className="num">{share(s.nash?.ratification)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <p className="source">Whole domain: Pareto frontier of {r.analysis.pareto_size} deals ({r.analysis.rational_pareto_size} with gains for both); Nash {bidText(r.analysis.nash?.bid, signed)} ({pp(r.analysis.nash?.utility[0])}, {pp(r.analysis.nash?.utility[1])}); Kalai–Smorodinsky {bidText(r.analysis.kalai_smorodinsky?.bid, signed)} ({pp(r.analysis.kalai_smorodinsky?.utility[0])}, {pp(r.analysis.kalai_smorodinsky?.utility[1])}).</p>
    </section>
  );
}

function Assumptions({ r, facts, map, leaders, dataset }: { r: TradeNegotiationRun; facts: ScenarioFacts; map: DealMap; leaders: string[]; dataset: ReturnType<typeof useDataset> }) {
  const opts = facts.options;
  const ci = opts.critical_inputs as { inputs?: string[]; users?: string[]; elasticity?: number } | undefined;
  return (
    <section className="panel" aria-labelledby="assume-h">
      <h2 id="assume-h">Assumptions and sources</h2>
      <div className="assume-grid">
        <div>
          <h3>The issues (levers on the current state)</h3>
          <table data-testid="issues-table">
            <thead><tr><th scope="col">Issue</th><th scope="col">Owner</th><th scope="col">Grid</th><th scope="col">Now</th></tr></thead>
            <tbody>
              {r.issues.map((i) => (
                <tr key={i.id}><th scope="row"><code>{i.id}</code><div className="issue-label">{i.label}</div></th><td>{i.owner}</td><td>{i.grid.join(', ')} <span className="muted">({i.mode})</span></td><td>{i.disagreement}</td></tr>
              ))}
            </tbody>
          </table>
          <h3>Current state = the disagreement point</h3>
          <p>{r.current_state.scenario} folded through {r.current_state.date}: {r.current_state.step?.replace(/^\d{4}-\d\d-\d\d: /, '')}. Utilities are changes over it, so no deal is (0, 0).</p>
          <h3>Model</h3>
          <p>{r.model} on {r.dataset}; {String(opts.horizon ?? 'long-run')} horizon, baseline {String(opts.baseline ?? '—')}{ci ? `; ${ci.inputs?.join(', ')} a critical input of ${ci.users?.join(', ')} (σ = ${ci.elasticity})` : ''}.</p>
        </div>
        <div>
          <h3>The governments</h3>
          <ul className="plain">
            {r.objectives.map((o, i) => {
              const f = facts.parties[i];
              return (
                <li key={o.name}>
                  <strong>{o.region}</strong>: objective {o.measure.replace('_', ' ')}{o.security.map((s) => ` ${s.weight >= 0 ? '+' : '−'} ${Math.abs(s.weight)} × (% change of ${s.region}’s real ${s.sector} absorption)`).join('')}.
                  {f && <> Delegation: {f.delegation.map((d) => `${d.name}${d.role ? ` (${d.role})` : ''}`).join(', ')}. Leader: {leaders[i]}, threshold θ {thresholdText(map.leaders[i].threshold)} pp{map.leaders[i].own_objective ? ' on the leader’s own objective' : ' on the same objective'}. Agent: {f.agent ? String(f.agent.kind) : '—'}{f.agent?.e !== undefined ? ` (e = ${String(f.agent.e)})` : ''}.</>}
                </li>
              );
            })}
          </ul>
          {r.trust && (
            <>
              <h3>Trust path</h3>
              <table className="trust" data-testid="trust-table">
                <thead><tr><th scope="col">Step</th><th scope="col">Moves</th><th scope="col">Trust {r.parties[0]}</th><th scope="col">Trust {r.parties[1]}</th></tr></thead>
                <tbody>
                  <tr><th scope="row">Start</th><td>—</td><td>{r.trust.initial[0].toFixed(2)}</td><td>{r.trust.initial[1].toFixed(2)}</td></tr>
                  {r.trust.history.map((h) => (
                    <tr key={h.label}><th scope="row">{h.label}</th><td>{Object.entries(h.moves).map(([k, v]) => `${k} ${v === 'C' ? 'cooperates' : 'defects'}`).join(', ')}</td><td>{h.trust[0].toFixed(3)}</td><td>{h.trust[1].toFixed(3)}</td></tr>
                  ))}
                </tbody>
              </table>
              <p className="muted small">Talks break down after a round with probability {share(r.trust.breakdown_per_round)}; deadline {facts.deadline ?? '—'} rounds per agreement; {facts.replications ?? '—'} seeds from {facts.seed ?? '—'}.</p>
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
      {dataset ? <><p className="muted small">{dataset.name} (v{dataset.version}): {dataset.description}</p><SourceList dataset={dataset} /></> : <p className="muted">loading…</p>}
      <p className="muted small">Every number of this page is explained in docs/london-2025.md; <code>lancaster negotiate scenarios/negotiation/london-2025.yaml --json</code> reproduces the run.</p>
    </section>
  );
}
