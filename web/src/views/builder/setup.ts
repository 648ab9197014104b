/**
 * What the negotiation builder edits (a Setup) and the negotiation file it writes. The levers are
 * the two the trade domain has (src/spec/trade-domain.ts): a tariff on any importer ← exporter pair
 * and sectors of the dataset, and an export control (a licence approval rate) on any origin →
 * destination pair and sectors. Rare-earth approvals and chip controls are export controls; the
 * model has no purchase-commitment lever (see PURCHASE_NOTE). The model, dataset, options and
 * capacity bounds, the current state, the delegations and the trust record come from the London
 * file (scenarios/negotiation/london-2025.yaml); everything else from the Setup.
 */
import { parse, stringify } from 'yaml';

export const PARTIES = ['USA', 'CHN'] as const;
export type Party = (typeof PARTIES)[number];

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
  /** none: full trust, no breakdown from distrust; record: initial trust from the Phase One record; stated: the numbers here. */
  source: 'none' | 'record' | 'stated';
  /** Each side's stated trust in the other (0–1), used when source is stated. */
  initial: Record<Party, number>;
  /** Update trust by the 2025 history before the talks (Geneva kept, the new restrictions after it). */
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

/** One agent per delegation. */
export type Pairing = Record<Party, AgentChoice>;

export interface Setup {
  issues: IssueDraft[];
  /** The date whose state of the 2025 timeline the talks start from (the disagreement point). */
  date: string;
  /** Pairings of agents, each run as a session (the first also gives each party its default agent). */
  pairings: Pairing[];
  rounds: number;
  replications: number;
  seed: number;
  thresholds: Record<Party, Threshold>;
  trust: TrustSetup;
}

/** Why a purchase commitment is not a lever, and what stands in for it. */
export const PURCHASE_NOTE =
  'Purchase commitments are not a lever of the model. The multisector model is a general equilibrium in prices: each country buys what its prices make it choose, so there is no instrument that fixes how much China buys from the United States. The London file stands in for them with China’s cut of its tariff on US farm goods (c1), a price lever; add it as a tariff issue if you want the stand-in, and read its results as a tariff cut.';

/** The levers a user starts an issue from. */
export const PRESETS: Record<string, Omit<IssueDraft, 'key' | 'agreement'>> = {
  ree: {
    id: 'ree',
    label: 'China’s rare-earth licence approval rate (exports to every destination)',
    kind: 'export_control',
    owner: 'CHN',
    from: ['CHN'],
    to: '*',
    sectors: ['REE'],
    mode: 'set',
    grid: '25, 40, 60, 80, 100',
  },
  chips: {
    id: 'chips',
    label: 'US chip-control easing, added to the approval of SEMI exports to China from TWN (0.83) and the USA (1)',
    kind: 'export_control',
    owner: 'USA',
    from: ['TWN', 'USA'],
    to: 'CHN',
    sectors: ['SEMI'],
    mode: 'add',
    grid: '-23, -13, 0, 7, 17',
  },
  us_tariff: {
    id: 'us_tariff',
    label: 'US tariff on Chinese goods, points added to the current rates',
    kind: 'tariff',
    owner: 'USA',
    from: ['USA'],
    to: 'CHN',
    sectors: ['goods'],
    mode: 'add',
    grid: '-10, -5, 0',
  },
  cn_tariff: {
    id: 'cn_tariff',
    label: 'China’s tariff on US goods, points added to the current rates',
    kind: 'tariff',
    owner: 'CHN',
    from: ['CHN'],
    to: 'USA',
    sectors: ['goods'],
    mode: 'add',
    grid: '-10, -5, 0',
  },
  farm: {
    id: 'farm',
    label: 'China’s cut of its tariff on US farm goods (c1): the London file’s stand-in for purchase commitments',
    kind: 'tariff',
    owner: 'CHN',
    from: ['CHN'],
    to: 'USA',
    sectors: ['c1'],
    mode: 'add',
    grid: '-10.8, -5, 0',
  },
  tariff: {
    id: 'tariff',
    label: '',
    kind: 'tariff',
    owner: 'USA',
    from: ['USA'],
    to: 'CHN',
    sectors: [],
    mode: 'add',
    grid: '-10, 0, 10',
  },
  control: {
    id: 'control',
    label: '',
    kind: 'export_control',
    owner: 'USA',
    from: ['USA'],
    to: 'CHN',
    sectors: ['SEMI'],
    mode: 'add',
    grid: '-20, 0',
  },
};

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

/** A new issue from a preset, with an id not yet taken. */
export function newIssue(preset: keyof typeof PRESETS, taken: readonly IssueDraft[], key: number): IssueDraft {
  const p = PRESETS[preset];
  let id = p.id;
  for (let k = 2; taken.some((i) => i.id === id); k++) id = `${p.id}_${k}`;
  return { ...p, id, from: [...p.from], sectors: [...p.sectors], key, agreement: 1 };
}

