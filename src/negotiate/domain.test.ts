import { describe, expect, it } from 'vitest';
import { assertBid, continuousIssue, createDomain, discreteIssue } from './domain.ts';
import { bidAt, discretize, enumerateBids, outcomeCount, sampleBids, strides } from './outcome-space.ts';
import { callbackUtility, discountedReservation, discountedUtility, linearAdditiveUtility } from './utility.ts';

const domain = createDomain('toy', [
  discreteIssue('price', ['low', 'mid', 'high']),
  discreteIssue('delivery', ['fast', 'slow']),
]);

describe('domain model', () => {
  it('rejects duplicate values and issue names with RangeError', () => {
    expect(() => discreteIssue('x', ['a', 'a'])).toThrow(RangeError);
    expect(() => createDomain('d', [discreteIssue('x', [1]), discreteIssue('x', [2])])).toThrow(/unique issue names/);
    expect(() => continuousIssue('r', 1, 0)).toThrow(/min <= max/);
  });

  it('counts and enumerates outcomes in mixed-radix order, last issue fastest', () => {
    expect(outcomeCount(domain)).toBe(6);
    expect(strides(domain)).toEqual([2, 1]);
    const all = [...enumerateBids(domain)];
    expect(all[0]).toEqual({ price: 'low', delivery: 'fast' });
    expect(all[1]).toEqual({ price: 'low', delivery: 'slow' });
    expect(all[5]).toEqual({ price: 'high', delivery: 'slow' });
    expect(bidAt(domain, 3)).toEqual({ price: 'mid', delivery: 'slow' });
  });

  it('refuses to enumerate beyond the limit and samples reproducibly instead', () => {
    expect(() => [...enumerateBids(domain, 5)]).toThrow(/sample instead/);
    const mixed = createDomain('m', [discreteIssue('a', [1, 2]), continuousIssue('r', 0, 1)]);
    expect(outcomeCount(mixed)).toBe(Infinity);
    const s1 = sampleBids(mixed, 20, 7);
    expect(sampleBids(mixed, 20, 7)).toEqual(s1);
    expect(sampleBids(mixed, 20, 8)).not.toEqual(s1);
    for (const b of s1) assertBid(mixed, b);
  });

  it('discretizes continuous issues into an even grid', () => {
    const d = discretize(createDomain('c', [continuousIssue('r', 0, 1)]), 5);
    expect(d.issues[0]).toEqual({ kind: 'discrete', name: 'r', values: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('checks bids against the domain', () => {
    expect(() => assertBid(domain, { price: 'low' })).toThrow(TypeError);
    expect(() => assertBid(domain, { price: 'free', delivery: 'fast' })).toThrow(RangeError);
  });
});

describe('linear-additive utility (GENIUS semantics)', () => {
  const u = linearAdditiveUtility(domain, {
    weights: { price: 3, delivery: 1 },
    evaluations: { price: { low: 10, mid: 5, high: 1 }, delivery: { fast: 2, slow: 4 } },
    reservation: 0.3,
    discount: 0.5,
  });

  it('normalises weights and divides evaluations by the issue maximum', () => {
    expect(Array.from(u.weights)).toEqual([0.75, 0.25]);
    expect(u.utility({ price: 'low', delivery: 'slow' })).toBeCloseTo(1, 12);
    expect(u.utility({ price: 'mid', delivery: 'fast' })).toBeCloseTo(0.75 * 0.5 + 0.25 * 0.5, 12);
  });

  it('discounts utility and reservation by δ^t', () => {
    const bid = { price: 'low', delivery: 'slow' };
    expect(discountedUtility(u, bid, 0)).toBeCloseTo(1, 12);
    expect(discountedUtility(u, bid, 1)).toBeCloseTo(0.5, 12);
    expect(discountedUtility(u, bid, 0.5)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(discountedReservation(u, 1)).toBeCloseTo(0.15, 12);
    expect(() => discountedUtility(u, bid, 1.5)).toThrow(RangeError);
  });

  it('evaluates continuous issues with a clamped linear evaluator', () => {
    const d = createDomain('c', [continuousIssue('rate', 0, 1), discreteIssue('x', ['a', 'b'])]);
    const v = linearAdditiveUtility(d, {
      weights: { rate: 1, x: 1 },
      evaluations: { rate: { offset: 0, slope: 2 }, x: { a: 1, b: 0 } },
    });
    expect(v.utility({ rate: 0.25, x: 'b' })).toBeCloseTo(0.25, 12);
    expect(v.utility({ rate: 0.9, x: 'a' })).toBeCloseTo(1, 12);
  });

  it('names the missing weight or evaluation', () => {
    expect(() => linearAdditiveUtility(domain, { weights: { price: 1 }, evaluations: {} })).toThrow(
      /weight for issue "delivery"/,
    );
    expect(() =>
      linearAdditiveUtility(domain, {
        weights: { price: 1, delivery: 1 },
        evaluations: { price: { low: 1, mid: 1 }, delivery: { fast: 1, slow: 1 } },
      }),
    ).toThrow(/value "high" of issue "price"/);
  });

  it('wraps arbitrary callbacks', () => {
    const c = callbackUtility((b) => (b.price === 'low' ? 1 : 0), { reservation: 0.1 });
    expect(c.utility({ price: 'low', delivery: 'fast' })).toBe(1);
    expect(c.reservation).toBe(0.1);
    expect(c.discount).toBe(1);
  });
});
