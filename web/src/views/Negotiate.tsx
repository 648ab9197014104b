/**
 * The negotiation view. Three cases, chosen with a radio group (and the hash, #/negotiation?case=…):
 * - London 2025 (default, views/london/): the trade negotiation of the multisector model as a
 *   `negotiation` run: deal cloud, frontier, solutions, thresholds, sessions and linkage.
 * - Your own (views/builder/): issues (tariffs and export controls on any flows), agreements, agents,
 *   deadline, leaders' thresholds and trust on the multisector model, run as a `negotiation` run
 *   whose offers arrive as progress events.
 * - GENIUS domains, built on `analyze` runs: choose a shipped domain (England–Zimbabwe, Itex–Cypress,
 *   ANAC 2010) or upload a domain and two profiles; the server returns the Pareto frontier and the
 *   Nash, Kalai–Smorodinsky, egalitarian and utilitarian points, drawn with the disagreement point.
 */
import { useEffect, useState } from 'react';
import * as Plot from '@observablehq/plot';
import ezDomain from '../../../data/genius/anac2010-EnglandZimbabwe/EnglandZimbabwe_domain.xml?raw';
import ezEngland from '../../../data/genius/anac2010-EnglandZimbabwe/England.xml?raw';
import ezZimbabwe from '../../../data/genius/anac2010-EnglandZimbabwe/Zimbabwe.xml?raw';
import icDomain from '../../../data/genius/anac2010-ItexvsCypress/ItexvsCypress_domain.xml?raw';
import icItex from '../../../data/genius/anac2010-ItexvsCypress/ItexvsCypress_Itex.xml?raw';
import icCypress from '../../../data/genius/anac2010-ItexvsCypress/ItexvsCypress_Cypress.xml?raw';
import { api, waitForRun, ApiFailure, type Analysis, type SolutionPoint } from '../api.ts';
import { OKABE_ITO } from '../format.ts';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { Figure } from '../components/Figure.tsx';
import { London } from './london/London.tsx';
import { LondonRunsProvider } from './london/runs.tsx';
import { NegotiationBuilder } from './builder/NegotiationBuilder.tsx';
import { useHash } from '../hash.ts';

interface Example {
  id: string;
  label: string;
  parties: [string, string];
  domain: string;
  a: string;
  b: string;
  source: string;
}

const EXAMPLES: Example[] = [
  {
    id: 'england-zimbabwe',
    label: 'England–Zimbabwe (ANAC 2010, 576 outcomes)',
    parties: ['England', 'Zimbabwe'],
    domain: ezDomain,
    a: ezEngland,
    b: ezZimbabwe,
    source:
      'GENIUS negotiation platform, ANAC 2010 domain England–Zimbabwe (TU Delft); data/genius/anac2010-EnglandZimbabwe',
  },
  {
    id: 'itex-cypress',
    label: 'Itex vs Cypress (ANAC 2010, 180 outcomes)',
    parties: ['Itex', 'Cypress'],
    domain: icDomain,
    a: icItex,
    b: icCypress,
    source:
      'GENIUS negotiation platform, ANAC 2010 domain Itex vs Cypress (TU Delft); data/genius/anac2010-ItexvsCypress',
  },
];

const POINTS: {
  key: keyof Analysis;
  label: string;
  symbol: 'star' | 'diamond' | 'triangle' | 'square';
  color: string;
}[] = [
  { key: 'nash', label: 'Nash bargaining solution', symbol: 'star', color: OKABE_ITO.vermillion },
  { key: 'kalai_smorodinsky', label: 'Kalai–Smorodinsky', symbol: 'diamond', color: OKABE_ITO.blue },
  { key: 'egalitarian', label: 'Egalitarian', symbol: 'triangle', color: OKABE_ITO.green },
  { key: 'utilitarian', label: 'Utilitarian', symbol: 'square', color: OKABE_ITO.purple },
];

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

