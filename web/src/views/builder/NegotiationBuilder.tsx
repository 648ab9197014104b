/**
 * The negotiation builder (#/negotiation?case=build): a user sets up talks of their own on the
 * levers of the trade model — tariffs on any pair and sectors of the dataset, export controls
 * (rare-earth licence approvals, chip controls, or any other), with a note on why purchase
 * commitments are not a lever — and the agreements they fall into, the start date, agents, deadline,
 * leaders' thresholds and trust. It writes the negotiation file (setup.ts), has the server check it
 * as a negotiation, runs it, and shows the offers as the server reports them, then the result.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { parse } from 'yaml';
import type { OfferEvent } from '../../../../src/contract/run.ts';
import { ApiFailure, api, type Progress, type Run, type TradeNegotiationRun, waitForRun } from '../../api.ts';
import { RunStatus } from '../../components/RunStatus.tsx';
import { useDataset } from '../../data.tsx';
import { NegotiationResult } from '../results/NegotiationResult.tsx';
import { IssueEditor } from './IssueEditor.tsx';
import { ThresholdInput } from './Leaders.tsx';
import { OfferWatch } from './OfferWatch.tsx';
import {
  AGENTS,
  type AgentKind,
  buildScenario,
  draftProblems,
  londonSetup,
  newIssue,
  PARTIES,
  type PRESETS,
  PURCHASE_NOTE,
  type Setup,
} from './setup.ts';
import { TrustInput } from './Trust.tsx';
import './builder.css';

const TEMPLATE_ID = 'negotiation/london-2025';

const ADD: { preset: keyof typeof PRESETS; label: string }[] = [
  { preset: 'ree', label: 'Rare-earth licence approvals (China → every destination, REE)' },
  { preset: 'chips', label: 'Chip export controls (TWN and USA → China, SEMI)' },
  { preset: 'us_tariff', label: 'US tariff on Chinese goods' },
  { preset: 'cn_tariff', label: 'China’s tariff on US goods' },
  { preset: 'tariff', label: 'Another tariff (any importer, exporter and sectors)' },
  { preset: 'control', label: 'Another export control (any origin, destination and sectors)' },
];

/** The server's answer on the built file, or the builder's own problems before it. */
type Check = { ok: boolean; text: string };

