/**
 * App-wide data: the embedded datasets (with provenance), loaded once and shared by the views.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, type DatasetInfo, type Source } from './api.ts';

const Ctx = createContext<{ datasets: DatasetInfo[]; error: string | null }>({ datasets: [], error: null });

export function DataProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ datasets: DatasetInfo[]; error: string | null }>({ datasets: [], error: null });
  useEffect(() => {
    api.datasets().then(
      (datasets) => setState({ datasets, error: null }),
      (e: Error) => setState({ datasets: [], error: e.message }),
    );
  }, []);
  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}

export const useDatasets = () => useContext(Ctx);

export function useDataset(id: string | null | undefined): DatasetInfo | undefined {
  return useContext(Ctx).datasets.find((d) => d.id === id);
}

/** "Timmer, Dietzenbacher, Los, Stehrer & de Vries (2015)" from a full citation; the name when there is none. */
export function shortCitation(s: Source): string {
  if (!s.citation) return s.name;
  const m = /^(.*?\(\d{4}\))/.exec(s.citation);
  return m ? m[1] : s.citation.split(';')[0];
}

/** One line naming the model, the dataset and its sources (under every chart, and in exports). */
export function sourceLine(model: string | null | undefined, d: DatasetInfo | undefined, extra?: string): string {
  const data = d
    ? `dataset ${d.id} v${d.version} (${d.provenance.sources.map(shortCitation).join('; ')})`
    : 'dataset loading…';
  return `Lancaster simulation: model ${model ?? '?'}, ${data}.${extra ? ` ${extra}` : ''}`;
}
