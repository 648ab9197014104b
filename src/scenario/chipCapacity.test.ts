/**
 * China's own chip capacity (issue 13; docs/controls.md "China's chip capacity"): with the BIS bound on
 * Ascend output the coalition's controls meet a capacity that binds, so China's chip prices rise instead
 * of an elastic domestic supply absorbing the cut (scenarios/controls/us-chip-controls.yaml).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText } from './parse.ts';
import { solveScenario } from './solve.ts';
import type { GeModelResult } from '../model/registry.ts';

const file = 'scenarios/controls/us-chip-controls.yaml';
const text = readFileSync(file, 'utf8');
const solve = (t: string) => solveScenario(parseScenarioText(t, file)) as GeModelResult;
const noCapacity = text.replace(/^ {2}capacity:\n {4}- \{ region: CHN[^\n]*\n/m, '');

describe("China's chip capacity under the coalition's controls", () => {
  const bound = solve(text),
    free = solve(noCapacity);

  it('binds at the BIS-derived limit with a markup, where the elastic supply would have expanded more', () => {
    expect(noCapacity).not.toBe(text);
    for (const [b, f] of [[bound, free]]) {
      expect(b.status).toBe('converged');
      const cap = b.capacity!.find((c) => c.region === 'CHN' && c.sector === 'SEMI')!;
      expect(cap.limit).toBe(1.039);
      expect(cap.binding).toBe(true);
      expect(cap.output_pct).toBeCloseTo(3.9, 6);
      expect(cap.markup_pct).toBeGreaterThan(0);
      expect(cap.rent).toBeGreaterThan(0);
      expect(f.sectors!.CHN.SEMI.real_output_pct).toBeGreaterThan(3.9);
    }
  });

  it("raises China's chip price and cuts its domestic chip output against the elastic supply", () => {
    expect(bound.sectors!.CHN.SEMI.price_pct).toBeGreaterThan(free.sectors!.CHN.SEMI.price_pct);
    expect(bound.sectors!.CHN.SEMI.real_output_pct).toBeLessThan(free.sectors!.CHN.SEMI.real_output_pct);
    // China's chip users buy fewer chips: c14's real output falls further.
    expect(bound.sectors!.CHN.c14.real_output_pct).toBeLessThan(free.sectors!.CHN.c14.real_output_pct);
  });
});
