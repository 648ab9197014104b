/**
 * Runs the `negotiation` section of a scenario on a trade domain: maps every deal with the
 * equilibrium model (cached, in parallel), analyses the frontier, ratification with and without
 * linkage, runs the agent pairings (SAOP per basket, trust-discounted utilities, trust-driven
 * breakdown), and solves the final deal's economic effects. Same code for `lancaster negotiate`
 * and the API's `negotiation` runs.
 */
import type { Dataset } from '../../data/dataset.ts';
import type { OfferEvent } from '../../contract/run.ts';
import { offerOf } from '../../contract/offers.ts';
import { provenanceOf } from '../../scenario/provenance.ts';
import { PolicyError } from '../../policy/errors.ts';
import { ScenarioError } from '../../spec/errors.ts';
import type { ParsedScenario } from '../../scenario/parse.ts';
import { scenarioDataset } from '../../scenario/solve.ts';
import { reportCodeIssues, reportedRows } from '../../scenario/reportCodes.ts';
import { MODEL_SPECS } from '../../model/registry.ts';
import type { Bid } from '../domain.ts';
import { createDomain, discreteIssue } from '../domain.ts';
import { modelAwareAgent } from '../agents/model-aware.ts';
import { strides } from '../outcome-space.ts';
import { createRng } from '../rng.ts';
import type { Threshold } from '../ratification.ts';
import { drawThreshold } from '../ratification.ts';
import { runSaop } from '../saop.ts';
import type { Agent, LogEntry } from '../session.ts';
import type { AgentSpec, NegotiationSpec } from '../../spec/negotiation.ts';
import { agentFromSpec } from '../from-spec.ts';
import { breakdownFromTrust, riskAdjustedUtility, trustFromRecord, updateTrust } from '../trust.ts';
import { callbackUtility } from '../utility.ts';
import { calibrateThresholds, resolveThreshold, type LeaderThreshold } from './calibrate.ts';
import { TradeEvaluator } from './evaluator.ts';
import type { Baskets, MappedDomain } from './linkage.ts';
import {
  analyzeMapped,
  basketIndices,
  dealPoint,
  indexOf,
  partitionRatification,
  summarizePartition,
} from './linkage.ts';
import type { CurrentStateInfo, ResolvedIssue, TradeSpec } from './state.ts';
import {
  checkDisjoint,
  currentState,
  currentValue,
  resolveIssues,
  resolveObjective,
  solvedScenario,
  threatState,
  tradeDomain,
} from './state.ts';
import * as msg from '../../spec/messages/scenario.ts';
import type {
  Calibration,
  ComplianceTerms,
  TradeLogEntry,
  TradeSession,
  TradeNegotiationRun,
} from '../../contract/negotiation.ts';
export type { TradeNegotiationRun };

type Path = (string | number)[];
const AT: Path = ['negotiation', 'domain'];

function fail(p: ParsedScenario, path: Path, message: string): never {
  throw new ScenarioError(p.file, [{ path, message, ...p.locate(path) }]);
}

function thresholdMean(t: Threshold): number {
  return t.kind === 'known' ? t.value : t.kind === 'uniform' ? (t.min + t.max) / 2 : t.mean;
}

/**
 * Options of {@link runTradeNegotiation}.
 *
 * @example
 * ```ts
 * await runTradeNegotiation(p, { workers: 2, onProgress: (f, m) => console.error(`${Math.round(100 * f)}% ${m}`) });
 * ```
 */
export interface TradeRunOptions {
  /** Worker threads for the map (overrides the section's `workers`). */
  workers?: number;
  /** Called with the fraction done (0–1) and a short message. */
  onProgress?: (fraction: number, message: string) => void;
  /** Called with each move of the logged session (the first seed) of every pairing and linkage, as it is made. */
  onOffer?: (offer: OfferEvent) => void;
}

