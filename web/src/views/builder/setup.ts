/**
 * What the negotiation builder edits (a Setup) and the negotiation file it writes. The levers are
 * the two the trade domain has (src/spec/trade-domain.ts): a tariff on any importer ← exporter pair
 * and sectors of the dataset, and an export control (a licence approval rate) on any origin →
 * destination pair and sectors. Rare-earth approvals and chip controls are export controls; the
 * model has no purchase-commitment lever (see PURCHASE_NOTE). The model, dataset, options and
 * capacity bounds, the current state, the calibration record and the trust record come from the
 * London file (scenarios/negotiation/london-2025.yaml); the two delegations (any regions or groups
 * of the dataset, delegations.ts) and everything else from the Setup.
 */
import { parse, stringify } from 'yaml';
import {
  type DelegationDraft,
  delegationProblems,
  type KnownDelegation,
  knownDelegation,
  newDelegation,
  objectiveOf,
  parseMembers,
} from './delegations.ts';
import { newIssue, PRESETS } from './levers.ts';

/** A party of the talks: a region code or group of the dataset. */
export type Party = string;

export type LeverKind = 'tariff' | 'export_control';

/** One issue on the table. Grids are typed in percent (points of tariff, or shares of licences approved). */
export interface IssueDraft {
  /** React key, stable while the list changes. */
  key: number;
  id: string;
  label: string;
  kind: LeverKind;
  owner: Party;
  /** Tariff: the importers; export control: the origins. */
  from: string[];
  /** Tariff: the exporter; export control: the destination ("*": every other region). */
  to: string;
  /** Sector codes or groups; none = every sector (tariffs only). */
  sectors: string[];
  /** add: the value changes each covered flow's current rate or approval; set: it replaces it. */
  mode: 'add' | 'set';
  grid: string;
  /** Issues with the same agreement number are bargained together (linked); each number is one agreement. */
  agreement: number;
}

export const AGENTS = [
  { kind: 'boulware', label: 'Boulware (concedes late)', e: 0.2 },
  { kind: 'linear', label: 'Linear (concedes steadily)' },
  { kind: 'conceder', label: 'Conceder (concedes early)', e: 2 },
  { kind: 'tit_for_tat', label: 'Tit for tat (mirrors the other side)' },
  { kind: 'pareto_seeker', label: 'Pareto seeker', e: 0.5 },
  { kind: 'model_aware', label: "Model-aware (weighs offers on its leader's objective)", e: 0.5 },
] as const;
export type AgentKind = (typeof AGENTS)[number]['kind'];

/** A leader's threshold in percentage points of the objective (real income): ratifies a deal worth at least θ. */
export type Threshold =
  | { kind: 'known'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'calibrated'; width: number };

export interface TrustSetup {
  /**
   * none: full trust, no breakdown from distrust; record: initial trust from the Phase One record
   * (US–China talks only); stated: each delegation's own number (DelegationDraft.trust).
   */
  source: 'none' | 'record' | 'stated';
  /** Update trust by the 2025 US–China history before the talks (Geneva kept, the new restrictions after it). */
  history: boolean;
  gain: number;
  loss: number;
  base_breakdown: number;
  sensitivity: number;
}

/** An agent with its concession exponent (agents that have one). */
export interface AgentChoice {
  kind: AgentKind;
  e?: number;
}

/** One agent per delegation, in the order of `Setup.parties`. */
export type Pairing = [AgentChoice, AgentChoice];

export interface Setup {
  /** The two delegations (the engine takes exactly two). */
  parties: [DelegationDraft, DelegationDraft];
  issues: IssueDraft[];
  /** The date whose state of the 2025 timeline the talks start from (the disagreement point). */
  date: string;
  /** Pairings of agents, each run as a session (the first also gives each party its default agent). */
  pairings: Pairing[];
  rounds: number;
  replications: number;
  seed: number;
  trust: TrustSetup;
}

/** The US–China pair of the London file (in either order): the Phase One record and the 2025 history apply. */
export const isUsChina = (s: Pick<Setup, 'parties'>) =>
  s.parties
    .map((d) => d.code)
    .sort()
    .join() === 'CHN,USA';

/**
 * The setup with delegation i now `code`: a fresh delegation (default leader and members, no
 * security weights, a threshold it can have), and every issue that named the old code — as owner,
 * importer, origin, exporter or destination — now naming the new one (its label, which named the
 * old, is dropped). The Phase One record is the US–China talks': other pairs state their trust.
 */
export function withParty(s: Setup, i: 0 | 1, code: string): Setup {
  const old = s.parties[i].code;
  if (old === code) return s;
  const swap = (c: string) => (c === old ? code : c);
  const parties: Setup['parties'] = i === 0 ? [newDelegation(code), s.parties[1]] : [s.parties[0], newDelegation(code)];
  const issues = s.issues.map((d) => {
    const named = d.owner === old || d.to === old || d.from.includes(old);
    return named ? { ...d, label: '', owner: swap(d.owner), to: swap(d.to), from: [...new Set(d.from.map(swap))] } : d;
  });
  const next = { ...s, parties, issues };
  return !isUsChina(next) && s.trust.source === 'record' ? { ...next, trust: { ...s.trust, source: 'stated' } } : next;
}

