/** The run's assumptions (issues, current state, model, governments, leaders, agents, trust) and the data sources. */
import type { DealMap, TradeNegotiationRun } from '../../api.ts';
import { SourceList } from '../../components/Provenance.tsx';
import type { useDataset } from '../../data.tsx';
import type { ScenarioFacts } from '../../negotiation.ts';
import { Governments } from './Governments.tsx';
import { IssuesAssumed } from './IssuesAssumed.tsx';
import { TrustPath } from './TrustPath.tsx';

export function Assumptions({
  r,
  facts,
  map,
  leaders,
  dataset,
}: {
  r: TradeNegotiationRun;
  facts: ScenarioFacts;
  map: DealMap;
  leaders: string[];
  dataset: ReturnType<typeof useDataset>;
}) {
  return (
    <section className="panel" aria-labelledby="assume-h">
      <h2 id="assume-h">Assumptions and sources</h2>
      <div className="assume-grid">
        <div>
          <IssuesAssumed r={r} options={facts.options} />
        </div>
        <div>
          <Governments r={r} facts={facts} map={map} leaders={leaders} />
          {r.trust && <TrustPath r={r} trust={r.trust} facts={facts} />}
        </div>
      </div>
      {facts.header.length > 0 && (
        <details className="provenance" open>
          <summary>Notes in the scenario file (scenarios/negotiation/london-2025.yaml)</summary>
          <p>{facts.header.join(' ')}</p>
        </details>
      )}
      <h3>Data sources</h3>
      {dataset ? (
        <>
          <p className="muted small">
            {dataset.name} (v{dataset.version}): {dataset.description}
          </p>
          <SourceList dataset={dataset} />
        </>
      ) : (
        <p className="muted">loading…</p>
      )}
      <p className="muted small">
        Every number of this page is explained in docs/london-2025.md;{' '}
        <code>lancaster negotiate scenarios/negotiation/london-2025.yaml --json</code> reproduces the run.
      </p>
    </section>
  );
}
