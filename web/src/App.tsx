/**
 * The shell: header with the navigation (hash routes, so the static server needs no rewrites),
 * a skip link, the current view, and the footer. Views: the 2025 story (landing), the scenario
 * editor, the comparison of runs, the negotiation analysis, the stored runs, and the data sources.
 */
import { useEffect, type ReactNode } from 'react';
import { routeOf, useHash } from './hash.ts';
import { DataProvider } from './data.tsx';
import { Story } from './views/Story.tsx';
import { Editor } from './views/Editor.tsx';
import { Compare } from './views/Compare.tsx';
import { Negotiate } from './views/Negotiate.tsx';
import { Sources } from './views/Sources.tsx';
import { Runs } from './views/Runs.tsx';

const ROUTES: { path: string; label: string; view: () => ReactNode }[] = [
  { path: '', label: '2025 story', view: () => <Story /> },
  { path: 'editor', label: 'Scenario editor', view: () => <Editor /> },
  { path: 'compare', label: 'Compare runs', view: () => <Compare /> },
  { path: 'negotiation', label: 'Negotiation', view: () => <Negotiate /> },
  { path: 'runs', label: 'Runs', view: () => <Runs /> },
  { path: 'sources', label: 'Data & sources', view: () => <Sources /> },
];

export function App() {
  const hash = useHash();
  const path = routeOf(hash);
  const route = ROUTES.find((r) => r.path === path) ?? ROUTES[0];
  useEffect(() => {
    document.title = `${route.label} — Lancaster`;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route]);
  return (
    <DataProvider>
      {/* A button, not a link: #main would be read as a route by the hash router. */}
      <button type="button" className="skip" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <header className="site">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            L
          </span>
          <span>
            <strong>Lancaster</strong>
            <small>trade wars and trade talks, simulated</small>
          </span>
        </div>
        <nav aria-label="Views">
          <ul>
            {ROUTES.map((r) => (
              <li key={r.path}>
                <a href={`#/${r.path}`} aria-current={r === route ? 'page' : undefined}>
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {route.view()}
      </main>
      <footer className="site">
        <p>
          Lancaster simulates tariffs and export controls with general-equilibrium trade models on real data (Caliendo
          &amp; Parro 2015; Ignatenko, Macedoni, Lashkaripour &amp; Simonovska 2025; WIOD 2013). Every chart names its
          model, dataset and sources; see <a href="#/sources">Data &amp; sources</a>. API:{' '}
          <a href="api/openapi.json">OpenAPI</a>.
        </p>
      </footer>
    </DataProvider>
  );
}