function Genius() {
  const [exampleId, setExampleId] = useState(EXAMPLES[0].id);
  const [files, setFiles] = useState<{ domain?: string; a?: string; b?: string }>({});
  const [dis, setDis] = useState<[string, string]>(['0', '0']);
  const [result, setResult] = useState<{
    analysis: Analysis;
    parties: [string, string];
    source: string;
    runId: string;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const custom = exampleId === 'upload';
  const ex = EXAMPLES.find((e) => e.id === exampleId);

  const analyze = async () => {
    setBusy(true);
    setError(null);
    try {
      const input = custom
        ? { domain: files.domain, profile_a: files.a, profile_b: files.b }
        : { domain: ex!.domain, profile_a: ex!.a, profile_b: ex!.b };
      const disagreement = dis.map(Number) as [number, number];
      const id = await api.submitJson('analyze', { ...input, disagreement });
      const run = await waitForRun<Analysis>(id);
      if (run.status === 'failed' || !run.result) throw new Error(run.error ?? 'the analysis failed');
      setResult({
        analysis: run.result,
        parties: custom ? ['Party A', 'Party B'] : ex!.parties,
        source: custom ? 'uploaded GENIUS files' : ex!.source,
        runId: id,
      });
    } catch (e) {
      setError(
        e instanceof ApiFailure
          ? `${e.message}${e.issues.length ? `: ${e.issues.map((i) => i.message).join('; ')}` : ''}`
          : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the default example is analysed once, on opening; later analyses are the user's (the button)
  useEffect(() => {
    void analyze();
  }, []);

  return (
    <>
      <section className="panel" aria-labelledby="domain-h">
        <h2 id="domain-h">Domain</h2>
        <p className="muted">Domains and preferences in the GENIUS XML format; utilities normalised to [0, 1].</p>
        <div className="controls wrap">
          <label>
            Domain{' '}
            <select value={exampleId} onChange={(e) => setExampleId(e.target.value)}>
              {EXAMPLES.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
              <option value="upload">Upload GENIUS files…</option>
            </select>
          </label>
          {custom &&
            (['domain', 'a', 'b'] as const).map((k) => (
              <label key={k} className="file">
                {k === 'domain' ? 'Domain XML' : `Profile ${k.toUpperCase()} XML`}
                <input
                  type="file"
                  accept=".xml,text/xml"
                  onChange={async (e) => {
                    const f = e.target.files?.[0];
                    if (f) {
                      const t = await f.text();
                      setFiles((s) => ({ ...s, [k]: t }));
                    }
                  }}
                />
              </label>
            ))}
          <fieldset className="inline">
            <legend>Disagreement point</legend>
            <label>
              u<sub>A</sub>{' '}
              <input
                type="number"
                step="0.05"
                min={0}
                max={1}
                value={dis[0]}
                onChange={(e) => setDis([e.target.value, dis[1]])}
                style={{ width: '5em' }}
              />
            </label>
            <label>
              u<sub>B</sub>{' '}
              <input
                type="number"
                step="0.05"
                min={0}
                max={1}
                value={dis[1]}
                onChange={(e) => setDis([dis[0], e.target.value])}
                style={{ width: '5em' }}
              />
            </label>
          </fieldset>
          <button
            type="button"
            className="primary"
            onClick={analyze}
            disabled={busy || (custom && !(files.domain && files.a && files.b))}
          >
            {busy ? 'Analysing…' : 'Analyse'}
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
      {result && <Frontier {...result} />}
    </>
  );
}

function Frontier({
  analysis,
  parties,
  source,
  runId,
}: {
  analysis: Analysis;
  parties: [string, string];
  source: string;
  runId: string;
}) {
  const [pa, pb] = parties;
  const pts = POINTS.flatMap((p) => {
    const s = analysis[p.key] as SolutionPoint | null;
    return s ? [{ ...p, u: s.utility, bid: s.bid }] : [];
  });
  const [d0, d1] = analysis.disagreement;
  const groups: { u: [number, number]; names: string[] }[] = [];
  for (const p of pts) {
    const g = groups.find((x) => Math.abs(x.u[0] - p.u[0]) < 1e-9 && Math.abs(x.u[1] - p.u[1]) < 1e-9);
    if (g) g.names.push(p.label.replace(' bargaining solution', ''));
    else groups.push({ u: p.u, names: [p.label.replace(' bargaining solution', '')] });
  }
  const frontier = analysis.pareto.map(([a, b]) => ({ a, b }));
  const rows = [
    ...frontier.map((p) => ({ kind: 'pareto', u_a: p.a, u_b: p.b })),
    ...pts.map((p) => ({ kind: p.key as string, u_a: p.u[0], u_b: p.u[1], bid: JSON.stringify(p.bid) })),
    { kind: 'disagreement', u_a: d0, u_b: d1 },
  ];
  return (
    <section className="panel" aria-labelledby="frontier-h">
      <div className="section-head">
        <h2 id="frontier-h">{parties.join('–')}: frontier and solutions</h2>
        <span className="run-meta">
          {analysis.outcomes} outcomes{analysis.sampled ? ' (sampled)' : ''} · {analysis.pareto.length} Pareto-optimal ·
          opposition {analysis.opposition.toFixed(3)} · run <code>{runId.slice(0, 8)}</code>
        </span>
      </div>
      <div className="compare-grid">
        <Figure
          id="negotiation-frontier"
          title={`Utilities of ${pa} and ${pb}`}
          description={`The Pareto frontier (line), the bargaining solutions (labelled symbols) and the disagreement point (cross at ${d0}, ${d1}); ${pa}'s utility across, ${pb}'s up.`}
          legend={[
            { label: 'Pareto frontier', color: '#333' },
            ...pts.map((p) => ({ label: p.label, color: p.color, shape: p.symbol })),
            { label: 'Disagreement point', color: '#333', shape: 'cross' as const },
          ]}
          render={(width) =>
            Plot.plot({
              width: Math.min(width, 560),
              height: Math.min(width, 560) * 0.9,
              marginLeft: 50,
              marginBottom: 45,
              x: { domain: [0, 1], label: `Utility of ${pa} →`, grid: true },
              y: { domain: [0, 1], label: `↑ Utility of ${pb}`, grid: true },
              marks: [
                Plot.ruleX([d0], { stroke: '#999', strokeDasharray: '4 3' }),
                Plot.ruleY([d1], { stroke: '#999', strokeDasharray: '4 3' }),
                Plot.areaY(
                  frontier.filter((p) => p.a >= d0 && p.b >= d1),
                  { x: 'a', y1: d1, y2: 'b', fill: '#e9eef3', curve: 'step-before' },
                ),
                Plot.line(frontier, { x: 'a', y: 'b', stroke: '#333', strokeWidth: 1.5 }),
                Plot.dot(frontier, { x: 'a', y: 'b', r: 2.5, fill: '#333' }),
                Plot.dot([{ a: d0, b: d1 }], { x: 'a', y: 'b', symbol: 'times', r: 7, stroke: '#333', strokeWidth: 2 }),
                Plot.text([{ a: d0, b: d1 }], {
                  x: 'a',
                  y: 'b',
                  text: () => 'disagreement',
                  dx: 8,
                  dy: -8,
                  textAnchor: 'start',
                  fill: '#555',
                }),
                ...pts.map((p, k) =>
                  Plot.dot([p], {
                    x: (q) => q.u[0],
                    y: (q) => q.u[1],
                    symbol: p.symbol,
                    r: 9 - 1.5 * k,
                    fill: p.color,
                    stroke: 'white',
                  }),
                ),
                // One label per location: coincident solutions are named together ("Nash = Utilitarian").
                ...groups.map((g, k) =>
                  Plot.text([g], {
                    x: (q) => q.u[0],
                    y: (q) => q.u[1],
                    text: (q) => q.names.join(' = '),
                    dx: k % 2 ? -12 : 12,
                    textAnchor: k % 2 ? 'end' : 'start',
                    fill: '#222',
                    fontWeight: 600,
                  }),
                ),
                Plot.tip(
                  [
                    ...frontier.map((p) => ({
                      a: p.a,
                      b: p.b,
                      title: `Pareto-optimal: ${pa} ${p.a.toFixed(3)}, ${pb} ${p.b.toFixed(3)}`,
                    })),
                    ...pts.map((p) => ({
                      a: p.u[0],
                      b: p.u[1],
                      title: `${p.label}: ${pa} ${p.u[0].toFixed(3)}, ${pb} ${p.u[1].toFixed(3)}`,
                    })),
                  ],
                  Plot.pointer({ x: 'a', y: 'b', title: 'title', maxRadius: 16 }),
                ),
              ],
            })
          }
          rows={rows}
          source={`Analysis: Lancaster analyze (src/negotiate). Domain: ${source}.`}
          deps={[analysis]}
        />
        <div>
          <ScrollBox label="Solutions and the bids that reach them">
            <table>
              <caption>Solutions and the bids that reach them</caption>
              <thead>
                <tr>
                  <th scope="col">Solution</th>
                  <th scope="col">{pa}</th>
                  <th scope="col">{pb}</th>
                  <th scope="col">Bid</th>
                </tr>
              </thead>
              <tbody>
                {pts.map((p) => (
                  <tr key={p.key as string}>
                    <th scope="row">{p.label}</th>
                    <td>{p.u[0].toFixed(3)}</td>
                    <td>{p.u[1].toFixed(3)}</td>
                    <td className="bid">
                      {Object.entries(p.bid).map(([k, v]) => (
                        <div key={k}>
                          <span className="muted">{k}:</span> {String(v)}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Disagreement</th>
                  <td>{d0.toFixed(3)}</td>
                  <td>{d1.toFixed(3)}</td>
                  <td className="muted">no agreement</td>
                </tr>
              </tbody>
            </table>
          </ScrollBox>
          <p className="muted">
            Session offers and leaders’ ratification thresholds are drawn for the trade negotiation: see the London 2025
            case.
          </p>
        </div>
      </div>
    </section>
  );
}
