/**
 * Negotiation domain model: issues, bids and domains.
 *
 * A domain is an ordered list of issues. Discrete issues hold a finite list of
 * values (strings or numbers); continuous issues hold a closed real range.
 * GENIUS "integer" issues are imported as discrete issues of numbers, which
 * keeps enumeration and frequency modelling uniform.
 */
import * as msg from '../spec/messages/negotiate.ts';
import type { IssueValue, Bid } from '../contract/negotiation.ts';
export type { IssueValue, Bid };

/** An issue with a finite list of distinct values. */
export interface DiscreteIssue {
  readonly kind: 'discrete';
  readonly name: string;
  readonly values: readonly IssueValue[];
}

/** An issue ranging over the closed interval [min, max]. */
export interface ContinuousIssue {
  readonly kind: 'continuous';
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/** Any issue of a negotiation domain. */
export type Issue = DiscreteIssue | ContinuousIssue;

/** A negotiation domain: a name and an ordered list of issues. */
export interface Domain {
  readonly name: string;
  readonly issues: readonly Issue[];
}

/**
 * Create a discrete issue, checking that it has distinct values.
 *
 * @example
 * ```ts
 * discreteIssue('tariff', [0, 10, 25]);
 * ```
 */
export function discreteIssue(name: string, values: readonly IssueValue[]): DiscreteIssue {
  if (values.length === 0) {
    throw new RangeError(msg.leastOneValue(name));
  }
  if (new Set(values).size !== values.length) {
    throw new RangeError(msg.distinctValuesIssue(name));
  }
  return { kind: 'discrete', name, values: [...values] };
}

/**
 * Create a continuous issue over [min, max].
 *
 * @example
 * ```ts
 * continuousIssue('licence approval rate', 0, 1);
 * ```
 */
export function continuousIssue(name: string, min: number, max: number): ContinuousIssue {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    throw new RangeError(msg.finiteBoundsMin(name, min, max));
  }
  return { kind: 'continuous', name, min, max };
}

/**
 * Create a domain, checking that issue names are unique.
 *
 * @example
 * ```ts
 * const d = createDomain('truce', [discreteIssue('tariff', [0, 10]), continuousIssue('rate', 0, 1)]);
 * ```
 */
export function createDomain(name: string, issues: readonly Issue[]): Domain {
  const names = new Set<string>();
  for (const issue of issues) {
    if (names.has(issue.name)) {
      throw new RangeError(msg.uniqueIssueNames(name, issue.name));
    }
    names.add(issue.name);
  }
  return { name, issues: [...issues] };
}

/**
 * Check that a bid gives a valid value to every issue of the domain.
 * Throws a TypeError naming the first issue that is missing or invalid.
 */
export function assertBid(domain: Domain, bid: Bid): void {
  for (const issue of domain.issues) {
    const v = bid[issue.name];
    if (v === undefined) {
      throw new TypeError(msg.valueIssueBid(issue.name));
    }
    if (issue.kind === 'discrete') {
      if (!issue.values.includes(v)) {
        throw new RangeError(msg.oneValuesIssue(issue.name, JSON.stringify(v)));
      }
    } else if (typeof v !== 'number' || v < issue.min || v > issue.max) {
      throw new RangeError(msg.numberIssue(issue.min, issue.max, issue.name, JSON.stringify(v)));
    }
  }
}

/** A stable string key for a bid (issue order of the domain), for caches and maps. */
export function bidKey(domain: Domain, bid: Bid): string {
  return JSON.stringify(domain.issues.map((i) => bid[i.name]));
}
