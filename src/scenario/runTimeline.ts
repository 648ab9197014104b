/**
 * Runs a scenario's timeline: every step that changes policy is solved, warm-started from the
 * previous solution; steps that only mark talks or deadlines carry the previous equilibrium.
 * Returns the contract's `steps: [{date, label, countries}]` plus sources, talks, deadlines,
 * average tariffs each way and sector detail for the regions asked for.
 */
import type { Dataset } from '../data/dataset.ts';
import type { CountryResult, IterationFn, SolverReport } from '../model/result.ts';
import type { Horizon, HorizonStep, PathPoint, Provenance } from '../contract/result.ts';
import type { ParsedScenario } from './parse.ts';
import type { TimelineStep } from '../spec/scenario.ts';
import { MODEL_SPECS, type PolicyState, type Solved } from '../model/registry.ts';
import { timelineStates, type StepState } from './timeline.ts';
import { scenarioDataset } from './solve.ts';
import { averageTariffPct } from '../policy/average.ts';
import { sectorResults, type SectorResult } from '../model/ge/outputs.ts';
import { PolicyError } from '../policy/errors.ts';
import { ScenarioError } from '../spec/errors.ts';
import {
  goodsIndices,
  pairAverageTariffPct,
  pairFlowPct,
  resolvePair,
  tariffRevenue,
  type PairSides,
} from './measures.ts';
import { provenanceOf } from './provenance.ts';
import { monthlyPathOf } from './replay.ts';
import * as msg from '../spec/messages/scenario.ts';

/**
 * One dated step of a timeline run: its policy's equilibrium (or the previous one when the step
 * changed no policy), average tariffs of the reported pairs, sector and bilateral detail.
 *
 * @example
 * ```ts
 * for (const s of runTimeline(p).steps) console.log(s.date, s.label, s.countries.CHN.welfare_pct);
 * ```
 */
export interface TimelineStepResult extends SolverReport {
  date: string;
  label: string;
  source: string;
  assumption?: string;
  talks?: TimelineStep['talks'];
  /** When the step was announced, if the scenario says (anticipation in monthly paths). */
  announced?: string;
  deadline?: TimelineStep['deadline'];
  /** False when the step changed no policy and carries the previous equilibrium. */
  solved: boolean;
  countries: Record<string, CountryResult>;
  groups?: Record<string, CountryResult>;
  /**
   * The step at every horizon solved (docs/results.md); the run's own horizon repeats `countries`,
   * `groups`, `trade` and `tariff_revenue`.
   */
  by_horizon: Partial<Record<Horizon, HorizonStep>>;
  /** "USA<-CHN" → trade-weighted average tariff (percent) of USA on goods from CHN. */
  average_tariffs: Record<string, number>;
  /** region → sector → detail (multi-sector models). */
  sectors?: Record<string, Record<string, SectorResult>>;
  /** region → importer → exports of region to importer, percent change (goods). */
  bilateral_exports_pct?: Record<string, Record<string, number>>;
  /** "EXPORTER->IMPORTER" → goods flows, percent change (the scenario's report.trade pairs; groups and "*" allowed). */
  trade?: Record<string, number>;
  /** region → tariff revenue in the equilibrium, dataset units (multi-sector models). */
  tariff_revenue?: Record<string, number>;
}

/**
 * Options of {@link runTimeline}.
 *
 * @example
 * ```ts
 * runTimeline(p, { pairs: [['USA', 'CHN']], onStep: (k, n, label) => console.error(`${k + 1}/${n} ${label}`) });
 * ```
 */
export interface TimelineRunOptions {
  /**
   * Pairs [importer, exporter] whose average tariff is reported ("*" = all others); default USA/CHN
   * both ways if present, and each report country on all its partners.
   */
  pairs?: [string, string][];
  /** Regions with sector detail; default the scenario's `report.sectors`, else USA and CHN if present. */
  sectorRegions?: string[];
  /** Called before each step is solved. */
  onStep?: (k: number, total: number, label: string) => void;
  /** false: leave out the monthly path (`path`); default: computed (it costs no solve). */
  path?: boolean;
  /** Called on every iteration of each step's solve (progress events). */
  onIteration?: IterationFn;
}

