/**
 * Utility functions: linear-additive (GENIUS semantics) and arbitrary callbacks,
 * with reservation values and discount factors.
 *
 * GENIUS semantics for a linear-additive profile:
 *   u(bid) = Σ_i w_i · eval_i(bid_i) / max_v eval_i(v),   with Σ_i w_i = 1,
 * i.e. raw evaluations are divided by the issue's maximum evaluation. (NegMAS
 * reads raw evaluations, which gives different numbers; we do not copy that.)
 * Discounting follows GENIUS: u_t(bid) = u(bid) · δ^t with t ∈ [0, 1] the
 * relative negotiation time; the reservation value is discounted alike.
 */
import type { Bid, Domain, IssueValue } from './domain.ts';
import * as msg from '../spec/messages/negotiate.ts';

/** Anything that scores bids for one party. */
export interface UtilityFunction {
  /** Undiscounted utility of a bid (usually in [0, 1]). */
  utility(bid: Bid): number;
  /** Utility of no agreement (GENIUS `<reservation value>`), undiscounted. */
  readonly reservation: number;
  /** Discount factor δ ∈ (0, 1]; 1 means no discounting. */
  readonly discount: number;
}

/** Linear evaluator of a continuous issue: eval(x) = clamp(offset + slope·x, 0, 1). */
export interface LinearEvaluator {
  readonly offset: number;
  readonly slope: number;
}

/** Inputs of {@link linearAdditiveUtility}, keyed by issue name. */
export interface LinearAdditiveSpec {
  /** Raw issue weights; they are normalised to sum to one. */
  readonly weights: Readonly<Record<string, number>>;
  /**
   * Per issue: raw evaluations per value (discrete; divided by their maximum)
   * or a linear evaluator (continuous).
   */
  readonly evaluations: Readonly<
    Record<string, ReadonlyMap<IssueValue, number> | Readonly<Record<string, number>> | LinearEvaluator>
  >;
  readonly reservation?: number;
  readonly discount?: number;
}

/** A linear-additive utility function with its normalised parts exposed for fast kernels. */
export interface LinearAdditiveUtility extends UtilityFunction {
  readonly kind: 'linear-additive';
  readonly domain: Domain;
  /** Normalised weights in the domain's issue order. */
  readonly weights: Float64Array;
  /**
   * For discrete issue i: w_i · eval(v)/max eval, one entry per value in the
   * issue's value order (the "partial utilities" summed by the Pareto kernel).
   * `null` for continuous issues.
   */
  readonly partials: readonly (Float64Array | null)[];
  /** Linear evaluators of continuous issues (`null` for discrete issues). */
  readonly linear: readonly (LinearEvaluator | null)[];
}

function checkUnit(name: string, v: number, lo: number, hiIncl = true): void {
  if (!Number.isFinite(v) || v < lo || (hiIncl ? v > 1 : v >= 1)) {
    throw new RangeError(msg.notInUnit(name, lo, v));
  }
}

/**
 * Build a linear-additive utility with GENIUS semantics.
 *
 * @example
 * ```ts
 * const u = linearAdditiveUtility(domain, {
 *   weights: { price: 2, delivery: 1 },
 *   evaluations: { price: { low: 10, high: 5 }, delivery: { fast: 1, slow: 3 } },
 * });
 * u.utility({ price: 'low', delivery: 'slow' }); // (2/3)·1 + (1/3)·1 = 1
 * ```
 */
