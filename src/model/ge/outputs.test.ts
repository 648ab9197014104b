import { describe, expect, it } from 'vitest';
import type { CountryResult } from '../result.ts';
import { groupRow } from './outputs.ts';
import { parseScenarioText } from '../../scenario/parse.ts';
import { solveScenarioDetailed } from '../../scenario/solve.ts';

describe('a group row of the multi-sector models', () => {
  it("pools its members' real incomes by baseline income and their exports by baseline exports", () => {
    // Incomes 1 and 3: real incomes +2% and −2% pool to (1·1.02 + 3·0.98)/4 − 1 = −1%.
    // Exports 3 and 1: +10% and −10% pool to (3·1.1 + 1·0.9)/4 − 1 = +5% (income weights would give −5%).
    const rows: CountryResult[] = [
      { real_income_pct: 2, exports_pct: 10 },
      { real_income_pct: -2, exports_pct: -10 },
      { real_income_pct: 9, exports_pct: 9 },
    ];
    const I = [1, 3, 100],
      E = [3, 1, 100];
    const g = groupRow(rows, { real_income_pct: I, exports_pct: E }, [0, 1]);
    expect(g.real_income_pct).toBeCloseTo(-1, 12);
    expect(g.exports_pct).toBeCloseTo(5, 12);
  });

  it('leaves out a field some member lacks, a field with no base, and deficits that sum to about zero', () => {
    const rows: CountryResult[] = [
      { welfare_pct: 1, deficit_pct: 3, real_wage_pct: 1 },
      { welfare_pct: 2, deficit_pct: 5 },
    ];
    expect(groupRow(rows, { welfare_pct: [1, 1], deficit_pct: [2, -2] }, [0, 1])).toEqual({ welfare_pct: 1.5 });
    expect(groupRow(rows, { welfare_pct: [1, 1] }, [0, 1])).toEqual({ welfare_pct: 1.5 });
  });

  it("reports the EU's exports as its members' total exports, recomputed from the solved flows", () => {
    const p = parseScenarioText(
      `lancaster: 1
name: EU exports
model: multisector
dataset: multisector-2025
options: { baseline: keep-deficits }
report: { countries: [EU] }
policy:
  tariffs:
    - { importer: USA, exporter: DEU, rate: 0.25 }
    - { importer: CHN, exporter: FRA, rate: 0.5 }
`,
      'eu.yaml',
    );
    const { result, ge, dataset: d } = solveScenarioDetailed(p);
    const { baseline: b, shock, solution: sol } = ge!;
    const { N, J } = b;
    let e0 = 0,
      e1 = 0;
    for (const c of d.manifest.groups.EU) {
      const n = d.regions.indexOf(c);
      for (let i = 0; i < N; i++)
        for (let j = 0; j < J; j++)
          if (i !== n) {
            const q = (i * N + n) * J + j; // n's exports to i
            e0 += (b.pi[q] / b.tau[q]) * b.X[i * J + j];
            e1 += (sol.piNew[q] / shock.tauNew[q]) * sol.X[i * J + j];
          }
    }
    expect(result.groups!.EU.exports_pct).toBeCloseTo(100 * (e1 / e0 - 1), 9);
    // Different from an income-weighted mean of the members (the weights matter here).
    const rows = d.manifest.groups.EU.map((c) => result.countries[c]);
    const plain = rows.reduce((a, r) => a + r.exports_pct!, 0) / rows.length;
    expect(Math.abs(result.groups!.EU.exports_pct! - plain)).toBeGreaterThan(1e-3);
  });
});
