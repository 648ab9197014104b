/** The 2025 report's step series as CSV (one row per step). */
import { toCsv } from '../data/csv.ts';
import { countryAt, horizons, type Report } from './build.ts';

/** A number, or an empty cell for what the model does not report. */
const cell = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : '');

/** CSV text: date, label, average tariffs, bilateral trade and welfare (short and long run). */
export function reportCsv(r: Report): string {
  const tradeKeys = [...new Set(r.steps.flatMap((s) => Object.keys(s.trade)))].sort();
  const head = [
    'date',
    'label',
    'source',
    'assumption',
    'talks',
    'us_on_chn_pct',
    'chn_on_us_pct',
    ...tradeKeys.flatMap((k) => [`${k}_short_pct`, `${k}_long_pct`]),
    ...r.countries.flatMap((c) => [`welfare_${c}_short_pct`, `welfare_${c}_long_pct`]),
    ...r.countries.flatMap((c) => [
      `real_gdp_${c}_short_pct`,
      `real_gdp_${c}_long_pct`,
      `cpi_${c}_short_pct`,
      `cpi_${c}_long_pct`,
      `tariff_revenue_${c}_short_bn`,
      `tariff_revenue_${c}_long_bn`,
      `avg_tariff_${c}_on_all_pct`,
    ]),
  ];
  const rows = r.steps.map((s) => [
    s.date,
    s.label,
    s.source,
    s.assumption ?? '',
    s.talks ? `${s.talks.venue}${s.talks.city ? `, ${s.talks.city}` : ''}` : '',
    s.tariffs['USA<-CHN'],
    s.tariffs['CHN<-USA'],
    ...tradeKeys.flatMap((k) => {
      const x = horizons(s, (h) => h.trade?.[k]);
      return [x.short, x.long].map(cell);
    }),
    ...r.countries.flatMap((c) => {
      const x = horizons(s, (h) => countryAt(h, c)?.welfare_pct);
      return [x.short, x.long];
    }),
    ...r.countries.flatMap((c) => {
      const gdp = horizons(s, (h) => countryAt(h, c)?.real_gdp_pct),
        cpi = horizons(s, (h) => countryAt(h, c)?.prices_pct);
      const revenue = horizons(s, (h) =>
        h.tariff_revenue?.[c] === undefined ? undefined : h.tariff_revenue[c] / 1000,
      );
      return [gdp.short, gdp.long, cpi.short, cpi.long, revenue.short, revenue.long, s.tariffs[`${c}<-*`]].map(cell);
    }),
  ]);
  return toCsv(head, rows);
}
