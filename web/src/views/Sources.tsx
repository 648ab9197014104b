/** The embedded datasets: what they cover and where every number comes from (provenance). */
import { useDatasets } from '../data.tsx';
import { SourceList } from '../components/Provenance.tsx';

export function Sources() {
  const { datasets, error } = useDatasets();
  return (
    <div className="sources-view">
      <header className="view-head">
        <h1>Data &amp; sources</h1>
        <p className="lede">
          Every number on these pages comes from a model solved on one of these datasets. Each lists its sources with
          citation, repository, commit, path and licence.
        </p>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {datasets.map((d) => (
        <section key={d.id} className="panel" aria-labelledby={`ds-${d.id}`}>
          <h2 id={`ds-${d.id}`}>{d.name}</h2>
          <p className="run-meta">
            <code>{d.id}</code> v{d.version} · base year {d.base_year} · {d.regions.length} regions × {d.sectors.length}{' '}
            sectors
          </p>
          <p>{d.description}</p>
          <details>
            <summary>Regions ({d.regions.length})</summary>
            <p className="region-list">{d.regions.map((r) => `${r.code} ${r.name}`).join(' · ')}</p>
            {Object.keys(d.groups).length > 0 && (
              <p>
                Groups:{' '}
                {Object.entries(d.groups)
                  .map(([g, m]) => `${g} = ${m.join(', ')}`)
                  .join('; ')}
              </p>
            )}
          </details>
          <h3>Sources</h3>
          <SourceList dataset={d} />
        </section>
      ))}
    </div>
  );
}
