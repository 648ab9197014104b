/**
 * The landing view: the 2025 timeline (scenarios/us-china-2025.yaml) run as a `timeline` run and
 * told as a story: the headline numbers and why they differ from the news' rates, a switch between
 * the long run and the short run (the page says which is shown; the short run is the same file with
 * `options.horizon: short-run`), the dated event strip, the charts of tariffs, trade and welfare,
 * the world map and sector bars of the selected event, the model against what happened, the
 * critical supply of rare earths, what the measures mean, and the London talks.
 * While the model cannot apply export controls, the tariff steps are run alone and the page says so.
 * The address holds the view (a permalink): #/?horizon=short-run&event=12&countries=USA,CHN,JPN —
 * the horizon, the event selected and the countries of the map and sector bars (countries beyond
 * the US and China get their sector detail from a run of the same file with `report.sectors`).
 */
import { useEffect, useMemo, useState } from 'react';
import { hashList, hashQuery, setHashQuery, useHash } from '../hash.ts';
import { CountryPicker } from '../components/CountryPicker.tsx';
import {
  api,
  runScenario,
  type DatasetInfo,
  type EmbeddedScenario,
  type Progress,
  type Run,
  type TimelineResult,
  type TimelineStep,
} from '../api.ts';
import { useDataset, sourceLine } from '../data.tsx';
import { day } from '../format.ts';
import { setValue, stepActions, withoutExportControls } from '../scenarioText.ts';
import { HORIZON_TEXT, Measures, type Horizon } from './story/Explain.tsx';
import { EventCard } from './story/EventCard.tsx';
import { StoryHead } from './story/StoryHead.tsx';
import { ModelVsObserved } from './story/ModelVsObserved.tsx';
import { CriticalSupply } from './story/CriticalSupply.tsx';
import { useStoryBands, type StoryBands } from './story/sweepBands.ts';
import './story/story.css';
import { EventStrip } from '../components/EventStrip.tsx';
import { TimelineCharts } from '../components/TimelineCharts.tsx';
import { WorldMap } from '../components/WorldMap.tsx';
import { SectorBars, goodsSectors } from '../components/SectorBars.tsx';
import { Provenance } from '../components/Provenance.tsx';
import { RunStatus } from '../components/RunStatus.tsx';

const STORY_ID = 'us-china-2025';
/** The countries of the map and sector bars unless the address names others; the file gives their sector detail. */
const DEFAULT_COUNTRIES = ['USA', 'CHN'];

/**
 * The regions whose sector detail the run must give: the US and China (the trade chart reads them),
 * then the chosen.
 */
const sectorRegions = (countries: string[]) => [...new Set([...DEFAULT_COUNTRIES, ...countries])];

/** The story's text with sector detail for the chosen countries (report.sectors); unchanged for the file's default. */
function withSectors(text: string, countries: string[]): string {
  const regions = sectorRegions(countries);
  return regions.length === DEFAULT_COUNTRIES.length ? text : setValue(text, ['report', 'sectors'], regions);
}

type Mode = 'full' | 'tariffs-only';

interface Loaded {
  embedded: EmbeddedScenario;
  mode: Mode;
  horizon: Horizon;
  text: string;
  run: Run<TimelineResult>;
}

/** The story's text at a horizon: the long run as the file says (its default), the short run set in options. */
const atHorizon = (text: string, h: Horizon) => (h === 'long-run' ? text : setValue(text, ['options', 'horizon'], h));

/** A finished timeline run of exactly this text, if one is stored (no need to solve again). */
async function storedRun(name: string | null, text: string): Promise<Run<TimelineResult> | undefined> {
  const runs = await api.runs({ kind: 'timeline', status: 'done', limit: 30 });
  for (const r of runs.filter((r) => r.name === name)) {
    const full = await api.run<TimelineResult>(r.id);
    if (full.scenario === text && full.result) return full;
  }
  return undefined;
}