export function linearAdditiveUtility(domain: Domain, spec: LinearAdditiveSpec): LinearAdditiveUtility {
  const reservation = spec.reservation ?? 0;
  const discount = spec.discount ?? 1;
  if (!Number.isFinite(reservation)) throw new RangeError(msg.badReservation(reservation));
  if (!(discount > 0 && discount <= 1)) throw new RangeError(msg.badDiscount(discount));
  const n = domain.issues.length;
  const weights = new Float64Array(n);
  let total = 0;
  domain.issues.forEach((issue, i) => {
    const w = spec.weights[issue.name];
    if (w === undefined) throw new TypeError(msg.noIssueWeight(issue.name));
    if (!Number.isFinite(w) || w < 0) throw new RangeError(msg.negativeWeight(issue.name, w));
    weights[i] = w;
    total += w;
  });
  if (!(total > 0)) throw new RangeError(msg.weightsSumNotPositive(total));
  for (let i = 0; i < n; i++) weights[i] /= total;

  const partials: (Float64Array | null)[] = [];
  const linear: (LinearEvaluator | null)[] = [];
  domain.issues.forEach((issue, i) => {
    const ev = spec.evaluations[issue.name];
    if (ev === undefined) throw new TypeError(msg.noEvaluations(issue.name));
    if (issue.kind === 'continuous') {
      if (!('slope' in ev) || typeof ev.slope !== 'number') {
        throw new TypeError(msg.tableForContinuous(issue.name));
      }
      partials.push(null);
      linear.push({ offset: Number(ev.offset), slope: ev.slope });
      return;
    }
    const get = (v: IssueValue): number | undefined =>
      ev instanceof Map ? ev.get(v) : (ev as Record<string, number>)[String(v)];
    const raw = issue.values.map((v) => {
      const e = get(v);
      if (e === undefined || !Number.isFinite(e) || e < 0) {
        throw new RangeError(msg.negativeEvaluation(JSON.stringify(v), issue.name, String(e)));
      }
      return e;
    });
    const max = Math.max(...raw);
    // GENIUS divides by the issue's maximum evaluation; an all-zero issue contributes nothing.
    partials.push(Float64Array.from(raw, (e) => (max > 0 ? (weights[i] * e) / max : 0)));
    linear.push(null);
  });

  const index = domain.issues.map((issue) =>
    issue.kind === 'discrete' ? new Map(issue.values.map((v, j) => [v, j])) : null,
  );
  const utility = (bid: Bid): number => {
    let u = 0;
    for (let i = 0; i < n; i++) {
      const v = bid[domain.issues[i].name];
      const p = partials[i];
      if (p) {
        const j = index[i]!.get(v);
        if (j === undefined) {
          throw new RangeError(msg.notAnIssueValue(domain.issues[i].name, JSON.stringify(v)));
        }
        u += p[j];
      } else {
        const l = linear[i]!;
        u += weights[i] * Math.min(1, Math.max(0, l.offset + l.slope * Number(v)));
      }
    }
    return u;
  };
  return { kind: 'linear-additive', domain, weights, partials, linear, utility, reservation, discount };
}

/**
 * Wrap an arbitrary scoring callback (e.g. an economic model's objective) as a utility function.
 *
 * @example
 * ```ts
 * const u = callbackUtility((bid) => welfare(bid), { reservation: 0.2 });
 * ```
 */
export function callbackUtility(
  fn: (bid: Bid) => number,
  options: { reservation?: number; discount?: number } = {},
): UtilityFunction {
  const discount = options.discount ?? 1;
  if (!(discount > 0 && discount <= 1)) throw new RangeError(msg.badDiscount(discount));
  return { utility: fn, reservation: options.reservation ?? 0, discount };
}

/** True for utilities built by {@link linearAdditiveUtility}. */
export function isLinearAdditive(u: UtilityFunction): u is LinearAdditiveUtility {
  return (u as Partial<LinearAdditiveUtility>).kind === 'linear-additive';
}

/**
 * GENIUS discounting: u(bid) · δ^t for relative time t ∈ [0, 1].
 *
 * @example
 * ```ts
 * discountedUtility(u, bid, 0.5); // u.utility(bid) * u.discount ** 0.5
 * ```
 */
export function discountedUtility(u: UtilityFunction, bid: Bid, t: number): number {
  checkUnit('relative time', t, 0);
  return u.utility(bid) * Math.pow(u.discount, t);
}

/** The reservation value discounted to relative time t (GENIUS: r · δ^t). */
export function discountedReservation(u: UtilityFunction, t: number): number {
  checkUnit('relative time', t, 0);
  return u.reservation * Math.pow(u.discount, t);
}

/**
 * The same utility with another reservation value (and optionally discount factor).
 *
 * @example
 * ```ts
 * const strict = withReservation(england, 0.5);
 * ```
 */
export function withReservation<U extends UtilityFunction>(u: U, reservation: number, discount = u.discount): U {
  if (!Number.isFinite(reservation)) throw new RangeError(msg.badReservation(reservation));
  if (!(discount > 0 && discount <= 1)) throw new RangeError(msg.badDiscount(discount));
  return { ...u, reservation, discount };
}
