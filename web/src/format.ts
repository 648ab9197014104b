/**
 * Number formats, colours and names shared by the views. Colours come from the one palette of app
 * and report (src/spec/palette.ts): Okabe–Ito for series, PuOr (orange = loss, purple = gain) for
 * diverging values; every series is also labelled directly, so colour is never the only cue.
 */

export {
  OKABE_ITO,
  GREY,
  regionColour,
  directionColour,
  LOSS,
  GAIN,
  DIVERGING_SCHEME,
  textColour as darker,
} from '../../src/spec/palette.ts';

/** "+1.23%" / "−0.40%" with a real minus sign. */
export function pct(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const s = Math.abs(x).toFixed(digits);
  if (Number(s) === 0) return `${(0).toFixed(digits)}%`;
  return `${x < 0 ? '−' : '+'}${s}%`;
}

/** A plain percentage level (tariff rates): "124.1%". */
export const level = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : `${x.toFixed(digits)}%`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "9 Apr 2025" from "2025-04-09". */
export function day(iso: string, year = true): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]}${year ? ` ${y}` : ''}`;
}

/** Date at noon UTC (no time-zone drift) of an ISO day. */
export const date = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** Short names of the multisector dataset's WIOD sectors and satellites (full names in the tooltips). */
export const SECTOR_SHORT: Record<string, string> = {
  c1: 'Agriculture',
  c2: 'Mining',
  c3: 'Food & drink',
  c4: 'Textiles',
  c5: 'Leather & footwear',
  c6: 'Wood',
  c7: 'Paper & printing',
  c8: 'Refined petroleum',
  c9: 'Chemicals',
  c10: 'Rubber & plastics',
  c11: 'Non-metallic minerals',
  c12: 'Metals',
  c13: 'Machinery',
  c14: 'Electrical & optical',
  c15: 'Transport equipment',
  c16: 'Other manufacturing',
  c17: 'Utilities',
  c18: 'Construction',
  c19: 'Motor trade',
  c20: 'Wholesale',
  c21: 'Retail',
  c22: 'Hotels & restaurants',
  c23: 'Inland transport',
  c24: 'Water transport',
  c25: 'Air transport',
  c26: 'Transport services',
  c27: 'Post & telecoms',
  c28: 'Finance',
  c29: 'Real estate',
  c30: 'Business services',
  c31: 'Public administration',
  c32: 'Education',
  c33: 'Health',
  c34: 'Other services',
  c35: 'Households as employers',
  REE: 'Rare earths & magnets',
  SEMI: 'Semiconductors',
};

export const sectorName = (code: string, long?: string) => SECTOR_SHORT[code] ?? long ?? code;

/** Indicator labels of country results. */
export const INDICATORS: Record<string, string> = {
  welfare_pct: 'Welfare',
  real_income_pct: 'Real income',
  real_gdp_pct: 'Real GDP',
  real_wage_pct: 'Real wage',
  terms_of_trade_pct: 'Terms of trade',
  volume_of_trade_pct: 'Volume of trade',
  prices_pct: 'Prices',
  exports_pct: 'Exports',
  imports_pct: 'Imports',
  employment_pct: 'Employment',
  deficit_pct: 'Deficit',
  tariff_revenue_pct_gdp: 'Tariff revenue (% of GDP)',
};
