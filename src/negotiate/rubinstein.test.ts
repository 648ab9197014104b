import { describe, expect, it } from 'vitest';
import {
  backwardInductionShare,
  finiteHorizonShare,
  rubinsteinShare,
  rubinsteinShareByIteration,
  simulateAlternatingOffers,
} from './rubinstein.ts';

describe('Rubinstein alternating offers', () => {
  it.each([
    [0.9, 0.9, 0.526316],
    [0.9, 0.8, 0.714286],
    [0.8, 0.9, 0.357143],
  ])('infinite horizon δ1=%s δ2=%s gives the first proposer %s', (d1, d2, share) => {
    expect(Math.abs(rubinsteinShare(d1, d2) - share)).toBeLessThan(1e-6);
    expect(Math.abs(rubinsteinShareByIteration(d1, d2) - share)).toBeLessThan(1e-6);
    // Long finite games converge to the infinite-horizon share (even and odd T).
    expect(Math.abs(backwardInductionShare(d1, d2, 400) - share)).toBeLessThan(1e-6);
    expect(Math.abs(backwardInductionShare(d1, d2, 401) - share)).toBeLessThan(1e-6);
  });

  it.each([
    [2, 0.1],
    [3, 0.91],
    [10, 0.342801],
  ])('finite horizon δ=0.9, T=%s gives %s (closed form = backward induction)', (T, share) => {
    expect(Math.abs(finiteHorizonShare(0.9, T) - share)).toBeLessThan(1e-6);
    expect(Math.abs(backwardInductionShare(0.9, 0.9, T) - finiteHorizonShare(0.9, T))).toBeLessThan(1e-12);
  });

  it('closed form equals backward induction for every T up to 50', () => {
    for (let T = 1; T <= 50; T++) {
      expect(finiteHorizonShare(0.7, T)).toBeCloseTo(backwardInductionShare(0.7, 0.7, T), 12);
    }
  });

  it('simulated equilibrium play ends in round 1 with the predicted split; greed is rejected', () => {
    const sim = simulateAlternatingOffers(0.9, 0.9, 10);
    expect(sim.steps.length).toBe(1);
    expect(sim.shares![0]).toBeCloseTo(0.342801, 6);
    const greedy = simulateAlternatingOffers(0.9, 0.9, 10, 0.5);
    expect(greedy.steps[0].accepted).toBe(false);
    expect(greedy.steps.length).toBe(2);
    // After rejecting, player 2 proposes in a 9-round game and player 1 gets less than by conceding.
    expect(greedy.shares![0]).toBeLessThan(0.342801);
  });

  it('rejects discount factors outside [0, 1)', () => {
    expect(() => rubinsteinShare(1, 0.5)).toThrow(RangeError);
    expect(() => finiteHorizonShare(0.9, 0)).toThrow(/positive integer number of rounds/);
  });
});
