import { describe, expect, it } from 'vitest';
import { analyze, analyzeGeniusFiles, distancesToSolutions } from './analyze.ts';
import { createDomain, discreteIssue } from './domain.ts';
import {
  egalitarianOnPolyline,
  kalaiSmorodinskyOnPolyline,
  nashOnPolyline,
  utilitarianOnPolyline,
} from './frontier-polygon.ts';
import { readGeniusDomain, readGeniusProfile } from './genius.ts';
import type { UtilityPair } from './solutions.ts';
import {
  egalitarianIndex,
  geniusKalaiIndex,
  kalaiSmorodinskyIndex,
  nashIndex,
  opposition,
  utilitarianIndex,
  utilityDistance,
} from './solutions.ts';
import { ENGLAND_ZIMBABWE, ITEX_CYPRESS } from '../../test/support/negotiate/test-fixtures.ts';
import { callbackUtility } from './utility.ts';

const polygon: UtilityPair[] = [
  [0, 2],
  [1, 1.5],
  [2, 0],
];

describe('solutions on the frontier polygon (0,2)–(1,1.5)–(2,0), d = (0,0)', () => {
  it('Nash is (1, 1.5)', () => {
    const p = nashOnPolyline(polygon, [0, 0])!.point;
    expect(p[0]).toBeCloseTo(1, 12);
    expect(p[1]).toBeCloseTo(1.5, 12);
  });

  it('Kalai–Smorodinsky is (1.2, 1.2)', () => {
    const p = kalaiSmorodinskyOnPolyline(polygon, [0, 0])!.point;
    expect(p[0]).toBeCloseTo(1.2, 12);
    expect(p[1]).toBeCloseTo(1.2, 12);
  });

  it('egalitarian is where gains are equal, utilitarian a vertex', () => {
    expect(egalitarianOnPolyline(polygon, [0, 0])!.point[0]).toBeCloseTo(1.2, 12);
    expect(utilitarianOnPolyline(polygon).point).toEqual([1, 1.5]);
  });

  it('Nash can fall inside a segment', () => {
    // On x + y = 2 the product peaks at (1, 1).
    const p = nashOnPolyline(
      [
        [0, 2],
        [2, 0],
      ],
      [0, 0],
    )!.point;
    expect(p[0]).toBeCloseTo(1, 12);
    // Moving the disagreement point moves it to (1.25, 0.75).
    expect(
      nashOnPolyline(
        [
          [0, 2],
          [2, 0],
        ],
        [0.5, 0],
      )!.point[0],
    ).toBeCloseTo(1.25, 12);
  });

  it('returns null when no point beats disagreement', () => {
    expect(nashOnPolyline(polygon, [3, 3])).toBeNull();
  });
});

describe('solutions on discrete points', () => {
  it('picks the vertex for each concept', () => {
    expect(nashIndex(polygon)).toBe(1);
    expect(kalaiSmorodinskyIndex(polygon)).toBe(1);
    expect(egalitarianIndex(polygon)).toBe(1);
    expect(utilitarianIndex(polygon)).toBe(1);
    expect(
      geniusKalaiIndex([
        [0.9, 0.1],
        [0.6, 0.5],
        [0.5, 0.6],
        [0.1, 0.9],
      ]),
    ).toBe(1);
    expect(nashIndex(polygon, [5, 5])).toBe(-1);
  });

  it('Kalai–Smorodinsky (proportional gains) differs from egalitarian (absolute gains) when ideals differ', () => {
    // Ideal (1, 0.5). KS scores min(a/1, b/0.5): 0.6 vs 0.35; egalitarian min(a, b): 0.3 vs 0.35.
    const pts: UtilityPair[] = [
      [1, 0],
      [0.6, 0.3],
      [0.35, 0.45],
      [0, 0.5],
    ];
    expect(kalaiSmorodinskyIndex(pts)).toBe(1);
    expect(egalitarianIndex(pts)).toBe(2);
  });

  it('opposition is 0 with a win-win outcome and 1 for a pure split of two outcomes', () => {
    expect(opposition([1, 0.5], [1, 0.5])).toBe(0);
    expect(opposition([1, 0], [0, 1])).toBeCloseTo(1, 12);
    expect(utilityDistance([0, 0], [3, 4])).toBe(5);
  });
});

describe('analyze', () => {
  it('England–Zimbabwe: 576 outcomes, 25 Pareto points, Nash (0.9109, 0.7332)', () => {
    const r = analyzeGeniusFiles(ENGLAND_ZIMBABWE.domain, ENGLAND_ZIMBABWE.a, ENGLAND_ZIMBABWE.b);
    expect(r.outcomes).toBe(576);
    expect(r.pareto.length).toBe(25);
    expect(r.disagreement).toEqual([0, 0]);
    expect(Math.abs(r.nash!.utility[0] - 0.9109)).toBeLessThan(1e-4);
    expect(Math.abs(r.nash!.utility[1] - 0.7332)).toBeLessThan(1e-4);
    expect(r.nash!.bid['Size of Fund']).toBe('$10 billion');
    // Golden values (6 decimals) of the other solutions, to catch regressions.
    expect(r.kalai_smorodinsky!.utility.map((x) => +x.toFixed(6))).toEqual([0.822286, 0.78657]);
    expect(r.egalitarian!.utility.map((x) => +x.toFixed(6))).toEqual([0.822286, 0.78657]);
    expect(r.utilitarian!.utility.map((x) => +x.toFixed(6))).toEqual([0.910916, 0.733218]);
    expect(+r.opposition.toFixed(6)).toBe(0.272117);
    // JSON-able round trip.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('bids of the solutions reproduce their utilities', () => {
    const domain = readGeniusDomain(ITEX_CYPRESS.domain);
    const a = readGeniusProfile(ITEX_CYPRESS.a, domain);
    const b = readGeniusProfile(ITEX_CYPRESS.b, domain);
    const r = analyze(domain, a, b);
    expect(r.outcomes).toBe(180);
    for (const s of [r.nash, r.kalai_smorodinsky, r.egalitarian, r.utilitarian]) {
      expect(a.utility(s!.bid)).toBeCloseTo(s!.utility[0], 12);
      expect(b.utility(s!.bid)).toBeCloseTo(s!.utility[1], 12);
    }
    const dist = distancesToSolutions(r, r.nash!.utility);
    expect(dist.nash).toBe(0);
    expect(dist.pareto).toBe(0);
  });

  it('works with callback utilities and gives the same answer as the fast kernel', () => {
    const domain = readGeniusDomain(ENGLAND_ZIMBABWE.domain);
    const a = readGeniusProfile(ENGLAND_ZIMBABWE.a, domain);
    const b = readGeniusProfile(ENGLAND_ZIMBABWE.b, domain);
    const slow = analyze(
      domain,
      callbackUtility((x) => a.utility(x)),
      callbackUtility((x) => b.utility(x)),
    );
    expect(slow.pareto.length).toBe(25);
    expect(slow.nash!.utility[0]).toBeCloseTo(0.910916, 6);
  });

  it('samples with a seed beyond the enumeration limit', () => {
    const domain = createDomain('s', [
      discreteIssue('x', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      discreteIssue('y', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
    ]);
    const a = callbackUtility((bid) => Number(bid.x) / 9);
    const b = callbackUtility((bid) => 1 - Number(bid.x) / 9 + Number(bid.y) / 90);
    const r1 = analyze(domain, a, b, { limit: 50, seed: 3 });
    expect(r1.sampled).toBe(true);
    expect(r1.outcomes).toBe(50);
    expect(analyze(domain, a, b, { limit: 50, seed: 3 })).toEqual(r1);
  });
});
