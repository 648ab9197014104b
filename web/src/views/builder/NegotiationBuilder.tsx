/**
 * The negotiation builder (#/negotiation?case=build): a user sets up talks of their own between
 * any two delegations of the dataset's regions and groups, with the security weights of their
 * objectives, on the levers of the trade model — tariffs on any pair and sectors of the dataset, export controls
 * (rare-earth licence approvals, chip controls, or any other), with a note on why purchase
 * commitments are not a lever — and the agreements they fall into, the start date, agents, deadline,
 * leaders' thresholds and trust. It writes the negotiation file (setup.ts), has the server check it
 * as a negotiation, runs it, and shows the offers as the server reports them, then the result.
 */
import { useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import type { DatasetInfo } from '../../api.ts';
import { RunStatus } from '../../components/RunStatus.tsx';
import { useDataset } from '../../data.tsx';
import { NegotiationResult } from '../results/NegotiationResult.tsx';
import { FileActions } from './FileActions.tsx';
import type { KnownDelegation } from './delegations.ts';
import { type Check, useNegotiationRun, useServerCheck, useTemplate } from './hooks.ts';
import { IssueList } from './IssueList.tsx';
import { DelegationsInput } from './Delegations.tsx';
import { OfferWatch } from './OfferWatch.tsx';
import { SessionInput } from './Sessions.tsx';
import { buildScenario, draftProblems, isUsChina, londonSetup, type Setup, withParty } from './setup.ts';
import { TrustInput } from './Trust.tsx';
import './builder.css';

export function NegotiationBuilder() {
  const template = useTemplate();
  const [setup, setSetup] = useState<Setup>(londonSetup);
  /** Issues of the file last run that change the current state (their offers carry a sign). */
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  /** The delegations of the file last run (its offers name them). */
  const [ran, setRan] = useState<readonly [string, string]>(['USA', 'CHN']);
  /** Whether a delegation of the file last run has security weights (its utilities are then not real income alone). */
  const [weighted, setWeighted] = useState(false);
  const talks = useNegotiationRun();
  const dataset = useDataset(template.facts?.dataset);
  const names = useMemo(
    () => Object.fromEntries((dataset?.regions ?? []).map((r) => [r.code, r.name])) as Record<string, string>,
    [dataset],
  );
  const problems = useMemo(() => draftProblems(setup), [setup]);
  const text = useMemo(
    () => (template.text ? buildScenario(template.text, setup, names) : ''),
    [template.text, setup, names],
  );
  const check = useServerCheck(text, problems);

  if (template.error) {
    return (
      <p className="error" role="alert">
        {template.error}
      </p>
    );
  }
  if (!template.facts || !dataset) return <p>Loading the levers of the model…</p>;
  const { known } = template.facts;
  const codes = setup.parties.map((d) => d.code) as [string, string];
  const start = () => {
    setRan(codes);
    setWeighted(setup.parties.some((d) => d.security.length > 0));
    setAdded(new Set(setup.issues.filter((i) => i.mode === 'add').map((i) => i.id)));
    void talks.start(text);
  };

  return (
    <div className="builder" data-testid="negotiation-builder">
      <p className="lede">
        Set up talks of your own between two delegations: any of the dataset’s {dataset.regions.length} regions, or a
        group of them such as the EU. Each issue is a lever of the multisector model on {dataset.name}: a tariff or an
        export control on any flows of its regions and {dataset.sectors.length} sectors; every deal on the grid of
        options is solved by the model, and each side’s utility is its government’s real income, plus any security
        weights you give it.
      </p>
      <SetupForm
        setup={setup}
        setSetup={setSetup}
        dataset={dataset}
        known={known}
        check={check}
        running={talks.running}
        onStart={start}
      />
      <FileActions text={text} />
      {talks.error && (
        <p className="error" role="alert">
          {talks.error}
        </p>
      )}
      {talks.running && (
        <RunStatus label="Solving every deal with the model, then negotiating" progress={talks.progress} />
      )}
      {talks.running && talks.offers.length === 0 && (
        <p className="muted small">
          The offers appear here as the sessions make them, once every deal has been solved: the delegations bargain
          over the model’s solved deals.
        </p>
      )}
      {talks.offers.length > 0 && (
        <OfferWatch offers={talks.offers} streamed={talks.streamed} parties={ran} added={added} weighted={weighted} />
      )}
      {talks.run && <NegotiationResult run={talks.run} />}
    </div>
  );
}

/** The form of the talks: delegations, issues, sessions and trust, the server's check, and the run button. */
function SetupForm({
  setup,
  setSetup,
  dataset,
  known,
  check,
  running,
  onStart,
}: {
  setup: Setup;
  setSetup: Dispatch<SetStateAction<Setup>>;
  dataset: DatasetInfo;
  known: Record<string, KnownDelegation>;
  check: Check | null;
  running: boolean;
  onStart: () => void;
}) {
  const codes = setup.parties.map((d) => d.code) as [string, string];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onStart();
      }}
    >
      <DelegationsInput
        parties={setup.parties}
        dataset={dataset}
        known={known}
        onCode={(i, code) => setSetup((s) => withParty(s, i, code))}
        onChange={(i, d) => setSetup((s) => ({ ...s, parties: i === 0 ? [d, s.parties[1]] : [s.parties[0], d] }))}
      />
      <IssueList
        issues={setup.issues}
        dataset={dataset}
        parties={codes}
        onChange={(f) => setSetup((s) => ({ ...s, issues: f(s.issues) }))}
      />
      <SessionInput setup={setup} set={setSetup} />
      <TrustInput
        value={setup.trust}
        parties={setup.parties}
        usChina={isUsChina(setup)}
        onChange={(t) => setSetup((s) => ({ ...s, trust: t }))}
        onPartyTrust={(i, v) =>
          setSetup((s) => ({
            ...s,
            parties: s.parties.map((d, j) => (j === i ? { ...d, trust: v } : d)) as Setup['parties'],
          }))
        }
      />
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
  );
}
