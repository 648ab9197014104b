/**
 * Pure helpers of the negotiation view: threshold distributions (CDF, inverse, bands), the region
 * of the utility plane where both leaders ratify with probability ≥ ½, the deals of a deal map as
 * rows, a session's offers placed on the deal map, and the scenario's stated assumptions read from
 * its YAML.
 */
import { parse } from 'yaml';
import { thresholdCdf } from '../../src/contract/threshold.ts';
import type { DealMap, LogEntry, PartitionName, Threshold, TradeBid, TradeSession } from './api.ts';

/** P(θ ≤ u): the probability that a leader with threshold θ accepts an agreement worth u. */
export const cdf = thresholdCdf;

/** Where most of the distribution lies: [low, high] (known: the value twice). */
export function support(t: Threshold): [number, number] {
  if (t.kind === 'known') return [t.value, t.value];
  if (t.kind === 'uniform') return [t.min, t.max];
  return [t.mean - 4 * t.sd, t.mean + 4 * t.sd];
}

/** Smallest u with P(θ ≤ u) ≥ p (bisection; +∞ when no u reaches p). */
export function quantile(t: Threshold, p: number): number {
  if (p > 1) return Infinity;
  if (t.kind === 'known') return t.value;
  let [lo, hi] = support(t);
  lo -= 10 * (hi - lo + 1e-9);
  hi += 10 * (hi - lo + 1e-9);
  if (cdf(t, hi) < p) return Infinity;
  for (let k = 0; k < 80; k++) {
    const m = (lo + hi) / 2;
    if (cdf(t, m) >= p) hi = m;
    else lo = m;
  }
  return hi;
}

/** "N(0.005, 0.01)", "U[0, 0.4]", "0.01 (known)". */
export function thresholdText(t: Threshold, f: (x: number) => string = (x) => String(x)): string {
  if (t.kind === 'known') return `${f(t.value)} (known)`;
  if (t.kind === 'uniform') return `uniform on [${f(t.min)}, ${f(t.max)}]`;
  return `normal, mean ${f(t.mean)}, sd ${f(t.sd)}`;
}

/** Threshold bands to draw on an axis: the central 68% and 95% (uniform: the whole range) and the median line. */
export function bands(t: Threshold): {
  inner: [number, number] | null;
  outer: [number, number] | null;
  median: number;
} {
  if (t.kind === 'known') return { inner: null, outer: null, median: t.value };
  if (t.kind === 'uniform') return { inner: [t.min, t.max], outer: null, median: (t.min + t.max) / 2 };
  return { inner: [t.mean - t.sd, t.mean + t.sd], outer: [t.mean - 2 * t.sd, t.mean + 2 * t.sd], median: t.mean };
}

/**
 * The boundary of {(x, y): F_A(x)·F_B(y) ≥ p} on [x0, x1]: points (x, y) with y the least value
 * that reaches p at x (x where F_A(x) < p are left out). With one package (full linkage) and
 * leaders judging by the delegations' utilities, this region holds the deals ratified with P ≥ p.
 */
export function ratifiedBoundary(
  a: Threshold,
  b: Threshold,
  x0: number,
  x1: number,
  p = 0.5,
  steps = 240,
): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  const start = Math.max(x0, quantile(a, p));
  if (!Number.isFinite(start) || start > x1) return out;
  for (let k = 0; k <= steps; k++) {
    const x = start + ((x1 - start) * k) / steps;
    const fa = cdf(a, x);
    if (fa < p) continue;
    out.push({ x, y: quantile(b, p / fa) });
  }
  return out;
}

/** One deal of the map, flat. */
export interface DealRow {
  index: number;
  values: Record<string, number>;
  u: [number, number];
  leaders: [number, number];
  p: Record<PartitionName, number | null>;
}

export function dealRows(m: DealMap): DealRow[] {
  return m.deals.values.map((v, k) => ({
    index: k,
    values: Object.fromEntries(m.issues.map((r, i) => [r.id, v[i]])),
    u: [m.deals.delegation[0][k] ?? NaN, m.deals.delegation[1][k] ?? NaN],
    leaders: [m.deals.leaders[0][k] ?? NaN, m.deals.leaders[1][k] ?? NaN],
    p: {
      full: m.deals.ratification.full[k],
      linked: m.deals.ratification.linked[k],
      separate: m.deals.ratification.separate[k],
    },
  }));
}