/**
 * The result of a timeline run: every step in date order, with an overall status (converged only
 * when every solved step converged).
 *
 * @example
 * ```ts
 * const t: TimelineRun = runTimeline(readScenarioFile('scenarios/us-china-2025.yaml'));
 * t.steps.at(-1)?.average_tariffs['USA<-CHN'];
 * ```
 */
export interface TimelineRun {
  model: string;
  dataset: string;
  /** The horizon of the steps' own fields: options.horizon, long run by default. */
  horizon: Horizon;
  status: 'converged' | 'not-converged';
  seconds: number;
  start: { average_tariffs: Record<string, number> };
  steps: TimelineStepResult[];
  /** Monthly path between the dated equilibria (scenario/replay.ts), points shaped like steps. */
  path?: PathPoint[];
  provenance: Provenance;
}

function goodsSectors(d: Dataset): number[] | undefined {
  const g = d.manifest.sector_groups?.goods;
  return g ? g.map((c) => d.sectors.indexOf(c)) : undefined;
}

function averages(d: Dataset, state: PolicyState, pairs: [string, string][]) {
  const out: Record<string, number> = {};
  const goods = goodsSectors(d);
  for (const [a, b] of pairs) {
    const key = `${a}<-${b}`;
    out[key] =
      d.regions.includes(a) && d.regions.includes(b)
        ? averageTariffPct(d, state.tau, d.regions.indexOf(a), d.regions.indexOf(b), goods)
        : pairAverageTariffPct(d, state.tau, resolvePair(d, key, ['report']), goods ?? goodsIndices(d));
  }
  return out;
}

function bilateral(d: Dataset, solved: Solved, regions: string[]) {
  const ge = solved.ge;
  if (!ge) return undefined;
  const { N, J } = d;
  const goods = goodsSectors(d) ?? d.sectors.map((_, j) => j);
  const out: Record<string, Record<string, number>> = {};
  for (const r of regions) {
    const i = d.regions.indexOf(r);
    out[r] = {};
    for (const t of regions) {
      const n = d.regions.indexOf(t);
      if (n === i) continue;
      let a = 0,
        b = 0;
      for (const j of goods) {
        const q = (n * N + i) * J + j;
        a += (ge.baseline.pi[q] / ge.baseline.tau[q]) * ge.baseline.X[n * J + j];
        b += (ge.solution.piNew[q] / ge.shock.tauNew[q]) * ge.solution.X[n * J + j];
      }
      out[r][t] = 100 * (b / a - 1);
    }
  }
  return out;
}

/** Runs `f`, turning a PolicyError into the scenario's ScenarioError at the place it names. */
function asScenarioError<T>(p: ParsedScenario, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PolicyError)
      throw new ScenarioError(p.file, [{ path: e.path, message: e.message, ...p.locate(e.path) }]);
    throw e;
  }
}

/** The regions and pairs a run reports on, resolved against the dataset once for every step. */
interface Reported {
  /** Pairs [importer, exporter] of the average tariffs. */
  pairs: [string, string][];
  tradePairs: PairSides[];
  goods: number[];
  sectorRegions: string[];
  horizon: Horizon;
}

function reported(p: ParsedScenario, d: Dataset, opts: TimelineRunOptions): Reported {
  const s = p.scenario;
  const have = (c: string) => d.regions.includes(c) || Boolean(d.manifest.groups[c]);
  // Default: USA/CHN both ways when both exist, and each report country against all its partners.
  const pairs = opts.pairs ?? [
    ...(
      [
        ['USA', 'CHN'],
        ['CHN', 'USA'],
      ] as [string, string][]
    ).filter(([a, b]) => have(a) && have(b)),
    ...(s.report?.countries ?? []).filter(have).map((c): [string, string] => [c, '*']),
  ];
  const tradePairs = asScenarioError(p, () =>
    (s.report?.trade ?? []).map((key, k) => resolvePair(d, key, ['report', 'trade', k])),
  );
  return {
    pairs,
    tradePairs,
    goods: goodsIndices(d),
    // The scenario's report.sectors, else the US and China (regions only: sector detail is per region).
    sectorRegions: (opts.sectorRegions ?? s.report?.sectors ?? ['USA', 'CHN']).filter((c) => d.regions.includes(c)),
    horizon: s.options.horizon ?? 'long-run',
  };
}

