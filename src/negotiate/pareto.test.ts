import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoIndices, paretoIndicesNaive } from './pareto.ts';
import { egalitarianIndex, kalaiSmorodinskyIndex, nashIndex } from './solutions.ts';

const utilities = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), {
  minLength: 1,
  maxLength: 60,
});
const toArrays = (pts: [number, number][]): [Float64Array, Float64Array] => [
  Float64Array.from(pts, (p) => p[0] / 20),
  Float64Array.from(pts, (p) => p[1] / 20),
];

describe('Pareto frontier', () => {
  it('keeps all non-dominated outcomes, including exact ties, sorted by uA descending', () => {
    const uA = Float64Array.of(1, 0, 0.5, 0.5, 0.4, 0.5, 0.2);
    const uB = Float64Array.of(0, 1, 0.4, 0.4, 0.3, 0.1, 0.9);
    expect(Array.from(paretoIndices(uA, uB))).toEqual([0, 2, 3, 6, 1]);
  });

  it('keeps points below reservation unless asked to drop them', () => {
    const uA = Float64Array.of(1, 0.6, 0.1);
    const uB = Float64Array.of(0.1, 0.6, 1);
    expect(paretoIndices(uA, uB).length).toBe(3);
    expect(Array.from(paretoIndices(uA, uB, { minA: 0.2, minB: 0.2 }))).toEqual([1]);
  });

  it('property: matches the naive O(N²) frontier and every point is non-dominated', () => {
    fc.assert(
      fc.property(utilities, (pts) => {
        const [uA, uB] = toArrays(pts);
        const fast = Array.from(paretoIndices(uA, uB));
        expect([...fast].sort((a, b) => a - b)).toEqual(paretoIndicesNaive(uA, uB));
        for (const i of fast) {
          for (let j = 0; j < uA.length; j++) {
            const dominates = uA[j] >= uA[i] && uB[j] >= uB[i] && (uA[j] > uA[i] || uB[j] > uB[i]);
            expect(dominates).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: the Nash (and KS, egalitarian) point of the outcomes lies on the frontier', () => {
    fc.assert(
      fc.property(utilities, (pts) => {
        const [uA, uB] = toArrays(pts);
        const all = Array.from(uA, (a, k) => [a, uB[k]] as const);
        const front = Array.from(paretoIndices(uA, uB), (i) => `${uA[i]},${uB[i]}`);
        for (const k of [nashIndex(all, [0, 0]), kalaiSmorodinskyIndex(all, [0, 0]), egalitarianIndex(all, [0, 0])]) {
          expect(front).toContain(`${all[k][0]},${all[k][1]}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
