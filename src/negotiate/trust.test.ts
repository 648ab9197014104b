import { describe, expect, it } from 'vitest';
import { concederAgent, linearAgent } from './agents/time-dependent.ts';
import { readGeniusDomain, readGeniusProfile } from './genius.ts';
import { alternator, alwaysDefect, titForTat } from './repeated-game.ts';
import { runSaop } from './saop.ts';
import { ENGLAND_ZIMBABWE } from '../../test/support/negotiate/test-fixtures.ts';
import {
  breakdownFromTrust,
  riskAdjustedUtility,
  simulateTrust,
  trustAdjustedUtility,
  trustBreakdown,
  trustFromRecord,
  updateTrust,
} from './trust.ts';

describe('trust', () => {
  it("reads trust on the record as the delivered share of a side's promises, capped at 1, none without a record", () => {
    const rec = [
      { label: 'purchases', party: 'CHN', committed: 502.4, delivered: 288.8 },
      { label: 'tariff cut', party: 'USA', committed: 1, delivered: 1 },
      { label: 'over-delivery', party: 'USA', committed: 1, delivered: 2 },
    ];
    expect(trustFromRecord(rec, 'CHN')).toBeCloseTo(0.57484, 5);
    expect(trustFromRecord(rec, 'USA')).toBe(1);
    expect(trustFromRecord(rec, 'EU')).toBeUndefined();
  });

  it('rises with compliance and falls faster with defection', () => {
    expect(updateTrust(0.5, true)).toBeCloseTo(0.6, 12);
    expect(updateTrust(0.5, false)).toBeCloseTo(0.25, 12);
    expect(() => updateTrust(1.5, true)).toThrow(/trust in \[0, 1\], found 1.5/);
  });

  it('discounts promised concessions by the risk of defection', () => {
    expect(riskAdjustedUtility(0.8, 0.3, 1)).toBe(0.8);
    expect(riskAdjustedUtility(0.8, 0.3, 0)).toBe(0.3);
    expect(riskAdjustedUtility(0.8, 0.3, 0.5)).toBeCloseTo(0.55, 12);
  });

  it('raises the breakdown probability as trust falls', () => {
    const p = { base: 0.02, sensitivity: 0.2 };
    expect(breakdownFromTrust([1, 1], p)).toBe(0.02);
    expect(breakdownFromTrust([1, 0.5], p)).toBeCloseTo(0.02 + 0.98 * 0.2 * 0.5, 12);
  });

  it('tracks a repeated compliance game: defection collapses the other side’s trust', () => {
    const steps = simulateTrust([titForTat, alwaysDefect], 5, [0.5, 0.5]);
    expect(steps[0].moves).toEqual(['C', 'D']);
    expect(steps[0].trust[0]).toBeCloseTo(0.25, 12); // A saw B defect
    expect(steps[0].trust[1]).toBeCloseTo(0.6, 12); // B saw A comply
    expect(steps.at(-1)!.trust[0]).toBeCloseTo(0.5 * 0.5 ** 5, 12);
    const mixed = simulateTrust([titForTat, alternator], 20, [0.5, 0.5]);
    expect(mixed.at(-1)!.trust[0]).toBeLessThan(0.5);
  });

  it('enters a negotiation: low trust lowers the value of a deal and makes talks collapse sooner', () => {
    const domain = readGeniusDomain(ENGLAND_ZIMBABWE.domain);
    const a = readGeniusProfile(ENGLAND_ZIMBABWE.a, domain);
    const b = readGeniusProfile(ENGLAND_ZIMBABWE.b, domain);
    let trustA = 1;
    // If Zimbabwe reneges, England keeps only the fund-size part of the deal.
    const adjusted = trustAdjustedUtility(
      a,
      () => trustA,
      (bid) =>
        a.partials[0]![domain.issues[0].kind === 'discrete' ? domain.issues[0].values.indexOf(bid['Size of Fund']) : 0],
    );
    const bid = {
      'Size of Fund': '$10 billion',
      'Impact on Other Aid': 'Reduction equal to fund size',
      'Zimbabwe Trade Policy': 'No agreement',
      'England Trade Policy': 'No agreement',
      'Forum on Other Health Issues': 'Creation of fund',
    };
    const full = adjusted.utility(bid);
    trustA = 0.3;
    expect(adjusted.utility(bid)).toBeLessThan(full);
    const session = (trust: [number, number], seed: number) =>
      runSaop({
        domain,
        utilities: [a, b],
        agents: [linearAgent(), concederAgent()],
        deadline: { rounds: 200 },
        breakdownProbability: trustBreakdown(() => trust, { base: 0, sensitivity: 0.5 }),
        seed,
      });
    expect(session([1, 1], 1).reason).toBe('accepted');
    const lowTrust = [1, 2, 3, 4, 5].map((s) => session([0, 0.2], s));
    expect(lowTrust.some((r) => r.reason === 'breakdown')).toBe(true);
  });
});
