/**
 * The negotiation builder: a user sets up talks of their own on the levers of the trade model —
 * the issues on the table (tariffs, rare-earth licence approvals, chip controls and purchase
 * commitments as the model represents them: scenarios/negotiation/london-2025.yaml), the options
 * of each, the agents and protocol, the deadline and each leader's ratification threshold. The
 * builder writes a negotiation scenario from the London file (the state of 9 June 2025), shows it,
 * checks it with the server as a negotiation, runs it, and replays the offers round by round.
 */
import { useEffect, useMemo, useState } from 'react';
import { parseDocument } from 'yaml';
import { api, ApiFailure, waitForRun, type Progress, type Run, type TradeNegotiationRun } from '../api.ts';
import { RunStatus } from '../components/RunStatus.tsx';
import { NegotiationResult } from './results/NegotiationResult.tsx';

const TEMPLATE_ID = 'negotiation/london-2025';
const PARTIES = ['USA', 'CHN'] as const;
type Party = (typeof PARTIES)[number];

const AGENTS = [
  { kind: 'boulware', label: 'Boulware (concedes late)', e: 0.2 },
  { kind: 'linear', label: 'Linear (concedes steadily)' },
  { kind: 'conceder', label: 'Conceder (concedes early)', e: 2 },
  { kind: 'tit_for_tat', label: 'Tit for tat (mirrors the other side)' },
  { kind: 'pareto_seeker', label: 'Pareto seeker', e: 0.5 },
  { kind: 'model_aware', label: 'Model-aware (learns the other side\'s utility)', e: 0.5 },
] as const;

type Threshold = { kind: 'known'; value: number } | { kind: 'uniform'; min: number; max: number } | { kind: 'normal'; mean: number; sd: number };

interface IssueChoice { id: string; label: string; owner: string; on: boolean; grid: string }

interface Setup {
  issues: IssueChoice[];
  agents: Record<Party, string>;
  protocol: 'saop' | 'mediated';
  rounds: number;
  linked: boolean;
  thresholds: Record<Party, Threshold>;
  replications: number;
}

/** "25, 40, 60" (percent points) ↔ [0.25, 0.4, 0.6]. */
const toGrid = (s: string) => s.split(/[,\s]+/).filter(Boolean).map((x) => Math.round(Number(x) * 1e4) / 1e6);
const fromGrid = (g: number[]) => g.map((x) => String(Math.round(x * 1e8) / 1e6)).join(', ');

/** The issues of the template (the London file), each on, with its grid in percent. */
function templateIssues(text: string): IssueChoice[] {
  const js = parseDocument(text).toJS() as { negotiation?: { domain?: { issues?: { id: string; label?: string; owner: string; grid: number[] }[] } } };
  return (js.negotiation?.domain?.issues ?? []).map((i) => ({ id: i.id, label: i.label ?? i.id, owner: i.owner, on: true, grid: fromGrid(i.grid) }));
}

/**
 * The negotiation scenario of a setup: the template with the chosen issues and grids, one session of
 * the chosen agents, the protocol, deadline, thresholds and linkage; the template's calibration of
 * the leaders (deals they approved) is dropped, since it names the template's issues.
 */
export function buildScenario(template: string, s: Setup): string {
  const doc = parseDocument(template);
  const chosen = s.issues.filter((i) => i.on);
  const all = (doc.getIn(['negotiation', 'domain', 'issues']) as { toJSON(): { id: string }[] }).toJSON();
  const issues = all.filter((i) => chosen.some((c) => c.id === i.id)).map((i) => ({ ...i, grid: toGrid(chosen.find((c) => c.id === i.id)!.grid) }));
  doc.setIn(['name'], `Your negotiation: ${chosen.map((i) => i.id).join(', ')} (from the London 2025 state)`);
  doc.setIn(['negotiation', 'protocol'], s.protocol);
  doc.setIn(['negotiation', 'deadline', 'rounds'], s.rounds);
  doc.setIn(['negotiation', 'replications'], s.replications);
  doc.setIn(['negotiation', 'domain', 'issues'], doc.createNode(issues));
  doc.deleteIn(['negotiation', 'domain', 'calibration']);
  doc.setIn(['negotiation', 'domain', 'linkage'], doc.createNode({
    enabled: chosen.length > 1,
    linked: s.linked ? [chosen.map((i) => i.id)] : chosen.map((i) => [i.id]),
    separate: chosen.map((i) => [i.id]),
  }));
  const agent = (p: Party) => {
    const a = AGENTS.find((x) => x.kind === s.agents[p])!;
    return 'e' in a ? { kind: a.kind, e: a.e } : { kind: a.kind };
  };
  for (const p of PARTIES) {
    doc.setIn(['negotiation', 'parties', p, 'agent'], doc.createNode(agent(p)));
    doc.setIn(['negotiation', 'parties', p, 'leader', 'threshold'], doc.createNode(s.thresholds[p]));
  }
  const label = (p: Party) => AGENTS.find((x) => x.kind === s.agents[p])!.label.split(' (')[0];
  doc.setIn(['negotiation', 'sessions'], doc.createNode([{ label: `${label('USA')} (USA) vs ${label('CHN')} (CHN)`, agents: { USA: agent('USA'), CHN: agent('CHN') } }]));
  return doc.toString({ lineWidth: 0 });
}