/** "25, 40, 60" (percent) → [0.25, 0.4, 0.6]; NaN for anything that is not a number. */
export function parseGrid(s: string): number[] {
  return s
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((x) => Math.round(Number(x.replace('−', '-')) * 1e4) / 1e6);
}

/** The grid the file gets: with mode add, 0 (no change, the current state) is always an option. */
export function fileGrid(d: Pick<IssueDraft, 'mode' | 'grid'>): number[] {
  const g = parseGrid(d.grid);
  return d.mode === 'add' && !g.includes(0) ? [...g, 0].sort((a, b) => a - b) : g;
}

/**
 * The London setup: its delegations and four levers (REE and chips one agreement, farm and US
 * tariff one each), agents, priors and trust.
 */
export function londonSetup(): Setup {
  const issues = (['ree', 'chips', 'farm', 'us_tariff'] as const).map((p, k) => ({
    ...newIssue(PRESETS[p], [], k),
    agreement: [1, 1, 2, 3][k],
  }));
  return {
    parties: [newDelegation('USA'), newDelegation('CHN')],
    issues,
    date: '2025-06-09',
    pairings: [
      [
        { kind: 'boulware', e: 0.2 },
        { kind: 'conceder', e: 2 },
      ],
    ],
    rounds: 15,
    replications: 20,
    seed: 2025,
    trust: {
      source: 'record',
      history: true,
      gain: 0.2,
      loss: 0.3,
      base_breakdown: 0.005,
      sensitivity: 0.05,
    },
  };
}

/** What the builder needs of the London file, read once. */
interface Template {
  model: string;
  dataset: string;
  options: unknown;
  policy: unknown;
  negotiation: {
    domain: { current_state: { scenario: string; date: string }; calibration?: unknown; report?: string[] };
    parties: Record<string, { delegation: KnownDelegation['members']; leader: { name: string } }>;
    trust?: { record?: { party: string }[]; history?: { moves: Record<string, string> }[] };
  };
}

/** The London file's delegations (leader and members by party code). */
export function templateDelegations(templateText: string): Record<string, KnownDelegation> {
  const t = parse(templateText) as Template;
  return Object.fromEntries(
    Object.entries(t.negotiation.parties).map(([code, p]) => [code, { leader: p.leader.name, members: p.delegation }]),
  );
}

const agentSpec = (a: AgentChoice) => {
  const known = AGENTS.find((x) => x.kind === a.kind)!;
  return 'e' in known ? { kind: a.kind, e: a.e ?? known.e } : { kind: a.kind };
};

const agentName = (a: AgentChoice) => AGENTS.find((x) => x.kind === a.kind)!.label.split(' (')[0];

function issueOf(d: IssueDraft) {
  const sectors = d.sectors.length ? { sectors: d.sectors } : {};
  const flows =
    d.kind === 'tariff'
      ? { tariffs: d.from.map((importer) => ({ importer, exporter: d.to, ...sectors })) }
      : { export_controls: d.from.map((origin) => ({ origin, destination: d.to, ...sectors })) };
  return {
    id: d.id,
    ...(d.label ? { label: d.label } : {}),
    owner: d.owner,
    ...flows,
    mode: d.mode,
    grid: fileGrid(d),
  };
}

/** One session per pairing, labelled by its agents (a repeated pairing gets its number). */
export function sessionsOf(pairings: readonly Pairing[], codes: readonly [string, string]) {
  const [a, b] = codes;
  const labels = pairings.map((q) => `${agentName(q[0])} (${a}) vs ${agentName(q[1])} (${b})`);
  return pairings.map((q, k) => ({
    label:
      labels.indexOf(labels[k]) === k && labels.lastIndexOf(labels[k]) === k ? labels[k] : `${labels[k]} #${k + 1}`,
    agents: { [a]: agentSpec(q[0]), [b]: agentSpec(q[1]) },
  }));
}

/** The agreements (linked baskets) of the issues, in the order of their numbers. */
export function agreements(issues: readonly IssueDraft[]): string[][] {
  const numbers = [...new Set(issues.map((i) => i.agreement))].sort((a, b) => a - b);
  return numbers.map((n) => issues.filter((i) => i.agreement === n).map((i) => i.id));
}

/**
 * The trust section: the Phase One record and the 2025 history are the US–China talks' (the builder
 * offers them only for that pair).
 */
