/**
 * The runs page: every stored run (newest first, filtered by kind and status), each with its
 * permalink (#/runs?id=…), which opens the run: its status and timings, live progress while it
 * runs (the server's events; a reload reattaches, since the id is in the address), its result in
 * the view of its kind, and a button that cancels a running run or deletes a finished one
 * (DELETE /api/runs/:id does either).
 */
import { useEffect, useState } from 'react';
import {
  api,
  ApiFailure,
  waitForRun,
  type Progress,
  type Run,
  type RunKind,
  type RunStatus as Status,
  type RunSummary,
} from '../api.ts';
import { useHash } from '../hash.ts';
import { RunStatus } from '../components/RunStatus.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { RunResult } from './Editor.tsx';
import { SweepView, isSweepResult, type SweepResultShape } from './results/SweepResult.tsx';

const KINDS: RunKind[] = ['solve', 'timeline', 'strategy', 'negotiation', 'gravity', 'sweep', 'analyze'];
const STATUSES: Status[] = ['queued', 'running', 'done', 'failed', 'cancelled'];
const live = (s: Status) => s === 'queued' || s === 'running';

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }) : '—';
const seconds = (ms: number | undefined) =>
  ms === undefined ? '—' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
export const runLink = (id: string) => `#/runs?id=${encodeURIComponent(id)}`;

export function Runs() {
  const hash = useHash();
  const id = new URLSearchParams(hash.split('?')[1] ?? '').get('id');
  return id ? <RunPage id={id} /> : <RunList />;
}

function RunList() {
  const [kind, setKind] = useState<RunKind | ''>('');
  const [status, setStatus] = useState<Status | ''>('');
  const { runs, error, remove } = useStoredRuns(kind, status);
  return (
    <div className="runs-view">
      <header className="view-head">
        <h1>Runs</h1>
        <p className="lede">
          Every run this server has stored, newest first. Open one by its link (the address is its permalink), cancel
          one that is running, delete one that is finished.
        </p>
      </header>
      <section className="panel" aria-labelledby="runs-h">
        <div className="section-head">
          <h2 id="runs-h">Stored runs{runs ? ` (${runs.length})` : ''}</h2>
          <div className="controls">
            <Choice label="Kind" value={kind} options={KINDS} onChange={setKind} />
            <Choice label="Status" value={status} options={STATUSES} onChange={setStatus} />
          </div>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {runs && runs.length === 0 && (
          <p>
            No runs yet: run a scenario in the <a href="#/editor">editor</a>.
          </p>
        )}
        {runs && runs.length > 0 && <RunTable runs={runs} onRemove={remove} />}
      </section>
      <SweepFile />
    </div>
  );
}

/**
 * The stored runs of a kind and status (either '' for all), fetched again every 2 s while any of
 * them is going, and `remove`, which cancels a running run or deletes a finished one.
 */