/** Resolved pieces of a trade negotiation (also used by the bench and tests). */
export interface TradeSetup {
  dataset: Dataset;
  spec: TradeSpec;
  parties: [string, string];
  disagreement: number[];
  info: CurrentStateInfo;
  /** The state that follows a breakdown (coercion), when the domain names one. */
  threat?: { base: TradeSpec['base']; info: CurrentStateInfo };
  /** Objective index of [delegation A, delegation B, leader A, leader B]. */
  roles: [number, number, number, number];
}

/** Resolves the trade domain of a parsed scenario (dataset, current state, issues, objectives). */
export function setupTradeNegotiation(p: ParsedScenario): TradeSetup {
  const n = p.scenario.negotiation as NegotiationSpec | undefined;
  if (!n?.domain) fail(p, ['negotiation'], msg.negotiationSectionTrade());
  const dom = n.domain;
  const dataset = scenarioDataset(p);
  const parties = Object.keys(n.parties) as [string, string];
  // Report codes: the scenario's report section as every kind checks it, and the regions whose
  // deal effects are reported (an unknown one would be left out of the effects silently).
  const unknown = reportCodeIssues(dataset, p.scenario.report, MODEL_SPECS[p.scenario.model].resultGroups);
  dom.report?.forEach((c, k) => {
    if (!dataset.regions.includes(c) && !dataset.manifest.groups[c])
      unknown.push({
        path: [...AT, 'report', k],
        message: msg.reportRegionOrGroup(dataset.manifest.id, Object.keys(dataset.manifest.groups), c),
      });
  });
  if (unknown.length)
    throw new ScenarioError(
      p.file,
      unknown.map((i) => ({ ...i, ...p.locate(i.path) })),
    );
  try {
    const { base, info } = currentState(p, dataset, dom, AT);
    const issues = resolveIssues(dataset, dom, AT);
    checkDisjoint(issues, AT);
    const objectives = [];
    const roles: number[] = [];
    for (const who of parties) {
      objectives.push(
        resolveObjective(dataset, `${who} delegation`, who, n.parties[who].objective, [
          'negotiation',
          'parties',
          who,
          'objective',
        ]),
      );
      roles.push(objectives.length - 1);
    }
    for (const [k, who] of parties.entries()) {
      const lo = n.parties[who].leader?.objective;
      if (!lo) {
        roles.push(roles[k]);
        continue;
      }
      objectives.push(
        resolveObjective(dataset, `${who} leader`, who, lo, ['negotiation', 'parties', who, 'leader', 'objective']),
      );
      roles.push(objectives.length - 1);
    }
    const disagreement = issues.map((r, k) => {
      const v = dom.disagreement === 'current' ? currentValue(base, r) : dom.disagreement[r.id];
      const at = [...AT, 'issues', k, 'grid'];
      if (v === undefined) fail(p, [...AT, 'disagreement'], msg.disagreementValueIssue(r.id));
      if (Number.isNaN(v)) fail(p, at, msg.flowsIssueShare(r.id));
      const digit = r.grid.findIndex((g) => Math.abs(g - v) < 1e-9);
      if (digit < 0) fail(p, at, msg.gridIssueContain(r.id, v, r.grid.join(', ')));
      return digit;
    });
    const spec: TradeSpec = {
      dataset: dataset.manifest.id,
      scenario: solvedScenario(p.scenario),
      base,
      issues,
      objectives,
    };
    const threat = threatState(p, dataset, dom, AT);
    return {
      dataset,
      spec,
      parties,
      disagreement,
      info,
      roles: roles as [number, number, number, number],
      ...(threat ? { threat } : {}),
    };
  } catch (e) {
    if (e instanceof PolicyError) fail(p, e.path, e.message);
    throw e;
  }
}

/** Every objective at the threatened state (no issue applied on top of it). */
function threatLevels(spec: TradeSpec, base: TradeSpec['base']): Float64Array {
  return Float64Array.from(new TradeEvaluator({ ...spec, base, issues: [] }, 0).evaluate([]));
}

