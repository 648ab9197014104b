/**
 * Who bears the cost of the 2025 chip controls (chips.ts): the H20 step and the August licences of
 * the replay, read against the income identities of the model (docs/controls.md "Incidence").
 */
import { describe, it, expect } from 'vitest';
import { readScenarioFile } from '../scenario/parse.ts';
import { chipIncidence } from './chips.ts';

const replay = readScenarioFile('scenarios/us-china-2025.yaml');
const row = (x: ReturnType<typeof chipIncidence>, c: string) => x.rows.find((r) => r.region === c)!;

describe('incidence of the chip controls', () => {
  it("the H20 requirement (rents lost) cuts Taiwan's chip exports to China and costs the US the income it owns in them", () => {
    const x = chipIncidence(replay, 'us-h20');
    const f = x.flows.find((c) => c.origin === 'TWN' && c.destination === 'CHN' && c.sector === 'SEMI')!;
    expect(f.rents).toBe('lost');
    expect(f.rent).toBe(0);
    expect(f.quantity_pct).toBeCloseTo(-19, 6);
    expect(f.rent_lost).toBeGreaterThan(0);
    // The only cross-border ownership is of SEMI: the US chip firms' income from abroad is the US's.
    const usa = row(x, 'USA');
    expect(x.us_chip_firms.abroad_musd).toBeLessThan(0);
    expect(Math.abs(x.us_chip_firms.abroad_musd - usa.income_from_abroad_musd)).toBeLessThan(
      1e-6 * Math.abs(usa.income_from_abroad_musd),
    );
    expect(usa.real_income_musd).toBeLessThan(0);
    // Taiwan pays its US owners less when its chip sales shrink.
    expect(row(x, 'TWN').income_from_abroad_musd).toBeGreaterThan(0);
    for (const r of x.rows) expect(Number.isFinite(r.real_income_pp)).toBe(true);
  });

  it('the August licences move the 15% share of H20 sales to the US treasury', () => {
    const x = chipIncidence(replay, 'us-h20-licences');
    const f = x.flows.find((c) => c.origin === 'TWN' && c.destination === 'CHN' && c.sector === 'SEMI')!;
    expect(f.government).toBe('USA');
    expect(f.government_share!).toBeCloseTo(0.029, 12);
    expect(f.government_revenue!).toBeGreaterThan(0);
    const usa = row(x, 'USA');
    // US income from abroad = ownership income + the government's share (none before this step).
    expect(Math.abs(usa.income_from_abroad_musd - x.us_chip_firms.abroad_musd - f.government_revenue!)).toBeLessThan(
      1e-6 * f.government_revenue!,
    );
    expect(usa.real_income_musd).toBeGreaterThan(0);
    expect(row(x, 'TWN').income_from_abroad_musd).toBeLessThan(0);
  });
});
