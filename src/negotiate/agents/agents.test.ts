import { describe, expect, it } from 'vitest';
import { createDomain, discreteIssue } from '../domain.ts';
import { frequencyModel } from './frequency-model.ts';
import { concessionTarget } from './time-dependent.ts';
import { titForTatTarget } from './tit-for-tat.ts';

describe('time-dependent concession', () => {
  it('follows u_max − (u_max − u_res)·t^(1/e)', () => {
    expect(concessionTarget(0, 0.2, 1, 0.2)).toBe(1);
    expect(concessionTarget(1, 0.2, 1, 0.2)).toBeCloseTo(0.2, 12);
    expect(concessionTarget(0.5, 1, 1, 0.2)).toBeCloseTo(0.6, 12);
    // Boulware concedes less than linear, conceder more, at mid-time.
    expect(concessionTarget(0.5, 0.2, 1, 0)).toBeCloseTo(1 - 0.5 ** 5, 12);
    expect(concessionTarget(0.5, 2, 1, 0)).toBeCloseTo(1 - Math.SQRT1_2, 12);
    expect(() => concessionTarget(0.5, 0, 1, 0)).toThrow(/positive concession exponent/);
  });
});

describe('tit-for-tat target', () => {
  it('absolute: moves by the opponent’s utility change, clamped to [u_res, u_max]', () => {
    expect(titForTatTarget('absolute', 0.9, 0.3, 0.4, 1, 0.2)).toBeCloseTo(0.8, 12);
    expect(titForTatTarget('absolute', 0.9, 0.4, 0.2, 1, 0.2)).toBe(1); // opponent hardens, so do I
    expect(titForTatTarget('absolute', 0.3, 0.1, 0.9, 1, 0.2)).toBe(0.2);
  });

  it('relative: moves by the opponent’s ratio', () => {
    expect(titForTatTarget('relative', 0.9, 0.4, 0.5, 1, 0.2)).toBeCloseTo(0.72, 12);
    // Falls back to absolute when the previous offer was worth ~0.
    expect(titForTatTarget('relative', 0.9, 0, 0.1, 1, 0.2)).toBeCloseTo(0.8, 12);
  });
});

describe('frequency opponent model', () => {
  it('rates often-offered values and stable issues higher', () => {
    const d = createDomain('d', [discreteIssue('x', ['a', 'b', 'c']), discreteIssue('y', ['p', 'q'])]);
    const m = frequencyModel(d);
    // The opponent never moves on x (it cares) and alternates on y.
    m.observe({ x: 'a', y: 'p' });
    m.observe({ x: 'a', y: 'q' });
    m.observe({ x: 'a', y: 'p' });
    expect(m.observations).toBe(3);
    expect(m.estimate({ x: 'a', y: 'p' })).toBeGreaterThan(m.estimate({ x: 'b', y: 'p' }));
    // Changing the stable issue costs more than changing the unstable one.
    expect(m.estimate({ x: 'a', y: 'q' })).toBeGreaterThan(m.estimate({ x: 'b', y: 'p' }));
    expect(m.estimate({ x: 'a', y: 'p' })).toBeCloseTo(1, 12);
  });
});
