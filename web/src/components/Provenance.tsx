/** The full provenance of a dataset: every source with citation, repository, commit, path and licence. */
import type { DatasetInfo } from '../api.ts';

/** The web address of a source's repository ("github.com/owner/name …" or a URL), or null. */
export function repositoryUrl(repository: string | undefined): string | null {
  const first = repository?.trim().split(/\s+/)[0] ?? '';
  if (/^https?:\/\//.test(first)) return first;
  if (/^github\.com\/[\w.-]+\/[\w.-]+$/.test(first)) return `https://${first}`;
  return null;
}

export function SourceList({ dataset }: { dataset: DatasetInfo }) {
  return (
    <ol className="sources">
      {dataset.provenance.sources.map((s) => {
        const repo = repositoryUrl(s.repository);
        const gh = repo?.startsWith('https://github.com/') ? repo : null;
        const single = s.path && !/[\s,]/.test(s.path) ? s.path : null;
        return (
          <li key={s.name}>
            <strong>{s.url ? <a href={s.url}>{s.name}</a> : s.name}</strong>
            {s.citation && <span className="citation">{s.citation}</span>}
            <span className="meta">
              {s.repository && (
                <>
                  repository{' '}
                  {repo ? (
                    <a href={repo}>
                      <code>{s.repository}</code>
                    </a>
                  ) : (
                    <code>{s.repository}</code>
                  )}
                </>
              )}
              {s.commit && (
                <>
                  {' '}
                  @{' '}
                  {gh ? (
                    <a href={`${gh}/tree/${s.commit}`}>
                      <code>{s.commit.slice(0, 10)}</code>
                    </a>
                  ) : (
                    <code>{s.commit.slice(0, 10)}</code>
                  )}
                </>
              )}
              {s.path && (
                <>
                  ,{' '}
                  {gh && s.commit && single ? (
                    <a href={`${gh}/blob/${s.commit}/${single}`}>
                      <code>{s.path}</code>
                    </a>
                  ) : (
                    <code>{s.path}</code>
                  )}
                </>
              )}
              {s.url && (
                <>
                  {' '}
                  <a href={s.url}>{s.url}</a>
                </>
              )}{' '}
              · licence: {s.licence}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** A collapsible "Sources" block under a chart or a table. */
export function Provenance({
  dataset,
  model,
  runId,
}: {
  dataset?: DatasetInfo;
  model?: string | null;
  runId?: string;
}) {
  if (!dataset) return null;
  return (
    <details className="provenance">
      <summary>
        Sources and provenance: {dataset.name} (v{dataset.version}){model ? `, model ${model}` : ''}
        {runId ? `, run ${runId.slice(0, 8)}` : ''}
      </summary>
      <p>{dataset.description}</p>
      <SourceList dataset={dataset} />
    </details>
  );
}
