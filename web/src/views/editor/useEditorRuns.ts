/**
 * The editor's runs: the one it submits and follows to its end, and the runs it shows (the newest
 * and the previous one of the same kind). Both are kept for the tab in sessionStorage, so a reload
 * shows the same runs and reattaches to a run still going.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, waitForRun, type Progress, type Run, type RunKind } from '../../api.ts';

/** Where the editor keeps, for this tab, the run it is waiting for and the runs it shows (a reload reattaches). */
const PENDING_KEY = 'lancaster.editor.pending';
const RUNS_KEY = 'lancaster.editor.runs';

export function useEditorRuns() {
  const [runs, setRuns] = useState<Run<unknown>[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);

  /** Follows a submitted run to its end and shows it (the id is kept, so a reload reattaches). */
  const follow = useCallback(async (id: string) => {
    setRunning(true);
    setRunError(null);
    setProgress(null);
    sessionStorage.setItem(PENDING_KEY, id);
    try {
      const r = await waitForRun<unknown>(id, setProgress);
      if (r.status === 'failed' || r.status === 'cancelled')
        throw new Error(r.error ?? `the run ${r.status === 'cancelled' ? 'was cancelled' : 'failed'}`);
      // The previous run is kept for comparison only when it is of the same kind.
      setRuns((rs) => {
        const next = [r, ...rs.filter((x) => x.kind === r.kind && x.id !== r.id)].slice(0, 2);
        sessionStorage.setItem(RUNS_KEY, JSON.stringify(next.map((x) => x.id)));
        return next;
      });
    } catch (e) {
      setRunError((e as Error).message);
    } finally {
      sessionStorage.removeItem(PENDING_KEY);
      setRunning(false);
    }
  }, []);

  // After a reload: the runs shown before it, and the run still going (reattached).
  useEffect(() => {
    const shown = JSON.parse(sessionStorage.getItem(RUNS_KEY) ?? '[]') as string[];
    Promise.all(shown.map((id) => api.run<unknown>(id).catch(() => null))).then((rs) => {
      const ok = rs.filter((r): r is Run<unknown> => r !== null && r.status === 'done');
      if (ok.length) setRuns((cur) => (cur.length ? cur : ok));
    });
    const pending = sessionStorage.getItem(PENDING_KEY);
    if (pending) void follow(pending);
  }, [follow]);

  /** Submits `text` as a run of `kind` and follows it. */
  const submit = async (kind: RunKind, text: string) => {
    try {
      await follow(await api.submit(kind, text));
    } catch (e) {
      setRunError((e as Error).message);
    }
  };

  /** Forgets the runs shown (a new file was loaded). */
  const forget = () => {
    setRuns([]);
    sessionStorage.removeItem(RUNS_KEY);
  };

  return { runs, progress, running, runError, submit, forget };
}
