/**
 * Which negotiation run the London view shows. The view remounts whenever the user switches cases
 * and back; the provider (placed by the negotiation view above it) keeps the run id of each text it
 * asked for, so a remount, or coming back while the run still goes, submits nothing new. Without a
 * remembered id, a stored run of exactly the same text (finished or still going) is reused.
 */
import { createContext, type ReactNode, useCallback, useContext, useRef } from 'react';
import { api, type TradeNegotiationRun } from '../../api.ts';

/** Returns the id of the run of `text`: remembered, stored, or (fresh, or none found) newly submitted. */
type RunOf = (name: string | null, text: string, fresh: boolean) => Promise<string>;

const Ctx = createContext<RunOf | null>(null);

/** A stored negotiation run of exactly this text that has not failed (finished, or still going). */
async function storedRun(name: string | null, text: string): Promise<string | undefined> {
  const runs = await api.runs({ kind: 'negotiation', limit: 20 });
  for (const r of runs.filter((r) => r.name === name && r.status !== 'failed' && r.status !== 'cancelled')) {
    const full = await api.run<TradeNegotiationRun>(r.id);
    if (full.scenario === text) return full.id;
  }
  return undefined;
}

export function LondonRunsProvider({ children }: { children: ReactNode }) {
  const current = useRef<{ text: string; id: Promise<string> } | null>(null);
  const runOf = useCallback<RunOf>((name, text, fresh) => {
    if (!fresh && current.current?.text === text) return current.current.id;
    const id = (async () => (fresh ? undefined : await storedRun(name, text)) ?? api.submit('negotiation', text))();
    const mine = { text, id };
    current.current = mine;
    // A failed submission is forgotten, so the next mount tries again.
    id.catch(() => {
      if (current.current === mine) current.current = null;
    });
    return id;
  }, []);
  return <Ctx.Provider value={runOf}>{children}</Ctx.Provider>;
}

/** The run lookup of the nearest {@link LondonRunsProvider}. */
export function useLondonRun(): RunOf {
  const runOf = useContext(Ctx);
  if (!runOf) throw new Error('Expected the London view inside a LondonRunsProvider, found none');
  return runOf;
}
