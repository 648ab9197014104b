/**
 * The critical-supply part of a solve's report (issue 12): the chain by region, the using sectors
 * and defence, stock-outs on the weekly clock, the σ sweep, and the model beside published figures
 * (docs/controls.md "Model vs published"). Plain text tables; nothing here is fitted.
 */
import type { GeModelResult } from '../model/registry.ts';
import { PUBLISHED_REE, type PublishedRow } from './publishedRee.ts';

const f = (v: number | undefined, d = 2) =>
  v === undefined || !Number.isFinite(v) ? '–' : `${v > 0 ? '+' : ''}${v.toFixed(d)}`;
const pad = (rows: string[][]) => {
  const w = rows[0].map((_, k) => Math.max(...rows.map((r) => (r[k] ?? '').length)));
  return rows.map((r) => r.map((c, k) => (k === 0 ? c.padEnd(w[k]) : c.padStart(w[k]))).join('  ')).join('\n');
};

/** The model side of each published comparison, from a solve of china-ree-licensing-2025.yaml (or a variant). */
function modelVsPublished(r: GeModelResult): { row: PublishedRow; model: string }[] {
  const inv = r.inventories;
  const us = inv?.average.USA;
  const sweep = r.sweep ?? [];
  const range = (key: string, region = 'USA') => {
    const v = sweep.map((x) => (x.average ?? x.measures)[region]?.[key]).filter((x): x is number => Number.isFinite(x));
    return v.length
      ? `${f(Math.min(...v))} … ${f(Math.max(...v))} (σ ${sweep[0].sigma}–${sweep[sweep.length - 1].sigma})`
      : '–';
  };
  const firstOut = (region: string, sector = 'MAG') =>
    inv?.stockouts.find((s) => s.region === region && s.sector === sector)?.date ?? 'never';
  const lostWeeks = (region: string, until: string) => {
    // Weeks of full vehicle output lost from the start to `until`: Σ over weeks of −c15_output_pct/100.
    if (!inv) return '–';
    const w = inv.path
      .filter((p) => p.date < until)
      .reduce((a, p) => a - (p.measures[region]?.c15_output_pct ?? 0) / 100, 0);
    return `${w.toFixed(2)} weeks`;
  };
  const ap = [...new Set((r.export_controls ?? []).map((c) => c.approval))];
  const approvals = ap.length ? `approval ${ap.map((x) => `${(100 * x).toFixed(0)}%`).join('/')}` : 'no controls';
  const model = (id: string): string => {
    switch (id) {
      case 'ecb-partial':
      case 'ecb-ban':
        return (
          `this run (${approvals}): US real GDP ${f(us?.real_gdp_pct)}%, real gross output ` +
          `${f(us?.real_output_pct)}% (${inv?.weeks ?? '–'}-week average, σ ` +
          `${r.elasticities?.critical_inputs?.elasticity}); sweep: GDP ${range('real_gdp_pct')}`
        );
      case 'ford':
        return (
          `US magnet stocks run out ${firstOut('USA')}; US vehicle output lost to 30 Jun: ` +
          `${lostWeeks('USA', '2025-06-30')} (to 30 Sep: ${lostWeeks('USA', '2025-09-30')})`
        );
      case 'suzuki':
        return (
          `Japan's magnet stocks run out ${firstOut('JPN')}; Japanese vehicle output ` +
          `lost to 30 Jun: ${lostWeeks('JPN', '2025-06-30')}`
        );
      case 'clepa':
        return (
          `EU magnet stocks run out: DEU ${firstOut('DEU')}, FRA ` +
          `${firstOut('FRA')}, ITA ${firstOut('ITA')}, EUR ${firstOut('EUR')}`
        );
      case 'magnet-exports':
        return (
          `China's magnet deliveries to every destination ` +
          `${f(r.export_controls?.find((c) => c.sector === 'MAG')?.quantity_pct, 1)}% (the approval rate ` +
          `is the input; not a test)`
        );
      case 'eu-price': {
        const mag = r.chain?.MAG;
        const ratio = r.chain
          ? ((1 + r.chain.MAG.DEU.price_pct / 100) / (1 + r.chain.MAG.CHN.price_pct / 100)).toFixed(1)
          : '–';
        const prices = `MAG price in DEU ${f(mag?.DEU?.price_pct, 0)}%, in China ${f(mag?.CHN?.price_pct, 1)}%`;
        return `${prices}: ratio ${ratio}×`;
      }
      default:
        return '–';
    }
  };
  return PUBLISHED_REE.map((row) => ({ row, model: model(row.id) }));
}

