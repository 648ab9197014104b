import { describe, expect, it } from 'vitest';
import type { Bid } from './domain.ts';
import { createDomain, discreteIssue } from './domain.ts';
import { enumerateBids } from './outcome-space.ts';
import type { Leader } from './ratification.ts';
import { normalCdf } from '../contract/threshold.ts';
import { acceptanceProbability, ratificationProbability, ratify, winSetOverlap } from './ratification.ts';
import { createRng } from './rng.ts';

const domain = createDomain('truce', [
  discreteIssue('tariff', [0, 10, 20, 30, 40]),
  discreteIssue('rareEarth', [0, 0.25, 0.5, 0.75, 1]),
]);
// The US leader likes high Chinese licence approval and can live with low tariffs; China the opposite.
const usObjective = (b: Bid): number => 0.6 * Number(b.rareEarth) + 0.4 * (Number(b.tariff) / 40);
const cnObjective = (b: Bid): number => 0.7 * (1 - Number(b.tariff) / 40) + 0.3 * (1 - Number(b.rareEarth));
const deal: Bid = { tariff: 10, rareEarth: 0.75 }; // US 0.55, China 0.6

describe('two-level ratification', () => {
  it('with known thresholds, a deal is ratified iff both leaders reach theirs', () => {
    const leaders = (tu: number, tc: number): Leader[] => [
      { name: 'Trump', objective: usObjective, threshold: { kind: 'known', value: tu } },
      { name: 'Xi', objective: cnObjective, threshold: { kind: 'known', value: tc } },
    ];
    // Exactly at both thresholds counts as acceptance.
    expect(ratificationProbability(deal, leaders(usObjective(deal), cnObjective(deal)))).toBe(1);
    expect(ratificationProbability(deal, leaders(0.56, 0.6))).toBe(0);
    expect(ratificationProbability(deal, leaders(0.5, 0.61))).toBe(0);
    expect(ratify(deal, leaders(0.5, 0.5), createRng(1)).ratified).toBe(true);
    const no = ratify(deal, leaders(0.9, 0.5), createRng(1));
    expect(no.ratified).toBe(false);
    expect(no.votes.map((v) => v.accepts)).toEqual([false, true]);
  });

  it('a uniform private threshold gives the analytic probability (u − a)/(b − a), matched by simulation', () => {
    const leaders: Leader[] = [
      { name: 'Trump', objective: usObjective, threshold: { kind: 'uniform', min: 0.4, max: 0.8 } },
      { name: 'Xi', objective: cnObjective, threshold: { kind: 'known', value: 0.5 } },
    ];
    // US value 0.55 → (0.55 − 0.4)/0.4 = 0.375.
    expect(ratificationProbability(deal, leaders)).toBeCloseTo(0.375, 12);
    const rng = createRng(11);
    let yes = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) if (ratify(deal, leaders, rng).ratified) yes++;
    expect(Math.abs(yes / n - 0.375)).toBeLessThan(0.015);
    expect(acceptanceProbability({ kind: 'uniform', min: 0.4, max: 0.8 }, 0.3)).toBe(0);
    expect(acceptanceProbability({ kind: 'uniform', min: 0.4, max: 0.8 }, 0.9)).toBe(1);
  });

  it('normal private thresholds use the normal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(acceptanceProbability({ kind: 'normal', mean: 0.5, sd: 0.1 }, 0.6)).toBeCloseTo(0.841345, 6);
    expect(() => acceptanceProbability({ kind: 'normal', mean: 0.5, sd: 0 }, 0.6)).toThrow(RangeError);
  });

  it('measures win-set overlap: counts with known thresholds, expectations with private ones', () => {
    const bids = [...enumerateBids(domain)];
    const known: Leader[] = [
      { name: 'Trump', objective: usObjective, threshold: { kind: 'known', value: 0.5 } },
      { name: 'Xi', objective: cnObjective, threshold: { kind: 'known', value: 0.5 } },
    ];
    const w = winSetOverlap(bids, known);
    const us = bids.filter((b) => usObjective(b) >= 0.5);
    const both = us.filter((b) => cnObjective(b) >= 0.5);
    expect(w.outcomes).toBe(25);
    expect(w.sizes[0]).toBe(us.length);
    expect(w.both).toBe(both.length);
    expect(w.share).toBe(both.length / 25);
    expect(w.both).toBeGreaterThan(0);
    const disjoint = winSetOverlap(
      bids,
      known.map((l) => ({ ...l, threshold: { kind: 'known', value: 0.9 } as const })),
    );
    expect(disjoint.both).toBe(0);
    const priv = winSetOverlap(
      bids,
      known.map((l) => ({ ...l, threshold: { kind: 'uniform', min: 0, max: 1 } as const })),
    );
    const expected = bids.reduce((s, b) => s + usObjective(b) * cnObjective(b), 0);
    expect(priv.both).toBeCloseTo(expected, 12);
  });
});
