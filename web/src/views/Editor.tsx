/**
 * The scenario editor: a form of the scenario's tariffs, export controls and capacity bounds and
 * the YAML text, kept in step (form edits change only the characters of the value edited, so the
 * user's formatting and comments stay); validated live, debounced, by the server (the CLI's parser
 * and zod schemas, with line:col, and the dataset's checks; no server code is bundled) as the run
 * kind the file is (POST /api/scenarios/validate answers the kind: solve,
 * timeline, strategy, negotiation or gravity). Problems are shown at their line. Runs the file as
 * its kind and shows the result in that kind's view (a solve next to the previous run's).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatPath } from '../../../src/spec/errors.ts';
import {
  api,
  ApiFailure,
  waitForRun,
  type DatasetInfo,
  type EmbeddedScenario,
  type Issue,
  type Progress,
  type Run,
  type RunKind,
  type SectorRow,
  type SolveResult,
  type TimelineResult,
  type TradeNegotiationRun,
} from '../api.ts';
import { useDataset, sourceLine } from '../data.tsx';
import { INDICATORS, day, level, pct, sectorName } from '../format.ts';
import {
  addPolicyControl,
  addPolicyTariff,
  capacityRows,
  controlRows,
  setValue,
  tariffRows,
  type CapacityRow,
  type ControlRow,
  type TariffRow,
} from '../scenarioText.ts';
import { StrategyResult, type StrategyResultShape } from './results/StrategyResult.tsx';
import { NegotiationResult } from './results/NegotiationResult.tsx';
import { GravityResult, type GravityResultShape } from './results/GravityResult.tsx';
import { OutcomeMap } from './results/OutcomeMap.tsx';
import { SweepResult, type SweepResultShape } from './results/SweepResult.tsx';
import { CodeArea, type CodeAreaHandle } from '../components/CodeArea.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { RunStatus } from '../components/RunStatus.tsx';
import { Provenance } from '../components/Provenance.tsx';

const STARTER = `lancaster: 1
name: US and China raise tariffs on each other
model: one-sector-2025
dataset: world-2023
policy:
  tariffs:
    - { importer: USA, exporter: CHN, rate: 0.54 }
    - { importer: CHN, exporter: USA, rate: "54%" }
report:
  countries: [USA, CHN]
`;

type Validation =
  | { state: 'checking' }
  | { state: 'valid'; kind: RunKind; model: string; dataset: string; version: string | null }
  | { state: 'invalid'; issues: Issue[] };

type Result = SolveResult | TimelineResult;

/** What the run button says for each kind of file. */
const RUN_LABEL: Partial<Record<RunKind, string>> = {
  solve: 'Solve',
  timeline: 'Run the timeline',
  strategy: 'Solve the game',
  negotiation: 'Run the negotiation',
  gravity: 'Estimate and solve',
  sweep: 'Run the sweep',
};

/** Where the editor keeps, for this tab, the run it is waiting for and the runs it shows (a reload reattaches). */
const PENDING_KEY = 'lancaster.editor.pending';
const RUNS_KEY = 'lancaster.editor.runs';

/** A gravity file (`kind: gravity`) has its own schema: the server checks it. */

/** Countries, sectors and values of a run: the solve's, or the last step's of a timeline. */
function outcome(run: Run<Result>) {
  const r = run.result!;
  if ('steps' in r) {
    const last = r.steps[r.steps.length - 1];
    return {
      countries: last.countries,
      sectors: last.sectors,
      label: `after the last step (${day(last.date)})`,
      tariffs: last.average_tariffs,
    };
  }
  // A solve gives sector detail for the regions of report.sectors (GeModelResult.sectors).
  const sectors = (r as SolveResult & { sectors?: Record<string, Record<string, SectorRow>> }).sectors;
  return { countries: r.countries, sectors, label: 'in the new equilibrium', tariffs: undefined };
}