/** The mapped deal space of a trade negotiation: every deal's utilities and the leaders' thresholds. */
export interface TradeMap {
  setup: TradeSetup;
  domain: ReturnType<typeof tradeDomain>;
  deals: number[][];
  ev: TradeEvaluator;
  map: MappedDomain;
  /** Each leader's threshold as used (a `calibrated` prior resolved on the bound from the approvals). */
  thresholds: [Threshold, Threshold];
  calibration: Calibration | null;
  /** Index of the disagreement deal. */
  dIndex: number;
  /** Objectives at the threatened state, when the domain names a threat. */
  threatLevel: Float64Array | undefined;
  /** Objectives at the disagreement point utilities are measured from (the threat's, else the no-deal deal's). */
  level: ArrayLike<number>;
}

/**
 * Solves every deal of the domain with the model and measures utilities over the disagreement
 * point (the current state, or the threatened state when the domain names a threat), then bounds
 * and resolves the leaders' thresholds on the record. The run and the API's deal map share it.
 *
 * @example
 * ```ts
 * const { map, thresholds } = await mapTradeNegotiation(readScenarioFile('scenarios/negotiation/london-2025.yaml'));
 * map.leaders[0][0]; // Trump's utility of the first deal, pp
 * ```
 */
export async function mapTradeNegotiation(p: ParsedScenario, opts: TradeRunOptions = {}): Promise<TradeMap> {
  const n = p.scenario.negotiation as NegotiationSpec;
  const setup = setupTradeNegotiation(p);
  const { spec, parties, disagreement, roles } = setup;
  const domain = tradeDomain(p.scenario.name, spec.issues);
  const deals = allDeals(spec.issues);
  const workers = opts.workers ?? n.domain!.workers ?? (deals.length > 200 ? 2 : 0);
  const ev = new TradeEvaluator(spec, workers);
  opts.onProgress?.(0.02, `mapping ${deals.length} deals with the model`);
  const raw = await ev.map(deals, (done, total) =>
    opts.onProgress?.(0.02 + 0.88 * (done / total), `solved ${done} of ${total} deals`),
  );
  const dIndex = indexOf(domain, disagreement);
  // Utilities are changes over the disagreement deal, or with a threat over the threatened state
  // (the snapback that follows if no package is ratified): one more solve.
  const threatLevel = setup.threat ? threatLevels(spec, setup.threat.base) : undefined;
  const level = threatLevel ?? raw.map((a) => a[dIndex]);
  const delta = raw.map((a, o) => Float64Array.from(a, (x) => x - level[o]));
  const map: MappedDomain = {
    domain,
    disagreement,
    delegation: [delta[roles[0]], delta[roles[1]]],
    leaders: [delta[roles[2]], delta[roles[3]]],
  };
  const stated = parties.map((w) => n.parties[w].leader?.threshold ?? { kind: 'known', value: 0 }) as [
    LeaderThreshold,
    LeaderThreshold,
  ];
  const calibration = calibrateThresholds(p, setup.dataset, n.domain!, spec, parties, roles, stated, AT);
  const thresholds = stated.map((t, k) => resolveThreshold(t, calibration?.leaders[k].bound)) as [Threshold, Threshold];
  return { setup, domain, deals, ev, map, thresholds, calibration, dIndex, threatLevel, level };
}

