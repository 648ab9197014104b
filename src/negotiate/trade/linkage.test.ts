import { describe, expect, it } from 'vitest';
import { createDomain, discreteIssue } from '../domain.ts';
import type { MappedDomain } from './linkage.ts';
import {
  analyzeMapped,
  basketProjections,
  basketIndices,
  partitionRatification,
  summarizePartition,
} from './linkage.ts';

/**
 * Two issues, each 0 (status quo) or 1. A's concession is issue `a` (costs A 1, gives B 2),
 * B's is issue `b` (gives A 2, costs B 1): the classic linkage game. Utilities are additive:
 *   (0,0) → (0,0), (0,1) → (2,−1), (1,0) → (−1,2), (1,1) → (1,1).
 */
function linkageGame(): MappedDomain {
  const domain = createDomain('linkage', [discreteIssue('a', [0, 1]), discreteIssue('b', [0, 1])]);
  // Order: last issue fastest: k = 2·a + b.
  const uA = Float64Array.of(0, 2, -1, 1);
  const uB = Float64Array.of(0, -1, 2, 1);
  return { domain, disagreement: [0, 0], delegation: [uA, uB], leaders: [uA, uB] };
}

const known0 = [
  { kind: 'known', value: 0 },
  { kind: 'known', value: 0 },
] as const;

describe('linkage and two-level ratification on a mapped domain', () => {
  it('projects each deal on a basket with the other issues at disagreement', () => {
    const m = linkageGame();
    const [pa, pb] = basketProjections(m, basketIndices(m.domain, [['a'], ['b']]));
    expect(Array.from(pa)).toEqual([-1, -1, 2, 2]);
    expect(Array.from(pb)).toEqual([-1, 1, -1, 1]);
  });

  it('ratifies with known thresholds: only the linked package passes both leaders', () => {
    const m = linkageGame();
    const linked = partitionRatification(m, basketIndices(m.domain, [['a', 'b']]), known0);
    expect(Array.from(linked.probability)).toEqual([NaN, 0, 0, 1]);
    // Separately, each concession is voted down by the leader who makes it.
    const separate = partitionRatification(m, basketIndices(m.domain, [['a'], ['b']]), known0);
    expect(Array.from(separate.probability)).toEqual([NaN, 0, 0, 0]);
    expect(Array.from(separate.acceptance[0])).toEqual([NaN, 1, 0, 0]);
  });

  it('summarises win-sets, overlap and the best ratifiable deal', () => {
    const m = linkageGame();
    const s = summarizePartition(m, [['a', 'b']], known0);
    expect(s).toMatchObject({ deals: 3, ratifiable: 1, expected_ratifiable: 1, win_sets: { count: [2, 2] } });
    expect(s.overlap).toBeCloseTo(1 / 3, 12);
    expect(s.nash?.bid).toEqual({ a: 1, b: 1 });
    expect(summarizePartition(m, [['a'], ['b']], known0)).toMatchObject({ ratifiable: 0, nash: null, frontier: [] });
  });

  it('turns private thresholds into probabilities (uniform on [0, 2])', () => {
    const m = linkageGame();
    const t = [
      { kind: 'uniform', min: 0, max: 2 },
      { kind: 'uniform', min: 0, max: 2 },
    ] as const;
    const s = summarizePartition(m, [['a', 'b']], t);
    // Package (1,1): each leader accepts with P = 1/2 → 1/4; (0,1) and (1,0): one leader at 0.
    expect(s.expected_ratifiable).toBeCloseTo(0.25, 12);
    expect(s.win_sets.expected[0]).toBeCloseTo(1 + 0 + 0.5, 12);
  });

  it('finds the frontier and Nash point of the map', () => {
    const a = analyzeMapped(linkageGame(), known0);
    expect(a.pareto_size).toBe(3);
    expect(a.nash?.bid).toEqual({ a: 1, b: 1 });
    expect(a.nash?.ratification).toBe(1);
  });

  it('rejects baskets that do not partition the issues', () => {
    const m = linkageGame();
    expect(() => basketIndices(m.domain, [['a']])).toThrow(/every issue in a basket, found b in none/);
    expect(() => basketIndices(m.domain, [['a'], ['a', 'b']])).toThrow(/"a" twice/);
    expect(() => basketIndices(m.domain, [['a', 'b', 'c']])).toThrow(/found "c"/);
  });
});
