/**
 * The scenario editor: a form of the scenario's tariffs and the YAML text, kept in step; validated
 * live, first in the browser with the very parser and zod schema of the CLI (src/scenario/parse.ts),
 * then, debounced, by the server against the dataset (POST /api/scenarios/validate). Problems are
 * shown at their line. Runs the scenario (solve, or timeline when it has one) and shows the result
 * next to the previous run's.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseScenarioText } from '../../../src/scenario/parse.ts';
import { ScenarioError, formatPath } from '../../../src/spec/errors.ts';
import { api, ApiFailure, runScenario, type EmbeddedScenario, type Issue, type Progress, type Run, type SolveResult, type TimelineResult } from '../api.ts';
import { useDataset, sourceLine } from '../data.tsx';
import { INDICATORS, day, level, pct } from '../format.ts';
import { addPolicyTariff, setValue, tariffRows, type TariffRow } from '../scenarioText.ts';
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
  | { state: 'valid'; model: string; dataset: string; version: string; timeline: boolean }
  | { state: 'invalid'; where: 'browser' | 'server'; issues: Issue[] };

type Result = SolveResult | TimelineResult;

/** Countries and values of a run: the solve's, or the last step's of a timeline. */
function outcome(run: Run<Result>) {
  const r = run.result!;
  if ('steps' in r) {
    const last = r.steps[r.steps.length - 1];
    return { countries: last.countries, label: `after the last step (${day(last.date)})`, tariffs: last.average_tariffs };
  }
  return { countries: r.countries, label: 'in the new equilibrium', tariffs: undefined };
}