function ThresholdInput({ party, value, onChange }: { party: Party; value: Threshold; onChange: (t: Threshold) => void }) {
  const num = (v: string) => Number(v) / 100;
  const show = (v: number) => String(Math.round(v * 1e6) / 1e4);
  return (
    <fieldset className="threshold">
      <legend>{party === 'USA' ? 'US' : 'Chinese'} leader's threshold (real-income gain, %)</legend>
      <label>
        Kind{' '}
        <select value={value.kind} onChange={(e) => {
          const k = e.target.value as Threshold['kind'];
          onChange(k === 'known' ? { kind: 'known', value: 0.005 } : k === 'uniform' ? { kind: 'uniform', min: 0, max: 0.01 } : { kind: 'normal', mean: 0.005, sd: 0.01 });
        }}>
          <option value="known">known</option><option value="uniform">uniform</option><option value="normal">normal</option>
        </select>
      </label>
      {value.kind === 'known' && <label>Value <input type="number" step="any" value={show(value.value)} onChange={(e) => onChange({ kind: 'known', value: num(e.target.value) })} /></label>}
      {value.kind === 'uniform' && (
        <>
          <label>Min <input type="number" step="any" value={show(value.min)} onChange={(e) => onChange({ ...value, min: num(e.target.value) })} /></label>
          <label>Max <input type="number" step="any" value={show(value.max)} onChange={(e) => onChange({ ...value, max: num(e.target.value) })} /></label>
        </>
      )}
      {value.kind === 'normal' && (
        <>
          <label>Mean <input type="number" step="any" value={show(value.mean)} onChange={(e) => onChange({ ...value, mean: num(e.target.value) })} /></label>
          <label>Std. dev. <input type="number" step="any" min={0} value={show(value.sd)} onChange={(e) => onChange({ ...value, sd: num(e.target.value) })} /></label>
        </>
      )}
    </fieldset>
  );
}

