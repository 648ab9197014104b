/**
 * The negotiation builder (#/negotiation?case=build): a user sets up talks of their own on the
 * levers of the trade model — tariffs on any pair and sectors of the dataset, export controls
 * (rare-earth licence approvals, chip controls, or any other), with a note on why purchase
 * commitments are not a lever — and the agreements they fall into, the start date, agents, deadline,
 * leaders' thresholds and trust. It writes the negotiation file (setup.ts), has the server check it
 * as a negotiation, runs it, and shows the offers as the server reports them, then the result.
 */
import { useMemo, useState } from 'react';
import { RunStatus } from '../../components/RunStatus.tsx';
import { useDataset } from '../../data.tsx';
import { NegotiationResult } from '../results/NegotiationResult.tsx';
import { FileActions } from './FileActions.tsx';
import { useNegotiationRun, useServerCheck, useTemplate } from './hooks.ts';
import { IssueList } from './IssueList.tsx';
import { ThresholdInput } from './Leaders.tsx';
import { OfferWatch } from './OfferWatch.tsx';
import { SessionInput } from './Sessions.tsx';
import { buildScenario, draftProblems, londonSetup, PARTIES, type Setup } from './setup.ts';
import { TrustInput } from './Trust.tsx';
import './builder.css';

export function NegotiationBuilder() {
  const template = useTemplate();
  const [setup, setSetup] = useState<Setup>(londonSetup);
  /** Issues of the file last run that change the current state (their offers carry a sign). */
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const talks = useNegotiationRun();
  const dataset = useDataset(template.facts?.dataset);
  const problems = useMemo(() => draftProblems(setup), [setup]);
  const text = useMemo(() => (template.text ? buildScenario(template.text, setup) : ''), [template.text, setup]);
  const check = useServerCheck(text, problems);

  if (template.error) {
    return (
      <p className="error" role="alert">
        {template.error}
      </p>
    );
  }
  if (!template.facts || !dataset) return <p>Loading the levers of the model…</p>;
  const { leaders } = template.facts;
  const start = () => {
    setAdded(new Set(setup.issues.filter((i) => i.mode === 'add').map((i) => i.id)));
    void talks.start(text);
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
          start();
        }}
      >
        <IssueList
          issues={setup.issues}
          dataset={dataset}
          onChange={(f) => setSetup((s) => ({ ...s, issues: f(s.issues) }))}
        />
        <SessionInput setup={setup} set={setSetup} />
        <div className="thresholds">
          {PARTIES.map((p) => (
            <ThresholdInput
              key={p}
              party={p}
              leader={leaders[p]}
              value={setup.thresholds[p]}
              onChange={(t) => setSetup((s) => ({ ...s, thresholds: { ...s.thresholds, [p]: t } }))}
            />
          ))}
        </div>
        <TrustInput value={setup.trust} onChange={(t) => setSetup((s) => ({ ...s, trust: t }))} />
        <p
          role="status"
          aria-live="polite"
          data-testid="builder-check"
          className={check?.ok === false ? 'error' : undefined}
        >
          {check ? check.text : 'Checking…'}
        </p>
        <button type="submit" className="primary" disabled={talks.running || !check?.ok} data-testid="builder-run">
          {talks.running ? 'Running…' : 'Run the negotiation'}
        </button>
      </form>
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
      {talks.offers.length > 0 && <OfferWatch offers={talks.offers} parties={PARTIES} added={added} />}
      {talks.run && <NegotiationResult run={talks.run} />}
    </div>
  );
}