/** Sector detail of each region asked for (multi-sector models only). */
function sectorDetail(d: Dataset, solved: Solved, regions: string[]) {
  const ge = solved.ge;
  if (!ge) return undefined;
  return Object.fromEntries(
    regions.map((c) => {
      const rows = sectorResults(ge.baseline, ge.shock, ge.solution, d.regions.indexOf(c));
      return [c, Object.fromEntries(d.sectors.map((code, j) => [code, rows[j]]))];
    }),
  );
}

/** One step's result: the dated step's labels, its solver report and the indicators of `solved`. */
function stepResult(d: Dataset, st: StepState, solved: Solved, didSolve: boolean, rep: Reported): TimelineStepResult {
  const r = solved.result;
  const ge = solved.ge;
  const sectors = sectorDetail(d, solved, rep.sectorRegions);
  const trade =
    ge && rep.tradePairs.length
      ? Object.fromEntries(rep.tradePairs.map((tp) => [tp.key, pairFlowPct(d, ge, tp, rep.goods)]))
      : undefined;
  const revenue = ge ? Object.fromEntries(d.regions.map((c, n) => [c, tariffRevenue(d, ge, n)])) : undefined;
  const indicators: HorizonStep = {
    countries: r.countries,
    ...(r.groups ? { groups: r.groups } : {}),
    ...(trade ? { trade } : {}),
    ...(revenue ? { tariff_revenue: revenue } : {}),
  };
  return {
    date: st.step.date,
    label: st.step.label,
    source: st.step.source,
    ...(st.step.assumption ? { assumption: st.step.assumption.trim() } : {}),
    ...(st.step.talks ? { talks: st.step.talks } : {}),
    ...(st.step.deadline ? { deadline: st.step.deadline } : {}),
    ...(st.step.announced ? { announced: st.step.announced } : {}),
    solved: didSolve,
    // A carried step did no solver work of its own.
    status: r.status,
    iterations: didSolve ? r.iterations : 0,
    residual: r.residual,
    seconds: didSolve ? r.seconds : 0,
    ...(r.message ? { message: r.message } : {}),
    countries: r.countries,
    ...(r.groups ? { groups: r.groups } : {}),
    by_horizon: { [rep.horizon]: indicators },
    average_tariffs: averages(d, st, rep.pairs),
    ...(sectors ? { sectors } : {}),
    ...(ge ? { bilateral_exports_pct: bilateral(d, solved, rep.sectorRegions) } : {}),
    ...(trade ? { trade } : {}),
    ...(revenue ? { tariff_revenue: revenue } : {}),
  };
}

/**
 * Runs the timeline of a parsed scenario (which must have one): each dated step solved in order,
 * warm-started from the previous one.
 *
 * @example
 * ```ts
 * const t = runTimeline(readScenarioFile('scenarios/us-china-2025.yaml'));
 * t.status; // 'converged'
 * ```
 */
export function runTimeline(p: ParsedScenario, opts: TimelineRunOptions = {}): TimelineRun {
  const t0 = performance.now();
  const s = p.scenario;
  if (!s.timeline)
    throw new ScenarioError(p.file, [{ path: ['timeline'], message: msg.timelineSection(), ...p.locate([]) }]);
  const d = scenarioDataset(p);
  const spec = MODEL_SPECS[s.model];
  const states = asScenarioError(p, () => timelineStates(p, d));
  const rep = reported(p, d, opts);
  const steps: TimelineStepResult[] = [];
  let warm: unknown;
  let prev: Solved | undefined;
  let ok = true;
  for (const st of states.steps) {
    opts.onStep?.(st.index, states.steps.length, st.step.label);
    // A step that changes no policy carries the previous equilibrium; the first step is always solved.
    const carried = !st.changed ? prev : undefined;
    let solved: Solved;
    if (carried) solved = carried;
    else {
      solved = spec.solve(d, s, st, warm, { onIteration: opts.onIteration });
      if (solved.result.status === 'converged') warm = solved.warm;
      else ok = false;
    }
    prev = solved;
    steps.push(stepResult(d, st, solved, !carried, rep));
  }
  const run: TimelineRun = {
    model: s.model,
    dataset: d.manifest.id,
    horizon: rep.horizon,
    status: ok ? 'converged' : 'not-converged',
    seconds: 0,
    start: { average_tariffs: averages(d, states.start, rep.pairs) },
    steps,
    provenance: provenanceOf(d, s),
  };
  if (opts.path !== false) run.path = monthlyPathOf(run, s);
  run.seconds = (performance.now() - t0) / 1000;
  return run;
}
