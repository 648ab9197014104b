/**
 * The scenario editor: a form of the scenario's tariffs, export controls and capacity bounds and
 * the YAML text, kept in step (form edits change only the characters of the value edited, so the
 * user's formatting and comments stay); validated live, debounced, by the server (the CLI's parser
 * and zod schemas, with line:col, and the dataset's checks; no server code is bundled) as the run
 * kind the file is (POST /api/scenarios/validate answers the kind: solve,
 * timeline, strategy, negotiation or gravity). Problems are shown at their line. Runs the file as
 * its kind and shows the result in that kind's view (a solve next to the previous run's).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatPath } from '../../../src/spec/errors.ts';
import type { Run, RunKind, TradeNegotiationRun } from '../api.ts';
import { useDataset } from '../data.tsx';
import { addPolicyControl, addPolicyTariff, capacityRows, controlRows, setValue, tariffRows } from '../scenarioText.ts';
import { StrategyResult, type StrategyResultShape } from './results/StrategyResult.tsx';
import { NegotiationResult } from './results/NegotiationResult.tsx';
import { GravityResult, type GravityResultShape } from './results/GravityResult.tsx';
import { SweepResult, type SweepResultShape } from './results/SweepResult.tsx';
import { CodeArea, type CodeAreaHandle } from '../components/CodeArea.tsx';
import { RunStatus } from '../components/RunStatus.tsx';
import { ControlForm } from './editor/ControlForm.tsx';
import { ResultTable, type Result } from './editor/ResultTable.tsx';
import { ScenarioSources } from './editor/ScenarioSources.tsx';
import { TariffForm } from './editor/TariffForm.tsx';
import { useEditorRuns } from './editor/useEditorRuns.ts';
import { useValidation, type Validation } from './editor/useValidation.ts';
import { ValidationStatus } from './editor/ValidationStatus.tsx';

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

/** What the run button says for each kind of file. */
const RUN_LABEL: Partial<Record<RunKind, string>> = {
  solve: 'Solve',
  timeline: 'Run the timeline',
  strategy: 'Solve the game',
  negotiation: 'Run the negotiation',
  gravity: 'Estimate and solve',
  sweep: 'Run the sweep',
};

export function Editor() {
  const [text, setText] = useState(() => sessionStorage.getItem('lancaster.editor') ?? STARTER);
  const validation = useValidation(text);
  const { runs, progress, running, runError, submit, forget } = useEditorRuns();
  const code = useRef<CodeAreaHandle>(null);
  useEffect(() => {
    sessionStorage.setItem('lancaster.editor', text);
  }, [text]);
  const problems = useMemo(() => problemsByLine(validation), [validation]);
  const load = (t: string) => {
    setText(t);
    forget();
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
            <ScenarioSources onLoad={load} />
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
          <ValidationStatus id="validation" validation={validation} onGoTo={(l, c) => code.current?.goTo(l, c)} />
        </section>

        <section className="panel" aria-labelledby="form-h">
          <PolicyForms
            text={text}
            setText={setText}
            dataset={validation.state === 'valid' ? validation.dataset : undefined}
          />
          <RunBar
            validation={validation}
            running={running}
            onRun={() => validation.state === 'valid' && submit(validation.kind, text)}
          />
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

/** The messages of the validation's issues by the line they are at (for the editor's gutter). */
function problemsByLine(validation: Validation): Map<number, string[]> {
  const m = new Map<number, string[]>();
  if (validation.state !== 'invalid') return m;
  for (const i of validation.issues)
    if (i.line) m.set(i.line, [...(m.get(i.line) ?? []), `${formatPath(i.path)}: ${i.message}`]);
  return m;
}

/** The tariff and export-control forms of the text, each edit written back into the YAML. */
function PolicyForms({
  text,
  setText,
  dataset,
}: {
  text: string;
  setText: (change: (t: string) => string) => void;
  dataset: string | undefined;
}) {
  const rows = useMemo(() => tariffRows(text), [text]);
  const controls = useMemo(() => controlRows(text), [text]);
  const caps = useMemo(() => capacityRows(text), [text]);
  const formDataset = useDataset(dataset);
  return (
    <>
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
    </>
  );
}

/** The run button, named after the kind of file, and why it is disabled when it is. */
function RunBar({ validation, running, onRun }: { validation: Validation; running: boolean; onRun: () => void }) {
  return (
    <div className="run-bar">
      <button
        type="button"
        className="primary"
        onClick={onRun}
        disabled={validation.state !== 'valid' || running}
        data-testid="run"
      >
        {running ? 'Running…' : validation.state === 'valid' ? (RUN_LABEL[validation.kind] ?? 'Run') : 'Solve'}
      </button>
      {validation.state !== 'valid' && (
        <span className="muted">{validation.state === 'checking' ? 'checking…' : 'fix the problems to run'}</span>
      )}
    </div>
  );
}

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
