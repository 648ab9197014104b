/**
 * Side-by-side comparison of two solve results: every indicator of every country, with the
 * difference b − a. Values a result lacks are null, never zero (scenario-format.md).
 */
import type { ModelResult } from '../model/result.ts';

/** Comparison of two results: indicator fields, per-country diffs, and countries only one has. */
export interface ResultComparison {
  fields: string[];
  countries: Record<string, Record<string, { a: number | null; b: number | null; diff: number | null }>>;
  only_in_a: string[];
  only_in_b: string[];
}

/**
 * Compares the countries of two results (rows in either; one-sided rows listed in only_in_*).
 *
 * @example
 * ```ts
 * compareResults(ra, rb).countries.USA.welfare_pct; // { a: -0.1, b: -0.3, diff: -0.2 }
 * ```
 */
export function compareResults(a: Pick<ModelResult, 'countries'>, b: Pick<ModelResult, 'countries'>): ResultComparison {
  const codes = [...new Set([...Object.keys(a.countries), ...Object.keys(b.countries)])];
  const fieldSet = new Set<string>();
  for (const r of [a, b]) for (const c of Object.values(r.countries)) for (const f of Object.keys(c)) fieldSet.add(f);
  const fields = [...fieldSet];
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const countries: ResultComparison['countries'] = {};
  for (const code of codes) {
    const row: ResultComparison['countries'][string] = {};
    for (const f of fields) {
      const va = num(a.countries[code]?.[f]);
      const vb = num(b.countries[code]?.[f]);
      row[f] = { a: va, b: vb, diff: va !== null && vb !== null ? vb - va : null };
    }
    countries[code] = row;
  }
  return {
    fields,
    countries,
    only_in_a: codes.filter((c) => !(c in b.countries)),
    only_in_b: codes.filter((c) => !(c in a.countries)),
  };
}