/** The London setup: its four levers (REE and chips one agreement, farm and US tariff one each), agents, priors and trust. */
export function londonSetup(): Setup {
  const issues = (['ree', 'chips', 'farm', 'us_tariff'] as const).map((p, k) => ({
    ...newIssue(p, [], k),
    agreement: [1, 1, 2, 3][k],
  }));
  return {
    issues,
    date: '2025-06-09',
    pairings: [{ USA: { kind: 'boulware', e: 0.2 }, CHN: { kind: 'conceder', e: 2 } }],
    rounds: 15,
    replications: 20,
    seed: 2025,
    thresholds: { USA: { kind: 'calibrated', width: 0.1 }, CHN: { kind: 'calibrated', width: 0.1 } },
    trust: {
      source: 'record',
      initial: { USA: 0.6, CHN: 0.6 },
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
    parties: Record<Party, { delegation: unknown; objective?: unknown; leader: { name: string } }>;
    trust?: { record?: unknown; history?: unknown };
  };
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
export function sessionsOf(pairings: readonly Pairing[]) {
  const labels = pairings.map((q) => `${agentName(q.USA)} (USA) vs ${agentName(q.CHN)} (CHN)`);
  return pairings.map((q, k) => ({
    label:
      labels.indexOf(labels[k]) === k && labels.lastIndexOf(labels[k]) === k ? labels[k] : `${labels[k]} #${k + 1}`,
    agents: { USA: agentSpec(q.USA), CHN: agentSpec(q.CHN) },
  }));
}

/** The agreements (linked baskets) of the issues, in the order of their numbers. */
export function agreements(issues: readonly IssueDraft[]): string[][] {
  const numbers = [...new Set(issues.map((i) => i.agreement))].sort((a, b) => a - b);
  return numbers.map((n) => issues.filter((i) => i.agreement === n).map((i) => i.id));
}

function trustOf(t: TrustSetup, template: Template['negotiation']['trust']) {
  if (t.source === 'none') return {};
  return {
    trust: {
      gain: t.gain,
      loss: t.loss,
      ...(t.source === 'record' && template?.record ? { record: template.record } : {}),
      base_breakdown: t.base_breakdown,
      sensitivity: t.sensitivity,
      ...(t.history && template?.history ? { history: template.history } : {}),
    },
  };
}

/**
 * The negotiation file of a setup (YAML). The leaders' approvals of the record
 * (domain.calibration) come along only when a threshold is calibrated on them.
 */
export function buildScenario(templateText: string, s: Setup): string {
  const t = parse(templateText) as Template;
  const n = t.negotiation;
  const calibrated = PARTIES.some((p) => s.thresholds[p].kind === 'calibrated');
  const linked = agreements(s.issues);
  const party = (p: Party) => ({
    delegation: n.parties[p].delegation,
    ...(n.parties[p].objective ? { objective: n.parties[p].objective } : {}),
    leader: { name: n.parties[p].leader.name, threshold: s.thresholds[p] },
    agent: agentSpec(s.pairings[0][p]),
    ...(s.trust.source === 'stated' ? { trust: s.trust.initial[p] } : {}),
  });
  const file = {
    lancaster: 1,
    name: `Your negotiation: ${s.issues.map((i) => i.id).join(', ')} (from the state of ${s.date})`,
    description: `Talks between the US and Chinese delegations from the state of the 2025 timeline on ${s.date}, on ${s.issues.length} lever${s.issues.length === 1 ? '' : 's'} of the ${t.model} model, written by the negotiation builder from scenarios/negotiation/london-2025.yaml.`,
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
        ...(n.domain.report ? { report: n.domain.report } : {}),
      },
      parties: { USA: party('USA'), CHN: party('CHN') },
      sessions: sessionsOf(s.pairings),
      ...trustOf(s.trust, n.trust),
    },
  };
  const header = [
    ' Written by the negotiation builder of the Lancaster web app (#/negotiation?case=build).',
    ' Model, dataset, options, capacity bounds, the current state, delegations and the trust record:',
    ' scenarios/negotiation/london-2025.yaml (docs/london-2025.md). Issues, agents, thresholds and trust: the user.',
  ].join('\n');
  return `#${header.replaceAll('\n', '\n#')}\n${stringify(file, { lineWidth: 0 })}`;
}

/** Problems the builder can see before the server does (the server checks the rest). */
export function draftProblems(s: Setup): string[] {
  const out: string[] = [];
  if (!s.issues.length) out.push('Put at least one issue on the table.');
  if (!s.pairings.length) out.push('Choose at least one pairing of agents.');
  const ids = new Set<string>();
  for (const i of s.issues) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(i.id))
      out.push(`Issue id "${i.id}": expected letters, digits and _, starting with a letter.`);
    if (ids.has(i.id)) out.push(`Issue id "${i.id}" is used twice.`);
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