export function NegotiationBuilder() {
  const [template, setTemplate] = useState<string | null>(null);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [check, setCheck] = useState<{ ok: boolean; text: string } | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<Run<TradeNegotiationRun> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.embedded().then((all) => {
      const t = all.find((s) => s.id === TEMPLATE_ID);
      if (!t) return setError(`Expected the embedded scenario ${TEMPLATE_ID}, found none`);
      setTemplate(t.text);
      setSetup({
        issues: templateIssues(t.text), agents: { USA: 'boulware', CHN: 'conceder' }, protocol: 'saop', rounds: 15, linked: true, replications: 20,
        thresholds: { USA: { kind: 'normal', mean: 0.005, sd: 0.01 }, CHN: { kind: 'normal', mean: 0.005, sd: 0.01 } },
      });
    }, (e: Error) => setError(e.message));
  }, []);

  const text = useMemo(() => (template && setup ? buildScenario(template, setup) : ''), [template, setup]);
  const chosen = setup?.issues.filter((i) => i.on).length ?? 0;

  // The server checks the scenario as a negotiation (the same check a run gets), 400 ms after the last change.
  useEffect(() => {
    if (!text) return;
    setCheck(null);
    const ctl = new AbortController();
    const t = setTimeout(() => {
      api.validate(text, ctl.signal).then(
        (v) => setCheck(v.kind === 'negotiation' ? { ok: true, text: `✓ A valid negotiation on ${v.model} / ${v.dataset}.` } : { ok: false, text: `✗ Checked as a ${v.kind}, not a negotiation.` }),
        (e) => { if (!ctl.signal.aborted) setCheck({ ok: false, text: `✗ ${e instanceof ApiFailure && e.issues.length ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (e as Error).message}` }); },
      );
    }, 400);
    return () => { clearTimeout(t); ctl.abort(); };
  }, [text]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!setup) return <p>Loading the London 2025 levers…</p>;
  const set = (f: (s: Setup) => Setup) => setSetup((s) => (s ? f(s) : s));

  const start = async () => {
    setRunning(true); setError(null); setRun(null); setProgress(null);
    try {
      const id = await api.submit('negotiation', text);
      const r = await waitForRun<TradeNegotiationRun>(id, setProgress);
      if (r.status !== 'done') throw new Error(r.error ?? `the run ${r.status}`);
      setRun(r);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="builder" data-testid="negotiation-builder">
      <p className="lede">
        Set up talks of your own between the US and Chinese delegations, from the state of 9 June 2025 (London). Each issue is a lever of the
        multisector model; every deal on the grid is solved by the model, and each side's utility is its government's real income.
      </p>
      <form onSubmit={(e) => { e.preventDefault(); void start(); }}>
        <fieldset>
          <legend>Issues on the table, and the options of each (percent: approvals as shares of licences granted, tariffs as points added)</legend>
          {setup.issues.map((i, k) => (
            <div key={i.id} className="issue-row">
              <label><input type="checkbox" checked={i.on} onChange={(e) => set((s) => ({ ...s, issues: s.issues.map((x, j) => (j === k ? { ...x, on: e.target.checked } : x)) }))} /> <strong>{i.id}</strong> ({i.owner}): {i.label}</label>
              <label>Options <input aria-label={`Options of ${i.id}, percent`} value={i.grid} disabled={!i.on} onChange={(e) => set((s) => ({ ...s, issues: s.issues.map((x, j) => (j === k ? { ...x, grid: e.target.value } : x)) }))} /></label>
            </div>
          ))}
          <label><input type="checkbox" checked={setup.linked} onChange={(e) => set((s) => ({ ...s, linked: e.target.checked }))} /> Link the issues (one package, trade-offs across issues) — else each issue is negotiated on its own</label>
        </fieldset>
        <fieldset>
          <legend>Agents and protocol</legend>
          {PARTIES.map((p) => (
            <label key={p}>
              {p} delegation{' '}
              <select value={setup.agents[p]} onChange={(e) => set((s) => ({ ...s, agents: { ...s.agents, [p]: e.target.value } }))}>
                {AGENTS.map((a) => <option key={a.kind} value={a.kind}>{a.label}</option>)}
              </select>
            </label>
          ))}
          <label>
            Protocol{' '}
            <select value={setup.protocol} onChange={(e) => set((s) => ({ ...s, protocol: e.target.value as Setup['protocol'] }))}>
              <option value="saop">alternating offers (SAOP)</option>
              <option value="mediated">mediated single text</option>
            </select>
          </label>
          <label>Deadline (rounds) <input type="number" min={1} max={200} value={setup.rounds} onChange={(e) => set((s) => ({ ...s, rounds: Math.max(1, Math.round(Number(e.target.value) || 1)) }))} /></label>
          <label>Replications (seeds) <input type="number" min={1} max={500} value={setup.replications} onChange={(e) => set((s) => ({ ...s, replications: Math.max(1, Math.round(Number(e.target.value) || 1)) }))} /></label>
        </fieldset>
        <div className="thresholds">
          {PARTIES.map((p) => <ThresholdInput key={p} party={p} value={setup.thresholds[p]} onChange={(t) => set((s) => ({ ...s, thresholds: { ...s.thresholds, [p]: t } }))} />)}
        </div>
        <p role="status" aria-live="polite" data-testid="builder-check" className={check?.ok === false ? 'error' : undefined}>{check ? check.text : 'Checking…'}</p>
        <button type="submit" className="primary" disabled={running || !check?.ok || chosen === 0} data-testid="builder-run">{running ? 'Running…' : 'Run the negotiation'}</button>
      </form>
      <details>
        <summary>The scenario this builds (YAML)</summary>
        <pre className="yaml-preview" data-testid="builder-yaml" tabIndex={0}>{text}</pre>
        <button type="button" onClick={() => { sessionStorage.setItem('lancaster.editor', text); location.hash = '#/editor'; }}>Open it in the scenario editor</button>
      </details>
      {running && <RunStatus label="Solving every deal with the model, then negotiating" progress={progress} />}
      {run && <OfferReplay run={run} />}
    </div>
  );
}

/** Plays the first session's offers in, round by round (from the run's log), then shows the whole result. */
function OfferReplay({ run }: { run: Run<TradeNegotiationRun> }) {
  const log = run.result!.sessions[0]?.baskets.flatMap((b) => b.log) ?? [];
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown >= log.length) return;
    const t = setTimeout(() => setShown((k) => k + 1), 120);
    return () => clearTimeout(t);
  }, [shown, log.length]);
  const parties = run.result!.parties;
  return (
    <>
      <ol className="offer-stream" aria-label="Offers as they were made" data-testid="offer-stream" tabIndex={0}>
        {log.slice(0, shown).map((e, k) => (
          <li key={k}>
            Round {e.round}: {e.proposer === 'mediator' ? 'the mediator' : parties[e.proposer]} {e.action}s
            {e.bid ? ` ${Object.entries(e.bid).map(([i, v]) => `${i} ${Math.round(Number(v) * 1000) / 10}%`).join(', ')}` : ''}
            {e.utilities ? ` — worth ${e.utilities[0].toFixed(3)} to ${parties[0]}, ${e.utilities[1].toFixed(3)} to ${parties[1]}` : ''}
          </li>
        ))}
      </ol>
      {shown >= log.length && <NegotiationResult run={run} />}
    </>
  );
}
