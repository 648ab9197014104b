/** The full provenance of a dataset: every source with citation, repository, commit, path and licence. */
import type { DatasetInfo } from '../api.ts';

export function SourceList({ dataset }: { dataset: DatasetInfo }) {
  return (
    <ol className="sources">
      {dataset.provenance.sources.map((s) => (
        <li key={s.name}>
          <strong>{s.name}</strong>
          {s.citation && <span className="citation">{s.citation}</span>}
          <span className="meta">
            {s.repository && <>repository <code>{s.repository}</code></>}
            {s.commit && <> @ <code>{s.commit.slice(0, 10)}</code></>}
            {s.path && <>, <code>{s.path}</code></>}
            {s.url && <> <a href={s.url}>{s.url}</a></>}
            {' '}· licence: {s.licence}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** A collapsible "Sources" block under a chart or a table. */
export function Provenance({ dataset, model, runId }: { dataset?: DatasetInfo; model?: string | null; runId?: string }) {
  if (!dataset) return null;
  return (
    <details className="provenance">
      <summary>Sources and provenance: {dataset.name} (v{dataset.version}){model ? `, model ${model}` : ''}{runId ? `, run ${runId.slice(0, 8)}` : ''}</summary>
      <p>{dataset.description}</p>
      <SourceList dataset={dataset} />
    </details>
  );
}
