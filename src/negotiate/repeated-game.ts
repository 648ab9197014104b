/**
 * Repeated prisoner's dilemma: strategies, match play and the grim-trigger
 * cooperation condition.
 *
 * Payoffs follow the usual letters: R (both cooperate), S (sucker), T
 * (temptation), P (both defect), with T > R > P > S. With discount factor δ,
 * grim trigger sustains cooperation iff R/(1−δ) ≥ T + δP/(1−δ), i.e.
 *   δ ≥ (T − R)/(T − P).
 */
import * as msg from '../spec/messages/negotiate.ts';

/** A move: cooperate (comply) or defect. */
export type Move = 'C' | 'D';

/** Prisoner's dilemma payoffs. */
export interface PdPayoffs {
  readonly R: number;
  readonly S: number;
  readonly T: number;
  readonly P: number;
}

/** The textbook payoffs R=3, S=0, T=5, P=1. */
export const STANDARD_PD: PdPayoffs = { R: 3, S: 0, T: 5, P: 1 };

/** A strategy picks a move from both histories (own moves, opponent moves), oldest first. */
export type PdStrategy = (own: readonly Move[], other: readonly Move[]) => Move;

/** Tit-for-tat: cooperate first, then copy the opponent's last move. */
export const titForTat: PdStrategy = (_own, other) => (other.length === 0 ? 'C' : other[other.length - 1]);
/** Always defect. */
export const alwaysDefect: PdStrategy = () => 'D';
/** Alternator: C, D, C, D, … regardless of the opponent. */
export const alternator: PdStrategy = (own) => (own.length % 2 === 0 ? 'C' : 'D');
/** Grim trigger: cooperate until the opponent defects once, then defect forever. */
export const grimTrigger: PdStrategy = (_own, other) => (other.includes('D') ? 'D' : 'C');

/** Payoffs of one stage for (row, column). */
function stagePayoffs(a: Move, b: Move, p: PdPayoffs = STANDARD_PD): [number, number] {
  if (a === 'C' && b === 'C') return [p.R, p.R];
  if (a === 'C' && b === 'D') return [p.S, p.T];
  if (a === 'D' && b === 'C') return [p.T, p.S];
  return [p.P, p.P];
}

/** Result of a repeated match. */
export interface MatchResult {
  readonly movesA: Move[];
  readonly movesB: Move[];
  /** Undiscounted totals. */
  readonly totals: [number, number];
  /** Totals discounted by δ^(round−1) (equal to `totals` when δ = 1). */
  readonly discounted: [number, number];
}

/**
 * Play a repeated prisoner's dilemma.
 *
 * @example
 * ```ts
 * playRepeatedPd(titForTat, alwaysDefect, 200).totals; // [199, 204]
 * ```
 */
export function playRepeatedPd(
  a: PdStrategy,
  b: PdStrategy,
  rounds: number,
  payoffs: PdPayoffs = STANDARD_PD,
  delta = 1,
): MatchResult {
  if (!Number.isInteger(rounds) || rounds < 0) throw new RangeError(msg.badRepeatedRounds(rounds));
  const movesA: Move[] = [];
  const movesB: Move[] = [];
  const totals: [number, number] = [0, 0];
  const discounted: [number, number] = [0, 0];
  let w = 1;
  for (let r = 0; r < rounds; r++) {
    const ma = a(movesA, movesB);
    const mb = b(movesB, movesA);
    movesA.push(ma);
    movesB.push(mb);
    const [pa, pb] = stagePayoffs(ma, mb, payoffs);
    totals[0] += pa;
    totals[1] += pb;
    discounted[0] += w * pa;
    discounted[1] += w * pb;
    w *= delta;
  }
  return { movesA, movesB, totals, discounted };
}

/**
 * Smallest discount factor at which grim trigger (or TFT against a one-shot
 * deviation) sustains cooperation: (T − R)/(T − P).
 *
 * @example
 * ```ts
 * cooperationThreshold(STANDARD_PD); // 0.5
 * ```
 */
export function cooperationThreshold(p: PdPayoffs = STANDARD_PD): number {
  if (!(p.T > p.R && p.R > p.P && p.P >= p.S)) {
    throw new RangeError(msg.notPrisonersDilemma(p.T, p.R, p.P, p.S));
  }
  return (p.T - p.R) / (p.T - p.P);
}

/** True when cooperation is sustainable at discount factor δ. */
export function cooperationSustainable(delta: number, p: PdPayoffs = STANDARD_PD): boolean {
  return delta >= cooperationThreshold(p);
}
