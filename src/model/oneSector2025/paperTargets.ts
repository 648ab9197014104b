/**
 * The published cells of Tables 1, 2, 3 and 9 (the authors' MATLAB output, output/Table_*.tex of
 * the replication package), transcribed for the reproduction tests and the docs. Percent.
 * `decimals` is how many decimals the table prints; the tests accept ±0.01 for 2-decimal cells
 * and ± half the last digit (0.05) for 1-decimal cells.
 */
import type { OneSector2025Options } from './economy.ts';
import type { Indicator } from './outcomes.ts';

export interface PaperCase {
  id: string;
  label: string;
  /** Key of PAPER_CASES (tariffs.ts). */
  tariffs: string;
  opts: OneSector2025Options;
}

const base: OneSector2025Options = { revenue: 'income-tax-relief', variant: 'baseline' };

export const CASES: PaperCase[] = [
  { id: 't1-case1', label: 'Table 1 case 1: USTR tariffs + income-tax relief', tariffs: 'ustr', opts: base },
  {
    id: 't1-case2',
    label: 'Table 1 case 2: USTR tariffs + lump-sum rebate',
    tariffs: 'ustr',
    opts: { ...base, revenue: 'lump-sum' },
  },
  { id: 't1-case3', label: 'Table 1 case 3: optimal US tariff', tariffs: 'us-optimal', opts: base },
  {
    id: 't2-case1',
    label: 'Table 2 (1): USTR + reciprocal retaliation',
    tariffs: 'ustr+reciprocal-retaliation',
    opts: base,
  },
  { id: 't2-case3', label: 'Table 2 (3): USTR + optimal retaliation', tariffs: 'ustr+optimal-retaliation', opts: base },
  {
    id: 't2-case4',
    label: 'Table 2 (4): optimal tariff + optimal retaliation',
    tariffs: 'us-optimal-table2+optimal-retaliation',
    opts: base,
  },
  {
    id: 't9-alt2',
    label: 'Table 9 alt. 2: partial pass-through',
    tariffs: 'ustr',
    opts: { ...base, variant: 'partial-pass-through' },
  },
  { id: 't9-alt3', label: 'Table 9 alt. 3: ε = 8', tariffs: 'ustr', opts: { ...base, variant: 'eps8' } },
  {
    id: 't9-alt4',
    label: 'Table 9 alt. 4: Eaton–Kortum–Krugman',
    tariffs: 'ustr',
    opts: { ...base, variant: 'eaton-kortum' },
  },
];

type Col = [Indicator, number];
const T1: Col[] = [
  ['welfare_pct', 2],
  ['deficit_pct', 1],
  ['exports_gdp_pct', 1],
  ['imports_gdp_pct', 1],
  ['employment_pct', 2],
  ['prices_pct', 1],
];
const T2: Col[] = [
  ['welfare_pct', 2],
  ['deficit_pct', 1],
  ['employment_pct', 2],
  ['prices_pct', 1],
];

export interface PaperCell {
  table: string;
  caseId: string;
  row: 'USA' | 'CHN' | 'EU' | 'non-US';
  column: Indicator;
  published: number;
  decimals: number;
}

function rows(table: string, caseId: string, cols: Col[], r: Partial<Record<PaperCell['row'], number[]>>): PaperCell[] {
  return Object.entries(r).flatMap(([row, vals]) =>
    cols.map(([column, decimals], k) => ({
      table,
      caseId,
      row: row as PaperCell['row'],
      column,
      published: vals![k],
      decimals,
    })),
  );
}

export const CELLS: PaperCell[] = [
  ...rows('1', 't1-case1', T1, {
    USA: [1.13, -18.1, -52.7, -43.6, 0.32, 12.8],
    'non-US': [-0.58, 11.6, -3.2, -3.3, -0.14, -4.7],
  }),
  ...rows('1', 't1-case2', T1, {
    USA: [-0.01, -18.4, -52.5, -43.3, -0.41, 13.1],
    'non-US': [-0.57, 11.7, -3.3, -3.4, -0.14, -4.8],
  }),
  ...rows('1', 't1-case3', T1, {
    USA: [1.79, -19.1, -55.3, -45.6, 0.51, 12.6],
    'non-US': [-0.61, 17.1, -4.2, -3.7, -0.16, -4.6],
  }),
  ...rows('2', 't2-case1', T2, {
    USA: [-0.36, -26.7, -0.18, 7.5],
    CHN: [-0.82, 6.2, -0.16, -3.7],
    EU: [-0.22, 15.4, -0.09, -2.6],
    'non-US': [-0.46, 19.8, -0.13, -2.7],
  }),
  ...rows('2', 't2-case3', T2, {
    USA: [-0.75, -29.0, -0.32, 6.0],
    CHN: [-0.65, 6.3, -0.13, -3.3],
    EU: [-0.23, 16.6, -0.09, -2.1],
    'non-US': [-0.43, 22.4, -0.13, -2.2],
  }),
  ...rows('2', 't2-case4', T2, {
    USA: [-0.32, -28.4, -0.2, 4.2],
    CHN: [-0.36, 4.2, -0.08, -2.1],
    EU: [-0.23, 16.9, -0.09, -1.5],
    'non-US': [-0.39, 25.1, -0.13, -1.5],
  }),
  ...rows('9', 't9-alt2', T1, {
    USA: [1.36, -11.8, -35.0, -28.8, 0.3, 7.9],
    'non-US': [-0.23, 7.1, -2.1, -2.2, -0.04, -2.9],
  }),
  ...rows('9', 't9-alt3', T1, {
    USA: [0.33, -26.3, -71.6, -58.0, 0.1, 11.8],
    'non-US': [-0.44, 18.6, -5.3, -4.9, -0.11, -4.3],
  }),
  ...rows('9', 't9-alt4', T1, {
    USA: [1.24, -0.4, -46.3, -33.3, 0.41, 10.9],
    'non-US': [-0.5, 0.1, -1.9, -2.9, -0.1, -4.0],
  }),
  // Table 3: US tariff revenue, % of GDP (= 100 R_US / E_US), USTR, optimal, optimal and reciprocal retaliation.
  { table: '3', caseId: 't1-case1', row: 'USA', column: 'tariff_revenue_pct_gdp', published: 1.14, decimals: 2 },
  { table: '3', caseId: 't1-case3', row: 'USA', column: 'tariff_revenue_pct_gdp', published: 1.35, decimals: 2 },
  { table: '3', caseId: 't2-case3', row: 'USA', column: 'tariff_revenue_pct_gdp', published: 0.74, decimals: 2 },
  { table: '3', caseId: 't2-case1', row: 'USA', column: 'tariff_revenue_pct_gdp', published: 0.82, decimals: 2 },
];

/** Tolerance of a cell: 0.01 pp for 2-decimal cells, half the last printed digit otherwise. */
export function tolerance(c: PaperCell): number {
  return c.decimals >= 2 ? 0.01 : 0.5 * 10 ** -c.decimals;
}