/** Values of every deal of the domain, in mixed-radix order (last issue fastest). */
export function allDeals(issues: readonly ResolvedIssue[]): number[][] {
  const sizes = issues.map((r) => r.grid.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  const out: number[][] = new Array(total);
  for (let k = 0; k < total; k++) {
    const v = new Array<number>(issues.length);
    let r = k;
    for (let i = issues.length - 1; i >= 0; i--) {
      v[i] = issues[i].grid[r % sizes[i]];
      r = Math.floor(r / sizes[i]);
    }
    out[k] = v;
  }
  return out;
}

function agentOf(
  spec: AgentSpec,
  name: string,
  modelAware: () => { evaluate(b: Bid): number; disagreement: number },
): Agent {
  if (spec.kind === 'model_aware') return modelAwareAgent({ e: spec.e, name, evaluator: modelAware() });
  return agentFromSpec(spec, name);
}

/**
 * The final deal: the first pairing under the section's linkage setting (linked, else separate),
 * with its economic effects and compliance terms when it reached a deal.
 */
function finalDeal(ctx: Negotiation, sessions: ReturnType<typeof runSessions>, linked: boolean, opts: TradeRunOptions) {
  const { domain } = ctx.mapped;
  const mode = linked ? 'linked' : 'separate';
  const final = sessions.find((s) => s.linkage === mode)!;
  let effects: TradeNegotiationRun['deal']['effects'] = null;
  let compliance: ComplianceTerms[] | null = null;
  if (final.deal) {
    opts.onProgress?.(0.92, 'solving the deal');
    effects = dealEffects(ctx, final.deal);
    compliance = complianceOf(
      ctx,
      indexOf(
        domain,
        ctx.setup.spec.issues.map((r) => r.grid.indexOf(Number(final.deal![r.id]))),
      ),
    );
  }
  return { final, effects, compliance };
}

/** The issues as the run reports them: owner, kind, grid and the value now. */
function issueRows(spec: TradeSpec, disagreement: ArrayLike<number>): TradeNegotiationRun['issues'] {
  return spec.issues.map((r, i) => ({
    id: r.id,
    ...(r.label ? { label: r.label } : {}),
    owner: r.owner,
    kind: r.kind,
    mode: r.mode,
    grid: r.grid,
    disagreement: r.grid[disagreement[i]],
    flows: r.cells.length,
  }));
}

/** The parties' objectives as the run reports them: measure, security weights and the level at disagreement. */
function objectiveRows(setup: TradeSetup, level: ArrayLike<number>): TradeNegotiationRun['objectives'] {
  return setup.spec.objectives.map((o, k) => ({
    name: o.name,
    region: o.region,
    measure: o.measure,
    security: o.security.map((s) => ({ region: s.code, sector: s.label, weight: s.weight })),
    disagreement_pct: level[k],
  }));
}

/**
 * Runs the negotiation section of a parsed scenario on its trade domain.
 *
 * @example
 * const r = await runTradeNegotiation(readScenarioFile('scenarios/negotiation/london-2025.yaml'));
 * r.linkage.linked.ratifiable; // deals ratified with P ≥ 0.5 when REE and chips are linked
 */
export async function runTradeNegotiation(p: ParsedScenario, opts: TradeRunOptions = {}): Promise<TradeNegotiationRun> {
  const t0 = performance.now();
  const n = p.scenario.negotiation as NegotiationSpec;
  const mapped = await mapTradeNegotiation(p, opts);
  const { setup, domain, deals, ev, map, thresholds, calibration, threatLevel, level } = mapped;
  const { spec, parties, disagreement } = setup;
  const { partitions, linkage } = linkagePartitions(p, n, spec, map, thresholds);
  const analysis = analyzeMapped(map, thresholds);
  const { trust, tau, breakdown } = trustState(n, parties);
  const ctx: Negotiation = {
    p,
    n,
    setup,
    mapped,
    thresholds,
    partitions,
    tau,
    breakdown,
    revert: reverter(spec, parties, disagreement, domain),
    onOffer: opts.onOffer,
  };
  const sessions = runSessions(ctx);
  const { final, effects, compliance } = finalDeal(ctx, sessions, linkage.enabled, opts);
  const linkedNash = linkage.linked.nash
    ? { bid: linkage.linked.nash.bid, terms: complianceOf(ctx, linkage.linked.nash.index) }
    : null;
  opts.onProgress?.(1, 'done');
  return {
    name: p.scenario.name,
    model: p.scenario.model,
    dataset: setup.dataset.manifest.id,
    status: 'converged',
    seconds: (performance.now() - t0) / 1000,
    parties,
    current_state: setup.info,
    calibration,
    threat:
      setup.threat && threatLevel
        ? {
            ...setup.threat.info,
            ...(n.domain!.threat?.label ? { label: n.domain!.threat.label } : {}),
            objectives_pct: [...threatLevel],
          }
        : null,
    issues: issueRows(spec, disagreement),
    objectives: objectiveRows(setup, level),
    evaluation: { ...ev.stats, deals: deals.length },
    analysis,
    linkage,
    trust,
    sessions,
    deal: {
      bid: final.deal,
      session: `${final.label} (${final.linkage})`,
      utilities: final.deal ? final.utilities : null,
      ratification_probability: final.ratification_probability,
      effects,
      compliance,
    },
    linked_nash_compliance: linkedNash,
    provenance: provenanceOf(setup.dataset, p.scenario),
  };
}

/** What the steps after the deal map share. */
interface Negotiation {
  p: ParsedScenario;
  n: NegotiationSpec;
  setup: TradeSetup;
  mapped: TradeMap;
  thresholds: [Threshold, Threshold];
  partitions: { linked: number[][]; separate: number[][] };
  /** Trust of each party in the other after the history. */
  tau: [number, number];
  breakdown: number;
  /** Deal k with `party`'s own concessions reverted to the disagreement values. */
  revert: (k: number, party: number) => number;
  onOffer?: (offer: OfferEvent) => void;
}

/** Linkage: full (one basket), linked and separate partitions, checked and summarised. */
function linkagePartitions(
  p: ParsedScenario,
  n: NegotiationSpec,
  spec: TradeSpec,
  map: MappedDomain,
  thresholds: [Threshold, Threshold],
) {
  const ids = spec.issues.map((r) => r.id);
  const link = n.domain!.linkage;
  const linked: Baskets = link?.linked ?? [ids];
  const separate: Baskets = link?.separate ?? ids.map((i) => [i]);
  const check = (b: Baskets, key: string) => {
    try {
      return basketIndices(map.domain, b);
    } catch (e) {
      return fail(p, [...AT, 'linkage', key], (e as Error).message);
    }
  };
  const partitions = { linked: check(linked, 'linked'), separate: check(separate, 'separate') };
  const linkage = {
    full: summarizePartition(map, [ids], thresholds),
    linked: summarizePartition(map, linked, thresholds),
    separate: summarizePartition(map, separate, thresholds),
    enabled: link?.enabled ?? true,
  };
  return { partitions, linkage };
}

/**
 * Trust: initial values (from the record where there is one), the observed history, then the
 * breakdown chance per round.
 */
function trustState(n: NegotiationSpec, parties: [string, string]) {
  let trust: TradeNegotiationRun['trust'] = null;
  let tau: [number, number] = [1, 1];
  let breakdown = n.breakdown_probability;
  if (n.trust) {
    const dyn = { gain: n.trust.gain, loss: n.trust.loss };
    // A side's trust in the other is the other's delivered share on the record where there is one.
    const fromRecord = ([1, 0] as const).map((o) => trustFromRecord(n.trust?.record ?? [], parties[o]));
    const initial: [number, number] = [
      fromRecord[0] ?? n.parties[parties[0]].trust,
      fromRecord[1] ?? n.parties[parties[1]].trust,
    ];
    const source = fromRecord.map((t, i) =>
      t === undefined
        ? 'stated'
        : `record: ${(n.trust?.record ?? [])
            .filter((r) => r.party === parties[1 - i])
            .map((r) => r.label)
            .join(', ')}`,
    ) as [string, string];
    tau = [...initial];
    const history = (n.trust.history ?? []).map((h) => {
      const movesOf = (w: string) => h.moves[w] ?? 'C';
      tau = [
        updateTrust(tau[0], movesOf(parties[1]) === 'C', dyn),
        updateTrust(tau[1], movesOf(parties[0]) === 'C', dyn),
      ];
      return { label: h.label, moves: { ...h.moves }, trust: [tau[0], tau[1]] as [number, number] };
    });
    breakdown = breakdownFromTrust(tau, { base: n.trust.base_breakdown, sensitivity: n.trust.sensitivity });
    trust = {
      initial,
      initial_source: source,
      after_history: [tau[0], tau[1]],
      breakdown_per_round: breakdown,
      history,
    };
  }
  return { trust, tau, breakdown };
}

/** Deal k with the issues `party` owns put back at their disagreement values. */
function reverter(spec: TradeSpec, parties: [string, string], disagreement: number[], domain: MappedDomain['domain']) {
  const st = strides(domain);
  const ownerOf = spec.issues.map((r) => parties.indexOf(r.owner));
  return (k: number, party: number): number => {
    let q = k;
    spec.issues.forEach((_, i) => {
      if (ownerOf[i] !== party) return;
      const digit = Math.floor(k / st[i]) % spec.issues[i].grid.length;
      q += (disagreement[i] - digit) * st[i];
    });
    return q;
  };
}

/** Repeated compliance game on deal k: R = u(k), T = own concessions reverted, S = the other's reverted, P = 0. */
function complianceOf(ctx: Negotiation, k: number): ComplianceTerms[] {
  const { map } = ctx.mapped;
  return ([0, 1] as const).map((i) => {
    const R = map.delegation[i][k];
    const T = map.delegation[i][ctx.revert(k, i)];
    const S = map.delegation[i][ctx.revert(k, 1 - i)];
    return {
      party: ctx.setup.parties[i],
      reward: R,
      temptation: T,
      sucker: S,
      punishment: 0,
      delta_threshold: T > R ? (T > 0 ? (T - R) / T : 1) : 0,
    };
  });
}

type Pairing = { label?: string; agents: Record<string, AgentSpec> };

/** Every pairing under both partitions, each replicated with successive seeds; the first run carries the summary. */
function runSessions(ctx: Negotiation): TradeSession[] {
  const { n } = ctx;
  const { parties } = ctx.setup;
  const pairings: Pairing[] = n.sessions ?? [
    { label: undefined, agents: Object.fromEntries(parties.map((w) => [w, n.parties[w].agent])) },
  ];
  const ratif = {
    linked: partitionRatification(ctx.mapped.map, ctx.partitions.linked, ctx.thresholds),
    separate: partitionRatification(ctx.mapped.map, ctx.partitions.separate, ctx.thresholds),
  };
  const sessions: TradeSession[] = [];
  pairings.forEach((pair, m) => {
    for (const mode of ['linked', 'separate'] as const) {
      // The first seed is the logged session: its moves are reported as they are made.
      const runs = Array.from({ length: n.replications }, (_, r) =>
        runSession(ctx, ratif[mode].probability, pair, m, mode, n.seed + r, r === 0),
      );
      runs[0].summary = replicationSummary(runs);
      sessions.push(runs[0]);
    }
  });
  return sessions;
}

/** Shares of deals and ratifications over the replications, mean utilities and the modal deal. */
function replicationSummary(runs: TradeSession[]): TradeSession['summary'] {
  const deals = new Map<string, number>();
  let dealt = 0,
    ratified = 0,
    pr = 0;
  const u: [number, number] = [0, 0];
  for (const s of runs) {
    if (s.deal) dealt++;
    if (s.vote?.ratified) ratified++;
    pr += s.ratification_probability ?? 0;
    u[0] += s.utilities[0] / runs.length;
    u[1] += s.utilities[1] / runs.length;
    const key = JSON.stringify(s.deal);
    deals.set(key, (deals.get(key) ?? 0) + 1);
  }
  const [modeDeal, modeCount] = [...deals.entries()].sort((a, b) => b[1] - a[1])[0];
  return {
    runs: runs.length,
    deal_share: dealt / runs.length,
    ratified_share: ratified / runs.length,
    mean_ratification_probability: pr / runs.length,
    mean_utilities: u,
    modal_deal: JSON.parse(modeDeal) as Bid | null,
    modal_share: modeCount / runs.length,
  };
}

/** Index in the deal map of `bid` on basket `b`'s issues, every other issue at its disagreement value. */
function basketDeal(ctx: Negotiation, b: readonly number[], bid: Bid): number {
  const { spec, disagreement } = ctx.setup;
  const dg = [...disagreement];
  for (const i of b) dg[i] = spec.issues[i].grid.indexOf(Number(bid[spec.issues[i].id]));
  return indexOf(ctx.mapped.map.domain, dg);
}

/** A basket's moves, each with the model's utilities of its bid (every other issue at its disagreement value). */
function withModel(ctx: Negotiation, b: readonly number[], log: readonly LogEntry[]): TradeLogEntry[] {
  const { map } = ctx.mapped;
  return log.map((e) => {
    const k = e.bid ? basketDeal(ctx, b, e.bid) : -1;
    return { ...e, model: k >= 0 ? [map.delegation[0][k], map.delegation[1][k]] : null };
  });
}

/**
 * One session: SAOP per basket of the partition, then the leaders' vote on the combined deal;
 * `logged` reports its moves.
 */
function runSession(
  ctx: Negotiation,
  probability: ArrayLike<number>,
  pair: Pairing,
  m: number,
  mode: 'linked' | 'separate',
  seed: number,
  logged = false,
): TradeSession {
  const { map, dIndex } = ctx.mapped;
  const { parties, disagreement } = ctx.setup;
  const label = pair.label ?? `${pair.agents[parties[0]].kind} vs ${pair.agents[parties[1]].kind}`;
  const digits = [...disagreement];
  const baskets: TradeSession['baskets'] = [];
  ctx.partitions[mode].forEach((b, bi) => {
    const r = basketSession(ctx, pair, b, seed + 1000 * m + bi);
    if (r.agreement)
      for (const i of b)
        digits[i] = ctx.setup.spec.issues[i].grid.indexOf(Number(r.agreement[ctx.setup.spec.issues[i].id]));
    const basket = {
      issues: b.map((i) => ctx.setup.spec.issues[i].id),
      reason: r.reason,
      round: r.round,
      agreement: r.agreement,
      log: withModel(ctx, b, r.log),
    };
    baskets.push(basket);
    // The offers as the result will hold them (offerOf), reported as soon as the basket is negotiated.
    if (logged && ctx.onOffer)
      for (const e of basket.log) ctx.onOffer(offerOf({ label, linkage: mode }, basket.issues, e));
  });
  const k = indexOf(map.domain, digits);
  const moved = k !== dIndex;
  const prob = moved ? probability[k] : null;
  let vote: TradeSession['vote'] = null;
  if (moved) {
    const rng = createRng(seed + 7919 * (m + 1));
    const th: [number, number] = [drawThreshold(ctx.thresholds[0], rng), drawThreshold(ctx.thresholds[1], rng)];
    // With the drawn thresholds: accepted iff the worst agreement for the leader clears it.
    const worst = [0, 1].map((i) => minOverAgreements(map, ctx.partitions[mode], digits, i));
    vote = { ratified: worst[0] >= th[0] && worst[1] >= th[1], thresholds: th };
  }
  return {
    label,
    agents: [pair.agents[parties[0]].kind, pair.agents[parties[1]].kind],
    linkage: mode,
    seed,
    baskets,
    deal: moved ? dealPoint(map, k, prob ?? NaN).bid : null,
    utilities: [map.delegation[0][k], map.delegation[1][k]],
    leaders: [map.leaders[0][k], map.leaders[1][k]],
    ratification_probability: prob,
    vote,
  };
}

/** SAOP over one basket's issues (the others at their disagreement values), with trust-discounted utilities. */
function basketSession(ctx: Negotiation, pair: Pairing, b: number[], seed: number) {
  const { p, n, thresholds, tau } = ctx;
  const { spec, parties, disagreement, roles } = ctx.setup;
  const { map, ev, level } = ctx.mapped;
  const ids = spec.issues.map((r) => r.id);
  const seen = (i: 0 | 1, k: number) =>
    n.trust
      ? riskAdjustedUtility(map.delegation[i][k], map.delegation[i][ctx.revert(k, 1 - i)], tau[i])
      : map.delegation[i][k];
  const sub = createDomain(
    `${p.scenario.name} [${b.map((i) => ids[i]).join(', ')}]`,
    b.map((i) => discreteIssue(ids[i], spec.issues[i].grid)),
  );
  const full = (bid: Bid) => basketDeal(ctx, b, bid);
  // Utilities seen by the delegations: promised concessions of the other side discounted by trust.
  const utilities = ([0, 1] as const).map((i) =>
    callbackUtility((bid) => seen(i, full(bid)), { reservation: n.parties[parties[i]].reservation ?? 0 }),
  ) as [ReturnType<typeof callbackUtility>, ReturnType<typeof callbackUtility>];
  const agents = ([0, 1] as const).map((i) =>
    agentOf(pair.agents[parties[i]], `${parties[i]}:${pair.agents[parties[i]].kind}`, () => ({
      // Model-aware: asks the model (through the cache) for its leader's objective and reserves the
      // leader's expected threshold.
      evaluate: (bid: Bid) => {
        const values = spec.issues.map((r, ii) => (b.includes(ii) ? Number(bid[r.id]) : r.grid[disagreement[ii]]));
        return ev.evaluate(values)[roles[2 + i]] - level[roles[2 + i]];
      },
      disagreement: thresholdMean(thresholds[i]),
    })),
  ) as [Agent, Agent];
  return runSaop({ domain: sub, utilities, agents, deadline: n.deadline, breakdownProbability: ctx.breakdown, seed });
}

/** The deal's economic effects: levels and changes against the current state for the reported regions. */
function dealEffects(ctx: Negotiation, deal: Bid): NonNullable<TradeNegotiationRun['deal']['effects']> {
  const { n } = ctx;
  const { spec, parties } = ctx.setup;
  const { ev, deals, dIndex } = ctx.mapped;
  const solver = ev.solver();
  const valuesOf = (bid: Bid) => spec.issues.map((r) => Number(bid[r.id]));
  // A group party (EU) has no row of its own: its members' absorption is reported.
  const groups = ctx.setup.dataset.manifest.groups;
  const abs = { regions: parties.flatMap((w) => groups[w] ?? [w]), sectors: ['REE', 'SEMI'] };
  const now = solver.solveFull(deals[dIndex], abs);
  const after = solver.solveFull(valuesOf(deal), abs, now.warm);
  // A dataset group of the report (EU) has no row of its own: its members are reported.
  const regions = reportedRows(n.domain!.report ?? parties, ctx.setup.dataset.manifest.groups, (c) =>
    Boolean(after.result.countries[c]),
  );
  const effects: NonNullable<TradeNegotiationRun['deal']['effects']> = {};
  for (const reg of regions) {
    const a = after.result.countries[reg];
    const c = now.result.countries[reg];
    if (!a || !c) continue;
    const row: Record<string, number> = {};
    for (const f of ['real_income_pct', 'welfare_pct', 'exports_pct', 'imports_pct', 'terms_of_trade_pct'] as const) {
      if (a[f] !== undefined && c[f] !== undefined) {
        row[f] = a[f]!;
        row[`${f.replace(/_pct$/, '')}_change_pp`] = a[f]! - c[f]!;
      }
    }
    for (const [sec, v] of Object.entries(after.absorption[reg] ?? {})) {
      row[`${sec}_absorption_pct`] = v;
      row[`${sec}_absorption_change_pp`] = v - now.absorption[reg][sec];
    }
    effects[reg] = row;
  }
  return effects;
}

/** min over the non-trivial agreements of a combined deal of leader i's utility of that agreement alone. */
function minOverAgreements(map: MappedDomain, baskets: number[][], digits: readonly number[], i: number): number {
  let m = Infinity;
  for (const b of baskets) {
    if (b.every((j) => digits[j] === map.disagreement[j])) continue;
    const dg = [...map.disagreement];
    for (const j of b) dg[j] = digits[j];
    m = Math.min(m, map.leaders[i][indexOf(map.domain, dg)]);
  }
  return m;
}