function trustOf(s: Setup, template: Template['negotiation']['trust']) {
  const t = s.trust;
  if (t.source === 'none') return {};
  const usChina = isUsChina(s);
  return {
    trust: {
      gain: t.gain,
      loss: t.loss,
      ...(t.source === 'record' && usChina && template?.record ? { record: template.record } : {}),
      base_breakdown: t.base_breakdown,
      sensitivity: t.sensitivity,
      ...(t.history && usChina && template?.history ? { history: template.history } : {}),
    },
  };
}

/**
 * The negotiation file of a setup (YAML). The leaders' approvals of the record
 * (domain.calibration) come along only when a threshold is calibrated on them. `names` names the
 * regions and groups of the dataset by code (the defaults of a delegation that is not London's).
 */
export function buildScenario(templateText: string, s: Setup, names: Record<string, string> = {}): string {
  const t = parse(templateText) as Template;
  const n = t.negotiation;
  const known = templateDelegations(templateText);
  const codes = s.parties.map((d) => d.code) as [string, string];
  const calibrated = s.parties.some((d) => d.threshold.kind === 'calibrated');
  const linked = agreements(s.issues);
  const party = (d: DelegationDraft, k: number) => {
    const k0 = knownDelegation(d.code, names[d.code] ?? d.code, known);
    return {
      delegation: d.members.trim() ? parseMembers(d.members) : k0.members,
      objective: objectiveOf(d, d.security),
      leader: {
        name: d.leader.trim() || k0.leader,
        threshold: d.threshold,
        ...(d.leaderSecurity ? { objective: objectiveOf(d, d.leaderSecurity) } : {}),
      },
      agent: agentSpec(s.pairings[0][k]),
      ...(s.trust.source === 'stated' ? { trust: d.trust } : {}),
    };
  };
  const [a, b] = codes.map((c) => names[c] ?? c);
  const file = {
    lancaster: 1,
    name: `Your negotiation, ${codes.join('–')}: ${s.issues.map((i) => i.id).join(', ')} (from the state of ${s.date})`,
    description:
      `Talks between the delegations of ${a} and ${b} from the state of the 2025 timeline on ${s.date}, on ` +
      `${s.issues.length} lever${s.issues.length === 1 ? '' : 's'} of the ${t.model} model, written by the ` +
      `negotiation builder from scenarios/negotiation/london-2025.yaml.`,
    model: t.model,
    dataset: t.dataset,
    options: t.options,
    policy: t.policy,
    negotiation: {
      protocol: 'saop',
      deadline: { rounds: s.rounds },
      seed: s.seed,
      replications: s.replications,
      domain: {
        current_state: { scenario: n.domain.current_state.scenario, date: s.date },
        issues: s.issues.map(issueOf),
        disagreement: 'current',
        ...(calibrated && n.domain.calibration ? { calibration: n.domain.calibration } : {}),
        linkage: { enabled: true, linked, separate: s.issues.map((i) => [i.id]) },
        report: [...new Set([...codes, ...(n.domain.report ?? [])])],
      },
      parties: Object.fromEntries(s.parties.map((d, k) => [d.code, party(d, k)])),
      sessions: sessionsOf(s.pairings, codes),
      ...trustOf(s, n.trust),
    },
  };
  const header = [
    ' Written by the negotiation builder of the Lancaster web app (#/negotiation?case=build).',
    ' Model, dataset, options, capacity bounds, the current state, the approvals and the trust record:',
    ' scenarios/negotiation/london-2025.yaml (docs/london-2025.md). Delegations, objectives, issues, agents,',
    ' thresholds and trust: the user.',
  ].join('\n');
  return `#${header.replaceAll('\n', '\n#')}\n${stringify(file, { lineWidth: 0 })}`;
}

/** Problems the builder can see before the server does (the server checks the rest). */
export function draftProblems(s: Setup): string[] {
  const out: string[] = delegationProblems(s.parties);
  const codes = s.parties.map((d) => d.code);
  if (!s.issues.length) out.push('Put at least one issue on the table.');
  if (!s.pairings.length) out.push('Choose at least one pairing of agents.');
  const ids = new Set<string>();
  for (const i of s.issues) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(i.id))
      out.push(`Issue id "${i.id}": expected letters, digits and _, starting with a letter.`);
    if (ids.has(i.id)) out.push(`Issue id "${i.id}" is used twice.`);
    if (!codes.includes(i.owner))
      out.push(`Issue ${i.id}: its owner ${i.owner} is not one of the delegations (${codes.join(', ')}).`);
    ids.add(i.id);
    const g = parseGrid(i.grid);
    if (!g.length || g.some((x) => !Number.isFinite(x)))
      out.push(`Options of ${i.id}: expected numbers separated by commas, found "${i.grid}".`);
    if (!i.from.length) out.push(`Issue ${i.id}: choose at least one ${i.kind === 'tariff' ? 'importer' : 'origin'}.`);
    if (i.kind === 'export_control' && !i.sectors.length)
      out.push(`Issue ${i.id}: an export control needs at least one sector.`);
  }
  return out;
}
