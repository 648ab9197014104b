import { describe, expect, it } from 'vitest';
import { drawValues } from './draws.ts';
import { PRIORS, priorsFor, type Prior, type RawScenario } from './priors.ts';

const lognormal = PRIORS.find((p) => p.id === 'trade_elasticity')!;

describe('seeded draws', () => {
  it('gives draw k the same value however many draws are taken', () => {
    const few = drawValues(lognormal, 2025, 3);
    const many = drawValues(lognormal, 2025, 50);
    expect(many.slice(0, 3)).toEqual(few);
    expect(drawValues(lognormal, 2026, 3)).not.toEqual(few);
  });

  it('gives each prior its own stream, so rows do not shift each other', () => {
    const other: Prior = { ...lognormal, id: 'another_row' };
    expect(drawValues(other, 2025, 3)).not.toEqual(drawValues(lognormal, 2025, 3));
  });

  it('follows the stated distributions (log-normal median and spread, uniform and log-uniform bounds)', () => {
    const v = drawValues(lognormal, 1, 4000)
      .map(Math.log)
      .sort((a, b) => a - b);
    const sd = Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length - (v.reduce((s, x) => s + x, 0) / v.length) ** 2);
    expect(Math.abs(v[2000])).toBeLessThan(0.02);
    expect(sd).toBeGreaterThan(0.24);
    expect(sd).toBeLessThan(0.26);
    for (const id of [
      'input_elasticity',
      'critical_input_elasticity',
      'short_run_ratio',
      'inverse_supply_elasticity',
    ]) {
      const p = PRIORS.find((q) => q.id === id)!;
      const d = p.distribution as { low: number; high: number };
      const xs = drawValues(p, 3, 1000);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(d.low);
      expect(Math.max(...xs)).toBeLessThanOrEqual(d.high);
    }
  });

  it('states a source and a reason for every prior', () => {
    for (const p of PRIORS) {
      expect(p.source.length).toBeGreaterThan(40);
      expect(p.why.length).toBeGreaterThan(40);
    }
    expect(lognormal.source).toMatch(/NOT found/);
  });

  it('draws η for the capacity entries that state none, and only for scenarios that have such entries', () => {
    const row = PRIORS.find((p) => p.id === 'inverse_supply_elasticity')!;
    const s: RawScenario = {
      model: 'multisector',
      policy: {
        capacity: [
          { region: 'CHN', sectors: ['SEMI'], limit: 1.039 },
          { region: 'USA', sectors: ['MAG'], limit: 3, supply_elasticity: 0.5 },
        ],
      },
    };
    expect(priorsFor(s).map((p) => p.id)).toContain('inverse_supply_elasticity');
    row.apply(s, 0.25);
    const cap = (s.policy as { capacity: { supply_elasticity?: number }[] }).capacity;
    expect(cap.map((e) => e.supply_elasticity)).toEqual([4, 0.5]); // η = 1/0.25; the stated η stays
    expect(
      priorsFor({
        model: 'multisector',
        policy: { capacity: [{ region: 'USA', sectors: ['MAG'], limit: 3, supply_elasticity: 0.5 }] },
      }).map((p) => p.id),
    ).not.toContain('inverse_supply_elasticity');
    expect(priorsFor({ model: 'multisector' }).map((p) => p.id)).not.toContain('inverse_supply_elasticity');
    const none: RawScenario = { policy: { capacity: [{ region: 'CHN', sectors: ['SEMI'], limit: 1 }] } };
    row.apply(none, 0); // 1/η = 0: constant returns, the entry left as written
    expect((none.policy as { capacity: object[] }).capacity[0]).not.toHaveProperty('supply_elasticity');
  });
});
