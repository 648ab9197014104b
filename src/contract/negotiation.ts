/**
 * The negotiation result contract: the JSON shapes a `negotiation` run returns (docs/negotiation.md)
 * and the deal map the API serves, defined here below the engine so that src/negotiate builds them
 * and the web app reads them (types only) from one definition.
 */
import type { Provenance } from './result.ts';

/** A value taken by one issue. */
export type IssueValue = string | number;

/** A bid (outcome, deal): one value per issue, keyed by issue name. */
export type Bid = Readonly<Record<string, IssueValue>>;

/** A leader's acceptance threshold: known, or private with a known distribution. */
export type Threshold =
  | { readonly kind: 'known'; readonly value: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number };

/** One line of a session log. */
export interface LogEntry {
  readonly round: number;
  readonly turn: number;
  readonly time: number;
  /** Acting party (0 = A, 1 = B) or 'mediator'. */
  readonly proposer: 0 | 1 | 'mediator';
  readonly action: 'offer' | 'accept' | 'adopted' | 'rejected' | 'breakdown';
  readonly bid: Bid | null;
  /** Undiscounted utilities of the bid for A and B (null without a bid). */
  readonly utilities: [number, number] | null;
}

/** One move of a trade-domain session: a log line and the model's utility of its bid. */
export interface TradeLogEntry extends LogEntry {
  /**
   * The model's utility of the bid to each party (pp over the disagreement point: this basket's
   * bid, every other issue as now); null without a bid. The offers streamed while the run went
   * carry the same numbers (src/contract/offers.ts rebuilds them from the result).
   */
  readonly model: [number, number] | null;
}

/** A deal with its utilities, for reports. */
export interface DealPoint {
  index: number;
  bid: Bid;
  /** Delegations' utilities. */
  utility: [number, number];
  /** Leaders' utilities. */
  leaders: [number, number];
  ratification: number;
}

/** Summary of one partition (what the London tables print). */
export interface PartitionSummary {
  baskets: string[][];
  /** Deals (the disagreement deal excluded). */
  deals: number;
  /** Deals ratified with probability ≥ 0.5 (with known thresholds: the ratifiable deals). */
  ratifiable: number;
  /** Σ_x P(x ratified): the expected number of ratified deals. */
  expected_ratifiable: number;
  /** Per leader: deals accepted with probability ≥ 0.5, and in expectation (win-set sizes). */
  win_sets: { count: [number, number]; expected: [number, number] };
  /** Deals both leaders accept with P ≥ 0.5 over those at least one does (Jaccard overlap of the win-sets). */
  overlap: number;
  /** Pareto frontier (delegations' utilities) of the ratifiable deals: size and points. */
  frontier: [number, number][];
  /** The ratifiable deal with the largest Nash product of the delegations' gains (null if none gains for both). */
  nash: DealPoint | null;
  /** The deal with the largest expected Nash product P(x)·uA·uB. */
  expected_nash: DealPoint | null;
}

/** Frontier and bargaining solutions of the whole mapped domain (delegations' utilities, disagreement 0). */
export interface DomainAnalysis {
  outcomes: number;
  pareto_size: number;
  /** Frontier points with both gains ≥ 0. */
  rational_pareto_size: number;
  pareto: [number, number][];
  nash: DealPoint | null;
  kalai_smorodinsky: DealPoint | null;
}

/** One approved deal: its effect on every objective (percentage points). */
export interface ApprovedDeal {
  label: string;
  before: string;
  after: string;
  /** After minus before, per objective of the spec (delegations, then leaders with objectives of their own). */
  effects: number[];
  /** The effect on each party's leader's objective. */
  leaders: [number, number];
}

/** What the record says about each leader's threshold. */
export interface Calibration {
  deals: ApprovedDeal[];
  /** Per party: the upper bound b_L of its leader's threshold, the deal that sets it, and P(θ ≤ b_L) under the threshold used. */
  leaders: {
    party: string;
    bound: number;
    binding: string;
    consistency: number;
    threshold: Threshold;
    calibrated: boolean;
  }[];
}

/** Where the current state comes from, for reports. */
export interface CurrentStateInfo {
  scenario: string;
  date?: string;
  /** Label of the last step in force (timeline states). */
  step?: string;
}

