/**
 * The London 2025 trade negotiation (scenarios/negotiation/london-2025.yaml) run as a `negotiation`
 * run: the embedded text is run (or a stored run of it reused, runs.tsx), the deal map is asked for
 * while the run goes (GET /api/runs/:id/deals), and the finished run is shown by LondonBody.
 */
import { useEffect, useState } from 'react';
import { api, type DealMap, type Progress, type Run, type TradeNegotiationRun, waitForRun } from '../../api.ts';
import { RunStatus } from '../../components/RunStatus.tsx';
import { LondonBody } from './LondonBody.tsx';
import { useLondonRun } from './runs.tsx';

export const LONDON_ID = 'negotiation/london-2025';

/** A finished run with its text and deal map. */
export interface Loaded {
  text: string;
  run: Run<TradeNegotiationRun>;
  map: DealMap;
}

type Phase = 'loading' | 'running' | 'mapping';

const MAPPING: Progress = {
  fraction: 0.95,
  message: 'every deal with both governments’ utilities and its ratification chances',
};

/** Runs (or finds) the London negotiation and its deal map; `again` > 0 submits a fresh run. */
function useLondon(again: number) {
  const runOf = useLondonRun();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    setProgress(null);
    setPhase('loading');
    (async () => {
      const embedded = (await api.embedded()).find((s) => s.id === LONDON_ID);
      if (!embedded) throw new Error(`Expected the embedded scenario ${LONDON_ID}, found none in scenarios/`);
      if (!embedded.valid) throw new Error(embedded.issues.map((i) => `line ${i.line}: ${i.message}`).join('; '));
      const text = embedded.text;
      const id = await runOf(embedded.name, text, again > 0);
      if (live) setPhase('running');
      // The deal map is solved (server side, on worker threads) while the run goes.
      const mapping = api.deals(id);
      const run = await waitForRun<TradeNegotiationRun>(id, (p) => live && setProgress(p));
      if (run.status === 'failed' || !run.result) throw new Error(run.error ?? 'the negotiation run failed');
      if (live) setPhase('mapping');
      const map = await mapping;
      if (live) setLoaded({ text, run, map });
    })().catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [again, runOf]);

  return { loaded, progress, phase, error };
}

export function London() {
  const [again, setAgain] = useState(0);
  const { loaded, progress, phase, error } = useLondon(again);

  if (error) {
    return (
      <div className="panel error" role="alert">
        <h2>The London negotiation could not be run</h2>
        <p>{error}</p>
      </div>
    );
  }
  if (!loaded) {
    const label = phase === 'mapping' ? 'Mapping every deal for the chart' : 'Running the London 2025 negotiation';
    return (
      <div className="panel">
        <RunStatus label={label} progress={phase === 'mapping' ? MAPPING : progress} />
        <p className="muted">
          225 deals, each an equilibrium of the multisector model, then 3 pairings × 2 linkages × 200 seeds of
          alternating offers: about 10 seconds.
        </p>
      </div>
    );
  }
  return <LondonBody loaded={loaded} onRerun={() => setAgain((k) => k + 1)} />;
}