export function Editor() {
  const [examples, setExamples] = useState<EmbeddedScenario[]>([]);
  const [text, setText] = useState(() => sessionStorage.getItem('lancaster.editor') ?? STARTER);
  const [validation, setValidation] = useState<Validation>({ state: 'checking' });
  const [runs, setRuns] = useState<Run<unknown>[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const code = useRef<CodeAreaHandle>(null);

  useEffect(() => {
    api.embedded().then(setExamples, () => setExamples([]));
  }, []);
  useEffect(() => {
    sessionStorage.setItem('lancaster.editor', text);
  }, [text]);

  // Live validation: the server's parse and dataset checks 250 ms after typing stops.
  useEffect(() => {
    setValidation({ state: 'checking' });
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      api.validate(text, ctl.signal).then(
        (v) =>
          setValidation({
            state: 'valid',
            kind: v.kind,
            model: v.model,
            dataset: v.dataset,
            version: v.dataset_version,
          }),
        (e) => {
          if (ctl.signal.aborted) return;
          setValidation({
            state: 'invalid',
            issues:
              e instanceof ApiFailure
                ? e.issues.length
                  ? e.issues
                  : [{ path: [], message: e.message }]
                : [{ path: [], message: (e as Error).message }],
          });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text]);

  const issues = validation.state === 'invalid' ? validation.issues : [];
  const problems = useMemo(() => {
    const m = new Map<number, string[]>();
    for (const i of issues)
      if (i.line) m.set(i.line, [...(m.get(i.line) ?? []), `${formatPath(i.path)}: ${i.message}`]);
    return m;
  }, [issues]);
  const rows = useMemo(() => tariffRows(text), [text]);
  const controls = useMemo(() => controlRows(text), [text]);
  const caps = useMemo(() => capacityRows(text), [text]);
  const formDataset = useDataset(validation.state === 'valid' ? validation.dataset : undefined);

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

  const run = async () => {
    if (validation.state !== 'valid') return;
    try {
      await follow(await api.submit(validation.kind, text));
    } catch (e) {
      setRunError((e as Error).message);
    }
  };

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

  const load = (t: string) => {
    setText(t);
    setRuns([]);
    sessionStorage.removeItem(RUNS_KEY);
  };
  const [cur, prev] = runs;

  return (
    <div className="editor-view">
      <header className="view-head">
        <h1>Scenario editor</h1>
        <p className="lede">
          Change tariffs in the form or in the YAML; both stay in step. The scenario is checked as you type, with the
          same schema and dataset checks as <code>lancaster validate</code>, and problems are marked at their line.
        </p>
      </header>
      <div className="editor-grid">
        <section className="panel" aria-labelledby="yaml-h">
          <div className="section-head">
            <h2 id="yaml-h">Scenario (YAML)</h2>
            <div className="controls">
              <label>
                Example{' '}
                <select
                  aria-label="Load an embedded scenario"
                  value=""
                  onChange={(e) => {
                    const s = examples.find((x) => x.id === e.target.value);
                    if (s) load(s.text);
                  }}
                >
                  <option value="">choose…</option>
                  {examples.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.id}
                      {s.valid ? '' : ' (not runnable yet)'}
                    </option>
                  ))}
                </select>
              </label>
              <label className="file">
                Open file…
                <input
                  type="file"
                  accept=".yaml,.yml,.json,text/yaml,application/json"
                  aria-label="Open a scenario file"
                  onChange={async (e) => {
                    const f = e.target.files?.[0];
                    if (f) load(await f.text());
                    e.target.value = '';
                  }}
                />
              </label>
            </div>
          </div>
          <CodeArea
            ref={code}
            id="scenario-yaml"
            label="Scenario YAML"
            value={text}
            onChange={setText}
            problems={problems}
            describedBy="validation"
          />
          <div
            id="validation"
            className={`validation ${validation.state}`}
            role="status"
            aria-live="polite"
            data-testid="validation"
          >
            {validation.state === 'checking' && <p>Checking…</p>}
            {validation.state === 'valid' && (
              <p>
                ✓ Valid: model <strong>{validation.model}</strong> on <strong>{validation.dataset}</strong>
                {validation.version ? ` v${validation.version}` : ''} — a{' '}
                <strong data-testid="kind">{validation.kind}</strong> file, run as one.
              </p>
            )}
            {validation.state === 'invalid' && (
              <>
                <p>
                  ✗ {issues.length} problem{issues.length > 1 ? 's' : ''} (schema and dataset checks, by the server):
                </p>
                <ul className="issues">
                  {issues.map((i) => (
                    <li
                      key={`${i.line ?? ''}:${i.col ?? ''}:${formatPath(i.path)}:${i.message}`}
                      data-testid="issue"
                      data-line={i.line ?? ''}
                    >
                      {i.line ? (
                        <button type="button" className="link" onClick={() => code.current?.goTo(i.line!, i.col)}>
                          Line {i.line}, column {i.col}
                        </button>
                      ) : (
                        <span>Scenario</span>
                      )}{' '}
                      <code>{formatPath(i.path)}</code>: {i.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </section>

        <section className="panel" aria-labelledby="form-h">
          <h2 id="form-h">Tariffs</h2>
          <TariffForm
            rows={rows}
            dataset={formDataset}
            onSet={(row, v) => setText((t) => setValue(t, [...row.path, row.mode], v))}
            onAdd={(e) => setText((t) => addPolicyTariff(t, e))}
          />
          <h2 id="controls-h">Export controls</h2>
          <ControlForm
            rows={controls}
            caps={caps}
            dataset={formDataset}
            onSet={(path, v) => setText((t) => setValue(t, path, v))}
            onAdd={(e) => setText((t) => addPolicyControl(t, e))}
          />
          <div className="run-bar">
            <button
              type="button"
              className="primary"
              onClick={run}
              disabled={validation.state !== 'valid' || running}
              data-testid="run"
            >
              {running ? 'Running…' : validation.state === 'valid' ? (RUN_LABEL[validation.kind] ?? 'Run') : 'Solve'}
            </button>
            {validation.state !== 'valid' && (
              <span className="muted">{validation.state === 'checking' ? 'checking…' : 'fix the problems to run'}</span>
            )}
          </div>
          {running && (
            <RunStatus
              label={
                validation.state === 'valid' && validation.kind !== 'solve'
                  ? `Running the ${validation.kind}`
                  : 'Solving'
              }
              progress={progress}
            />
          )}
          {runError && (
            <p className="error" role="alert">
              The run failed: {runError}
            </p>
          )}
          {cur && <RunResult cur={cur} prev={prev} />}
        </section>
      </div>
    </div>
  );
}

/** Sector names of codes ("c14" → "Electrical & optical"), the code kept as a tooltip; "all" stays. */
function sectorNames(codes: string[], d: DatasetInfo | undefined): string {
  if (!codes.length) return 'all sectors';
  return codes.map((c) => sectorName(c, d?.sectors.find((s) => s.code === c)?.name)).join(', ');
}

function TariffForm({
  rows,
  dataset,
  onSet,
  onAdd,
}: {
  rows: TariffRow[];
  dataset: DatasetInfo | undefined;
  onSet: (r: TariffRow, v: number) => void;
  onAdd: (e: Record<string, unknown>) => void;
}) {
  const [imp, setImp] = useState('USA');
  const [exp, setExp] = useState('CHN');
  const [rate, setRate] = useState('25');
  if (!rows.length) return <p className="muted">No tariff entries (or the YAML does not parse).</p>;
  return (
    <>
      <div className="table-scroll tall">
        <table className="form-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Importer ← exporter</th>
              <th scope="col">Sectors</th>
              <th scope="col">Kind</th>
              <th scope="col">Value (%)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const id = `t-${r.path.join('-')}`;
              const codes = r.sectors === 'all' ? [] : r.sectors.split(', ');
              const sectors = sectorNames(codes, dataset);
              const name = `${r.where}: ${r.importer} on ${r.exporter}, ${sectors}, ${r.mode.replace('_', ' ')}`;
              return (
                <tr key={id}>
                  <td>{r.where}</td>
                  <td>
                    {r.importer} ← {r.exporter}
                  </td>
                  <td className="sectors" title={codes.join(', ') || undefined}>
                    {sectors}
                  </td>
                  <td>{r.mode.replace('_', ' ')}</td>
                  <td>
                    {r.value === null ? (
                      <code>{r.raw}</code>
                    ) : (
                      <PercentInput id={id} label={name} value={r.value} onCommit={(v) => onSet(r, v)} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <fieldset className="add-tariff">
        <legend>Add a tariff (policy)</legend>
        <label>
          Importer <input value={imp} onChange={(e) => setImp(e.target.value.toUpperCase())} size={5} />
        </label>
        <label>
          Exporter <input value={exp} onChange={(e) => setExp(e.target.value.toUpperCase())} size={5} />
        </label>
        <label>
          Rate (%){' '}
          <input
            type="number"
            min={0}
            max={1000}
            step="any"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
            style={{ width: '6em' }}
          />
        </label>
        <button type="button" onClick={() => onAdd({ importer: imp, exporter: exp, rate: Number(rate) / 100 })}>
          Add
        </button>
      </fieldset>
    </>
  );
}

/**
 * Export controls as the scenario format has them: origin → destination (a code, a group, or "*"
 * for everyone, with `except` naming a coalition left out), the sectors, and the approval — the
 * share of baseline volume licensed (0 = a ban); capacity bounds cap a region-sector's real output.
 */
function ControlForm({
  rows,
  caps,
  dataset,
  onSet,
  onAdd,
}: {
  rows: ControlRow[];
  caps: CapacityRow[];
  dataset: DatasetInfo | undefined;
  onSet: (path: (string | number)[], v: number) => void;
  onAdd: (e: Record<string, unknown>) => void;
}) {
  const [origin, setOrigin] = useState('CHN');
  const [dest, setDest] = useState('USA');
  const [sector, setSector] = useState('');
  const [approval, setApproval] = useState('50');
  const sectors = dataset?.sectors ?? [];
  const chosen = sector || sectors.find((s) => /MAG|REE/.test(s.code))?.code || sectors[0]?.code || '';
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted">No export controls.</p>
      ) : (
        <div className="table-scroll tall">
          <table className="form-table" data-testid="controls-form">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Origin → destination</th>
                <th scope="col">Sectors</th>
                <th scope="col">Approval (%)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const id = `c-${r.path.join('-')}`;
                const to = `${r.destination === '*' ? 'everyone' : r.destination}${r.except.length ? ` except ${r.except.join(', ')}` : ''}`;
                const names = sectorNames(r.sectors, dataset);
                return (
                  <tr key={id}>
                    <td>{r.where}</td>
                    <td>
                      {r.origin} → {to}
                    </td>
                    <td className="sectors" title={r.sectors.join(', ')}>
                      {names}
                    </td>
                    <td>
                      {r.approval === null ? (
                        '—'
                      ) : (
                        <PercentInput
                          id={id}
                          label={`${r.where}: ${r.origin} to ${to}, ${names}, approval`}
                          value={r.approval}
                          max={100}
                          onCommit={(v) => onSet([...r.path, 'approval'], v)}
                        />
                      )}
                      {r.approval === 0 && <span className="muted"> ban</span>}
                      {r.government_share !== null && (
                        <span className="muted"> ({Math.round(r.government_share * 100)}% to a government)</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {caps.length > 0 && (
        <div className="table-scroll">
          <table className="form-table" data-testid="capacity-form">
            <caption>Capacity bounds: real output at most this share of the baseline</caption>
            <thead>
              <tr>
                <th scope="col">Region</th>
                <th scope="col">Sectors</th>
                <th scope="col">Limit (% of baseline)</th>
              </tr>
            </thead>
            <tbody>
              {caps.map((c) => {
                const id = `k-${c.path.join('-')}`;
                const names = sectorNames(c.sectors, dataset);
                return (
                  <tr key={id}>
                    <td>{c.region}</td>
                    <td className="sectors" title={c.source || c.sectors.join(', ')}>
                      {names}
                    </td>
                    <td>
                      {c.limit === null ? (
                        '—'
                      ) : (
                        <PercentInput
                          id={id}
                          label={`${c.region}, ${names}, capacity limit`}
                          value={c.limit}
                          onCommit={(v) => onSet([...c.path, 'limit'], v)}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <fieldset className="add-tariff">
        <legend>Add an export control (policy)</legend>
        <label>
          Origin <input value={origin} onChange={(e) => setOrigin(e.target.value.toUpperCase())} size={5} />
        </label>
        <label>
          Destination{' '}
          <input
            value={dest}
            onChange={(e) => setDest(e.target.value.toUpperCase())}
            size={5}
            aria-describedby="dest-help"
          />
        </label>
        <label>
          Sector{' '}
          <select value={chosen} onChange={(e) => setSector(e.target.value)} disabled={!sectors.length}>
            {sectors.map((s) => (
              <option key={s.code} value={s.code}>
                {sectorName(s.code, s.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Approval (%){' '}
          <input
            type="number"
            min={0}
            max={100}
            step="any"
            value={approval}
            onChange={(e) => setApproval(e.target.value)}
            style={{ width: '5em' }}
          />
        </label>
        <button
          type="button"
          disabled={!chosen}
          onClick={() =>
            onAdd({
              origin,
              destination: dest,
              sectors: [chosen],
              approval: Math.min(100, Math.max(0, Number(approval))) / 100,
            })
          }
        >
          Add
        </button>
        <p id="dest-help" className="muted">
          Destination: a code, a group, or * for every destination; approval 0 is a ban. Export controls need the
          multisector model.
        </p>
      </fieldset>
    </>
  );
}

/** A percent field that writes to the YAML on blur or Enter (not on every keystroke). */
function PercentInput({
  id,
  label,
  value,
  max,
  onCommit,
}: {
  id: string;
  label: string;
  value: number;
  max?: number;
  onCommit: (v: number) => void;
}) {
  const shown = String(Math.round(value * 100 * 1e6) / 1e6);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    const v = Number(draft);
    if (draft.trim() !== '' && Number.isFinite(v) && String(v) !== shown) onCommit(Math.round(v * 1e4) / 1e6);
  };
  return (
    <input
      id={id}
      aria-label={label}
      type="number"
      step="any"
      min={0}
      max={max}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      className="pct-input"
    />
  );
}

/** The result of a run in the view of its kind. */
/** A finished run in the view of its kind (also the runs page's). */
export function RunResult({ cur, prev }: { cur: Run<unknown>; prev?: Run<unknown> }) {
  switch (cur.kind) {
    case 'strategy':
      return <StrategyResult run={cur as Run<StrategyResultShape>} />;
    case 'negotiation':
      return <NegotiationResult run={cur as Run<TradeNegotiationRun>} />;
    case 'gravity':
      return <GravityResult run={cur as Run<GravityResultShape>} />;
    case 'sweep':
      return <SweepResult run={cur as Run<SweepResultShape>} />;
    default:
      return <ResultTable cur={cur as Run<Result>} prev={prev as Run<Result> | undefined} />;
  }
}

/** A signed percent change without the % sign (the table says its unit once). */
const num = (x: number | null | undefined) => pct(x, 3).replace('%', '');

function ResultTable({ cur, prev }: { cur: Run<Result>; prev?: Run<Result> }) {
  const dataset = useDataset(cur.dataset);
  const a = outcome(cur);
  const b = prev ? outcome(prev) : undefined;
  const fields = ['welfare_pct', 'real_income_pct', 'exports_pct', 'imports_pct'].filter((f) =>
    Object.values(a.countries).some((c) => c[f] !== undefined),
  );
  const codes = Object.keys(a.countries);
  const report = (() => {
    const m = /countries:\s*\[([^\]]*)\]/.exec(cur.scenario);
    const want = m ? m[1].split(',').map((s) => s.trim()) : [];
    const have = want.filter((c) => codes.includes(c));
    return have.length ? have : codes.slice(0, 12);
  })();
  return (
    <div className="result" data-testid="result" data-run={cur.id}>
      <h3>Result {a.label}</h3>
      {a.tariffs && (
        <p className="muted">
          Average tariffs: US on China {level(a.tariffs['USA<-CHN'])}, China on the US {level(a.tariffs['CHN<-USA'])}
          {b?.tariffs && (
            <>
              {' '}
              (previous run: {level(b.tariffs['USA<-CHN'])}, {level(b.tariffs['CHN<-USA'])})
            </>
          )}
        </p>
      )}
      <ScrollBox label="Result by country" testId="result-scroll">
        <table className="result-table">
          <caption>
            Percent changes by country{prev ? <>; Δ welfare: this run − the previous one, percentage points</> : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              {fields.map((f) => (
                <th key={f} scope="col">
                  {INDICATORS[f] ?? f}
                </th>
              ))}
              {b && (
                <>
                  <th scope="col">Welfare, previous</th>
                  <th scope="col">
                    <abbr title="Change of welfare from the previous run, percentage points">Δ welfare</abbr>
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {report.map((c) => {
              const w = a.countries[c]?.welfare_pct;
              const pw = b?.countries[c]?.welfare_pct;
              return (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  {fields.map((f) => (
                    <td key={f} data-testid={`result-${c}-${f}`}>
                      {num(a.countries[c]?.[f])}
                    </td>
                  ))}
                  {b && (
                    <>
                      <td>{num(pw)}</td>
                      <td data-testid={`change-${c}`}>{w !== undefined && pw !== undefined ? num(w - pw) : '—'}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <p className="source">
        {sourceLine(cur.model, dataset)} Run <code>{cur.id.slice(0, 8)}</code>.{' '}
        {prev && <a href={`#/compare?a=${prev.id}&b=${cur.id}`}>Compare this run with the previous one</a>}
      </p>
      <OutcomeMap
        runId={cur.id}
        countries={a.countries}
        sectors={a.sectors}
        dataset={dataset}
        label={a.label}
        source={sourceLine(cur.model, dataset, `Run ${cur.id.slice(0, 8)}.`)}
      />
      <Provenance dataset={dataset} model={cur.model} runId={cur.id} />
    </div>
  );
}