type Chain = NonNullable<GeModelResult['chain']>;
type Inventories = NonNullable<GeModelResult['inventories']>;

/** The chain by region: buyers' price, shortage and capacity rent of each stage. */
function chainLines(ch: Chain, regions: string[]): string[] {
  const chain = Object.keys(ch);
  return [
    "Critical chain (price: buyers' price index; shortage: baseline use not served; rent: capacity rent, million USD)",
    pad([
      ['region', ...chain.flatMap((c) => [`${c} price %`, `${c} short %`, `${c} rent`])],
      ...regions
        .filter((g) => ch[chain[0]][g])
        .map((g) => [
          g,
          ...chain.flatMap((c) => {
            const x = ch[c][g];
            return [f(x.price_pct, 1), x.shortage_pct.toFixed(1), x.capacity_rent ? x.capacity_rent.toFixed(0) : '–'];
          }),
        ]),
    ]),
  ];
}

/** The using sectors' real output by region (defence as stated shares). */
function userLines(users: NonNullable<GeModelResult['users']>, regions: string[]): string[] {
  const codes = Object.keys(users[regions[0]] ?? {});
  return [
    '',
    'Using sectors, real output % (defence read as stated shares of c31, c15, c14, c13: docs/controls.md)',
    pad([
      ['region', ...codes],
      ...regions.filter((g) => users[g]).map((g) => [g, ...codes.map((u) => f(users[g][u].real_output_pct, 3))]),
    ]),
  ];
}

/** Stocks on the weekly clock: each drawn stock's weeks held and stock-out date, and the averages over the path. */
function stockLines(inv: Inventories, regions: string[]): string[] {
  const rows = inv.stockouts.filter((s) => s.draw_pct_per_week > 0 && regions.includes(s.region));
  const avg = inv.average;
  return [
    '',
    `Stocks on the weekly clock, ${inv.start} to ${inv.end} (${inv.weeks} weeks); ` +
      `stock-out dates (IN-SAMPLE: stocks sized from the stoppage reports)`,
    pad([
      ['region:sector', 'weeks held', 'draw %/week', 'runs out'],
      ...rows.map((s) => [
        `${s.region}:${s.sector}`,
        s.weeks_of_stock.toFixed(0),
        s.draw_pct_per_week.toFixed(1),
        s.date ?? 'lasts',
      ]),
    ]),
    pad([
      ['average over the path', 'real GDP %', 'real income %', 'c15 output %', 'defence output %'],
      ...regions
        .filter((g) => avg[g])
        .map((g) => [
          g,
          f(avg[g].real_gdp_pct, 4),
          f(avg[g].real_income_pct, 4),
          f(avg[g].c15_output_pct, 3),
          f(avg[g].defence_output_pct, 3),
        ]),
    ]),
  ];
}

/** The σ sweep: the equilibrium after stocks run out and the average over the path, per σ. */
function sweepLines(sweep: NonNullable<GeModelResult['sweep']>, regions: string[]): string[] {
  const keyRegions = regions.filter((g) => sweep[0].measures[g]);
  return [
    '',
    'σ sweep (no point estimate exists; the default is a choice): ' +
      'equilibrium after stocks run out | average over the path',
    pad([
      ['σ', ...keyRegions.flatMap((g) => [`${g} GDP %`, `${g} c15 %`, `${g} avg GDP %`])],
      ...sweep.map((x) => [
        String(x.sigma),
        ...keyRegions.flatMap((g) => [
          f(x.measures[g]?.real_gdp_pct, 4),
          f(x.measures[g]?.c15_output_pct, 3),
          f(x.average?.[g]?.real_gdp_pct, 4),
        ]),
      ]),
    ]),
  ];
}

/** The critical-supply report, or '' when the result has no chain. */
export function formatCriticalSupply(
  r: GeModelResult,
  regions: string[] = ['USA', 'CHN', 'JPN', 'DEU', 'EUR'],
): string {
  if (!r.chain) return '';
  return [
    ...chainLines(r.chain, regions),
    ...(r.users ? userLines(r.users, regions) : []),
    ...(r.inventories ? stockLines(r.inventories, regions) : []),
    ...(r.sweep ? sweepLines(r.sweep, regions) : []),
    '',
    'Model vs published (compare, never tune; parameters: docs/controls.md)',
    pad([
      ['published', 'value', 'model'],
      ...modelVsPublished(r).map(({ row, model }) => [row.what, row.value, model]),
    ]),
  ].join('\n');
}
