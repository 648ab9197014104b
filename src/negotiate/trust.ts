/**
 * Trust between the sides in repeated play.
 *
 * Trust τ_i ∈ [0, 1] is side i's belief that the other side will comply with
 * a deal. After observing the other side:
 *   comply: τ ← τ + gain·(1 − τ)     defect: τ ← τ·(1 − loss)
 * (trust builds slowly and collapses fast when loss > gain).
 * Trust enters negotiation twice:
 * - acceptance: promised concessions are discounted by the risk of defection,
 *   u_τ(x) = τ·u(x) + (1 − τ)·u(x if the other side defects);
 * - continuation: the per-round breakdown probability rises as trust falls,
 *   p = base + (1 − base)·sensitivity·(1 − min_i τ_i).
 */
import type { Bid } from './domain.ts';
import type { Move, PdStrategy } from './repeated-game.ts';
import type { BreakdownProbability } from './session.ts';
import type { UtilityFunction } from './utility.ts';

/** Speed of trust updates. */
export interface TrustDynamics {
  /** Share of the remaining distance to full trust gained after compliance. */
  readonly gain: number;
  /** Share of trust lost after a defection. */
  readonly loss: number;
}

/** Default dynamics: trust builds at 20 % and falls by 50 %. */
const DEFAULT_TRUST_DYNAMICS: TrustDynamics = { gain: 0.2, loss: 0.5 };

function checkUnit(name: string, v: number): void {
  if (!(v >= 0 && v <= 1)) throw new RangeError(`Expected ${name} in [0, 1], found ${v}.`);
}

/**
 * Update one side's trust after observing the other side comply or defect.
 *
 * @example
 * ```ts
 * updateTrust(0.5, false); // 0.25 with the default dynamics
 * ```
 */
export function updateTrust(trust: number, complied: boolean, dyn: TrustDynamics = DEFAULT_TRUST_DYNAMICS): number {
  checkUnit('trust', trust);
  checkUnit('trust gain', dyn.gain);
  checkUnit('trust loss', dyn.loss);
  return complied ? trust + dyn.gain * (1 - trust) : trust * (1 - dyn.loss);
}

/** One earlier deal on the record: what a side promised and what it delivered (same unit). */
export interface DeliveryRecord {
  readonly label: string;
  readonly party: string;
  readonly committed: number;
  readonly delivered: number;
}

/**
 * Trust calibrated on the record: the share of its promises a side delivered on earlier deals,
 * Σ delivered / Σ committed (capped at 1), read as the probability that it complies with the next
 * one. `undefined` when the record has nothing on that side, so the stated prior stays.
 *
 * @example
 * ```ts
 * const record = [{ label: 'Phase One purchases', party: 'CHN', committed: 502.4, delivered: 288.8 }];
 * trustFromRecord(record, 'CHN'); // 0.5748…
 * ```
 */
export function trustFromRecord(record: readonly DeliveryRecord[], party: string): number | undefined {
  const own = record.filter((r) => r.party === party);
  if (own.length === 0) return undefined;
  const committed = own.reduce((s, r) => s + r.committed, 0);
  const delivered = own.reduce((s, r) => s + r.delivered, 0);
  return Math.min(1, delivered / committed);
}

/**
 * Expected value of a deal when the other side complies with probability τ.
 *
 * @example
 * ```ts
 * riskAdjustedUtility(0.8, 0.3, 0.5); // 0.55
 * ```
 */
export function riskAdjustedUtility(ifComply: number, ifDefect: number, trust: number): number {
  checkUnit('trust', trust);
  return trust * ifComply + (1 - trust) * ifDefect;
}

/**
 * A utility function that discounts promised concessions by trust. `ifDefect`
 * gives the party's utility of the deal if the other side reneges on its
 * promises (e.g. the deal with the other side's concessions reverted);
 * `trust` is read at every evaluation, so it can change between rounds.
 *
 * @example
 * ```ts
 * const u = trustAdjustedUtility(usUtility, () => trust.us, (bid) => usUtility.utility({ ...bid, rareEarthRate: 0 }));
 * ```
 */
export function trustAdjustedUtility(
  base: UtilityFunction,
  trust: () => number,
  ifDefect: (bid: Bid) => number,
): UtilityFunction {
  return {
    reservation: base.reservation,
    discount: base.discount,
    utility: (bid) => riskAdjustedUtility(base.utility(bid), ifDefect(bid), trust()),
  };
}

/** How trust moves the chance that talks continue. */
export interface ContinuationParams {
  /** Breakdown probability per round at full trust. */
  readonly base: number;
  /** How much of the remaining probability mass distrust adds (0 = none, 1 = all). */
  readonly sensitivity: number;
}

/**
 * Per-round breakdown probability given both sides' trust.
 *
 * @example
 * ```ts
 * breakdownFromTrust([1, 0.5], { base: 0.02, sensitivity: 0.2 }); // 0.02 + 0.98·0.2·0.5
 * ```
 */
export function breakdownFromTrust(trust: readonly [number, number], p: ContinuationParams): number {
  checkUnit('trust', trust[0]);
  checkUnit('trust', trust[1]);
  checkUnit('base breakdown probability', p.base);
  checkUnit('sensitivity', p.sensitivity);
  return p.base + (1 - p.base) * p.sensitivity * (1 - Math.min(trust[0], trust[1]));
}

/** A breakdown probability for SAOP that reads the current trust each round. */
export function trustBreakdown(trust: () => readonly [number, number], p: ContinuationParams): BreakdownProbability {
  return () => breakdownFromTrust(trust(), p);
}

/** One period of a compliance game. */
export interface TrustStep {
  readonly round: number;
  /** Moves of A and B: C = comply, D = defect. */
  readonly moves: [Move, Move];
  /** Trust of A and B after observing this round. */
  readonly trust: [number, number];
}

/**
 * Repeated compliance game: after a deal each side complies (C) or defects
 * (D), chosen by a repeated-game strategy; each side's trust is updated from
 * the other side's move.
 *
 * @example
 * ```ts
 * simulateTrust([titForTat, alternator], 10, [0.5, 0.5]).at(-1)!.trust;
 * ```
 */
export function simulateTrust(
  strategies: readonly [PdStrategy, PdStrategy],
  rounds: number,
  initial: readonly [number, number],
  dyn: TrustDynamics = DEFAULT_TRUST_DYNAMICS,
): TrustStep[] {
  const hist: [Move[], Move[]] = [[], []];
  let trust: [number, number] = [initial[0], initial[1]];
  const out: TrustStep[] = [];
  for (let r = 1; r <= rounds; r++) {
    const a = strategies[0](hist[0], hist[1]);
    const b = strategies[1](hist[1], hist[0]);
    hist[0].push(a);
    hist[1].push(b);
    trust = [updateTrust(trust[0], b === 'C', dyn), updateTrust(trust[1], a === 'C', dyn)];
    out.push({ round: r, moves: [a, b], trust });
  }
  return out;
}
