/**
 * Human-readable output of results: a table of the indicators a model produced, for the
 * countries a scenario reports (or the largest welfare changes), honouring NO_COLOR.
 */
import Table from 'cli-table3';
import type { ModelResult, CountryResult } from '../model/result.ts';

const COLUMNS: [keyof CountryResult & string, string][] = [
  ['welfare_pct', 'welfare %'],
  ['real_income_pct', 'real income %'],
  ['real_gdp_pct', 'real GDP %'],
  ['terms_of_trade_pct', 'ToT'],
  ['volume_of_trade_pct', 'VoT'],
  ['real_wage_pct', 'real wage %'],
  ['prices_pct', 'prices %'],
  ['employment_pct', 'employment %'],
  ['deficit_pct', 'deficit %'],
  ['exports_pct', 'exports %'],
  ['imports_pct', 'imports %'],
  ['exports_gdp_pct', 'exports/GDP %'],
  ['imports_gdp_pct', 'imports/GDP %'],
  ['imports_from_partners_pct', 'imports from partners %'],
  ['tariff_revenue_pct_gdp', 'tariff rev. % GDP'],
];

/** Picks the rows to show: the named ones, else the 12 largest absolute welfare changes. */
function rowsToShow(r: ModelResult, named?: string[]): string[] {
  if (named?.length) return named;
  const all = Object.keys(r.countries);
  if (all.length <= 12) return all;
  return all
    .sort((a, b) => Math.abs(r.countries[b].welfare_pct ?? 0) - Math.abs(r.countries[a].welfare_pct ?? 0))
    .slice(0, 12);
}

function num(v: number | undefined, digits: number): string {
  if (v === undefined) return '';
  const s = v.toFixed(digits);
  return v > 0 && !s.startsWith('-') ? `+${s}` : s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

/** Formats a result table; `digits` decimals (2 by default, as published tables). */
export function formatResultTable(r: ModelResult, named?: string[], digits = 2): string {
  const rows = rowsToShow(r, named);
  const pick = (code: string): CountryResult | undefined => r.countries[code] ?? r.groups?.[code];
  const present = COLUMNS.filter(([k]) => rows.some((c) => pick(c)?.[k] !== undefined));
  const plain = Boolean(process.env.NO_COLOR) || !process.stdout.isTTY;
  const t = new Table({
    head: ['', ...present.map(([, h]) => h)],
    style: { head: plain ? [] : ['cyan'], border: plain ? [] : ['grey'], compact: true },
  });
  for (const c of rows) {
    const v = pick(c);
    if (!v) continue;
    t.push([c, ...present.map(([k]) => num(v[k], digits))]);
  }
  return t.toString();
}

/** One line about the solver. */
export function formatStatus(r: ModelResult): string {
  return (
    `${r.model} on ${r.dataset}: ${r.status} in ${r.iterations} iterations, residual ` +
    `${r.residual.toExponential(1)}, ${(r.seconds * 1000).toFixed(0)} ms`
  );
}