function useServerCheck(text: string, problems: string[]): Check | null {
  const [check, setCheck] = useState<Check | null>(null);
  useEffect(() => {
    if (problems.length) return setCheck({ ok: false, text: `✗ ${problems.join(' ')}` });
    if (!text) return;
    setCheck(null);
    const ctl = new AbortController();
    const t = setTimeout(() => {
      api.validate(text, ctl.signal).then(
        (v) =>
          setCheck(
            v.kind === 'negotiation'
              ? { ok: true, text: `✓ A valid negotiation on ${v.model} / ${v.dataset}.` }
              : { ok: false, text: `✗ Checked as a ${v.kind}, not a negotiation.` },
          ),
        (e) => {
          if (ctl.signal.aborted) return;
          const issues =
            e instanceof ApiFailure && e.issues.length
              ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
              : (e as Error).message;
          setCheck({ ok: false, text: `✗ ${issues}` });
        },
      );
    }, 400);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [text, problems.join('\n')]);
  return check;
}

function saveFile(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'my-negotiation.yaml';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function NegotiationBuilder() {
  const [template, setTemplate] = useState<string | null>(null);
  const [setup, setSetup] = useState<Setup>(londonSetup);
  const [adding, setAdding] = useState<keyof typeof PRESETS>('ree');
  const nextKey = useRef(100);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [offers, setOffers] = useState<OfferEvent[]>([]);
  /** Issues of the running file that change the current state (their offers carry a sign). */
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<Run<TradeNegotiationRun> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.embedded().then(
      (all) => {
        const t = all.find((s) => s.id === TEMPLATE_ID);
        if (!t) return setError(`Expected the embedded scenario ${TEMPLATE_ID}, found none`);
        setTemplate(t.text);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  const facts = useMemo(() => {
    if (!template) return null;
    const t = parse(template) as {
      dataset: string;
      negotiation: { parties: Record<string, { leader: { name: string } }> };
    };
    return {
      dataset: t.dataset,
      leaders: Object.fromEntries(PARTIES.map((p) => [p, t.negotiation.parties[p].leader.name])) as Record<
        (typeof PARTIES)[number],
        string
      >,
    };
  }, [template]);
  const dataset = useDataset(facts?.dataset);
  const problems = useMemo(() => draftProblems(setup), [setup]);
  const text = useMemo(() => (template ? buildScenario(template, setup) : ''), [template, setup]);
  const check = useServerCheck(text, problems);

  if (error && !running && !run)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!template || !facts || !dataset) return <p>Loading the levers of the model…</p>;
  const set = (f: (s: Setup) => Setup) => setSetup(f);
  const add = (preset: keyof typeof PRESETS) =>
    set((s) => ({
      ...s,
      issues: [
        ...s.issues,
        {
          ...newIssue(preset, s.issues, nextKey.current++),
          agreement: Math.max(0, ...s.issues.map((i) => i.agreement)) + 1,
        },
      ],
    }));
  const agreements = [...new Set(setup.issues.map((i) => i.agreement))].sort((a, b) => a - b);

  const start = async () => {
    setRunning(true);
    setError(null);
    setRun(null);
    setProgress(null);
    setOffers([]);
    setAdded(new Set(setup.issues.filter((i) => i.mode === 'add').map((i) => i.id)));
    try {
      const id = await api.submit('negotiation', text);
      const r = await waitForRun<TradeNegotiationRun>(id, (p) => {
        setProgress(p);
        const o = p.offer;
        if (o) setOffers((list) => [...list, o]);
      });
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
        Set up talks of your own between the US and Chinese delegations. Each issue is a lever of the multisector model
        on {dataset.name}: a tariff or an export control on any flows of its {dataset.regions.length} regions and{' '}
        {dataset.sectors.length} sectors; every deal on the grid of options is solved by the model, and each side’s
        utility is its government’s real income.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <fieldset className="issues">
          <legend>Issues on the table ({setup.issues.length})</legend>
          {setup.issues.map((i, k) => (
            <IssueEditor
              key={i.key}
              issue={i}
              dataset={dataset}
              agreements={agreements}
              onChange={(x) => set((s) => ({ ...s, issues: s.issues.map((y, j) => (j === k ? x : y)) }))}
              onRemove={() => set((s) => ({ ...s, issues: s.issues.filter((_, j) => j !== k) }))}
            />
          ))}
          <div className="add-issue">
            <label>
              Add a lever{' '}
              <select value={adding} onChange={(e) => setAdding(e.target.value as keyof typeof PRESETS)}>
                {ADD.map((a) => (
                  <option key={a.preset} value={a.preset}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="button" onClick={() => add(adding)}>
              Add
            </button>
          </div>
          <aside className="note purchase" aria-labelledby="purchase-h" data-testid="purchase-note">
            <h3 id="purchase-h">Purchase commitments</h3>
            <p>{PURCHASE_NOTE}</p>
            <button type="button" onClick={() => add('farm')}>
              Add the stand-in: China’s tariff on US farm goods
            </button>
          </aside>
          <p className="muted small">
            Agreements: issues with the same number are bargained together and ratified as one agreement (linked); the
            run also plays every issue on its own (separate) and reports what each partition lets both leaders ratify.
          </p>
        </fieldset>
        <fieldset>
          <legend>Start, protocol and agents</legend>
          <label>
            Start from the 2025 state on{' '}
            <input
              type="date"
              min="2025-01-01"
              max="2025-12-31"
              value={setup.date}
              onChange={(e) => set((s) => ({ ...s, date: e.target.value }))}
            />
          </label>
          <p className="muted small hint">
            Protocol: alternating offers (SAOP), one per agreement. The mediated single-text protocol is not offered:
            trade negotiations run alternating offers only, and the server refuses a mediated one.
          </p>
          {PARTIES.map((p) => {
            const a = setup.agents[p];
            const known = AGENTS.find((x) => x.kind === a.kind)!;
            return (
              <span key={p} className="agent">
                <label>
                  {p} delegation{' '}
                  <select
                    value={a.kind}
                    onChange={(e) =>
                      set((s) => ({ ...s, agents: { ...s.agents, [p]: { kind: e.target.value as AgentKind } } }))
                    }
                  >
                    {AGENTS.map((x) => (
                      <option key={x.kind} value={x.kind}>
                        {x.label}
                      </option>
                    ))}
                  </select>
                </label>
                {'e' in known && (
                  <label>
                    {p} concession exponent e{' '}
                    <input
                      type="number"
                      step="any"
                      min={0.01}
                      value={a.e ?? known.e}
                      onChange={(e) =>
                        set((s) => ({ ...s, agents: { ...s.agents, [p]: { ...a, e: Number(e.target.value) } } }))
                      }
                    />
                  </label>
                )}
              </span>
            );
          })}
          <label>
            Deadline (rounds){' '}
            <input
              type="number"
              min={1}
              max={200}
              value={setup.rounds}
              onChange={(e) => set((s) => ({ ...s, rounds: Math.max(1, Math.round(Number(e.target.value) || 1)) }))}
            />
          </label>
          <label>
            Replications (seeds){' '}
            <input
              type="number"
              min={1}
              max={500}
              value={setup.replications}
              onChange={(e) =>
                set((s) => ({ ...s, replications: Math.max(1, Math.round(Number(e.target.value) || 1)) }))
              }
            />
          </label>
          <label>
            First seed{' '}
            <input
              type="number"
              step={1}
              value={setup.seed}
              onChange={(e) => set((s) => ({ ...s, seed: Math.round(Number(e.target.value) || 0) }))}
            />
          </label>
        </fieldset>
        <div className="thresholds">
          {PARTIES.map((p) => (
            <ThresholdInput
              key={p}
              party={p}
              leader={facts.leaders[p]}
              value={setup.thresholds[p]}
              onChange={(t) => set((s) => ({ ...s, thresholds: { ...s.thresholds, [p]: t } }))}
            />
          ))}
        </div>
        <TrustInput value={setup.trust} onChange={(t) => set((s) => ({ ...s, trust: t }))} />
        <p
          role="status"
          aria-live="polite"
          data-testid="builder-check"
          className={check?.ok === false ? 'error' : undefined}
        >
          {check ? check.text : 'Checking…'}
        </p>
        <button type="submit" className="primary" disabled={running || !check?.ok} data-testid="builder-run">
          {running ? 'Running…' : 'Run the negotiation'}
        </button>
      </form>
      <details>
        <summary>The negotiation file this builds (YAML)</summary>
        <pre className="yaml-preview" data-testid="builder-yaml" tabIndex={0}>
          {text}
        </pre>
        <button type="button" onClick={() => saveFile(text)}>
          Save the file (my-negotiation.yaml)
        </button>{' '}
        <button
          type="button"
          onClick={() => {
            sessionStorage.setItem('lancaster.editor', text);
            location.hash = '#/editor';
          }}
        >
          Open it in the scenario editor
        </button>
        <p className="muted small">
          <code>lancaster validate my-negotiation.yaml</code> checks it and{' '}
          <code>lancaster negotiate my-negotiation.yaml</code> runs it, as this page does.
        </p>
      </details>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {running && <RunStatus label="Solving every deal with the model, then negotiating" progress={progress} />}
      {running && offers.length === 0 && (
        <p className="muted small">
          The offers appear here as the sessions make them, once every deal has been solved: the delegations bargain
          over the model’s solved deals.
        </p>
      )}
      {offers.length > 0 && <OfferWatch offers={offers} parties={PARTIES} added={added} />}
      {run && <NegotiationResult run={run} />}
    </div>
  );
}
