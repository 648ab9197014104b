/**
 * The GENIUS case of the negotiation view: a shipped domain or an uploaded domain with two
 * profiles, and a disagreement point, analysed as an `analyze` run (the default example on opening).
 */
import { useEffect, useState } from 'react';
import { api, waitForRun, ApiFailure, type Analysis } from '../../api.ts';
import { EXAMPLES } from './examples.ts';
import { Frontier, type FrontierProps } from './Frontier.tsx';

/** The GENIUS files uploaded: the domain and the profiles of parties A and B. */
interface Files {
  domain?: string;
  a?: string;
  b?: string;
}

export function Genius() {
  const [exampleId, setExampleId] = useState(EXAMPLES[0].id);
  const [files, setFiles] = useState<Files>({});
  const [dis, setDis] = useState<[string, string]>(['0', '0']);
  const { result, busy, error, analyze } = useAnalysis();
  const custom = exampleId === 'upload';
  const run = () => analyze(exampleId, files, dis.map(Number) as [number, number]);
  // The default example is analysed once, on opening; later analyses are the user's (the button).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the default example is analysed once (above)
  useEffect(() => {
    void run();
  }, []);

  return (
    <>
      <section className="panel" aria-labelledby="domain-h">
        <h2 id="domain-h">Domain</h2>
        <p className="muted">Domains and preferences in the GENIUS XML format; utilities normalised to [0, 1].</p>
        <div className="controls wrap">
          <label>
            Domain{' '}
            <select value={exampleId} onChange={(e) => setExampleId(e.target.value)}>
              {EXAMPLES.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
              <option value="upload">Upload GENIUS files…</option>
            </select>
          </label>
          {custom && <Uploads onFile={(k, t) => setFiles((s) => ({ ...s, [k]: t }))} />}
          <DisagreementPoint value={dis} onChange={setDis} />
          <button
            type="button"
            className="primary"
            onClick={run}
            disabled={busy || (custom && !(files.domain && files.a && files.b))}
          >
            {busy ? 'Analysing…' : 'Analyse'}
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
      {result && <Frontier {...result} />}
    </>
  );
}

/** The analysis of a domain as an `analyze` run: its result, whether one is going, and why it failed. */
function useAnalysis() {
  const [result, setResult] = useState<FrontierProps | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Analyses the example `exampleId` ('upload': the uploaded `files`) from the disagreement point. */
  const analyze = async (exampleId: string, files: Files, disagreement: [number, number]) => {
    const custom = exampleId === 'upload';
    const ex = EXAMPLES.find((e) => e.id === exampleId);
    setBusy(true);
    setError(null);
    try {
      const input = custom
        ? { domain: files.domain, profile_a: files.a, profile_b: files.b }
        : { domain: ex!.domain, profile_a: ex!.a, profile_b: ex!.b };
      const id = await api.submitJson('analyze', { ...input, disagreement });
      const run = await waitForRun<Analysis>(id);
      if (run.status === 'failed' || !run.result) throw new Error(run.error ?? 'the analysis failed');
      setResult({
        analysis: run.result,
        parties: custom ? ['Party A', 'Party B'] : ex!.parties,
        source: custom ? 'uploaded GENIUS files' : ex!.source,
        runId: id,
      });
    } catch (e) {
      setError(
        e instanceof ApiFailure
          ? `${e.message}${e.issues.length ? `: ${e.issues.map((i) => i.message).join('; ')}` : ''}`
          : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };
  return { result, busy, error, analyze };
}

/** File inputs for the domain and the two profiles; each file read is handed to `onFile`. */
function Uploads({ onFile }: { onFile: (k: keyof Files, text: string) => void }) {
  return (['domain', 'a', 'b'] as const).map((k) => (
    <label key={k} className="file">
      {k === 'domain' ? 'Domain XML' : `Profile ${k.toUpperCase()} XML`}
      <input
        type="file"
        accept=".xml,text/xml"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (f) onFile(k, await f.text());
        }}
      />
    </label>
  ));
}

/** The utilities (as typed) each party gets without an agreement. */
function DisagreementPoint({
  value: dis,
  onChange,
}: {
  value: [string, string];
  onChange: (d: [string, string]) => void;
}) {
  return (
    <fieldset className="inline">
      <legend>Disagreement point</legend>
      <label>
        u<sub>A</sub>{' '}
        <input
          type="number"
          step="0.05"
          min={0}
          max={1}
          value={dis[0]}
          onChange={(e) => onChange([e.target.value, dis[1]])}
          style={{ width: '5em' }}
        />
      </label>
      <label>
        u<sub>B</sub>{' '}
        <input
          type="number"
          step="0.05"
          min={0}
          max={1}
          value={dis[1]}
          onChange={(e) => onChange([dis[0], e.target.value])}
          style={{ width: '5em' }}
        />
      </label>
    </fieldset>
  );
}
