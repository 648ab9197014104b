import { describe, expect, it } from 'vitest';
import type { CountryResult } from '../result.ts';
import { groupRow } from './outputs.ts';

describe('a group row of the multi-sector models', () => {
  it("weights its members' rows by baseline income, pooling their real incomes", () => {
    // Incomes 1 and 3: real incomes +2% and −2% pool to (1·1.02 + 3·0.98)/4 − 1 = −1%.
    const rows: CountryResult[] = [
      { real_income_pct: 2, prices_pct: 1 },
      { real_income_pct: -2, prices_pct: 5 },
      { real_income_pct: 9 },
    ];
    const g = groupRow(rows, [1, 3, 100], [0, 1]);
    expect(g.real_income_pct).toBeCloseTo(-1, 12);
    expect(g.prices_pct).toBeCloseTo(4, 12);
  });

  it('leaves out a field some member does not have (never a zero in its place)', () => {
    const g = groupRow([{ welfare_pct: 1, deficit_pct: 3 }, { welfare_pct: 2 }], [1, 1], [0, 1]);
    expect(g).toEqual({ welfare_pct: 1.5 });
  });
});