export function Editor() {
  const [examples, setExamples] = useState<EmbeddedScenario[]>([]);
  const [text, setText] = useState(() => sessionStorage.getItem('lancaster.editor') ?? STARTER);
  const [validation, setValidation] = useState<Validation>({ state: 'checking' });
  const [runs, setRuns] = useState<Run<Result>[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const code = useRef<CodeAreaHandle>(null);

  useEffect(() => { api.embedded().then(setExamples, () => setExamples([])); }, []);
  useEffect(() => { sessionStorage.setItem('lancaster.editor', text); }, [text]);

  // Live validation: the browser parse at once, the server's dataset checks 400 ms after typing stops.
  useEffect(() => {
    let parsed;
    try {
      parsed = parseScenarioText(text, 'scenario');
    } catch (e) {
      if (e instanceof ScenarioError) setValidation({ state: 'invalid', where: 'browser', issues: e.issues });
      else setValidation({ state: 'invalid', where: 'browser', issues: [{ path: [], message: (e as Error).message }] });
      return;
    }
    setValidation({ state: 'checking' });
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      api.validate(text, ctl.signal).then(
        (v) => setValidation({ state: 'valid', model: v.model, dataset: v.dataset, version: v.dataset_version, timeline: !!parsed.scenario.timeline }),
        (e) => {
          if (ctl.signal.aborted) return;
          setValidation({ state: 'invalid', where: 'server', issues: e instanceof ApiFailure ? (e.issues.length ? e.issues : [{ path: [], message: e.message }]) : [{ path: [], message: (e as Error).message }] });
        },
      );
    }, 400);
    return () => { clearTimeout(timer); ctl.abort(); };
  }, [text]);

  const issues = validation.state === 'invalid' ? validation.issues : [];
  const problems = useMemo(() => {
    const m = new Map<number, string[]>();
    for (const i of issues) if (i.line) m.set(i.line, [...(m.get(i.line) ?? []), `${formatPath(i.path)}: ${i.message}`]);
    return m;
  }, [issues]);
  const rows = useMemo(() => tariffRows(text), [text]);

  const run = async () => {
    if (validation.state !== 'valid') return;
    setRunning(true);
    setRunError(null);
    setProgress(null);
    try {
      const r = await runScenario<Result>(validation.timeline ? 'timeline' : 'solve', text, setProgress);
      setRuns((rs) => [r, ...rs].slice(0, 2));
    } catch (e) {
      setRunError((e as Error).message);
    } finally {
      setRunning(false);
    }
  };

  const load = (t: string) => { setText(t); setRuns([]); };
  const [cur, prev] = runs;

  return (
    <div className="editor-view">
      <header className="view-head">
        <h1>Scenario editor</h1>
        <p className="lede">Change tariffs in the form or in the YAML; both stay in step. The scenario is checked as you type, with the same schema and dataset checks as <code>lancaster validate</code>, and problems are marked at their line.</p>
      </header>
      <div className="editor-grid">
        <section className="panel" aria-labelledby="yaml-h">
          <div className="section-head">
            <h2 id="yaml-h">Scenario (YAML)</h2>
            <div className="controls">
              <label>
                Example{' '}
                <select aria-label="Load an embedded scenario" value="" onChange={(e) => { const s = examples.find((x) => x.id === e.target.value); if (s) load(s.text); }}>
                  <option value="">choose…</option>
                  {examples.map((s) => <option key={s.id} value={s.id}>{s.id}{s.valid ? '' : ' (not runnable yet)'}</option>)}
                </select>
              </label>
              <label className="file">
                Open file…
                <input type="file" accept=".yaml,.yml,.json,text/yaml,application/json" aria-label="Open a scenario file" onChange={async (e) => { const f = e.target.files?.[0]; if (f) load(await f.text()); e.target.value = ''; }} />
              </label>
            </div>
          </div>
          <CodeArea ref={code} id="scenario-yaml" label="Scenario YAML" value={text} onChange={setText} problems={problems} describedBy="validation" />
          <div id="validation" className={`validation ${validation.state}`} role="status" aria-live="polite" data-testid="validation">
            {validation.state === 'checking' && <p>Checking…</p>}
            {validation.state === 'valid' && <p>✓ Valid: model <strong>{validation.model}</strong> on <strong>{validation.dataset}</strong> v{validation.version}{validation.timeline ? ', with a timeline' : ''}.</p>}
            {validation.state === 'invalid' && (
              <>
                <p>✗ {issues.length} problem{issues.length > 1 ? 's' : ''} ({validation.where === 'browser' ? 'schema, checked in the browser' : 'dataset checks, by the server'}):</p>
                <ul className="issues">
                  {issues.map((i, k) => (
                    <li key={k} data-testid="issue" data-line={i.line ?? ''}>
                      {i.line ? <button type="button" className="link" onClick={() => code.current?.goTo(i.line!, i.col)}>Line {i.line}, column {i.col}</button> : <span>Scenario</span>}
                      {' '}<code>{formatPath(i.path)}</code>: {i.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </section>

        <section className="panel" aria-labelledby="form-h">
          <h2 id="form-h">Tariffs</h2>
          <TariffForm rows={rows} onSet={(row, v) => setText((t) => setValue(t, [...row.path, row.mode], v))} onAdd={(e) => setText((t) => addPolicyTariff(t, e))} />
          <div className="run-bar">
            <button type="button" className="primary" onClick={run} disabled={validation.state !== 'valid' || running} data-testid="run">
              {running ? 'Running…' : validation.state === 'valid' && validation.timeline ? 'Run the timeline' : 'Solve'}
            </button>
            {validation.state !== 'valid' && <span className="muted">{validation.state === 'checking' ? 'checking…' : 'fix the problems to run'}</span>}
          </div>
          {running && <RunStatus label="Solving" progress={progress} />}
          {runError && <p className="error" role="alert">The run failed: {runError}</p>}
          {cur && <ResultTable cur={cur} prev={prev} />}
        </section>
      </div>
    </div>
  );
}

function TariffForm({ rows, onSet, onAdd }: { rows: TariffRow[]; onSet: (r: TariffRow, v: number) => void; onAdd: (e: Record<string, unknown>) => void }) {
  const [imp, setImp] = useState('USA');
  const [exp, setExp] = useState('CHN');
  const [rate, setRate] = useState('25');
  if (!rows.length) return <p className="muted">No tariff entries (or the YAML does not parse).</p>;
  return (
    <>
      <div className="table-scroll tall">
        <table className="form-table">
          <thead>
            <tr><th scope="col">When</th><th scope="col">Importer ← exporter</th><th scope="col">Sectors</th><th scope="col">Kind</th><th scope="col">Value (%)</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const id = `t-${r.path.join('-')}`;
              const name = `${r.where}: ${r.importer} on ${r.exporter}, ${r.sectors}, ${r.mode.replace('_', ' ')}`;
              return (
                <tr key={id}>
                  <td>{r.where}</td>
                  <td>{r.importer} ← {r.exporter}</td>
                  <td className="sectors">{r.sectors}</td>
                  <td>{r.mode.replace('_', ' ')}</td>
                  <td>
                    {r.value === null ? <code>{r.raw}</code> : (
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
        <label>Importer <input value={imp} onChange={(e) => setImp(e.target.value.toUpperCase())} size={5} /></label>
        <label>Exporter <input value={exp} onChange={(e) => setExp(e.target.value.toUpperCase())} size={5} /></label>
        <label>Rate (%) <input type="number" min={0} max={1000} step="any" value={rate} onChange={(e) => setRate(e.target.value)} style={{ width: '6em' }} /></label>
        <button type="button" onClick={() => onAdd({ importer: imp, exporter: exp, rate: Number(rate) / 100 })}>Add</button>
      </fieldset>
    </>
  );
}

/** A percent field that writes to the YAML on blur or Enter (not on every keystroke). */
function PercentInput({ id, label, value, onCommit }: { id: string; label: string; value: number; onCommit: (v: number) => void }) {
  const shown = String(Math.round(value * 100 * 1e6) / 1e6);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    const v = Number(draft);
    if (draft.trim() !== '' && Number.isFinite(v) && String(v) !== shown) onCommit(Math.round(v * 1e4) / 1e6);
  };
  return (
    <input id={id} aria-label={label} type="number" step="any" min={0} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} className="pct-input" />
  );
}

/** A signed percent change without the % sign (the table says its unit once). */
const num = (x: number | null | undefined) => pct(x, 3).replace('%', '');

function ResultTable({ cur, prev }: { cur: Run<Result>; prev?: Run<Result> }) {
  const dataset = useDataset(cur.dataset);
  const a = outcome(cur);
  const b = prev ? outcome(prev) : undefined;
  const fields = ['welfare_pct', 'real_income_pct', 'exports_pct', 'imports_pct'].filter((f) => Object.values(a.countries).some((c) => c[f] !== undefined));
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
          {b?.tariffs && <> (previous run: {level(b.tariffs['USA<-CHN'])}, {level(b.tariffs['CHN<-USA'])})</>}
        </p>
      )}
      <ScrollBox label="Result by country" testId="result-scroll">
        <table className="result-table">
          <caption>Percent changes by country{prev ? <>; Δ welfare: this run − the previous one, percentage points</> : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              {fields.map((f) => <th key={f} scope="col">{INDICATORS[f] ?? f}</th>)}
              {b && <><th scope="col">Welfare, previous</th><th scope="col"><abbr title="Change of welfare from the previous run, percentage points">Δ welfare</abbr></th></>}
            </tr>
          </thead>
          <tbody>
            {report.map((c) => {
              const w = a.countries[c]?.welfare_pct;
              const pw = b?.countries[c]?.welfare_pct;
              return (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  {fields.map((f) => <td key={f} data-testid={`result-${c}-${f}`}>{num(a.countries[c]?.[f])}</td>)}
                  {b && <><td>{num(pw)}</td><td data-testid={`change-${c}`}>{w !== undefined && pw !== undefined ? num(w - pw) : '—'}</td></>}
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
      <Provenance dataset={dataset} model={cur.model} runId={cur.id} />
    </div>
  );
}