export function Story() {
  const hash = useHash();
  const query = hashQuery(hash);
  const horizon: Horizon = query.get('horizon') === 'short-run' ? 'short-run' : 'long-run';
  const countries = hashList(hash, 'countries') ?? DEFAULT_COUNTRIES;
  const event = Number(query.get('event'));
  const selected = Number.isInteger(event) && event >= 1 ? event - 1 : null;
  const detail = sectorRegions(countries).join(',');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [pending, setPending] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [again, setAgain] = useState(0);

  useEffect(() => {
    let live = true;
    setPending(true);
    setProgress(null);
    (async () => {
      const all = await api.embedded();
      const embedded = all.find((s) => s.id === STORY_ID);
      if (!embedded) throw new Error(`Expected the embedded scenario ${STORY_ID}, found none in scenarios/`);
      let mode: Mode = 'full';
      let text = embedded.text;
      if (!embedded.valid) {
        if (!embedded.issues.every((i) => i.path.includes('export_controls')))
          throw new Error(embedded.issues.map((i) => `line ${i.line}: ${i.message}`).join('; '));
        mode = 'tariffs-only';
        text = withoutExportControls(text);
      }
      text = withSectors(atHorizon(text, horizon), detail.split(','));
      const run =
        (again === 0 && (await storedRun(embedded.name, text))) ||
        (await runScenario<TimelineResult>('timeline', text, (p) => live && setProgress(p)));
      if (live) {
        setLoaded({ embedded, mode, horizon, text, run });
        setPending(false);
      }
    })().catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [again, horizon, detail]);

  if (error)
    return (
      <div className="panel error" role="alert">
        <h2>The 2025 timeline could not be run</h2>
        <p>{error}</p>
      </div>
    );
  // A new horizon is a new story (the page waits); new countries only add sector detail (the page stays).
  if (!loaded || loaded.horizon !== horizon)
    return (
      <RunStatus
        label={`Solving the 2025 timeline (${HORIZON_TEXT[horizon].label.toLowerCase()})`}
        progress={progress}
      />
    );
  return (
    <StoryBody
      loaded={loaded}
      selected={selected}
      countries={countries}
      detailProgress={pending ? (progress ?? { fraction: 0, message: 'queued' }) : null}
      onSelect={(k) => setHashQuery({ event: String(k + 1) })}
      onCountries={(cs) =>
        setHashQuery({ countries: cs.join(',') === DEFAULT_COUNTRIES.join(',') ? null : cs.join(',') }, true)
      }
      onHorizon={(h) => setHashQuery({ horizon: h === 'long-run' ? null : h }, true)}
      onRerun={() => {
        setLoaded(null);
        setAgain((k) => k + 1);
      }}
    />
  );
}

interface StoryBodyProps {
  loaded: Loaded;
  selected: number | null;
  countries: string[];
  /** Progress of the run that adds the chosen countries' sector detail, while it runs. */
  detailProgress: Progress | null;
  onSelect: (k: number) => void;
  onCountries: (codes: string[]) => void;
  onHorizon: (h: Horizon) => void;
  onRerun: () => void;
}

/** The index of the first step with the highest average tariff `key` ('USA<-CHN'). */
const peakStep = (steps: TimelineStep[], key: string) =>
  steps.reduce((b, s, k) => ((s.average_tariffs[key] ?? 0) > (steps[b].average_tariffs[key] ?? 0) ? k : b), 0);

/** A run's time: milliseconds under a second, else seconds. */
const solvedIn = (ms: number) => (ms / 1000 < 1 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

function StoryBody({
  loaded,
  selected,
  countries,
  detailProgress,
  onSelect,
  onCountries,
  onHorizon,
  onRerun,
}: StoryBodyProps) {
  const { run, mode, embedded, horizon } = loaded;
  const result = run.result!;
  const steps = result.steps;
  const dataset = useDataset(result.dataset);
  const actions = useMemo(() => stepActions(embedded.text), [embedded.text]);
  const unmodelled = useMemo(
    () => new Set(mode === 'tariffs-only' ? actions.flatMap((a, k) => (a.hasControls ? [k] : [])) : []),
    [actions, mode],
  );
  const peakUs = peakStep(steps, 'USA<-CHN');
  const peakCn = peakStep(steps, 'CHN<-USA');
  const k = selected !== null && selected < steps.length ? selected : peakUs;
  const step = steps[k];
  const regionNames = Object.fromEntries((dataset?.regions ?? []).map((r) => [r.code, r.name]));
  const src = sourceLine(result.model, dataset, `Events: ${embedded.file}.`);
  const sweep = useStoryBands(result, STORY_ID);
  return (
    <article className="story">
      <StoryHead
        steps={steps}
        peakUs={peakUs}
        peakCn={peakCn}
        horizon={horizon}
        onHorizon={onHorizon}
        tariffsOnly={mode === 'tariffs-only' ? { model: result.model, reason: embedded.issues[0]?.message } : null}
      />

      <section aria-labelledby="events-h" className="panel">
        <div className="section-head">
          <h2 id="events-h">Events of 2025</h2>
          <span className="run-meta">
            {mode === 'full' ? 'Full scenario' : 'Tariff steps'} · {steps.length} steps · run{' '}
            <code>{run.id.slice(0, 8)}</code> · solved in {solvedIn(run.timings.run_ms ?? 0)}{' '}
            <button type="button" className="link" onClick={onRerun}>
              run again
            </button>
          </span>
        </div>
        <EventStrip steps={steps} actions={actions} selected={k} onSelect={onSelect} unmodelled={unmodelled} />
        <EventCard step={step} index={k} total={steps.length} unmodelled={unmodelled.has(k)} onSelect={onSelect} />
        <TimelineCharts
          steps={steps}
          selected={k}
          source={src}
          regionNames={{ ...regionNames, EU: 'European Union' }}
        />
      </section>

      <WorldSection
        step={step}
        k={k}
        steps={steps}
        countries={countries}
        dataset={dataset}
        source={src}
        detailProgress={detailProgress}
        onCountries={onCountries}
        sweep={sweep}
        model={result.model}
        runId={run.id}
      />

      <ModelVsObserved result={result} horizon={horizon} source={src} />
      <CriticalSupply />
      <Measures />

      <LondonLinks steps={steps} />
    </article>
  );
}

/** The world after the selected event: the country picker, the welfare map and the chosen countries' sector bars. */
function WorldSection({
  step,
  k,
  steps,
  countries,
  dataset,
  source: src,
  detailProgress,
  onCountries,
  sweep,
  model,
  runId,
}: {
  step: TimelineStep;
  /** The selected step's index. */
  k: number;
  steps: TimelineStep[];
  countries: string[];
  dataset: DatasetInfo | undefined;
  source: string;
  detailProgress: Progress | null;
  onCountries: (codes: string[]) => void;
  sweep: StoryBands | null;
  model: string;
  runId: string;
}) {
  const regionNames = Object.fromEntries((dataset?.regions ?? []).map((r) => [r.code, r.name]));
  const at = `after the step of ${day(step.date)}`;
  return (
    <section aria-labelledby="world-h" className="panel">
      <div className="section-head">
        <h2 id="world-h">The world {at}</h2>
        <span className="run-meta">{step.label}</span>
      </div>
      <CountryPicker
        dataset={dataset}
        value={countries}
        onChange={onCountries}
        purpose="the map and the sector bars"
        defaults={DEFAULT_COUNTRIES}
      />
      {detailProgress && (
        <RunStatus
          label={`Solving the sector detail of ${
            countries
              .filter((c) => !step.sectors?.[c])
              .map((c) => regionNames[c] ?? c)
              .join(', ') || 'the chosen countries'
          } (the same timeline with report.sectors)`}
          progress={detailProgress}
        />
      )}
      <WorldMap
        title="Welfare by country"
        subtitle={`Welfare, percent change from the January baseline, ${at}`}
        countries={step.countries}
        dataset={dataset}
        source={src}
        highlight={countries}
      />
      {step.sectors && countries.some((c) => step.sectors?.[c]) && (
        <SectorBars
          sectors={step.sectors}
          countries={countries}
          dataset={dataset}
          subtitle={at}
          source={src}
          goods={goodsSectors(dataset)}
          bands={sweep?.steps.get(k)}
          bandsNote={bandsNote(sweep, k, steps)}
        />
      )}
      {countries.length === 0 && <p className="muted">Choose a country above to see its sectors.</p>}
      <Provenance dataset={dataset} model={model} runId={runId} />
    </section>
  );
}

/** Where the London talks are analysed: the negotiation view, the builder and the editor. */
function LondonLinks({ steps }: { steps: TimelineStep[] }) {
  const london = steps.find((s) => s.talks?.city === 'London');
  return (
    <section aria-labelledby="london-h" className="panel">
      <h2 id="london-h">The London talks, analysed</h2>
      <p>
        At Lancaster House in London{london ? ` (${day(london.date)})` : ''} the delegations agreed a framework — faster
        rare-earth licences for easier chip sales — that each took home for its leader's approval. Lancaster models
        those talks as a negotiation over levers of the same trade model: every possible deal, which ones both leaders
        would ratify, and how linking the issues changes what is possible.
      </p>
      <ul>
        <li>
          <a href="#/negotiation">The London 2025 negotiation</a>: the deal map, the leaders' ratification and the
          linkage of rare earths with chips.
        </li>
        <li>
          <a href="#/negotiation?case=build">Set up a negotiation of your own</a>: choose the issues, agents, deadline
          and leaders' thresholds.
        </li>
        <li>
          <a href="#/editor">The scenario editor</a>: open <code>negotiation/london-2025</code> and run it as a
          negotiation.
        </li>
      </ul>
    </section>
  );
}

/** What the sector bars' whiskers are, or why this event has none. */
function bandsNote(sweep: StoryBands | null, k: number, steps: TimelineStep[]): string {
  if (!sweep)
    return (
      'No uncertainty intervals: no stored sweep of this scenario has this run as its central run (a sweep run of ' +
      'scenario us-china-2025 at this horizon, e.g. sweeps/us-china-2025-long-run.yaml, adds 5–95% whiskers).'
    );
  const at = [...sweep.steps.keys()].map((j) => day(steps[j].date)).join(' and ');
  return sweep.steps.has(k)
    ? `Whiskers: 5–95% of ${sweep.used} of ${sweep.requested} draws of the sweep "${sweep.name}" (run ` +
        `${sweep.runId.slice(0, 8)}); rings: their median. Bars are this run, the sweep's central run.`
    : `The sweep "${sweep.name}" (run ${sweep.runId.slice(0, 8)}) keeps sector detail at ` +
        `${at} only: choose one of those events for its 5–95% whiskers.`;
}