/** Counters of an evaluator. */
export interface TradeEvalStats {
  /** Deals asked for. */
  requested: number;
  /** Deals answered from the cache (including deals whose policy equals another's). */
  cacheHits: number;
  /** Equilibrium solves run. */
  solves: number;
  /** Solves that did not converge. */
  failed: number;
  /** Wall time spent evaluating (s). */
  seconds: number;
  /** Worker threads used for maps (0 = inline). */
  workers: number;
}

/** One party's compliance incentives for a deal (repeated game, Friedman's grim-trigger condition). */
export interface ComplianceTerms {
  party: string;
  /** R: both comply. */
  reward: number;
  /** T: this party reverts its own concessions while the other complies. */
  temptation: number;
  /** S: the other party reverts its concessions while this one complies. */
  sucker: number;
  /** P: both revert (the disagreement deal), 0. */
  punishment: number;
  /** δ ≥ (T − R)/(T − P) sustains compliance under grim trigger (0 when T ≤ R: no temptation). */
  delta_threshold: number;
}

/** One negotiation session (a pairing under one partition). */
export interface TradeSession {
  label: string;
  agents: [string, string];
  linkage: 'linked' | 'separate';
  baskets: { issues: string[]; reason: string; round: number; agreement: Bid | null; log: TradeLogEntry[] }[];
  /** The combined deal (issues without agreement at their disagreement values); null if nothing moved. */
  deal: Bid | null;
  utilities: [number, number];
  leaders: [number, number];
  /** P(both leaders ratify every agreement). */
  ratification_probability: number | null;
  /** One realised vote (thresholds drawn with the session's seed). */
  vote: { ratified: boolean; thresholds: [number, number] } | null;
  seed: number;
  /** Over `replications` seeds (this session is the first): shares and means. */
  summary?: {
    runs: number;
    /** Share of runs that moved any issue. */
    deal_share: number;
    /** Share of runs whose deal the drawn leaders ratified. */
    ratified_share: number;
    /** Mean P(ratified) (0 without a deal). */
    mean_ratification_probability: number;
    mean_utilities: [number, number];
    modal_deal: Bid | null;
    modal_share: number;
  };
}

/**
 * The result of a trade-domain negotiation run (JSON-able): issues and objectives, the analysed
 * deal space with and without linkage, ratification, trust, agent sessions and the deal's effects.
 *
 * @example
 * ```ts
 * const r: TradeNegotiationRun = await runTradeNegotiation(readScenarioFile('scenarios/negotiation/london-2025.yaml'));
 * r.deal.bid; r.deal.ratification_probability;
 * ```
 */
export interface TradeNegotiationRun {
  name: string;
  model: string;
  dataset: string;
  provenance: Provenance;
  status: 'converged' | 'not-converged';
  seconds: number;
  parties: [string, string];
  current_state: CurrentStateInfo;
  issues: {
    id: string;
    label?: string;
    owner: string;
    kind: string;
    mode: string;
    grid: number[];
    disagreement: number;
    flows: number;
  }[];
  objectives: {
    name: string;
    region: string;
    measure: string;
    security: { region: string; sector: string; weight: number }[];
    disagreement_pct: number;
  }[];
  evaluation: TradeEvalStats & { deals: number };
  analysis: DomainAnalysis;
  linkage: { full: PartitionSummary; linked: PartitionSummary; separate: PartitionSummary; enabled: boolean };
  trust: {
    initial: [number, number];
    initial_source: [string, string];
    after_history: [number, number];
    breakdown_per_round: number;
    history: { label: string; moves: Record<string, string>; trust: [number, number] }[];
  } | null;
  sessions: TradeSession[];
  deal: {
    bid: Bid | null;
    session: string;
    utilities: [number, number] | null;
    ratification_probability: number | null;
    effects: Record<string, Record<string, number>> | null;
    compliance: ComplianceTerms[] | null;
  };
  /** Thresholds bounded by the deals the leaders approved (calibration.approved), when given. */
  calibration: Calibration | null;
  /** Coercion: the threatened state and every objective there (levels, percent over the dataset baseline). */
  threat: (CurrentStateInfo & { label?: string; objectives_pct: number[] }) | null;
  /** Compliance incentives of the linked partition's Nash deal (the London package). */
  linked_nash_compliance: { bid: Bid; terms: ComplianceTerms[] } | null;
}