/** Index of a deal by its issue values ("0.25|0|…"). */
export function dealIndex(m: DealMap): Map<string, number> {
  return new Map(m.deals.values.map((v, k) => [v.map(String).join('|'), k]));
}

/** An offer (or acceptance) of a session, placed on the deal map. */
export interface OfferPoint {
  basket: number;
  basketLabel: string;
  step: number;
  round: number;
  proposer: 0 | 1;
  action: LogEntry['action'];
  bid: TradeBid;
  /** The whole deal: the basket's bid, every other issue at the current state. */
  deal: number;
  /** Model utilities of that deal (pp over the current state). */
  u: [number, number];
  /** Utilities the delegations saw (trust-discounted), from the log. */
  seen: [number, number] | null;
}

/**
 * Offers of a session's baskets on the deal map (every other issue at the current state, as the
 * session evaluates them).
 */
export function sessionOffers(m: DealMap, s: TradeSession, index = dealIndex(m)): OfferPoint[] {
  const out: OfferPoint[] = [];
  s.baskets.forEach((b, bi) => {
    let step = 0;
    for (const e of b.log) {
      if (!e.bid || e.proposer === 'mediator') continue;
      const values = m.issues.map((r) => (e.bid![r.id] !== undefined ? Number(e.bid![r.id]) : r.disagreement));
      const k = index.get(values.map(String).join('|'));
      if (k === undefined) continue;
      out.push({
        basket: bi,
        basketLabel: b.issues.join(' + '),
        step: ++step,
        round: e.round,
        proposer: e.proposer,
        action: e.action,
        bid: e.bid,
        deal: k,
        u: [m.deals.delegation[0][k] ?? NaN, m.deals.delegation[1][k] ?? NaN],
        seen: e.utilities,
      });
    }
  });
  return out;
}

/** "ree 0.6, chips +0.17" (issue values of a bid; "no deal" for none). */
export function bidText(b: TradeBid | null | undefined, signed: ReadonlySet<string> = new Set()): string {
  if (!b) return 'no deal (current state)';
  return Object.entries(b)
    .map(([k, v]) => `${k} ${signed.has(k) && Number(v) > 0 ? '+' : ''}${String(v).replace(/^-/, '−')}`)
    .join(', ');
}

/** What the scenario file states about the negotiation (for the assumptions panel). */
export interface ScenarioFacts {
  description: string | null;
  /** The comment lines at the top of the file. */
  header: string[];
  options: Record<string, unknown>;
  deadline: number | null;
  replications: number | null;
  seed: number | null;
  parties: {
    code: string;
    delegation: { name: string; role?: string }[];
    leader: { name?: string; threshold?: Threshold } | null;
    agent: Record<string, unknown> | null;
    trust: number | null;
    objective: Record<string, unknown> | null;
  }[];
  trust: {
    gain?: number;
    loss?: number;
    base_breakdown?: number;
    sensitivity?: number;
    history?: { label: string; date?: string; moves: Record<string, string> }[];
  } | null;
}

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === 'object' ? (x as Obj) : {});

export function scenarioFacts(text: string): ScenarioFacts {
  const doc = obj(parse(text));
  const n = obj(doc.negotiation);
  const header: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    header.push(line.replace(/^#\s?/, ''));
  }
  return {
    description: typeof doc.description === 'string' ? doc.description.trim() : null,
    header,
    options: obj(doc.options),
    deadline: typeof obj(n.deadline).rounds === 'number' ? (obj(n.deadline).rounds as number) : null,
    replications: typeof n.replications === 'number' ? n.replications : null,
    seed: typeof n.seed === 'number' ? n.seed : null,
    parties: Object.entries(obj(n.parties)).map(([code, v]) => {
      const p = obj(v);
      return {
        code,
        delegation: Array.isArray(p.delegation) ? (p.delegation as { name: string; role?: string }[]) : [],
        leader: p.leader ? (p.leader as { name?: string; threshold?: Threshold }) : null,
        agent: p.agent ? obj(p.agent) : null,
        trust: typeof p.trust === 'number' ? p.trust : null,
        objective: p.objective ? obj(p.objective) : null,
      };
    }),
    trust: n.trust ? (n.trust as ScenarioFacts['trust']) : null,
  };
}
