import { describe, expect, it } from 'vitest';
import {
  alternator,
  alwaysDefect,
  cooperationSustainable,
  cooperationThreshold,
  grimTrigger,
  playRepeatedPd,
  STANDARD_PD,
  titForTat,
} from './repeated-game.ts';

describe('repeated prisoner’s dilemma, 200 rounds, R=3 S=0 T=5 P=1', () => {
  it.each([
    ['TFT vs TFT', titForTat, titForTat, [600, 600]],
    ['TFT vs always-defect', titForTat, alwaysDefect, [199, 204]],
    ['TFT vs alternator', titForTat, alternator, [498, 503]],
    ['grim vs alternator', grimTrigger, alternator, [597, 107]],
  ] as const)('%s scores %j', (_name, a, b, expected) => {
    expect(playRepeatedPd(a, b, 200, STANDARD_PD).totals).toEqual(expected);
  });
});

describe('cooperation condition δ ≥ (T − R)/(T − P)', () => {
  it('is 0.5 for the standard payoffs', () => {
    expect(cooperationThreshold(STANDARD_PD)).toBe(0.5);
    expect(cooperationSustainable(0.5)).toBe(true);
    expect(cooperationSustainable(0.49)).toBe(false);
  });

  it('matches the simulated value of deviating against grim trigger (long horizon)', () => {
    for (const delta of [0.3, 0.45, 0.55, 0.8]) {
      const cooperate = playRepeatedPd(grimTrigger, grimTrigger, 2000, STANDARD_PD, delta).discounted[0];
      const deviate = playRepeatedPd(alwaysDefect, grimTrigger, 2000, STANDARD_PD, delta).discounted[0];
      expect(cooperate >= deviate).toBe(cooperationSustainable(delta));
    }
  });

  it('rejects payoffs that are not a prisoner’s dilemma', () => {
    expect(() => cooperationThreshold({ R: 5, S: 0, T: 3, P: 1 })).toThrow(RangeError);
  });
});