function useStoredRuns(kind: RunKind | '', status: Status | '') {
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [again, setAgain] = useState(0);
  // `again` is the refresh counter: the 2 s timer and a deletion bump it to fetch the list again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `again` is the refresh counter (above)
  useEffect(() => {
    let on = true;
    api.runs({ kind: kind || undefined, status: status || undefined, limit: 200 }).then(
      (r) => on && setRuns(r),
      (e: Error) => on && setError(e.message),
    );
    return () => {
      on = false;
    };
  }, [kind, status, again]);
  // While any listed run is going, refresh the list every 2 s.
  const going = runs?.some((r) => live(r.status)) ?? false;
  useEffect(() => {
    if (!going) return;
    const t = setInterval(() => setAgain((k) => k + 1), 2000);
    return () => clearInterval(t);
  }, [going]);
  const remove = async (r: RunSummary) => {
    setError(null);
    try {
      await api.remove(r.id);
      setAgain((k) => k + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return { runs, error, remove };
}

/** A select of one of `options`, or '' for all of them. */
function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T | '';
  options: T[];
  onChange: (v: T | '') => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        <option value="">all</option>
        {options.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
    </label>
  );
}

function RunTable({ runs, onRemove }: { runs: RunSummary[]; onRemove: (r: RunSummary) => void }) {
  return (
    <ScrollBox label="Stored runs">
      <table data-testid="runs-table">
        <caption className="sr-only">Stored runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Time</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-run={r.id} data-status={r.status}>
              <th scope="row">
                <a href={runLink(r.id)}>{r.name ?? '(unnamed)'}</a> <code className="muted">{r.id.slice(0, 8)}</code>
              </th>
              <td>{r.kind}</td>
              <td className={`status-${r.status}`}>{r.status}</td>
              <td>{when(r.created_at)}</td>
              <td>{seconds(r.timings.total_ms)}</td>
              <td>
                <button
                  type="button"
                  onClick={() => onRemove(r)}
                  aria-label={`${live(r.status) ? 'Cancel' : 'Delete'} run ${r.name ?? r.id.slice(0, 8)}`}
                >
                  {live(r.status) ? 'Cancel' : 'Delete'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/**
 * A sweep result written by `lancaster sweep --out DIR` (DIR/sweep.json), opened from disk and
 * shown as a sweep run is.
 */
function SweepFile() {
  const [file, setFile] = useState<{ name: string; result: SweepResultShape } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (f: File) => {
    setError(null);
    try {
      const json: unknown = JSON.parse(await f.text());
      if (!isSweepResult(json))
        throw new Error(
          `Expected a sweep result (the sweep.json of lancaster sweep --out, with name, draws, priors and points), found ${
            json === null
              ? 'null'
              : Array.isArray(json)
                ? 'a list'
                : `an object with ${
                    Object.keys(json as object)
                      .slice(0, 6)
                      .join(', ') || 'no keys'
                  }`
          }`,
        );
      setFile({ name: f.name, result: json });
    } catch (e) {
      setFile(null);
      setError(`${f.name}: ${(e as Error).message}`);
    }
  };
  return (
    <section className="panel" aria-labelledby="sweep-file-h">
      <div className="section-head">
        <h2 id="sweep-file-h">A sweep from the command line</h2>
        <label className="file">
          Open sweep.json…
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Open a sweep result (sweep.json)"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void open(f);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <p className="muted">
        The <code>sweep.json</code> that <code>lancaster sweep FILE --out DIR</code> writes, shown as a sweep run is
        (the file stays in this browser).
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {file && <SweepView result={file.result} runId={null} />}
    </section>
  );
}

function RunPage({ id }: { id: string }) {
  const { run, setRun, progress, error, setError } = useFollowedRun(id);
  const [gone, setGone] = useState(false);
  const remove = async () => {
    if (!run) return;
    try {
      await api.remove(run.id);
      if (live(run.status)) setRun(await api.run<unknown>(run.id));
      else setGone(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="runs-view">
      <p>
        <a href="#/runs">← All runs</a>
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {gone && <p role="status">Run {id.slice(0, 8)} was deleted.</p>}
      {run && !gone && (
        <>
          <header className="view-head">
            <h1>{run.name ?? '(unnamed)'}</h1>
            <p className="run-meta" data-testid="run-meta" data-status={run.status}>
              {run.kind} run <code>{run.id}</code> · <strong>{run.status}</strong> · created {when(run.created_at)} ·
              model {run.model ?? '—'} on {run.dataset ?? '—'} · {seconds(run.timings.total_ms)} · Lancaster{' '}
              {run.code_version}
            </p>
            <p>
              <button type="button" onClick={remove}>
                {live(run.status) ? 'Cancel this run' : 'Delete this run'}
              </button>{' '}
              <a href={`api/runs/${encodeURIComponent(run.id)}`}>the run as JSON</a>
            </p>
          </header>
          <RunOutcome run={run} progress={progress} />
          <details className="provenance">
            <summary>The scenario as submitted</summary>
            {/* A tab stop lets keyboard users scroll the text in its box (axe scrollable-region-focusable). */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the text scrolls in its box (above) */}
            <pre className="scenario-text" tabIndex={0}>
              {run.scenario}
            </pre>
          </details>
        </>
      )}
    </div>
  );
}

/** The stored run `id`, followed (its progress and its end) while it is still going. */
function useFollowedRun(id: string) {
  const [run, setRun] = useState<Run<unknown> | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let on = true;
    setRun(null);
    setError(null);
    api.run<unknown>(id).then(
      (r) => {
        if (!on) return;
        setRun(r);
        // Reattach: follow a run still going until it ends.
        if (live(r.status))
          waitForRun<unknown>(id, (p) => on && setProgress(p)).then(
            (done) => on && setRun(done),
            (e: Error) => on && setError(e.message),
          );
      },
      (e: Error) =>
        on &&
        setError(
          e instanceof ApiFailure && e.status === 404
            ? `Expected a stored run ${id}, found none (deleted, or on another server)`
            : e.message,
        ),
    );
    return () => {
      on = false;
    };
  }, [id]);
  return { run, setRun, progress, error, setError };
}

/** Where a run stands: its progress while it goes, why it failed or was cancelled, or its result. */
function RunOutcome({ run, progress }: { run: Run<unknown>; progress: Progress | null }) {
  return (
    <>
      {live(run.status) && (
        <RunStatus
          label={run.status === 'queued' ? 'Waiting in the queue' : 'Running'}
          progress={progress ?? run.progress ?? null}
        />
      )}
      {run.status === 'failed' && (
        <p className="error" role="alert">
          The run failed: {run.error}
        </p>
      )}
      {run.status === 'cancelled' && (
        <p className="notice">The run was cancelled{run.error ? `: ${run.error}` : ''}.</p>
      )}
      {run.status === 'done' && run.result !== null && run.kind !== 'analyze' && (
        <section className="panel" aria-label="Result">
          <RunResult cur={run} />
        </section>
      )}
      {run.status === 'done' && run.kind === 'analyze' && (
        <p>
          A negotiation-domain analysis: open it in the <a href="#/negotiation?case=genius">negotiation view</a>.
        </p>
      )}
    </>
  );
}
